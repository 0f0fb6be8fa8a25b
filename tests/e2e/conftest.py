"""End-to-end tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

The browser is the system's /usr/bin/chromium (apt-get install chromium); Playwright never
downloads one here. Without it these tests skip, saying why, except in CI (CI=true), where a
missing browser fails them: CI installs it, so a green run must mean they ran.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's
TIMEOUT_MS = 10_000  # a step that takes longer has failed; say so quickly


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _missing(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"CI must run the browser tests, but {reason}; .ci/run must install it.")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def playwright() -> Iterator[object]:
    """Playwright for one test module.

    Its sync API keeps an asyncio loop running in this thread while it is open. Django then
    takes the thread for async code: it refuses ORM calls (so DJANGO_ALLOW_ASYNC_UNSAFE is set
    meanwhile; nothing here is really async) and hands out separate connection objects. Module
    scope keeps both effects inside the browser tests, away from the rest of the suite.
    """
    if not CHROMIUM.exists():
        _missing(f"Chromium is not installed (apt-get install chromium): no {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed (pip install -r requirements-dev.txt)")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as instance:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield instance


def _recreate_roles() -> None:
    """The role groups of migrations claims/0003_roles and 0013, with their permissions.

    A transactional test ends by flushing every table: the permissions come back (post_migrate
    recreates them) but the groups, made by a data migration, do not.
    """
    from django.contrib.auth.models import Permission

    roles = importlib.import_module("claims.migrations.0003_roles").ROLES
    later = importlib.import_module("claims.migrations.0013_roles_refresh_source").GRANTS
    for name, codes in [*roles.items(), *later.items()]:
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


@pytest.fixture(autouse=True)
def _e2e_environment(transactional_db, monkeypatch, settings) -> list[int]:
    """What every browser test needs from the server side.

    - The desk's role groups exist (see _recreate_roles).
    - The live server answers on 127.0.0.1 and localhost whatever DJANGO_ALLOWED_HOSTS says.
    - Adding evidence queues a fetch of its URL; these tests stay on loopback, so the fetch is
      recorded instead of sent.
    """
    from sources.tasks import fetch_source

    _recreate_roles()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1", "localhost"]
    fetched: list[int] = []
    # apply_async, which delay() calls too: the sweep and refresh_now send batches with it.
    monkeypatch.setattr(fetch_source, "apply_async", lambda args, *_, **__: fetched.append(args[0]))
    return fetched


def desk_user(username: str, role: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def logged_in(playwright, live_server, tmp_path_factory) -> Iterator[Callable]:
    """`logged_in(user)`: a new browser with a fresh profile, signed in to the desk as `user`.

    Each persona gets its own Chromium with its own user data dir, so sessions never mix.
    """
    contexts = []

    def open_for(user, *, viewport: dict | None = None):
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=viewport or {"width": 1400, "height": 900},
            locale="en-GB",
            timezone_id="UTC",
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(f"{live_server.url}/admin/login/?next=/admin/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(re.compile(r".*/admin/$"))
        return page

    yield open_for
    for context in contexts:
        context.close()
