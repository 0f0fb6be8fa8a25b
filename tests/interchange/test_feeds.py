"""Feeds to follow: edited by editors in the desk, imported every hour by the workers, each
feed's outcome recorded, and one bad feed never stopping the others. The desk's list of
imported reviews is read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages

from claims import tasks
from claims.external_models import ClaimReviewFeed, ExternalReview
from claims.interchange import services
from tests.sources.httpservers import page

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "claimreview"
FEEDS = "/admin/claims/claimreviewfeed/"
REVIEWS = "/admin/claims/externalreview/"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def feed_server(web):
    return web(
        {
            "/newtral.json": page(
                fixture_bytes("newtral_fakes_index_raw.json"), "application/json"
            ),
            "/datacommons.json": page(fixture_bytes("data_commons_raw.json"), "application/json"),
            "/not-a-feed": page(b"Nothing to read here.", "text/html"),
        }
    )


def test_the_beat_schedule_imports_the_feeds_hourly():
    entry = django_settings.CELERY_BEAT_SCHEDULE["claims.import_claimreview_feeds"]
    assert entry == {"task": "claims.import_claimreview_feeds", "schedule": 3600.0}


def test_the_scheduled_import_records_each_feed_and_survives_bad_ones(feed_server, monkeypatch):
    good = ClaimReviewFeed.objects.create(url=feed_server.url("/newtral.json"), name="Newtral")
    gone = ClaimReviewFeed.objects.create(url=feed_server.url("/gone.json"), name="Gone")
    unreadable = ClaimReviewFeed.objects.create(url=feed_server.url("/not-a-feed"), name="Junk")
    refused = ClaimReviewFeed.objects.create(url="http://127.0.0.1:9/feed", name="Port 9")
    crashing = ClaimReviewFeed.objects.create(
        url=feed_server.url("/datacommons.json"), name="Crash"
    )
    disabled = ClaimReviewFeed.objects.create(
        url=feed_server.url("/datacommons.json?x=1"), name="Off", enabled=False
    )
    real_store = services.external_reviews_store

    def store(*, feed=None, **kwargs):
        if feed is not None and feed.name == "Crash":
            raise ValueError("a bug in storing")
        return real_store(feed=feed, **kwargs)

    monkeypatch.setattr(services, "external_reviews_store", store)

    assert tasks.import_claimreview_feeds.delay().get() == 5

    for feed in (good, gone, unreadable, refused, crashing, disabled):
        feed.refresh_from_db()
    assert (good.last_status, good.last_error) == ("ok", "")
    assert good.last_result == {"imported": 15, "updated": 0, "skipped": 0, "skipped_first": []}
    assert ExternalReview.objects.filter(feed=good).count() == 15
    assert gone.last_status == "failed" and "answered HTTP 404" in gone.last_error
    assert unreadable.last_status == "failed" and "neither JSON nor HTML" in unreadable.last_error
    assert refused.last_status == "failed" and "port 9" in refused.last_error
    assert crashing.last_status == "failed" and "a bug in storing" in crashing.last_error
    assert all(
        feed.last_import_at is not None for feed in (good, gone, unreadable, refused, crashing)
    )
    assert disabled.last_import_at is None and disabled.last_status == ""
    assert ExternalReview.objects.count() == 15

    # The next run updates the same rows; a failure keeps the last good counts.
    assert tasks.import_claimreview_feed.delay(good.pk).get() == "ok"
    good.refresh_from_db()
    assert good.last_result["updated"] == 15
    assert ExternalReview.objects.count() == 15


def test_a_feed_removed_meanwhile_is_nothing_to_do():
    assert tasks.import_claimreview_feed.delay(987654).get() == "gone"


# --- The desk ------------------------------------------------------------------------------


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_desk_lists_reviews_and_feeds(desk, researcher):
    index = desk(researcher).get("/admin/").content.decode()
    assert REVIEWS in index and FEEDS in index
    assert "Feeds to follow" in index


def test_an_editor_adds_edits_and_imports_a_feed(desk, editor, feed_server):
    client = desk(editor)
    response = client.post(
        f"{FEEDS}add/",
        {"url": feed_server.url("/datacommons.json"), "name": "DataCommons", "enabled": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    feed = ClaimReviewFeed.objects.get()
    response = client.post(
        FEEDS, {"action": "import_now", ACTION_CHECKBOX_NAME: [feed.pk], "index": 0}
    )
    assert response.status_code == 302
    assert messages_of(response)[-1] == "DataCommons: 1 imported, 0 updated, 0 skipped."
    feed.refresh_from_db()
    assert feed.last_status == "ok"
    assert ExternalReview.objects.get().feed == feed
    listing = client.get(FEEDS).content.decode()
    assert "1 imported, 0 updated, 0 skipped" in listing
    response = client.post(
        f"{FEEDS}{feed.pk}/change/", {"url": feed.url, "name": "DataCommons", "enabled": ""}
    )
    assert response.status_code == 302
    feed.refresh_from_db()
    assert feed.enabled is False


def test_a_feed_address_without_scheme_is_read_as_https(desk, editor):
    response = desk(editor).post(
        f"{FEEDS}add/", {"url": "www.factchecker.example/feed.json", "name": "", "enabled": "on"}
    )
    assert response.status_code == 302
    assert ClaimReviewFeed.objects.get().url == "https://www.factchecker.example/feed.json"


def test_a_researcher_sees_the_feeds_but_cannot_change_them(desk, researcher):
    feed = ClaimReviewFeed.objects.create(url="https://checks.example/feed.json", name="Checks")
    client = desk(researcher)
    assert client.get(FEEDS).status_code == 200
    assert client.get(f"{FEEDS}add/").status_code == 403
    response = client.post(
        f"{FEEDS}{feed.pk}/change/", {"url": feed.url, "name": "Renamed", "enabled": "on"}
    )
    assert response.status_code == 403
    assert client.get(f"{FEEDS}{feed.pk}/delete/").status_code == 403
    response = client.post(
        FEEDS, {"action": "import_now", ACTION_CHECKBOX_NAME: [feed.pk], "index": 0}
    )
    feed.refresh_from_db()
    assert feed.name == "Checks" and feed.last_import_at is None


def test_the_reviews_are_listed_searchable_and_read_only(desk, researcher, editor):
    services.claimreview_import(path=str(FIXTURES / "africa_check_raw_old.json"))
    services.claimreview_import(path=str(FIXTURES / "tfc_taiwan_raw.json"))
    review = ExternalReview.objects.get(publisher_name="Africa Check")
    taiwan = ExternalReview.objects.get(language="zh-Hant")
    client = desk(researcher)
    listing = client.get(REVIEWS).content.decode()
    assert "Africa Check" in listing and "台灣事實查核中心" in listing
    assert "Incorrect (False)" in listing and review.url in listing
    found = client.get(REVIEWS, {"q": "intimate partner"}).content.decode()
    assert review.url in found and taiwan.url not in found
    by_language = client.get(REVIEWS, {"language": "zh-Hant"}).content.decode()
    assert taiwan.url in by_language and review.url not in by_language
    by_rating = client.get(REVIEWS, {"rating": "false"}).content.decode()
    assert taiwan.url in by_rating and review.url in by_rating
    assert review.url not in client.get(REVIEWS, {"rating": "none"}).content.decode()
    detail = client.get(f"{REVIEWS}{review.pk}/change/")
    assert detail.status_code == 200
    assert "Original JSON" in detail.content.decode()
    for client in (desk(researcher), desk(editor)):
        assert client.get(f"{REVIEWS}add/").status_code == 403
        assert client.post(f"{REVIEWS}{review.pk}/change/", {"rating": "true"}).status_code == 403
        assert client.get(f"{REVIEWS}{review.pk}/delete/").status_code == 403
    review.refresh_from_db()
    assert review.rating == "false"
