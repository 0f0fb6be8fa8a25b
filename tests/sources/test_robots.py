"""robots.txt read as RFC 9309 reads it, against real loopback servers: `*` and `$` in paths,
and the longest matching rule deciding between Allow and Disallow."""

from __future__ import annotations

import pytest

from sources.fetching import FetchError, fetch, robots_allow
from tests.sources.httpservers import page

HTML = b"<!doctype html><html><head><title>Page</title></head><body><p>Text.</p></body></html>"


@pytest.fixture
def site(web, settings):
    """A loopback site serving `robots` and a page at every path asked for."""
    settings.SOURCES_RESPECT_ROBOTS = True

    def start(robots: bytes, paths: list[str]):
        routes = {"/robots.txt": page(robots, "text/plain")}
        routes.update({path.split("?")[0]: page(HTML) for path in paths})
        return web(routes)

    return start


def _allowed(server, path: str) -> bool:
    try:
        fetch(server.url(path))
    except FetchError as error:
        assert error.code == "robots_disallowed", error
        return False
    return True


def _verdicts(server, paths: list[str]) -> dict[str, bool]:
    return {path: _allowed(server, path) for path in paths}


def _pages_requested(server) -> list[str]:
    return [path for path in server.paths() if path != "/robots.txt"]


def test_a_wildcard_with_an_end_anchor_refuses_only_urls_ending_so(site):
    paths = ["/files/report.pdf", "/a/b/c.pdf", "/files/report.pdf?page=2", "/report.pdfx"]
    server = site(b"User-agent: *\nDisallow: /*.pdf$\n", paths)

    assert _verdicts(server, paths) == {
        "/files/report.pdf": False,
        "/a/b/c.pdf": False,
        "/files/report.pdf?page=2": True,  # the URL goes on past ".pdf"
        "/report.pdfx": True,
    }
    assert _pages_requested(server) == ["/files/report.pdf?page=2", "/report.pdfx"]


def test_a_trailing_wildcard_refuses_every_path_with_that_prefix(site):
    paths = ["/private", "/private/notes", "/private-files/a", "/privateer", "/public", "/p"]
    server = site(b"User-agent: *\nDisallow: /private*\n", paths)

    assert _verdicts(server, paths) == {
        "/private": False,
        "/private/notes": False,
        "/private-files/a": False,
        "/privateer": False,
        "/public": True,
        "/p": True,
    }


def test_an_end_anchor_refuses_the_exact_path_only(site):
    paths = ["/archive", "/archive/2024", "/archive?year=2024", "/archives"]
    server = site(b"User-agent: *\nDisallow: /archive$\n", paths)

    assert _verdicts(server, paths) == {
        "/archive": False,
        "/archive/2024": True,
        "/archive?year=2024": True,
        "/archives": True,
    }


def test_the_longest_match_lets_an_allowed_section_through_a_site_wide_disallow(site):
    paths = ["/news/story", "/news/", "/other", "/", "/news"]
    # Disallow first: a first-match reader (the standard library's) refuses everything.
    server = site(b"User-agent: *\nDisallow: /\nAllow: /news/\n", paths)

    assert _verdicts(server, paths) == {
        "/news/story": True,
        "/news/": True,
        "/other": False,
        "/": False,
        "/news": False,  # "/news/" is not a prefix of "/news"
    }
    assert _pages_requested(server) == ["/news/story", "/news/"]


def test_our_own_group_wins_over_the_catch_all(site):
    paths = ["/reports/1", "/drafts/1"]
    robots = (
        b"User-agent: *\nDisallow: /reports/\n\n"
        b"User-agent: ClaimTracker\nAllow: /reports/\nDisallow: /drafts/\n"
    )
    server = site(robots, paths)

    assert _verdicts(server, paths) == {"/reports/1": True, "/drafts/1": False}


def test_rules_are_matched_by_product_token_not_by_words_in_the_contact_url():
    # Our user agent is "claimtracker/1.0 (+https://github.com/...)": a group for a crawler
    # named "github" is not ours.
    robots = "User-agent: github\nDisallow: /\n"

    assert robots_allow(robots, "https://example.org/page", "claimtracker")
    assert not robots_allow(robots, "https://example.org/page", "github")


def test_percent_encoding_is_compared_decoded(site):
    paths = ["/caf%C3%A9/menu", "/other"]
    server = site("User-agent: *\nDisallow: /café/\n".encode(), paths)

    assert _verdicts(server, paths) == {"/caf%C3%A9/menu": False, "/other": True}
