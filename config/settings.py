"""claimtracker settings: one module, driven by environment variables.

Every variable is listed with its meaning in `.env.example` and the README. The defaults are
safe: SQLite under `var/`, no broker (Celery tasks run in-process), DEBUG off. Development turns
DEBUG on explicitly (`make run` and the Makefile's other targets export DJANGO_DEBUG=true, the
test suite sets it in pyproject.toml).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from sources import conf as sources_conf

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


# Off unless turned on: a deployment that forgets the variable must not show tracebacks.
DEBUG = env_bool("DJANGO_DEBUG", False)

# Only ever used with DEBUG on (checked below).
_DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off. In production, set "
            "DJANGO_SECRET_KEY to a long random value (python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'). For development, set DJANGO_DEBUG=true "
            "(make run does)."
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
    # Only for claims migration 0012 (which depends on it): it moves these plain-text tokens
    # into claims.ApiToken, hashed, and empties the table. Nothing else uses the app; its admin
    # page is removed (claims/admin/tokens.py).
    "rest_framework.authtoken",
    # Admin login lockout after repeated failures (AXES_* below).
    "axes",
    "django_filters",
    "drf_spectacular",
    # Swagger UI and ReDoc as static files of our own (SPECTACULAR_SETTINGS: "SIDECAR").
    "drf_spectacular_sidecar",
    "sources",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Production serves collected static files itself; runserver does it under DEBUG.
    *([] if DEBUG else ["whitenoise.middleware.WhiteNoiseMiddleware"]),
    "config.middleware.RefuseNulInQuery",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes requires: turns a login refused for lockout into its 429 page.
    "axes.middleware.AxesMiddleware",
]

# Axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
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
# The hottest reads (claims.statements.CompiledValues: a claim's detail, a token, a feed page)
# run as prepared statements, planned once per connection instead of on every request. Turn
# off behind a connection pooler in transaction mode that cannot keep prepared statements
# (PgBouncer before 1.21, or without max_prepared_statements).
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and (
    DATABASE_PREPARED_STATEMENTS
):
    # Only server-binding cursors prepare (claims.statements.statement_cursor); the ORM's own
    # client-binding cursors never do, whatever the threshold.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 0
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
# Reverse proxies in front of the app that append the client's address to X-Forwarded-For.
# 0 (the default): the socket's address (REMOTE_ADDR) is the client and X-Forwarded-For is
# ignored, so a client cannot pick its own address. N: the address the N-th proxy from us added.
# The API throttles and the admin login lockout both count clients by this rule
# (claims.api.authentication.client_ip).
API_TRUSTED_PROXIES = int(os.environ.get("API_TRUSTED_PROXIES", "").strip() or "0")
if API_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured(
        f"API_TRUSTED_PROXIES={API_TRUSTED_PROXIES} must be 0 (no proxy) or the number of "
        "reverse proxies in front of the app."
    )
REST_FRAMEWORK = {
    # Token first: an unauthenticated request gets 401 with WWW-Authenticate, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "NUM_PROXIES": API_TRUSTED_PROXIES,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "config.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "config.api.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    # JSON is the one request body the API documents and reads: a form or multipart body is
    # 415, not parsed into the same fields (the admin is Django forms, not DRF).
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
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
# Admin login lockout (django-axes): ADMIN_LOGIN_FAILURE_LIMIT wrong passwords for one username
# from one address lock that pair out for ADMIN_LOGIN_COOLOFF_MINUTES (429, even with the right
# password). Keyed on the pair: on the username alone anyone could lock an editor out, on the
# address alone one guesser would lock out a whole newsroom behind one NAT.
ADMIN_LOGIN_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "").strip() or "5")
ADMIN_LOGIN_COOLOFF_MINUTES = env_float("ADMIN_LOGIN_COOLOFF_MINUTES", 15.0)
if ADMIN_LOGIN_FAILURE_LIMIT < 1 or ADMIN_LOGIN_COOLOFF_MINUTES <= 0:
    raise ImproperlyConfigured(
        "ADMIN_LOGIN_FAILURE_LIMIT must be at least 1 and ADMIN_LOGIN_COOLOFF_MINUTES above 0."
    )
AXES_FAILURE_LIMIT = ADMIN_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=ADMIN_LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A successful sign-in clears its pair's failures: typos spread over weeks never add up.
AXES_RESET_ON_SUCCESS = True
# The client's address by API_TRUSTED_PROXIES, as the API throttles see it.
AXES_CLIENT_IP_CALLABLE = "claims.api.authentication.client_ip"
# No start-up banner in every process and manage.py command; failures and lockouts are still
# logged (as warnings).
AXES_VERBOSE = False
# Every attempt during a lockout starts its cool-off again (axes' default), so a guesser that
# keeps going stays locked out.
AXES_COOLOFF_MESSAGE = (
    "Too many failed sign-ins for this username from your address: signing in is locked for "
    f"{ADMIN_LOGIN_COOLOFF_MINUTES:g} minutes after the last attempt. Wait, then try again, or "
    "ask an administrator to unlock it (manage.py axes_reset_username USERNAME)."
)
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
    # StrictSerializer's docstring is plumbing: a component describes its own serializer.
    "GET_LIB_DOC_EXCLUDES": "config.openapi.lib_doc_excludes",
    # The docs pages load Swagger UI and ReDoc from our static files: pinned, and offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "SourceStatusEnum": "sources.models.SourceStatus",
        "VerdictStateEnum": "claims.models.VerdictState",
        "EvidenceStateEnum": "claims.models.EvidenceState",
        "RatingEnum": "claims.models.Rating",
        "MatchKindEnum": "claims.models.MatchKind",
        "StanceEnum": "claims.evidence_models.Stance",
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
    # Rebuilds the approximate vector index when the collection is large enough to need one.
    "claims.build_match_index": {"task": "claims.build_match_index", "schedule": 600.0},
}
# Matching by meaning runs a sentence encoder: its tasks have a queue of their own, so a burst
# of ingestion does not hold up fetching (run `celery worker -Q nlp` beside the main worker).
CLAIMS_NLP_QUEUE = os.environ.get("CLAIMS_NLP_QUEUE", "").strip() or "nlp"
CELERY_TASK_ROUTES = {
    "claims.embed_claims": {"queue": CLAIMS_NLP_QUEUE},
    "claims.rematch_around": {"queue": CLAIMS_NLP_QUEUE},
    "claims.embed_external_reviews": {"queue": CLAIMS_NLP_QUEUE},
    "claims.build_match_index": {"queue": CLAIMS_NLP_QUEUE},
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

# Sources: sources/conf.py declares every SOURCES_* setting once, with its type, default and
# meaning. Here each one's environment variable is parsed (the default when it is unset), so a
# bad value stops start-up naming the variable. The text extractor is this project's choice:
# claims' article reader, so evidence pages read like articles.
globals().update(
    sources_conf.from_environ(
        os.environ, defaults={"SOURCES_TEXT_EXTRACTOR": "claims.adapters.page_text"}
    )
)
CLAIMS_RELATED_LIMIT = int(os.environ.get("CLAIMS_RELATED_LIMIT", "5"))
# Where workers write the approximate vector index that web processes memory-map
# (claims.embeddings); shared by every process of a deployment (a volume in compose.yaml).
CLAIMS_MATCH_INDEX_DIR = Path(
    os.environ.get("CLAIMS_MATCH_INDEX_DIR", "").strip() or VAR_DIR / "match-index"
)
# Matches are re-ordered by the cross-encoder (claims.semantic.ranking, step 4): better order
# (CLEF 2020 dev MAP@5 0.912 against 0.899) for a few milliseconds per look-up (API p95 at
# 1,000,000 claims 4 to 11 ms more, bench/RESULTS.md). False keeps the orderer's order alone
# and never loads the model (about 115 MB less per process).
CLAIMS_MATCH_CROSS_ENCODER = env_bool("CLAIMS_MATCH_CROSS_ENCODER", True)

# The cache holds robots.txt answers, per-host fetch slots and API throttle counters. They must
# be shared by all processes once there are several: Redis when a broker URL is configured.
CACHE_URL = os.environ.get("CACHE_URL", "").strip() or (
    CELERY_BROKER_URL.rsplit("/", 1)[0] + "/1" if CELERY_BROKER_URL.startswith("redis") else ""
)
# Keys are prefixed, so the cache can share a Redis server (not its database) with others.
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "claimtracker")
CACHES = {
    "default": (
        # Django's Redis backend, reusing its client across calls (see config/cache.py).
        {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# A traceback page (DEBUG only) hides connection URLs as well as keys and passwords.
DEFAULT_EXCEPTION_REPORTER_FILTER = "config.debug.HideConnectionURLs"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Webhooks (Standard Webhooks v1; claims.services.webhooks). Outbound requests follow the
# fetcher's SOURCES_* rules (addresses, ports, SOURCES_CONNECT_TIMEOUT, SOURCES_READ_TIMEOUT).
# Seconds to wait after failed attempts 1, 2, ...: the Standard Webhooks schedule (5 s, 5 min,
# 30 min, 2 h, 5 h, 10 h, 10 h), so 8 attempts over about 28 hours.
WEBHOOKS_RETRY_DELAYS = [
    float(item) for item in env_list("WEBHOOKS_RETRY_DELAYS", "5,300,1800,7200,18000,36000,36000")
]
# A Retry-After longer than this (seconds) is cut to it.
WEBHOOKS_MAX_RETRY_AFTER_SECONDS = env_float("WEBHOOKS_MAX_RETRY_AFTER_SECONDS", 86400.0)
# After a rotation the previous secret keeps signing (beside the new one) this many hours.
WEBHOOKS_ROTATION_OVERLAP_HOURS = env_float("WEBHOOKS_ROTATION_OVERLAP_HOURS", 24.0)
# Seconds for one delivery, connection to answer (and at most SOURCES_TOTAL_TIMEOUT).
WEBHOOKS_TIMEOUT_SECONDS = env_float("WEBHOOKS_TIMEOUT_SECONDS", 15.0)
# Bytes of a receiver's answer read (the start is kept as the delivery's error text).
WEBHOOKS_MAX_RESPONSE_BYTES = 64 * 1024
# Deliveries sent at once by one worker (threads), and leased per batch.
WEBHOOKS_CONCURRENCY = int(env_float("WEBHOOKS_CONCURRENCY", 32))
WEBHOOKS_BATCH_SIZE = int(env_float("WEBHOOKS_BATCH_SIZE", 200))
# A claimed delivery whose worker died is due again after this many seconds. Keep it above the
# time a batch can take: WEBHOOKS_BATCH_SIZE / WEBHOOKS_CONCURRENCY x WEBHOOKS_TIMEOUT_SECONDS.
WEBHOOKS_LEASE_SECONDS = int(env_float("WEBHOOKS_LEASE_SECONDS", 300))
# The sweep starts no new batch after this many seconds (below the beat interval).
WEBHOOKS_SWEEP_SECONDS = env_float("WEBHOOKS_SWEEP_SECONDS", 50.0)
# An endpoint that has failed without a single success for this long is disabled.
WEBHOOKS_DISABLE_AFTER_HOURS = env_float("WEBHOOKS_DISABLE_AFTER_HOURS", 72.0)
# Retries live in the database (WebhookDelivery.next_attempt_at); this sweep sends what is due.
CELERY_BEAT_SCHEDULE["claims.deliver_webhooks"] = {
    "task": "claims.deliver_webhooks",
    "schedule": 60.0,
}

# Importing other fact-checkers' ClaimReview (claims.interchange; manage.py import_claimreview,
# POST /api/v1/external-reviews/import/, the followed feeds). URLs are fetched by the sources
# fetcher, under its SOURCES_* rules. Reviews read from one document at most; the rest are
# listed as skipped.
CLAIMREVIEW_IMPORT_MAX_REVIEWS = int(
    os.environ.get("CLAIMREVIEW_IMPORT_MAX_REVIEWS", "").strip() or "20000"
)
if CLAIMREVIEW_IMPORT_MAX_REVIEWS < 1:
    raise ImproperlyConfigured("CLAIMREVIEW_IMPORT_MAX_REVIEWS must be at least 1.")
# The feeds to follow (claims.ClaimReviewFeed, edited in the admin) are imported every hour.
CELERY_BEAT_SCHEDULE["claims.import_claimreview_feeds"] = {
    "task": "claims.import_claimreview_feeds",
    "schedule": 3600.0,
}
