"""The production files say what the README says: what the image leaves out, the order compose
starts things in, the health checks, the cache's own database and prefix, DEBUG off unless
turned on (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

BASE_DIR = Path(__file__).resolve().parents[1]


def test_the_image_leaves_out_the_venv_the_database_and_git():
    ignored = {
        line.strip()
        for line in (BASE_DIR / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".venv", "var", ".git", ".env"} <= ignored


def test_compose_runs_the_nlp_queue_in_its_own_worker_and_shares_the_index():
    services = yaml.safe_load((BASE_DIR / "compose.yaml").read_text())["services"]

    def queue(name: str) -> str:
        command = services[name]["command"]
        return command[command.index("-Q") + 1]

    assert (queue("worker"), queue("nlp-worker")) == ("celery", "nlp")
    for name in ("web", "nlp-worker"):
        assert "matchindex:/app/var/match-index" in services[name]["volumes"], name
        assert services[name]["environment"]["CLAIMS_MATCH_INDEX_DIR"] == "/app/var/match-index"


def test_compose_migrates_before_anything_serves_and_checks_health():
    services = yaml.safe_load((BASE_DIR / "compose.yaml").read_text())["services"]
    assert services["migrate"]["command"][-2:] == ["migrate", "--noinput"]
    for name in ("web", "worker", "nlp-worker", "beat"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }, name
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "inspect ping" in " ".join(services["worker"]["healthcheck"]["test"])
    environment = services["web"]["environment"]
    assert environment["CACHE_URL"].endswith("/1")
    assert environment["CELERY_BROKER_URL"].endswith("/0")
    # Plain HTTP on localhost unless a TLS proxy is configured: no redirect to https there.
    assert environment["DJANGO_SECURE_SSL_REDIRECT"] == "${DJANGO_SECURE_SSL_REDIRECT:-false}"


def _settings_value(expression: str, **env: str) -> str:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CACHE_"))}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; print({expression})",
        ],
        cwd=BASE_DIR,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    # The value is the last line printed; start-up errors (and log lines) come on stderr.
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines and result.returncode == 0 else result.stderr.strip()


def test_the_cache_keys_are_prefixed():
    value = _settings_value(
        "settings.CACHES['default']['KEY_PREFIX']",
        DJANGO_DEBUG="true",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    assert value == "claimtracker"


def test_debug_is_off_unless_turned_on():
    refused = _settings_value("settings.DEBUG")
    assert "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off" in refused
    assert _settings_value("settings.DEBUG", DJANGO_SECRET_KEY="x" * 50) == "False"
    assert _settings_value("settings.DEBUG", DJANGO_DEBUG="true") == "True"


def _pins(path: Path) -> dict[str, str]:
    """name -> version of the `name==version` lines of a requirements file (extras dropped)."""
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split(";")[0].strip().rstrip("\\").strip()
        if "==" in line and not line.startswith(("#", "-")):
            name, version = line.split("==", 1)
            pins[name.split("[")[0].strip().lower().replace("_", "-").replace(".", "-")] = version
    return pins


def test_the_lock_files_pin_what_the_inputs_ask_with_hashes():
    """requirements*.txt are `make lock`'s output from requirements*.in: every hand-written pin
    is in its lock at the same version, and every locked package carries its hashes (so an
    install refuses a tampered or substituted file)."""
    for source, lock in (
        ("requirements.in", "requirements.txt"),
        ("requirements-dev.in", "requirements-dev.txt"),
    ):
        wanted = _pins(BASE_DIR / source)
        if source == "requirements-dev.in":
            wanted |= _pins(BASE_DIR / "requirements.in")
        locked = _pins(BASE_DIR / lock)
        assert {name: locked.get(name) for name in wanted} == wanted, f"run `make lock`: {lock}"
        text = (BASE_DIR / lock).read_text()
        entries = [
            chunk for chunk in text.split("\n") if "==" in chunk and not chunk.startswith(" ")
        ]
        assert len(entries) == len(locked)
        blocks = text.split("\n")
        for i, line in enumerate(blocks):
            if line in entries:
                assert blocks[i + 1].strip().startswith("--hash=sha256:"), line
