"""Sources on the desk: fetch status, the read-only archive, diffs, and "refresh now"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from sources.admin import diff_units, side_by_side
from sources.models import Snapshot, Source
from tests.factories import SnapshotFactory, SourceFactory

pytestmark = pytest.mark.django_db

OLD_TEXT = (
    "The council met on Monday. It approved the budget of 12 million euros.\n\n"
    "The mayor was absent. Critics called the vote rushed.\n\n"
    "One. Two. Three. Four. Five. Six."
)
NEW_TEXT = (
    "The council met on Monday. It approved the budget of 14 million euros.\n\n"
    "Critics called the vote rushed. The opposition will appeal.\n\n"
    "One. Two. Three. Four. Five. Six."
)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def refresh_calls(monkeypatch):
    calls: list[list[int]] = []

    def fake_refresh_now(*, source_ids):
        calls.append(list(source_ids))
        return len(calls[-1])

    monkeypatch.setattr("sources.services.source_refresh_now", fake_refresh_now)
    return calls


@pytest.fixture
def changed_source():
    now = timezone.now()
    source = SourceFactory(
        kind="evidence",
        status=Source.Status.OK,
        http_status=200,
        last_checked_at=now,
        next_check_at=now + timedelta(days=7),
    )
    old = SnapshotFactory(source=source, text=OLD_TEXT, fetched_at=now - timedelta(days=2))
    new = SnapshotFactory(source=source, text=NEW_TEXT, fetched_at=now - timedelta(days=1))
    return source, old, new


def test_units_are_sentences_line_by_line():
    assert diff_units("A b. C d?\n\nE “f.” G\n") == ["A b.", "C d?", "E “f.”", "G"]


def test_side_by_side_pairs_changes_and_folds_unchanged_runs():
    diff = side_by_side(OLD_TEXT, NEW_TEXT, context=1)
    kinds = [row.kind for row in diff.rows]
    assert (diff.changed, diff.added, diff.removed) == (1, 1, 1)
    changed = next(row for row in diff.rows if row.kind == "changed")
    assert "<del>12</del>" in changed.left and "<ins>14</ins>" in changed.right
    assert next(row for row in diff.rows if row.kind == "removed").left == "The mayor was absent."
    assert next(row for row in diff.rows if row.kind == "added").right == (
        "The opposition will appeal."
    )
    assert kinds[-1] == "folded"  # the six unchanged sentences at the end, after one of context
    assert diff.rows[-1].folded == 5


def test_side_by_side_escapes_the_text():
    diff = side_by_side("Safe.", "<script>alert(1)</script>.")
    html = "".join(str(row.left) + str(row.right) for row in diff.rows)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_identical_texts_have_no_differences():
    assert side_by_side(OLD_TEXT, OLD_TEXT).identical


def test_source_list_shows_fetch_status(client, editor):
    SourceFactory(
        kind="evidence",
        status=Source.Status.UNREACHABLE,
        http_status=503,
        consecutive_failures=3,
        last_error="HTTP 503 from the server; retrying later.",
    )
    client.force_login(editor)
    html = client.get("/admin/sources/source/").content.decode()
    assert "Unreachable" in html
    assert "503" in html
    assert "HTTP 503 from the server" in html
    assert '<td class="field-consecutive_failures">3</td>' in html


def test_source_page_is_read_only_with_snapshots_and_refresh(client, editor, changed_source):
    source, old, new = changed_source
    client.force_login(editor)
    response = client.get(reverse("admin:sources_source_change", args=[source.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="_save"' not in html  # nothing to save: the fetcher writes sources
    assert reverse("admin:sources_source_refresh", args=[source.pk]) in html
    assert f'name="a" value="{old.pk}"' in html and f'name="b" value="{new.pk}"' in html
    assert reverse("admin:sources_snapshot_change", args=[old.pk]) in html
    assert (response.context["diff_a"], response.context["diff_b"]) == (old.pk, new.pk)

    response = client.post(
        reverse("admin:sources_source_change", args=[source.pk]), {"title": "Changed"}
    )
    assert response.status_code == 403
    source.refresh_from_db()
    assert source.title != "Changed"


def test_diff_view_shows_the_two_snapshots_side_by_side(client, editor, changed_source):
    source, old, new = changed_source
    client.force_login(editor)
    url = reverse("admin:sources_source_diff", args=[source.pk])

    response = client.get(url, {"a": new.pk, "b": old.pk})  # picked the other way round

    assert response.status_code == 200
    assert (response.context["old"], response.context["new"]) == (old, new)
    html = response.content.decode()
    assert "<del>12</del>" in html and "<ins>14</ins>" in html
    assert "The opposition will appeal." in html
    assert "1 changed" in html and "1 added" in html and "1 removed" in html
    assert client.get(url).context["new"] == new  # the two newest by default


def test_diff_view_refuses_a_snapshot_of_another_source(client, editor, changed_source):
    source, old, _ = changed_source
    stranger = SnapshotFactory()
    client.force_login(editor)
    url = reverse("admin:sources_source_diff", args=[source.pk])
    assert client.get(url, {"a": old.pk, "b": stranger.pk}).status_code == 404
    assert client.get(url, {"a": "x"}).status_code == 404


def test_diff_view_needs_two_snapshots(client, editor):
    source = SnapshotFactory().source
    client.force_login(editor)
    response = client.get(reverse("admin:sources_source_diff", args=[source.pk]))
    assert response.status_code == 302
    assert messages_of(response) == [
        "This source has fewer than two snapshots: nothing to compare."
    ]


def test_refresh_now_button_schedules_the_source(client, researcher, refresh_calls):
    source = SourceFactory(kind="evidence")
    client.force_login(researcher)
    url = reverse("admin:sources_source_refresh", args=[source.pk])

    assert client.get(url).status_code == 405
    response = client.post(url)

    assert response.status_code == 302
    assert refresh_calls == [[source.pk]]
    assert messages_of(response)[0].startswith("1 source scheduled for a refresh")


def test_refresh_now_reports_sources_it_cannot_fetch(client, editor, monkeypatch):
    monkeypatch.setattr("sources.services.source_refresh_now", lambda *, source_ids: 0)
    source = SourceFactory(kind="evidence", status=Source.Status.BLOCKED)
    client.force_login(editor)
    response = client.post(reverse("admin:sources_source_refresh", args=[source.pk]))
    assert "1 not scheduled: blocked sources" in messages_of(response)[0]


def test_refresh_now_bulk_action(client, editor, refresh_calls):
    sources = [SourceFactory(kind="evidence"), SourceFactory(kind="evidence")]
    client.force_login(editor)
    response = client.post(
        "/admin/sources/source/",
        {"action": "refresh_now", ACTION_CHECKBOX_NAME: [s.pk for s in sources], "index": 0},
    )
    assert response.status_code == 302
    assert sorted(refresh_calls[0]) == sorted(s.pk for s in sources)


def test_snapshots_stay_read_only(client, editor):
    snapshot = SnapshotFactory()
    client.force_login(editor)
    url = reverse("admin:sources_snapshot_change", args=[snapshot.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "rewritten"}).status_code == 403
    assert client.get(reverse("admin:sources_snapshot_add")).status_code == 403
    assert Snapshot.objects.get(pk=snapshot.pk).text == snapshot.text


def test_api_clients_cannot_reach_sources(client, api_client_user):
    api_client_user.is_staff = True
    api_client_user.save()
    client.force_login(api_client_user)
    assert client.get("/admin/sources/source/").status_code == 302


@pytest.mark.parametrize("role", ["researcher", "editor"])
def test_desk_roles_may_refresh_sources(role):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=role)
    assert group.permissions.filter(
        content_type__app_label="sources", codename="refresh_source"
    ).exists()
