"""Shared fixtures: the desk's personas, and the live services some tests need.

Tests marked `postgres` or `broker` are skipped, with the reason printed, on a machine without
PostgreSQL or Redis. In CI (CI=true) a missing service fails those tests instead: a green CI
must mean they ran.
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from tests.factories import UserFactory


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _broker_problem() -> str | None:
    url = settings.CELERY_BROKER_URL
    if not url:
        return "CELERY_BROKER_URL is not set (set it to a Redis URL to run worker tests)"
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), 2):
            return None
    except OSError as exc:
        return f"the broker at {parts.hostname}:{parts.port} is unreachable ({exc})"


MISSING_SERVICE = pytest.StashKey[str]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    is_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    broker_problem = _broker_problem()
    for item in items:
        if "postgres" in item.keywords and not is_postgres:
            item.stash[MISSING_SERVICE] = "needs PostgreSQL: set DATABASE_URL=postgres://..."
        elif "broker" in item.keywords and broker_problem:
            item.stash[MISSING_SERVICE] = f"needs a live broker: {broker_problem}"
        elif "broker" in item.keywords and not is_postgres:
            item.stash[MISSING_SERVICE] = (
                "a real worker needs a database it can share: set DATABASE_URL=postgres://..."
            )


@pytest.fixture(autouse=True)
def _require_services(request: pytest.FixtureRequest) -> None:
    reason = request.node.stash.get(MISSING_SERVICE, None)
    if reason is None:
        return
    if _in_ci():
        pytest.fail(f"CI must run this test, but it {reason}; .ci/run must start it.")
    pytest.skip(reason)


def _user_with_role(role: str | None, **kwargs):
    user = UserFactory(**kwargs)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def researcher(db):
    return _user_with_role("researcher", username="rita_researcher", is_staff=True)


@pytest.fixture
def editor(db):
    return _user_with_role("editor", username="eddie_editor", is_staff=True)


@pytest.fixture
def second_editor(db):
    return _user_with_role("editor", username="erin_editor", is_staff=True)


@pytest.fixture
def api_client_user(db):
    return _user_with_role("api_client", username="robot_client")


@pytest.fixture
def outsider(db):
    return _user_with_role(None, username="olly_outsider")


def _database_url_for_subprocess() -> str:
    """The URL of the test database the tests use now (not the configured database)."""
    from urllib.parse import quote

    db = settings.DATABASES["default"]
    user = quote(db.get("USER") or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture
def live_worker(transactional_db, tmp_path):
    """A real `celery worker` process on its own queue, against the test database and Redis.

    Yields the queue name; send tasks with `.apply_async(..., queue=queue)`. The worker's log is
    printed when a test fails, so a failure says what the worker saw.
    """
    import subprocess
    import sys
    import uuid

    queue = f"test-{uuid.uuid4().hex[:12]}"
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_for_subprocess(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
                "-Q",
                queue,
                "-n",
                f"{queue}@%h",
            ],
            env=env,
            cwd=settings.BASE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield queue
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        print(f"--- celery worker log ({log_path}) ---\n{log_path.read_text(errors='replace')}")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and robots.txt answers live in the cache: no test inherits another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    """An API client; log a persona in with `api.force_authenticate(user)`."""
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2 costs ~0.3 s per user: fine for people, too slow for hundreds of test personas.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
