"""What a DEBUG traceback page (development only) may show."""

from __future__ import annotations

import re

from django.views.debug import SafeExceptionReporterFilter


class HideConnectionURLs(SafeExceptionReporterFilter):
    """Django's filter hides settings and environment entries named like keys and passwords;
    connection URLs carry passwords too (DATABASE_URL, CELERY_BROKER_URL, CACHE_URL), and
    runserver puts the whole environment into the request's META."""

    hidden_settings = re.compile(
        "API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DATABASE|BROKER|BACKEND|_URL|DSN",
        flags=re.IGNORECASE,
    )
