"""The app in headless Chromium, for the end-to-end tests: a page whose requests
outside the app are refused and recorded, and the waits and shots every test uses."""
from __future__ import annotations

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
SLOW = 120_000  # a cold first run on a busy 2-core machine
FIRST_PAINT = "premier-affichage"  # `ui.filters.pending`: a first paint under way


class OfflinePage:
    """A page whose requests outside the app are refused and recorded; `also` names
    other origins it may reach (the local identity provider of the login test)."""

    def __init__(self, browser, app_url, also: tuple[str, ...] = ()):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                           accept_downloads=True)
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        allowed = (app_url, *also, "data:", "blob:", "about:")

        def route(r):
            if r.request.url.startswith(allowed):
                return r.continue_()
            self.outside.append(r.request.url)
            return r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = app_url

    def goto(self, path: str = "/"):
        self.page.goto(self.url + path)
        self.page.wait_for_selector("[data-testid='stApp']", timeout=30_000)
        self.wait_idle()
        return self.page

    def wait_idle(self, timeout: float = 30_000):
        # Streamlit shows a status widget while the script runs
        self.page.wait_for_timeout(300)
        self.page.wait_for_selector("[data-testid='stStatusWidget']", state="detached",
                                    timeout=timeout)
        # a first paint (the overview's figures and map) is followed by the rest of the
        # page once the map is drawn: the sidebar's line saying so goes, then that run ends
        if self.page.locator(f".st-key-{FIRST_PAINT}").count():
            self.page.wait_for_selector(f".st-key-{FIRST_PAINT}", state="detached",
                                        timeout=timeout)
            self.wait_idle(timeout)

    def map_frame(self, index: int = 0):
        return self.page.frame_locator("iframe[title='streamlit_folium.st_folium']").nth(index)

    def screenshot(self, name: str):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def settled(p: OfflinePage) -> None:
    """The run is over and every element is drawn (no placeholder left)."""
    p.wait_idle(SLOW)
    p.page.wait_for_function(
        "document.querySelectorAll(\"[data-testid='stSkeleton']\").length === 0",
        timeout=SLOW)


def download(p: OfflinePage, label: str):
    """Clicks a download button once the run is over (a button of a run still under
    way may be replaced, its file with it) and returns the download; the file of a
    deferred button is built on the server when clicked, slow on a busy machine."""
    settled(p)
    button = p.page.get_by_role("button", name=label, exact=True)
    button.wait_for(timeout=SLOW)
    with p.page.expect_download(timeout=SLOW) as info:
        button.click()
    return info.value


def open_page(p: OfflinePage, path: str, title: str):
    pg = p.goto(path)
    pg.get_by_role("heading", name=title).first.wait_for(timeout=SLOW)
    settled(p)
    return pg


def shoot(p: OfflinePage, name: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so the
    window is made as tall as the content first."""
    height = p.page.evaluate(
        "document.querySelector(\"[data-testid='stMainBlockContainer']\").scrollHeight")
    p.page.set_viewport_size({"width": 1400, "height": min(max(1000, height + 150), 6000)})
    p.page.wait_for_timeout(500)
    p.screenshot(name)
    p.page.set_viewport_size({"width": 1400, "height": 1000})


def polygons(p: OfflinePage) -> int:
    """Polygons drawn in the map; polled, since a changed map replaces its iframe."""
    deadline = time.monotonic() + SLOW / 1000
    while True:
        count = p.map_frame().locator("path.leaflet-interactive").count()
        if count >= 887 or time.monotonic() > deadline:
            return count
        p.page.wait_for_timeout(300)


def map_window(p: OfflinePage):
    """The frame where Leaflet runs (`window.map`), once the map is drawn."""
    for _ in range(100):
        for f in p.page.frames:
            try:
                if "st_folium" in f.url and f.evaluate("!!window.map"):
                    return f
            except Exception:  # a frame replaced meanwhile
                pass
        p.page.wait_for_timeout(300)
    raise AssertionError("carte introuvable (erreur JavaScript dans la carte ?)")
