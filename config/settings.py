"""claimtracker settings: one module, driven by environment variables.

Every variable is listed with its meaning in `.env.example` and the README. The defaults are
safe for development: SQLite under `var/`, no broker (Celery tasks run in-process), DEBUG on.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use true or false.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number.") from exc


DEBUG = env_bool("DJANGO_DEBUG", True)

# Only ever used with DEBUG on (checked below).
_DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is false. Set DJANGO_SECRET_KEY to a "
            "long random value (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "sources",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Production serves collected static files itself; runserver does it under DEBUG.
    *([] if DEBUG else ["whitenoise.middleware.WhiteNoiseMiddleware"]),
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: DATABASE_URL (postgres://user:pass@host:5432/name) or the embedded SQLite file.
VAR_DIR = Path(os.environ.get("CLAIMTRACKER_VAR_DIR", BASE_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: make concurrent readers and the in-process worker play nicely.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_CONTENT_TYPE_NOSNIFF = True
    # HTTPS only by default; a deployment behind a plain-HTTP proxy for tests turns these off.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    # Only a header flag: joining the browsers' preload list is a separate, manual step.
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    # The health check is probed over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# REST framework: read and write need an authenticated user; roles are checked per view.
REST_FRAMEWORK = {
    # Token first: an unauthenticated request gets 401 with WWW-Authenticate, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "config.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "config.api.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("API_THROTTLE_USER", "2000/min"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# Bodies above this are refused with 413 (an article's text or HTML is the largest thing sent).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("API_MAX_BODY_BYTES", str(12 * 1024 * 1024)))
# Seconds a page of the public feeds (verdicts/, claim-reviews/), built for one ETag, is served
# again from the cache while the feed has not changed (0: build every page).
API_FEED_CACHE_SECONDS = int(os.environ.get("API_FEED_CACHE_SECONDS", "300"))
SPECTACULAR_SETTINGS = {
    "TITLE": "claimtracker API",
    "DESCRIPTION": "Fact-check claims, evidence and published verdicts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The API's description is public, like its documentation.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.openapi.add_error_responses",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "SourceStatusEnum": "sources.models.SourceStatus",
        "VerdictStateEnum": "claims.models.VerdictState",
        "EvidenceStateEnum": "claims.models.EvidenceState",
        "RatingEnum": "claims.models.Rating",
        "StanceEnum": "claims.models.Stance",
    },
}

# Celery. With no broker configured, tasks run in-process (the embedded default for `make run`).
BROKER_CONFIGURED = bool(os.environ.get("CELERY_BROKER_URL", "").strip())
# Without a broker nothing is sent anywhere: tasks run in-process (the in-memory transport only
# keeps kombu from looking for a Redis on localhost).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "").strip() or "memory://"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "").strip() or None
CELERY_TASK_ALWAYS_EAGER = not BROKER_CONFIGURED
# The queue tasks are sent to (and workers consume unless given -Q); deployments sharing one
# broker, and the benchmarks, give each its own.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "").strip() or "celery"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Messages a worker reserves per pool process beyond the ones it runs. Reserved messages are
# unacknowledged (acks_late), so a lost worker's reservations are delivered again; holding a few
# saves each process a round trip to the broker between two short fetches.
CELERY_WORKER_PREFETCH_MULTIPLIER = int(os.environ.get("CELERY_WORKER_PREFETCH_MULTIPLIER", "4"))
# Celery's Django fix-up closes a worker's database connection after every task unless this is
# set: then each worker process reconnects only every CELERY_DB_REUSE_MAX tasks (0: after every
# task, Celery's default). Before each task config/celery.py also drops a connection that broke
# or outlived DATABASE_CONN_MAX_AGE, as Django does before each web request, so the worker obeys
# the same age limit as the web process and this setting changes nothing there.
CELERY_DB_REUSE_MAX = int(os.environ.get("CELERY_DB_REUSE_MAX", "1000"))
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "300"))
CELERY_TASK_SOFT_TIME_LIMIT = int(os.environ.get("CELERY_TASK_SOFT_TIME_LIMIT", "240"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers an unacked task after this many seconds; keep it above the time limit.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT * 2}
CELERY_TIMEZONE = TIME_ZONE
# The schedule lives here (not in django-celery-beat): it is one sweep, not something editors
# tune; what is due is decided by Source.next_check_at in the database.
CELERY_BEAT_SCHEDULE = {
    "sources.enqueue_due": {"task": "sources.enqueue_due", "schedule": 60.0},
}

# Claims.
# Sentences scoring at least this become claims when an article is ingested.
# Unset: the threshold chosen with the check-worthiness model (claims/extraction/data/).
CLAIMS_MIN_CHECKWORTHINESS = (
    env_float("CLAIMS_MIN_CHECKWORTHINESS", 0.0)
    if os.environ.get("CLAIMS_MIN_CHECKWORTHINESS", "").strip()
    else None
)
# The four-eyes rule: an editor may not publish a verdict they wrote or last edited. True relaxes
# it (a one-person desk).
CLAIMS_ALLOW_SELF_PUBLISH = env_bool("CLAIMS_ALLOW_SELF_PUBLISH", False)
# Published verdicts (the verdicts/ feed and ClaimReview) can be read without a token.
CLAIMS_PUBLIC_FEED = env_bool("CLAIMS_PUBLIC_FEED", True)
# The publishing organisation, named as the author of every ClaimReview.
# Demo defaults: with DEBUG off, the system check claims.E001 refuses to start while any of the
# three is still its demo value (published ClaimReview would name a desk and URLs that are not).
DEMO_PUBLISHER_NAME = "claimtracker demo desk"
DEMO_SITE_URL = "http://127.0.0.1:8000/"
CLAIMS_PUBLISHER_NAME = os.environ.get("CLAIMS_PUBLISHER_NAME", DEMO_PUBLISHER_NAME)
CLAIMS_PUBLISHER_URL = os.environ.get("CLAIMS_PUBLISHER_URL", DEMO_SITE_URL)
# Public base URL of this service; a published fact-check's page is {SITE_URL}fact-checks/{id}/.
SITE_URL = os.environ.get("SITE_URL", DEMO_SITE_URL).rstrip("/") + "/"

# Sources (fetching; see sources/fetcher.py for what each limit guards against).
# Tests and private deployments only: let the fetcher reach loopback and private addresses.
SOURCES_ALLOW_PRIVATE_NETWORKS = env_bool("SOURCES_ALLOW_PRIVATE_NETWORKS", False)
SOURCES_ALLOWED_PORTS = [int(p) for p in env_list("SOURCES_ALLOWED_PORTS", "80,443")]
SOURCES_MAX_REDIRECTS = int(os.environ.get("SOURCES_MAX_REDIRECTS", "5"))
SOURCES_CONNECT_TIMEOUT = env_float("SOURCES_CONNECT_TIMEOUT", 5.0)
SOURCES_READ_TIMEOUT = env_float("SOURCES_READ_TIMEOUT", 10.0)
SOURCES_TOTAL_TIMEOUT = env_float("SOURCES_TOTAL_TIMEOUT", 30.0)
SOURCES_MAX_BYTES = int(os.environ.get("SOURCES_MAX_BYTES", str(10 * 1024 * 1024)))
SOURCES_CONTACT_URL = os.environ.get(
    "SOURCES_CONTACT_URL", "https://github.com/claimtracker/claimtracker"
)
SOURCES_USER_AGENT = os.environ.get(
    "SOURCES_USER_AGENT", "claimtracker/1.0 (+{SOURCES_CONTACT_URL})"
)
SOURCES_RESPECT_ROBOTS = env_bool("SOURCES_RESPECT_ROBOTS", True)
SOURCES_PER_HOST_CONCURRENCY = int(os.environ.get("SOURCES_PER_HOST_CONCURRENCY", "2"))
SOURCES_PER_HOST_INTERVAL = env_float("SOURCES_PER_HOST_INTERVAL", 1.0)
# Refresh policy: how often sources are re-checked, and how failures back off.
SOURCES_REFRESH_CITED_HOURS = env_float("SOURCES_REFRESH_CITED_HOURS", 24)
SOURCES_REFRESH_EVIDENCE_HOURS = env_float("SOURCES_REFRESH_EVIDENCE_HOURS", 168)
SOURCES_BACKOFF_BASE_SECONDS = env_float("SOURCES_BACKOFF_BASE_SECONDS", 600)
SOURCES_BACKOFF_MAX_SECONDS = env_float("SOURCES_BACKOFF_MAX_SECONDS", 86400)
SOURCES_GONE_AFTER = int(os.environ.get("SOURCES_GONE_AFTER", "3"))
SOURCES_MAX_RETRIES = int(os.environ.get("SOURCES_MAX_RETRIES", "5"))
# A claimed fetch is retried after this long if its worker died (keep it above the task limit).
SOURCES_LEASE_SECONDS = int(os.environ.get("SOURCES_LEASE_SECONDS", "600"))
# The sweep (sources.enqueue_due, every minute) leases due sources SOURCES_SWEEP_BATCH at a
# time and keeps going while any are due, for at most SOURCES_SWEEP_SECONDS (keep it below the
# beat interval), and stops while SOURCES_SWEEP_MAX_QUEUED fetches wait in the broker: keep that
# below what the workers fetch within SOURCES_LEASE_SECONDS, or a fetch still queued when its
# lease ends is queued again (fetched twice, stored once).
SOURCES_SWEEP_BATCH = int(os.environ.get("SOURCES_SWEEP_BATCH", "200"))
SOURCES_SWEEP_SECONDS = env_float("SOURCES_SWEEP_SECONDS", 45)
SOURCES_SWEEP_MAX_QUEUED = int(os.environ.get("SOURCES_SWEEP_MAX_QUEUED", "5000"))
# Related-source discovery (claims.discover_related): each provider is off until configured.
# MediaWiki api.php, e.g. https://en.wikipedia.org/w/api.php
SOURCES_WIKIPEDIA_API_URL = os.environ.get("SOURCES_WIKIPEDIA_API_URL", "")
# Google Fact Check Tools: prior fact-checks of similar claims (needs an API key).
SOURCES_FACTCHECK_API_KEY = os.environ.get("SOURCES_FACTCHECK_API_KEY", "")
SOURCES_FACTCHECK_API_URL = os.environ.get(
    "SOURCES_FACTCHECK_API_URL", "https://factchecktools.googleapis.com"
)
SOURCES_FACTCHECK_LANGUAGE = os.environ.get("SOURCES_FACTCHECK_LANGUAGE", "en")
CLAIMS_RELATED_LIMIT = int(os.environ.get("CLAIMS_RELATED_LIMIT", "5"))
# Reads a fetched page's main text; claims' article reader, so evidence reads like articles.
SOURCES_TEXT_EXTRACTOR = os.environ.get("SOURCES_TEXT_EXTRACTOR", "claims.adapters.page_text")

# The cache holds robots.txt answers, per-host fetch slots and API throttle counters. They must
# be shared by all processes once there are several: Redis when a broker URL is configured.
CACHE_URL = os.environ.get("CACHE_URL", "").strip() or (
    CELERY_BROKER_URL.rsplit("/", 1)[0] + "/1" if CELERY_BROKER_URL.startswith("redis") else ""
)
CACHES = {
    "default": (
        # Django's Redis backend, reusing its client across calls (see config/cache.py).
        {"BACKEND": "config.cache.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
