"""What every benchmark shares: the bench database, the environment, statistics, processes'
memory, and the tables written into bench/RESULTS.md.

Benchmarks run as plain scripts (`.venv/bin/python bench/bench_api.py`), never under pytest.
Everything they start listens on 127.0.0.1 only, and every load loop is bounded in count and
in time. Absolute numbers depend on whoever else uses the machine at the same moment, so each
script measures a floor in the same run and reports ratios against it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
RESULTS = ROOT / "bench" / "RESULTS.md"

# PostgreSQL server that holds the bench databases (trust auth on loopback, as in CI).
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
BENCH_DB = os.environ.get("BENCH_DATABASE", "claimtracker_bench")
# Redis databases of our own, so nothing collides with the test suite (broker 15, cache 1).
BENCH_BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/14")
BENCH_CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
# This process's start (the machine line reports the load then and at the end of the run).
LOAD_AT_START = os.getloadavg()[0]
BENCH_SECRET_KEY = "bench-only-secret-key-not-used-anywhere-else-0123456789abcdef"  # noqa: S105


def db_url(name: str = BENCH_DB) -> str:
    return f"{PG_URL}/{name}"


def django_env(db_name: str = BENCH_DB, **extra: str) -> dict[str, str]:
    """The environment the service runs with in production (DEBUG off), against a bench DB.

    No broker: tasks would run in-process, and the API benchmarks start none. The throttle is
    raised so that the load generator measures the service, not the rate limit.
    """
    env = {
        **os.environ,
        "DATABASE_URL": db_url(db_name),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": BENCH_SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Production refuses the demo's publisher identity (system check claims.E001).
        "SITE_URL": "http://127.0.0.1:8000/bench/",
        "CLAIMS_PUBLISHER_NAME": "claimtracker benchmark",
        "CLAIMS_PUBLISHER_URL": "http://127.0.0.1:8000/bench/",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        "API_THROTTLE_USER": "100000000/min",
        "API_THROTTLE_ANON": "100000000/min",
    }
    for name in ("CELERY_BROKER_URL", "CACHE_URL", "CELERY_RESULT_BACKEND"):
        env.pop(name, None)
    env.update(extra)
    return env


def setup_django(db_name: str = BENCH_DB, **extra: str) -> None:
    """Configure Django in this process for a bench database (call before importing models)."""
    os.environ.update(django_env(db_name, **extra))
    import warnings

    import django

    # DEBUG off adds WhiteNoise, which warns that collectstatic has not run: the API serves no
    # static files, so the warning is noise here.
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")

    django.setup()


# --- The database ----------------------------------------------------------------------------


def pg_connect(name: str = BENCH_DB, **kwargs):
    import psycopg

    return psycopg.connect(db_url(name), **kwargs)


def ensure_database(name: str) -> bool:
    """Create the database if it is missing; True when it was created now."""
    with pg_connect("postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            return False
        conn.execute(f'CREATE DATABASE "{name}"')
        return True


def migrate(name: str) -> None:
    """Bring a bench database to the current schema (a no-op of a few seconds when it is)."""
    result = subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=django_env(name),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"migrate into {name} failed:\n{result.stdout}\n{result.stderr}")


def postgres_version() -> str:
    with pg_connect("postgres") as conn:
        return conn.execute("SHOW server_version").fetchone()[0].split()[0]


# --- Numbers ---------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def fmt(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    if value != value:  # NaN
        return "-"
    return f"{value:,.{digits}f}"


def ratio(ours: float, floor: float, digits: int = 2) -> str:
    if not floor or ours != ours or floor != floor:
        return "-"
    return f"{ours / floor:.{digits}f}x"


def time_calls(call, count: int, *, warmup: int = 3, budget_s: float = 60.0) -> list[float]:
    """Milliseconds of `count` calls (after `warmup` unmeasured ones), stopping at `budget_s`."""
    for _ in range(warmup):
        call()
    timings: list[float] = []
    deadline = time.monotonic() + budget_s
    for _ in range(count):
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
        if time.monotonic() > deadline:
            break
    return timings


# --- Processes -------------------------------------------------------------------------------


def _status_kb(pid: int, field: str) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


def peak_rss_mb(pid: int) -> float:
    """The process's high-water resident set size (VmHWM), in MB (1 MB = 2**20 bytes)."""
    return _status_kb(pid, "VmHWM") / 1024


def rss_mb(pid: int) -> float:
    return _status_kb(pid, "VmRSS") / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(
    port: int, timeout: float = 30.0, process: subprocess.Popen | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def stop(process: subprocess.Popen, timeout: float = 20.0) -> None:
    """SIGTERM the process we started (gunicorn and celery shut their children down)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- RESULTS.md ------------------------------------------------------------------------------

_HEADER = """# Benchmarks

Written by the scripts in `bench/` (`make bench` runs them all through `bench/run_all.py`); each
script replaces its own section. Benchmarks are not tests: nothing here is asserted, and absolute
figures move with whatever else the machine runs, so every section compares against a floor
measured in the same run. See bench/README.md for what each script measures and how.
"""


def machine_line(wall_s: float | None = None) -> str:
    import django

    mem_kb = _meminfo_kb("MemTotal")
    parts = [
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"{os.cpu_count()} cores",
        f"{mem_kb / 1024 / 1024:.1f} GiB RAM",
        f"Python {platform.python_version()}",
        f"Django {django.get_version()}",
        f"PostgreSQL {postgres_version()}",
        f"load average {LOAD_AT_START:.1f} at the start, {os.getloadavg()[0]:.1f} at the end",
    ]
    if wall_s is not None:
        parts.append(f"script wall time {wall_s:.0f} s")
    return "Run: " + ", ".join(parts) + "."


def _meminfo_kb(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    return int(match.group(1)) if match else 0


def md_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
    return "\n".join(lines)


def write_section(key: str, title: str, body: str) -> None:
    """Replace (or append) this script's section of bench/RESULTS.md and print it."""
    start, end = f"<!-- bench:{key} start -->", f"<!-- bench:{key} end -->"
    section = f"{start}\n## {title}\n\n{body.strip()}\n{end}"
    text = RESULTS.read_text() if RESULTS.exists() else _HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    RESULTS.write_text(text if text.endswith("\n") else text + "\n")
    print(f"\n## {title}\n\n{body.strip()}\n")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)
