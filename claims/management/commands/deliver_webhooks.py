"""`manage.py deliver_webhooks [--max-seconds S]`: send the webhook deliveries that are due.

The same work the beat schedule's `claims.deliver_webhooks` task does every minute: first
attempts not yet made, and retries whose time has come (the schedule lives in the database).
Without a broker (`make run`), retries wait for this command. Prints one summary line.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from claims.services import webhook_delivery


class Command(BaseCommand):
    help = "Send the webhook deliveries that are due (first attempts and retries)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--max-seconds",
            type=float,
            default=None,
            help="Start no new batch after this long (default WEBHOOKS_SWEEP_SECONDS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = webhook_delivery.webhooks_deliver(max_seconds=options["max_seconds"])
        line = (
            f"{report.attempted} attempted: {report.delivered} delivered, "
            f"{report.retrying} to retry, {report.failed} failed"
        )
        if report.disabled_endpoints:
            ids = ", ".join(str(pk) for pk in report.disabled_endpoints)
            line += f"; endpoint(s) disabled: {ids}"
        self.stdout.write(line)
