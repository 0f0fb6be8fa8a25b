"""Which failures block a source for good and which are retried: only a definite answer about
the page (here: a page with no article text) blocks it; a worker's time or memory limit, a
database error or an extractor bug never does."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from celery.exceptions import Retry, SoftTimeLimitExceeded, TimeLimitExceeded
from django.db import OperationalError
from django.utils import timezone

from claims.extraction import InputError, read_html
from sources.models import Snapshot, Source
from sources.refresh import source_fetch
from sources.tasks import fetch_source
from sources.text import NoText
from tests.sources.httpservers import page

pytestmark = pytest.mark.django_db

ARTICLE = (
    b"<html><head><title>Harbour figures</title></head><body><article>"
    b"<h1>Harbour figures</h1>"
    b"<p>The port authority said that 1,400 vessels called at the harbour in 2023, "
    b"nine percent more than in the year before.</p>"
    b"<p>Cargo volumes rose to 2.1 million tonnes, the highest level since 2008.</p>"
    b"</article></body></html>"
)
MENUS_ONLY = (
    b"<html><head><title>Menu</title></head><body><nav><a href='/a'>Home</a> "
    b"<a href='/b'>About</a></nav></body></html>"
)

# What the text extractor raises (see SOURCES_TEXT_EXTRACTOR below); each test sets it.
RAISE: list[BaseException] = []


def raising_extractor(body: bytes, **kwargs: object) -> None:
    raise RAISE[0]


def slow_no_text_extractor(body: bytes, **kwargs: object) -> None:
    """As trafilatura behaves when a soft time limit fires inside one of its own
    `except Exception` blocks: it returns nothing, and the page reads as having no text."""
    time.sleep(0.6)
    raise NoText("The HTML contains no article text (only menus, links or boilerplate).")


@pytest.fixture
def extractor(settings):
    def use(name: str, error: BaseException | None = None) -> None:
        RAISE[:] = [error] if error is not None else []
        settings.SOURCES_TEXT_EXTRACTOR = f"tests.sources.test_failures.{name}"

    return use


def _source(url: str, **fields: object) -> Source:
    return Source.objects.create(
        kind=Source.Kind.EVIDENCE, url=url, refresh_tier=Source.Tier.EVIDENCE, **fields
    )


def _assert_due_again_later(source: Source) -> None:
    now = timezone.now()
    assert source.status != Source.Status.BLOCKED
    assert source.next_check_at is not None and source.next_check_at > now
    assert not Source.objects.due(now).filter(pk=source.pk).exists()
    # The first failure backs off by SOURCES_BACKOFF_BASE_SECONDS (600 s, with jitter).
    assert Source.objects.due(now + timedelta(hours=1)).filter(pk=source.pk).exists()


def test_a_soft_time_limit_inside_the_html_parser_is_retried_not_blocked(web, monkeypatch):
    # The real extractor (claims' reader, the default SOURCES_TEXT_EXTRACTOR): the worker's
    # soft time limit fires while trafilatura parses, as billiard's signal handler raises it.
    def parse_until_the_limit(*args: object, **kwargs: object) -> None:
        raise SoftTimeLimitExceeded()

    server = web({"/harbour": page(ARTICLE)})
    source = _source(server.url("/harbour"))
    monkeypatch.setattr("trafilatura.bare_extraction", parse_until_the_limit)

    assert fetch_source.delay(source.pk).get() == "failed"

    source.refresh_from_db()
    assert source.status == Source.Status.PENDING, "nothing was learnt about the page"
    assert source.consecutive_failures == 1 and source.last_error.startswith("time_limit:")
    assert not source.snapshots.exists()
    _assert_due_again_later(source)

    # When it is read again without running out of time, it is archived as usual.
    monkeypatch.undo()
    assert source_fetch(source_id=source.pk).outcome == "new_snapshot"
    source.refresh_from_db()
    assert source.status == Source.Status.OK and source.consecutive_failures == 0


@pytest.mark.parametrize(
    "limit",
    [SoftTimeLimitExceeded(), TimeLimitExceeded(300), MemoryError()],
    ids=["soft-time-limit", "time-limit", "memory"],
)
def test_a_worker_limit_while_reading_keeps_an_ok_source_ok(web, extractor, limit):
    routes = {"/harbour": page(ARTICLE)}
    server = web(routes)
    source = _source(server.url("/harbour"))
    assert source_fetch(source_id=source.pk).outcome == "new_snapshot"
    routes["/harbour"] = page(ARTICLE.replace(b"1,400", b"1,500"))  # new bytes: read again
    extractor("raising_extractor", limit)

    outcome = source_fetch(source_id=source.pk)

    assert outcome.outcome == "failed"
    source.refresh_from_db()
    assert source.status == Source.Status.OK and source.consecutive_failures == 1
    expected = "out_of_memory" if isinstance(limit, MemoryError) else "time_limit"
    assert source.last_error.startswith(f"{expected}:")
    assert Snapshot.objects.filter(source=source).count() == 1
    _assert_due_again_later(source)


def test_a_no_text_answer_after_the_soft_time_limit_is_not_trusted(web, extractor, monkeypatch):
    # trafilatura catches Exception around its parsers and fallbacks, so a time limit firing
    # there comes back as "no text". The task knows when its limit fires and distrusts it.
    server = web({"/harbour": page(ARTICLE)})
    source = _source(server.url("/harbour"))
    extractor("slow_no_text_extractor")
    monkeypatch.setattr(fetch_source, "soft_time_limit", 1.5)  # 1 s of margin: 0.5 s left

    assert fetch_source.delay(source.pk).get() == "failed"

    source.refresh_from_db()
    assert source.status == Source.Status.PENDING
    assert source.last_error.startswith("time_limit:")
    _assert_due_again_later(source)


def test_a_page_with_no_article_text_is_blocked(web):
    server = web({"/menu": page(MENUS_ONLY)})
    source = _source(server.url("/menu"))

    assert fetch_source.delay(source.pk).get() == "blocked"

    source.refresh_from_db()
    assert source.status == Source.Status.BLOCKED and source.next_check_at is None
    assert source.last_error.startswith("no_text:")


def test_a_database_error_while_reading_is_retried_by_the_task_not_recorded(web, extractor):
    server = web({"/harbour": page(ARTICLE)})
    source = _source(server.url("/harbour"))
    extractor("raising_extractor", OperationalError("server closed the connection unexpectedly"))

    with pytest.raises(OperationalError):
        source_fetch(source_id=source.pk)  # nothing can be recorded: it propagates
    with pytest.raises(Retry):
        fetch_source.delay(source.pk)  # and the task asks the broker to run it again

    source.refresh_from_db()
    assert source.status == Source.Status.PENDING and source.consecutive_failures == 0
    assert source.last_error == ""


def test_an_extractor_bug_is_retried_with_backoff_not_blocked(web, extractor):
    server = web({"/harbour": page(ARTICLE)})
    source = _source(server.url("/harbour"))
    extractor("raising_extractor", AttributeError("'NoneType' object has no attribute 'text'"))

    assert source_fetch(source_id=source.pk).outcome == "failed"

    source.refresh_from_db()
    assert source.status == Source.Status.PENDING
    assert (
        source.last_error.startswith("extractor_failed:") and "AttributeError" in source.last_error
    )
    _assert_due_again_later(source)


def test_read_html_lets_a_time_limit_through(monkeypatch):
    def parse_until_the_limit(*args: object, **kwargs: object) -> None:
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("trafilatura.bare_extraction", parse_until_the_limit)

    with pytest.raises(SoftTimeLimitExceeded):
        read_html(ARTICLE)


def test_read_html_still_reports_markup_it_cannot_parse(monkeypatch):
    from lxml import etree

    def broken_markup(*args: object, **kwargs: object) -> None:
        raise etree.ParserError("Document is empty")

    monkeypatch.setattr("trafilatura.bare_extraction", broken_markup)

    with pytest.raises(InputError, match="could not be parsed"):
        read_html(ARTICLE)
