"""Maps that say where (issue 11, items 5 and 8), in headless Chromium, offline: place
names on the map, a commune's name on hover with the initiative points on, a commune
search that zooms to it, and the phone view (390 × 844): key figures readable, the map
visible, its legends folded instead of covering it."""
from __future__ import annotations

import math

import pytest
import shapely

from geo import reference
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.store import open_store
from tests.helpers.browser import SLOW, map_window, open_page, polygons, shoot

pytestmark = pytest.mark.e2e
OVERVIEW = "Pas-de-Calais solidaire : tableau de bord"
CARTE = "Carte des initiatives"
PHONE = {"width": 390, "height": 844}


def _commune(code: str):
    com = reference.layer("communes", "62")
    return com.loc[com["code"] == code].iloc[0]


@pytest.fixture(scope="module")
def territory_only(tmp_path_factory) -> str:
    """A commune reached only through a territory cited in bloc: no marker of its own,
    under a dashed territory area, so hovering it crosses every layer of the map."""
    store = open_store(tmp_path_factory.mktemp("seed") / "store.sqlite")  # same seed
    codes = sorted(metrics.territory_only(store, Filters(), "62"))
    assert codes
    return max(codes, key=lambda c: _commune(c).geometry.area)  # the roomiest


def _carte(offline_page):
    pg = open_page(offline_page, "/Carte", CARTE)
    assert polygons(offline_page) >= 887
    return pg, map_window(offline_page)


def _hover(offline_page, frame, lat: float, lon: float) -> str:
    """Move the mouse over (lat, lon) of the map; the tooltip's text ('' if none)."""
    box = offline_page.page.locator("iframe[title='streamlit_folium.st_folium']").first \
        .bounding_box()
    x, y = frame.evaluate(f"(() => {{ var p = map.latLngToContainerPoint([{lat}, {lon}]);"
                          "var r = map.getContainer().getBoundingClientRect();"
                          "return [p.x + r.left, p.y + r.top]; })()")
    offline_page.page.mouse.move(box["x"] + x - 3, box["y"] + y - 3)
    offline_page.page.mouse.move(box["x"] + x, box["y"] + y, steps=4)
    offline_page.page.wait_for_timeout(400)
    tips = frame.locator(".leaflet-tooltip")
    return " ".join(tips.all_inner_texts()) if tips.count() else ""


def test_place_names_are_written_on_the_map(offline_page):
    _, frame = _carte(offline_page)
    names = frame.locator(".pdc-label").all_inner_texts()
    for nom in ("Arras", "Lens", "Calais", "Boulogne-sur-Mer", "Saint-Omer", "Béthune"):
        assert nom in names  # arrondissements (capitals by CSS) and their seats
    assert 7 + 7 <= len(names) <= 25  # the main towns only, not every commune
    scale = frame.locator(".leaflet-control-scale").inner_text()
    assert "km" in scale and "mi" not in scale and "ft" not in scale


def test_hover_names_the_commune_with_the_points_on(offline_page, territory_only):
    pg, frame = _carte(offline_page)
    assert pg.get_by_label("Initiatives nommant une commune (points)").is_checked()
    assert frame.evaluate("document.querySelectorAll('.leaflet-pdcPoints-pane path')"
                          ".length") > 0  # the points are drawn
    c = _commune(territory_only)
    spot = c.geometry.representative_point()
    frame.evaluate(f"map.setView([{spot.y}, {spot.x}], 12, {{animate: false}})")
    offline_page.page.wait_for_timeout(500)
    text = _hover(offline_page, frame, spot.y, spot.x)
    assert c["nom"] in text, text
    offline_page.page.screenshot(path=str(offline_page_path("carte-survol-points")))
    # and a commune with initiatives named there, next to its points (Lens)
    lens = _commune("62498").geometry.representative_point()
    frame.evaluate(f"map.setView([{lens.y}, {lens.x}], 13, {{animate: false}})")
    offline_page.page.wait_for_timeout(500)
    assert "Lens" in _hover(offline_page, frame, lens.y, lens.x)


def _search(pg, nom: str) -> None:
    box = pg.locator("[data-testid='stSelectbox']").filter(has_text="Aller à une commune")
    box.locator("input").click()
    box.locator("input").fill(nom)
    pg.get_by_role("option", name=nom, exact=False).first.click()


