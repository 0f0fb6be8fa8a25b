"""Every setting of the sources app, declared once: its name, type, default and meaning.

Code reads them through `get()`, which builds a `SourcesSettings` from django.conf.settings at
call time (tests change settings with pytest-django's `settings` fixture) and never reads
`getattr(settings, "SOURCES_...", default)` itself. `from_environ()` is what config/settings.py
uses to turn environment variables into settings: it parses the variables it maps with the same
parsers, so a bad value stops start-up with the variable's name.

The Django setting of a field is SOURCES_ plus its upper-cased name (`max_bytes` is
SOURCES_MAX_BYTES). A setting may hold the Python value or the string the environment gives:
lists may be comma-separated strings and booleans the strings true/false; anything else raises
ImproperlyConfigured naming the setting.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]+")
# Replaced by SOURCES_CONTACT_URL in SOURCES_USER_AGENT.
CONTACT_PLACEHOLDER = "{SOURCES_CONTACT_URL}"


# --- Parsers: a setting's value (Python or environment string) to the field's type -----------


def parse_bool(name: str, value: Any) -> bool:
    # A string from the environment: bool("false") would be True, which for
    # SOURCES_ALLOW_PRIVATE_NETWORKS would open the address check.
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use true or false.")
    return bool(value)


def _number(name: str, value: Any, kind: type[int] | type[float]) -> Any:
    try:
        number = kind(value)
    except (TypeError, ValueError) as exc:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number.") from exc
    if number < 0:
        raise ImproperlyConfigured(f"{name}={value!r} is negative: give zero or more.")
    return number


def parse_int(name: str, value: Any) -> int:
    return _number(name, value, int)


def parse_float(name: str, value: Any) -> float:
    return _number(name, value, float)


def parse_text(name: str, value: Any) -> str:
    return str(value if value is not None else "").strip()


def _items(name: str, value: Any) -> list[str]:
    """A list, tuple or set, or a comma-separated string (as read from the environment)."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    if isinstance(value, Iterable):
        return [str(item).strip() for item in value if str(item).strip()]
    raise ImproperlyConfigured(f"{name}={value!r} is not a list: give e.g. [80, 443] or '80,443'.")


def parse_ints(name: str, value: Any) -> tuple[int, ...]:
    return tuple(parse_int(name, item) for item in _items(name, value))


def parse_media_types(name: str, value: Any) -> tuple[str, ...]:
    return tuple(item.lower() for item in _items(name, value))


def parse_networks(name: str, value: Any) -> tuple[IPNetwork, ...]:
    networks = []
    for item in _items(name, value):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name} has {item!r}, which is not a network: give CIDR blocks such as "
                "10.1.2.0/24."
            ) from exc
    return tuple(networks)


def _declare(
    default: Any, parse: Callable[[str, Any], Any], *, env: bool = True, blank_is_default=False
) -> Any:
    """One setting: its default, its parser, whether config/settings.py maps an environment
    variable onto it, and whether an empty value means the default."""
    return field(
        default=default,
        metadata={"parse": parse, "env": env, "blank_is_default": blank_is_default},
    )


