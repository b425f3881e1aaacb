"""The overview draws the real map of the département with no internet (issue 2)."""
import pytest

pytestmark = pytest.mark.e2e


def test_overview_draws_every_commune_offline(offline_page):
    page = offline_page.goto("/")
    frame = offline_page.map_frame()
    polygons = frame.locator("path.leaflet-interactive")
    polygons.nth(886).wait_for(state="attached", timeout=30_000)
    # 887 communes (interactive) are drawn as SVG paths
    assert polygons.count() >= 887
    assert frame.locator(".leaflet-container").count() == 1
    offline_page.screenshot("tableau-de-bord")
    # nothing was fetched outside the app: no CDN, no tiles, no statistics
    assert offline_page.outside == []
    assert "887" in page.inner_text("[data-testid='stMetricValue'] >> nth=0")


def test_navigation_speaks_french(offline_page):
    page = offline_page.goto("/")
    nav = page.locator("[data-testid='stSidebarNav']").inner_text()
    for title in ("Tableau de bord", "Carte", "Couverture", "Productions", "Initiatives",
                  "Import", "Exports"):
        assert title in nav
    assert "dashboard" not in nav
