"""The embedded default, end to end: what `make run` does, on SQLite with no broker.

Runs the real commands in subprocesses (migrate, setup_demo twice, runserver), then logs in
to the admin over HTTP as the demo editor and sees the example article's claims.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def embedded_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(
        {
            "CLAIMTRACKER_VAR_DIR": str(tmp_path),
            "DJANGO_DEBUG": "true",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
    )
    env.pop("DJANGO_SECRET_KEY", None)
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr}"
    return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_embedded_default_serves_the_demo_desk(embedded_env, tmp_path):
    _manage(embedded_env, "migrate", "--noinput")
    first = _manage(embedded_env, "setup_demo")
    second = _manage(embedded_env, "setup_demo")
    assert "ingested" in first
    assert "already there" in second and "(0 new)" in second
    assert (tmp_path / "db.sqlite3").exists(), "the default database is the SQLite file in var/"

    again = json.loads(
        _manage(embedded_env, "ingest", "claims/demo/kuril-islands-2021-02-15.txt", "--format=json")
    )
    assert again["article"]["created"] is False
    assert any(c["text"].startswith("Allied forces even provided ships") for c in again["claims"])

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        env=embedded_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                health = json.load(opener.open(f"{base}/healthz", timeout=5))
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        assert health == {"status": "ok", "matching": "meaning"}

        login_page = opener.open(f"{base}/admin/login/", timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        form = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": "editor",
                "password": "editor-demo-password",
                "next": "/admin/claims/claim/",
            }
        ).encode()
        request = urllib.request.Request(
            f"{base}/admin/login/?next=/admin/claims/claim/",
            data=form,
            headers={"Referer": f"{base}/admin/login/"},
        )
        page = opener.open(request, timeout=10).read().decode()
        assert "Allied forces even provided ships" in page
        assert "20,000 Russian islanders" in page
    finally:
        server.terminate()
        server.wait(timeout=20)


# A production configuration that passes every check: each test below takes something away.
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "x" * 30 + "a-long-random-production-key-for-the-check",
    "DJANGO_ALLOWED_HOSTS": "claims.example.org",
    "SITE_URL": "https://claims.example.org/",
    "CLAIMS_PUBLISHER_NAME": "Example Fact Check",
    "CLAIMS_PUBLISHER_URL": "https://factcheck.example.org/",
}


def _check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key(embedded_env):
    env = {**embedded_env, **PRODUCTION}
    env.pop("DJANGO_SECRET_KEY")
    result = _check(env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_the_deploy_check(embedded_env):
    result = _check({**embedded_env, **PRODUCTION}, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize("name", ["SITE_URL", "CLAIMS_PUBLISHER_NAME", "CLAIMS_PUBLISHER_URL"])
def test_production_refuses_the_demo_publisher_identity(embedded_env, name):
    """ClaimReview names the fact-checker and links its pages: not the demo's, in production."""
    env = {**embedded_env, **PRODUCTION}
    env.pop(name)
    result = _check(env)
    assert result.returncode != 0
    assert f"(claims.E001) {name} is still the demo default" in result.stderr