def _zoomed_on(offline_page, frame, code: str, min_zoom: int = 11) -> float:
    """Polls until the map is zoomed in on the commune; its distance in km from the centre."""
    c = _commune(code)
    for _ in range(60):
        zoom, (lat, lon) = frame.evaluate("[map.getZoom(), "
                                          "[map.getCenter().lat, map.getCenter().lng]]")
        if zoom >= min_zoom and c.geometry.buffer(0.01).contains(shapely.Point(lon, lat)):
            cent = c.geometry.centroid
            return math.hypot((lon - cent.x) * 71.5, (lat - cent.y) * 111.2)
        offline_page.page.wait_for_timeout(300)
    raise AssertionError(f"carte non centrée sur {c['nom']} : zoom {zoom}, centre {lat}, {lon}")


def test_commune_search_zooms_to_the_commune(offline_page):
    pg, frame = _carte(offline_page)
    start = frame.evaluate("map.getZoom()")
    _search(pg, "Fruges")
    offline_page.wait_idle(SLOW)
    frame = map_window(offline_page)
    assert _zoomed_on(offline_page, frame, "62364") < 3
    assert frame.evaluate("map.getZoom()") >= start + 1.5
    frame.locator(".pdc-found").filter(has_text="Fruges").wait_for(timeout=SLOW)
    shoot(offline_page, "issue11/carte-recherche-fruges")
    # another commune: the map moves again, without being drawn anew
    _search(pg, "Wimereux")
    offline_page.wait_idle(SLOW)
    assert _zoomed_on(offline_page, map_window(offline_page), "62893") < 3


def test_phone_overview_key_figures_are_readable(offline_page):
    offline_page.page.set_viewport_size(PHONE)
    pg = open_page(offline_page, "/", OVERVIEW)
    first = pg.locator("[data-testid='stMetric']").first
    first.scroll_into_view_if_needed()
    assert first.inner_text().startswith("Communes nommées")
    for box in pg.locator("[data-testid='stMetric']").all()[:4]:
        box.scroll_into_view_if_needed()
        value = box.locator("[data-testid='stMetricValue']")
        r = value.bounding_box()
        assert r["x"] >= 0 and r["x"] + r["width"] <= PHONE["width"]  # not cut off
        size = float(value.evaluate("e => getComputedStyle(e).fontSize")[:-2])
        label = box.locator("[data-testid='stMetricLabel']")
        label_size = float(label.evaluate("e => getComputedStyle(e).fontSize")[:-2])
        assert size >= 20 and label_size >= 13, (size, label_size)
        assert value.evaluate("e => e.scrollWidth <= e.clientWidth + 1")  # no ellipsis
    offline_page.page.screenshot(path=str(offline_page_path("telephone-tableau-de-bord")))


def offline_page_path(name: str):
    from tests.helpers.browser import SCREENSHOTS
    (SCREENSHOTS / "issue11").mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / "issue11" / f"{name}.png"


def test_phone_map_is_visible_legends_folded_and_search_works(offline_page):
    offline_page.page.set_viewport_size(PHONE)
    pg, frame = _carte(offline_page)
    iframe = pg.locator("iframe[title='streamlit_folium.st_folium']").first
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    assert box["width"] >= 330 and box["height"] >= 400
    area = frame.evaluate("[map.getSize().x, map.getSize().y]")
    covered = frame.evaluate("""Array.from(document.querySelectorAll(
        '.pdc-legend, .leaflet-control-layers')).map(e => {
        var r = e.getBoundingClientRect(); return r.width * r.height; })""")
    assert len(covered) >= 2
    assert sum(covered) < 0.12 * area[0] * area[1], covered  # folded: a few titles
    assert frame.evaluate("document.querySelectorAll('.pdc-legend details[open]').length") == 0
    assert frame.locator(".leaflet-control-layers-expanded").count() == 0
    # a tap unfolds a legend
    frame.locator(".pdc-legend summary").first.click()
    assert frame.evaluate("document.querySelectorAll('.pdc-legend details[open]').length") == 1
    offline_page.page.screenshot(path=str(offline_page_path("telephone-carte")))
    _search(pg, "Wimereux")
    offline_page.wait_idle(SLOW)
    assert _zoomed_on(offline_page, map_window(offline_page), "62893") < 3
    assert offline_page.outside == []
