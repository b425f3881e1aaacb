"""A real app (`streamlit run`) driven by Debian's headless Chromium through Playwright.

The browser may reach only the app: any other request (a CDN, web tiles,
usage statistics) is refused and recorded, so a test can assert the app
works offline.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers.browser import CHROMIUM, ROOT, OfflinePage

LOGS: list[Path] = []  # the apps' logs, shown under a failed test


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(tmp: Path, db: Path, secrets: Path | None = None) -> tuple[str, subprocess.Popen]:
    """`streamlit run dashboard.py` on a free port with its own store; waits until healthy.

    Its secrets file is `secrets` (accounts, issue 14), else one that does not exist:
    the app runs without accounts whatever `.streamlit/secrets.toml` the machine has."""
    port = _free_port()
    env = {**os.environ, "INITIATIVES_DB": str(db),
           "GEOCODE_CACHE": str(tmp / "geocode.sqlite"), "GEOCODER": "offline"}
    LOGS.append(tmp / "streamlit.log")
    log = open(LOGS[-1], "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--secrets.files", str(secrets or tmp / "aucun-secret.toml")],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return url, proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError((tmp / "streamlit.log").read_text()) from None
            time.sleep(0.2)


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Start the app on the bundled data, with its own store in a temp dir."""
    tmp = tmp_path_factory.mktemp("app")
    url, proc = start_app(tmp, tmp / "store.sqlite")
    yield url
    stop_app(proc)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium introuvable ({CHROMIUM}) : `apt-get install chromium` "
                    "(`make test` le fait).")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def offline_page(browser, app_url):
    page = OfflinePage(browser, app_url)
    yield page
    page.context.close()


# --- apps on a store prepared by the test (issue 5) --------------------------------

@pytest.fixture(scope="session")
def app_factory(tmp_path_factory):
    """`start(prepare)` runs another app on its own store: `prepare(db_path)` fills it
    first (e.g. from the seed plus hostile names); `secrets(tmp)` writes the app's
    secrets file in its temp dir and returns its path. Returns (url, db_path)."""
    procs = []

    def start(prepare=None, secrets=None) -> tuple[str, Path]:
        tmp = tmp_path_factory.mktemp("app")
        db = tmp / "store.sqlite"
        if prepare:
            prepare(db)
        url, proc = start_app(tmp, db, secrets(tmp) if secrets else None)
        procs.append(proc)
        return url, db

    yield start
    for proc in procs:
        stop_app(proc)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test shows the end of each app's log (a server-side error, a
    refused request): CI keeps only what pytest prints."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for log in LOGS:
            if log.exists():
                tail = log.read_text(errors="replace").splitlines()[-40:]
                report.sections.append((f"journal de l'app ({log.parent.name})",
                                        "\n".join(tail)))