# --- The settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourcesSettings:
    # Fetching (sources.fetching). Every limit applies to each hop: the first URL and each
    # redirect.

    # Skip the address check entirely (tests and private deployments only).
    allow_private_networks: bool = _declare(False, parse_bool)
    # CIDR blocks let through although not public, e.g. ["10.1.2.0/24"] for an intranet wiki; a
    # narrower alternative to the switch above. Everything else is still refused.
    allowed_networks: tuple[IPNetwork, ...] = _declare((), parse_networks, env=False)
    # Ports a source URL (or a redirect) may use.
    allowed_ports: tuple[int, ...] = _declare((80, 443), parse_ints)
    # Redirects followed before giving up with too_many_redirects.
    max_redirects: int = _declare(5, parse_int)
    # Seconds to open a connection (TCP and TLS handshake) to one address.
    connect_timeout: float = _declare(5.0, parse_float)
    # Seconds of silence from the server tolerated while waiting for any byte.
    read_timeout: float = _declare(10.0, parse_float)
    # Seconds for the whole fetch: queueing for a slot, robots.txt, every redirect and the body.
    total_timeout: float = _declare(30.0, parse_float)
    # Cap on the decoded (decompressed) body; larger pages are refused with too_large.
    max_bytes: int = _declare(10 * 1024 * 1024, parse_int)
    # Media types accepted; anything else is refused before its body is read. A call may replace
    # the list with fetch(content_types=...) (the search providers accept only JSON).
    allowed_content_types: tuple[str, ...] = _declare(
        ("text/html", "application/xhtml+xml", "text/plain"), parse_media_types, env=False
    )
    # Where a site operator can learn who is fetching; goes into the user agent.
    contact_url: str = _declare("https://github.com/claimtracker/claimtracker", parse_text)
    # The User-Agent header; "{SOURCES_CONTACT_URL}" is replaced by the setting above (get()
    # returns it replaced). The part before the first "/" is the token robots.txt rules are
    # matched against.
    user_agent: str = _declare(f"claimtracker/1.0 (+{CONTACT_PLACEHOLDER})", parse_text)
    # Obey robots.txt. fetch(respect_robots=...) overrides it for one call (False for APIs).
    respect_robots: bool = _declare(True, parse_bool)
    # How long a site's robots.txt (or its absence, a 4xx) is cached. An unreachable or failing
    # (5xx, 429) robots.txt counts as "allow" and is cached for at most
    # sources.fetching.robots.ROBOTS_RETRY_SECONDS.
    robots_cache_seconds: int = _declare(3600, parse_int, env=False)
    # Requests in flight at once to one host name, across all worker processes (at least 1).
    per_host_concurrency: int = _declare(2, parse_int)
    # Minimum seconds between the starts of two requests to one host name (robots.txt included).
    per_host_interval: float = _declare(1.0, parse_float)

    # Refreshing (sources.refresh, sources.services): how often sources are re-checked, how
    # failures back off, and how the sweep leases due sources.

    # Re-check interval of a source cited by a published verdict, and of other evidence.
    refresh_cited_hours: float = _declare(24.0, parse_float)
    refresh_evidence_hours: float = _declare(168.0, parse_float)
    # Failure backoff: the base delay, doubled per failure in a row, up to the maximum (with
    # jitter).
    backoff_base_seconds: float = _declare(600.0, parse_float)
    backoff_max_seconds: float = _declare(86400.0, parse_float)
    # 404/410 answers in a row before a source counts as gone.
    gone_after: int = _declare(3, parse_int)
    # Failures after which a source nobody relies on (tier none) stops being retried.
    max_retries: int = _declare(5, parse_int)
    # A leased fetch is retried after this long if its worker died (keep it above the task
    # limit).
    lease_seconds: int = _declare(600, parse_int)
    # The sweep (sources.enqueue_due, every minute) leases due sources sweep_batch at a time and
    # keeps going while any are due, for at most sweep_seconds (keep it below the beat
    # interval), and stops while sweep_max_queued fetches wait in the broker: keep that below
    # what the workers fetch within lease_seconds, or a fetch still queued when its lease ends
    # is queued again (fetched twice, stored once).
    sweep_batch: int = _declare(200, parse_int)
    sweep_seconds: float = _declare(45.0, parse_float)
    sweep_max_queued: int = _declare(5000, parse_int)
    # Dotted path of the function reading a fetched page's main text (sources.text.page_text's
    # signature). claimtracker's settings choose claims' article reader instead, so evidence
    # reads like articles.
    text_extractor: str = _declare("sources.text.page_text", parse_text)

    # Related-source search providers (sources.providers): each is off until configured.

    # A MediaWiki api.php endpoint, e.g. "https://en.wikipedia.org/w/api.php"; empty: off.
    wikipedia_api_url: str = _declare("", parse_text)
    # Google Fact Check Tools API key; empty turns the fact-check provider off.
    factcheck_api_key: str = _declare("", parse_text)
    # Base URL of the Fact Check Tools API (tests point it at a loopback server).
    factcheck_api_url: str = _declare(
        "https://factchecktools.googleapis.com", parse_text, blank_is_default=True
    )
    # languageCode sent to claims:search: only reviews in this language are returned.
    factcheck_language: str = _declare("en", parse_text, blank_is_default=True)

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against (RFC 9309 2.2.1): only the
        name, so a word in the contact URL ("github") never selects another crawler's rules."""
        return self.user_agent.split("/")[0].strip()

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.lease_seconds)


