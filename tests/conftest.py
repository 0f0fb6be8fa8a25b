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
    if not settings.BROKER_CONFIGURED:
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


@pytest.fixture(autouse=True, scope="session")
def _sqlite_flush_lifts_history_triggers():
    """Transactional tests end with a flush. PostgreSQL flushes with TRUNCATE, which fires no
    row triggers; SQLite flushes with DELETE, which the append-only history triggers refuse
    (claims/triggers.py). So on SQLite the flush drops them first and puts them back after."""
    from django.db import connection

    from claims.triggers import drop_triggers, install_triggers

    if connection.vendor != "sqlite":
        yield
        return
    DatabaseOperations = type(connection.ops)
    original = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        drop_triggers(self.connection)
        try:
            original(self, sql_list)
        finally:
            install_triggers(self.connection)

    DatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    DatabaseOperations.execute_sql_flush = original


def _user_with_role(role: str | None, **kwargs):
    user = UserFactory(**kwargs)
    if role:
        # get_or_create: a transactional test's flush removes the groups the migration made.
        user.groups.add(Group.objects.get_or_create(name=role)[0])
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
def desk(client):
    """The test client, logged in to the desk as the persona given: `desk(editor)`."""

    def login(user):
        client.force_login(user)
        return client

    return login


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


class Workers:
    """Starts real `celery worker` processes on one test queue, against the test database.

    The test process sends to the same queue (task_default_queue is switched for the test).
    Each worker's log is printed at the end, so a failure shows what the workers saw.
    """

    def __init__(self, tmp_path, queue: str) -> None:
        self.tmp_path = tmp_path
        self.queue = queue
        self.processes: list = []

    def start(self, *, env: dict[str, str] | None = None, broker_url: str | None = None):
        import subprocess
        import sys

        index = len(self.processes)
        log_path = self.tmp_path / f"worker-{index}.log"
        full_env = {
            **os.environ,
            "DATABASE_URL": _database_url_for_subprocess(),
            "CELERY_BROKER_URL": broker_url or settings.CELERY_BROKER_URL,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            # The worker consumes one queue: the nlp tasks it sends go there too.
            "CLAIMS_NLP_QUEUE": self.queue,
            **(env or {}),
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
                    self.queue,
                    "-n",
                    f"{self.queue}-{index}@%h",
                ],
                env=full_env,
                cwd=settings.BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        process.log_path = log_path
        self.processes.append(process)
        return process

    def stop_all(self) -> None:
        import subprocess

        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            print(f"--- {process.log_path} ---\n{process.log_path.read_text(errors='replace')}")


@pytest.fixture
def workers(transactional_db, tmp_path):
    """Real worker processes; see Workers. Tasks sent by the test go to their queue."""
    import uuid

    from config.celery import app

    queue = f"test-{uuid.uuid4().hex[:12]}"
    previous = app.conf.task_default_queue, app.conf.task_routes
    app.conf.task_default_queue = queue
    # The nlp queue's tasks too: one queue, which the test's workers consume.
    app.conf.task_routes = {name: {"queue": queue} for name in settings.CELERY_TASK_ROUTES}
    pool = Workers(tmp_path, queue)
    try:
        yield pool
    finally:
        app.conf.task_default_queue, app.conf.task_routes = previous
        pool.stop_all()


@pytest.fixture
def live_worker(workers):
    """One real worker; yields its queue name (tasks sent by the test go there anyway)."""
    workers.start()
    return workers.queue


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


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    """No test may reach beyond loopback, not even a DNS lookup of a real name.

    An attempt raises at once and fails the test at teardown too, in case the code under test
    caught the error (the fetcher turns connection errors into FetchError, for one).
    """
    import ipaddress

    import urllib3.util.connection

    violations: list[str] = []
    real_connect = urllib3.util.connection.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def is_ip(host: str) -> bool:
        try:
            ipaddress.ip_address(host.strip("[]").split("%")[0])
        except ValueError:
            return False
        return True

    def guarded_connect(address, *args, **kwargs):
        host = address[0].strip("[]").split("%")[0]
        if is_ip(host) and not ipaddress.ip_address(host).is_loopback:
            violations.append(f"connect to {address}")
            raise AssertionError(f"the test tried to connect to {address}, beyond loopback")
        return real_connect(address, *args, **kwargs)

    def guarded_getaddrinfo(host, *args, **kwargs):
        # "localhost" comes from /etc/hosts; any other name would query the system resolver.
        if isinstance(host, str) and host not in ("localhost", "") and not is_ip(host):
            violations.append(f"DNS lookup of {host}")
            raise AssertionError(f"the test tried to look up {host!r} in DNS")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield
    assert not violations, violations


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Tasks run in-process (eager) except where a test starts a real worker (`live_worker`)."""
    from config.celery import app

    if {"live_worker", "workers"} & set(request.fixturenames):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def web(settings):
    """Start loopback HTTP servers the fetcher may reach (private networks and the port
    allowed for this test only). `web({"/path": route, ...})` returns the running server."""
    from tests.sources.httpservers import RoutingServer

    servers = []
    settings.SOURCES_PER_HOST_INTERVAL = 0
    settings.SOURCES_TOTAL_TIMEOUT = 5

    def start(routes):
        settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
        server = RoutingServer(routes).start()
        settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, server.port]
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
