"""The app for France and for the Nord in a real browser, offline (issue 13): the map of
France draws the départements only; choosing the Nord draws its 647 communes. The
reference is built from the cached sources (`built_reference`, tests/conftest.py)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.conftest import start_app, stop_app
from tests.helpers.browser import ROOT, SLOW, OfflinePage, settled

pytestmark = pytest.mark.e2e
SHOTS = ROOT / "docs" / "screenshots" / "issue13"


def _shot(p: OfflinePage, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    p.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _app(monkeypatch, tmp_path, dep: str, root: Path):
    monkeypatch.setenv("DEPARTEMENT", dep)
    monkeypatch.setenv("REFERENCE_DIR", str(root))
    return start_app(tmp_path, tmp_path / "store.sqlite")


def test_france_then_nord(browser, built_reference, monkeypatch, tmp_path):
    built_reference("59")
    root, _ = built_reference("FR")
    url, proc = _app(monkeypatch, tmp_path, "FR", root)
    p = OfflinePage(browser, url)
    try:
        start = time.monotonic()
        page = p.goto("/")
        page.get_by_role("heading", name="France solidaire : tableau de bord").wait_for(
            timeout=SLOW)
        frame = p.map_frame()
        polygons = frame.locator("path.leaflet-interactive")
        polygons.nth(100).wait_for(state="attached", timeout=SLOW)
        drawn = time.monotonic() - start
        settled(p)
        assert polygons.count() == 101  # the départements, never the communes
        assert page.title() == "Tableau de bord · France solidaire"
        _shot(p, "france-tableau-de-bord")

        choice = page.get_by_role("combobox", name="Département")  # the sidebar's choice
        choice.click()
        choice.fill("Nord (59)")
        page.get_by_role("option", name="Nord (59)").first.click()
        page.get_by_role("heading", name="Nord solidaire : tableau de bord").wait_for(
            timeout=SLOW)
        settled(p)
        frame = p.map_frame()
        frame.locator("path.leaflet-interactive").nth(646).wait_for(state="attached",
                                                                    timeout=SLOW)
        assert frame.locator("path.leaflet-interactive").count() >= 647
        assert "departement=59" in page.url
        assert "Pas-de-Calais" not in page.inner_text("body")
        _shot(p, "france-nord-choisi")
        assert p.outside == []
        print(f"carte de France dessinée en {drawn:.1f} s")
    finally:
        p.context.close()
        stop_app(proc)


def test_nord_alone(browser, built_reference, monkeypatch, tmp_path):
    root, _ = built_reference("59")
    url, proc = _app(monkeypatch, tmp_path, "59", root)
    p = OfflinePage(browser, url)
    try:
        page = p.goto("/Carte")
        page.get_by_role("heading", name="Carte des initiatives").wait_for(timeout=SLOW)
        p.map_frame().locator("path.leaflet-interactive").nth(646).wait_for(
            state="attached", timeout=SLOW)
        settled(p)
        assert page.title() == "Carte · Nord solidaire"
        assert "Pas-de-Calais" not in page.inner_text("body")
        _shot(p, "nord-carte")
        assert p.outside == []
    finally:
        p.context.close()
        stop_app(proc)
