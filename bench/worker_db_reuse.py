"""A what-if for bench_refresh.py (`--reuse-db-connections`): the same Celery app, with the
database connection kept across tasks.

Celery's Django fix-up closes every database connection before and after each task unless
CELERY_DB_REUSE_MAX is set, so by default each fetch opens a new PostgreSQL connection. This
module sets it before the app reads its configuration; config/settings.py is untouched.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from django.conf import settings

settings.CELERY_DB_REUSE_MAX = int(os.environ.get("BENCH_DB_REUSE_MAX", "1000"))

from config.celery import app  # noqa: E402

__all__ = ["app"]
