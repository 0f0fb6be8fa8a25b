"""robots.txt: whether a site lets us fetch a page, read as RFC 9309 reads it.

The file is fetched through the same checked path as any page (the session passes itself in as
`read_robots_txt`) and only parsed by protego: `*` and `$` in paths, the longest matching rule
wins, Allow over Disallow on a tie. Answers are cached per origin in Django's cache.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from django.core.cache import cache
from protego import Protego

from sources.conf import SourcesSettings
from sources.fetching.policy import IPAddress, Target
from sources.fetching.results import FetchError, FetchResult
from sources.fetching.slots import cache_key

logger = logging.getLogger(__name__)

# RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; rules past the cap are dropped.
ROBOTS_MAX_BYTES = 512 * 1024
# A failing robots.txt must not block a site for an hour, nor be re-requested before every page.
ROBOTS_RETRY_SECONDS = 60
# What the session asks for when it reads robots.txt.
ROBOTS_ACCEPT = "text/plain, */*;q=0.5"

# Reads `{origin}/robots.txt` through the fetcher, reusing the page hop's checked addresses.
RobotsReader = Callable[[str, list[IPAddress]], FetchResult]


@functools.lru_cache(maxsize=32)  # at most 32 x ROBOTS_MAX_BYTES of text held per process
def _robots_parser(rules: str) -> Protego:
    """robots.txt parsed once per process and text: every page of a site asks the same rules.
    (can_fetch() only memoizes which group matches an agent, the same answer in any thread.)"""
    return Protego.parse(rules)


def robots_allow(rules: str, url: str, agent: str) -> bool:
    """Whether robots.txt text `rules` lets the crawler whose product token is `agent` fetch
    `url`, as RFC 9309 reads it: the most specific (longest) matching rule decides, Allow wins
    a tie, `*` matches any run of characters and a final `$` anchors the end of the URL."""
    return _robots_parser(rules).can_fetch(url, agent)


def robots_permit(
    target: Target,
    addresses: list[IPAddress],
    *,
    config: SourcesSettings,
    read_robots_txt: RobotsReader,
) -> bool:
    """Whether the site's robots.txt (cached, or read now) lets us fetch this hop."""
    key = cache_key("robots", target.origin)
    rules = cache.get(key)
    if rules is None:
        rules, seconds = _robots_rules(target, addresses, config, read_robots_txt)
        cache.set(key, rules, timeout=seconds)
    # The path and query exactly as they go on the wire, not the URL as written.
    return robots_allow(rules, target.origin + target.request_path, config.robots_agent)


def _robots_rules(
    target: Target,
    addresses: list[IPAddress],
    config: SourcesSettings,
    read_robots_txt: RobotsReader,
) -> tuple[str, int]:
    """robots.txt's text and how long to cache it; "" (no rules) when there is none."""
    retry_seconds = min(ROBOTS_RETRY_SECONDS, config.robots_cache_seconds)
    try:
        result = read_robots_txt(f"{target.origin}/robots.txt", addresses)
    except FetchError as error:
        logger.info("robots.txt of %s unavailable, allowing: %s", target.origin, error)
        return "", retry_seconds
    if 200 <= result.status < 300:
        text = result.body.decode("utf-8-sig", errors="replace")
        return text, config.robots_cache_seconds
    if 400 <= result.status < 500 and result.status != 429:
        # RFC 9309 2.3.1.3: an unavailable robots.txt (404, 410, even 401/403) means no rules.
        return "", config.robots_cache_seconds
    logger.info("robots.txt of %s answered %s, allowing", target.origin, result.status)
    return "", retry_seconds
