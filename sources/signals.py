"""What `sources` tells the world. Sent inside the transaction that stored the change, so a
receiver's writes commit (or roll back) together with it. `claims` listens (claims/receivers.py).

A refresh commits snapshot_stored's transaction without waiting for the disk (see
sources.rows.lazy_commit_prefix): a receiver whose writes start something outside the database
calls sources.rows.commit_durably() first."""

from django.dispatch import Signal

# A fetch stored a new snapshot. kwargs: source, snapshot, previous (the snapshot before, or None
# for a source's first snapshot).
snapshot_stored = Signal()

# A source has answered 404/410 on SOURCES_GONE_AFTER checks in a row. kwargs: source,
# last_snapshot (the last content it had, or None).
source_gone = Signal()
