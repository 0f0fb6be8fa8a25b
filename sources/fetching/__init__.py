"""The only package that speaks HTTP: fetch one web page, treating every URL as hostile.

URLs come from editors and API clients, so `fetch()` assumes each one may point at the cloud
metadata service, an internal admin panel, a tarpit or a gzip bomb. For every hop (the first URL
and each redirect) it:

1. accepts only http and https on an allowed port (80 and 443 unless configured)  [policy];
2. resolves the host name ONCE and refuses if ANY answer is not a public unicast address
   (IPv6 forms that embed an IPv4 address are decoded and judged by the embedded address)
   [policy];
3. asks robots.txt, fetched through this same path, whether the page may be fetched  [robots];
4. waits for a per-host slot and the per-host interval (kept in Django's cache, so the limits hold
   across worker processes)  [slots];
5. connects to the address it checked, never looking the name up again, and verifies TLS
   against the host name  [connections];
6. reads the body in chunks, undoing gzip/deflate a piece at a time, and stops at the cap on the
   decoded size, at the read timeout and at the total deadline  [body, session].

Redirects are followed by hand, and proxy environment variables are never consulted: the only
HTTP client used is urllib3's bare connection classes, which do not read them.

The limits are SOURCES_* settings, declared with their defaults and meanings in sources.conf and
read at every call. TLS trusts the system store (OpenSSL honours SSL_CERT_FILE for a private CA).

Errors are `FetchError`s with a stable `code` and a `permanent` flag: permanent means "record the
source as blocked or failed and do not retry"; transient (timeouts, connection and DNS failures)
means "retry with backoff". HTTP error statuses are not errors here: 4xx and 5xx come back as a
`FetchResult`, and the caller treats 5xx as transient.
"""

from sources.fetching.policy import Resolver, address_problem, system_resolver
from sources.fetching.results import FetchError, FetchResult
from sources.fetching.robots import ROBOTS_MAX_BYTES, ROBOTS_RETRY_SECONDS, robots_allow
from sources.fetching.session import REDIRECT_STATUSES, fetch
from sources.fetching.slots import slot_keys

__all__ = [
    "REDIRECT_STATUSES",
    "ROBOTS_MAX_BYTES",
    "ROBOTS_RETRY_SECONDS",
    "FetchError",
    "FetchResult",
    "Resolver",
    "address_problem",
    "fetch",
    "robots_allow",
    "slot_keys",
    "system_resolver",
]