_FIELDS = tuple(dataclasses.fields(SourcesSettings))
_UNSET = object()


def setting_name(field_name: str) -> str:
    return f"SOURCES_{field_name.upper()}"


def _parsed(item: dataclasses.Field, value: Any) -> Any:
    if value is _UNSET:
        return item.default
    parsed = item.metadata["parse"](setting_name(item.name), value)
    if item.metadata["blank_is_default"] and parsed == "":
        return item.default
    return parsed


def _build(values: dict[str, Any]) -> SourcesSettings:
    """The settings from parsed values, with the checks that span several of them."""
    user_agent = values["user_agent"].replace(CONTACT_PLACEHOLDER, values["contact_url"]).strip()
    if not user_agent or not PRINTABLE_ASCII.fullmatch(user_agent):
        raise ImproperlyConfigured(
            f"SOURCES_USER_AGENT={user_agent!r} is not a usable header value: give printable "
            "ASCII such as 'claimtracker/1.0 (+https://example.org/contact)'."
        )
    values["user_agent"] = user_agent
    values["per_host_concurrency"] = max(1, values["per_host_concurrency"])
    return SourcesSettings(**values)


_NAMES = tuple(setting_name(item.name) for item in _FIELDS)
# The last settings read and what they built: a refresh reads the settings several times, and
# parsing them all costs more than comparing them (sources.refresh is on the workers' hot path).
_last: tuple[tuple[Any, ...], SourcesSettings] | None = None


def _frozen(value: Any) -> Any:
    # A copy of a list, so a list changed in place is not mistaken for the one parsed before.
    return tuple(value) if isinstance(value, list | set | frozenset | tuple) else value


def get() -> SourcesSettings:
    """The sources settings as django.conf.settings holds them now (read at every call)."""
    global _last
    raw = tuple(_frozen(getattr(django_settings, name, _UNSET)) for name in _NAMES)
    last = _last
    if last is not None and last[0] == raw:
        return last[1]
    values = zip(_FIELDS, raw, strict=True)
    built = _build({item.name: _parsed(item, value) for item, value in values})
    _last = (raw, built)
    return built


def from_environ(
    environ: Mapping[str, str], *, defaults: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The settings config/settings.py defines, by setting name: each environment variable of
    the same name parsed, or its default when it is unset (or empty, for a number or a
    boolean). `defaults` are the project's own choices that replace the app's defaults.

    Raises ImproperlyConfigured, naming the variable, for a value that cannot be used.
    """
    defaults = dict(defaults or {})
    values: dict[str, Any] = {}
    for item in _FIELDS:
        name = setting_name(item.name)
        raw = environ.get(name) if item.metadata["env"] else None
        if raw is None or (not raw.strip() and item.metadata["parse"] is not parse_text):
            values[item.name] = _parsed(item, defaults.get(name, _UNSET))
        else:
            values[item.name] = _parsed(item, raw)
    _build(dict(values))  # the checks that span several settings, at start-up too
    return {
        setting_name(item.name): _as_setting(values[item.name])
        for item in _FIELDS
        if item.metadata["env"]
    }


def _as_setting(value: Any) -> Any:
    # Settings hold lists, as they always have (tests extend SOURCES_ALLOWED_PORTS).
    return list(value) if isinstance(value, tuple) else value
