"""Every page of the dashboard in headless Chromium, offline (issue 5): it opens with no
error and no request outside the app, maps draw their polygons, a sidebar filter
changes the figures, and hostile names from a release show as text, with no script run.
Screenshots of each page go to tests/e2e/screenshots/."""
from __future__ import annotations

import re

import pytest

from initiatives.model import Initiative, Place, Quantity
from initiatives.store import open_store
from tests.helpers.browser import SLOW, OfflinePage, map_window, open_page, polygons, shoot

pytestmark = pytest.mark.e2e

HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_FLAG = '<img src=x onerror="window.__xss=1">'
PAGES = {"tableau-de-bord": ("/", "Pas-de-Calais solidaire : tableau de bord", True),
         "carte": ("/Carte", "Carte des initiatives", True),
         "productions": ("/Productions", "Productions et distributions", False),
         "initiatives": ("/Initiatives", "Initiatives", False),
         "import": ("/Import", "Importer des communiqués", False)}


def _hostile(db) -> None:
    store = open_store(db)  # the reviewed seed, plus two hostile names entered by hand
    for actor, code, nom in ((HOSTILE, "62041", "Arras"), (HOSTILE_FLAG, "62498", "Lens")):
        store.add_manual(Initiative(
            release_id="", actor=actor, actor_type="association", category="aide alimentaire",
            excerpt=f"{actor} a distribué des repas `${{alert(2)}}`",
            places=[Place(query=nom, code=code, nom=nom, level="commune", departement="62",
                          inside=True, method="manual", confidence=1.0)],
            quantities=[Quantity("repas", 50, "unités", "done", sentence=actor)],
            status="vérifié"))


@pytest.fixture(scope="module")
def app(app_factory):
    url, _ = app_factory(_hostile)
    return url


@pytest.fixture
def page(browser, app):
    p = OfflinePage(browser, app)
    yield p
    p.context.close()


def metric(pg, label: str) -> str:
    box = pg.locator("[data-testid='stMetric']").filter(has_text=label).first
    return box.locator("[data-testid='stMetricValue']").inner_text()


def no_script_ran(p: OfflinePage) -> None:
    assert p.dialogs == []
    assert p.page.evaluate("window.__xss") is None
    for frame in p.page.frames:
        assert frame.evaluate("window.__xss") is None


@pytest.mark.parametrize("name", list(PAGES))
def test_page_opens_offline_without_error(page, name):
    path, title, has_map = PAGES[name]
    pg = open_page(page, path, title)
    if has_map:
        assert polygons(page) >= 887  # every commune drawn (markers are on a canvas)
    assert pg.locator("[data-testid='stException']").count() == 0
    shoot(page, name)
    assert page.outside == []
    no_script_ran(page)


def test_sidebar_arrondissement_filter_changes_the_figures(page):
    pg = open_page(page, "/", PAGES["tableau-de-bord"][1])
    before = metric(pg, "Initiatives")
    select = pg.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(
        has_text="Arrondissements")
    select.locator("input").click()
    select.locator("input").fill("Calais")
    pg.keyboard.press("Enter")
    pg.wait_for_function(
        """([label, before]) => [...document.querySelectorAll("[data-testid='stMetric']")]
             .some(m => m.innerText.startsWith(label) &&
                   m.querySelector("[data-testid='stMetricValue']").innerText !== before)""",
        arg=["Initiatives", before], timeout=SLOW)
    page.wait_idle(SLOW)
    assert int(metric(pg, "Initiatives")) < int(before)
    assert re.search(r"arrondissement=626", pg.url)  # the view is in the link
    assert polygons(page) >= 887
    shoot(page, "tableau-de-bord-filtre-calais")
    assert page.outside == []


_HOSTILE_MARKERS = """() => {
  window.__hostile = [];
  const visit = (layer) => {
    if (layer.getLayers) { layer.getLayers().forEach(visit); }  // inside clusters too
    const tip = layer.getTooltip && layer.getTooltip();
    if (tip && layer.getLatLng && String(tip.getContent()).includes("img src")) {
      window.__hostile.push(layer);
    }
  };
  window.map.eachLayer(visit);
  return window.__hostile.length;
}"""
# zoomed in past the clustering zoom, the marker is on the map: open its tooltip, popup
_ZOOM_TO = "(i) => { window.map.setView(window.__hostile[i].getLatLng(), 13, {animate: false}); }"
_OPEN = "(i) => { const m = window.__hostile[i]; m.openTooltip(); m.openPopup(); return !!m._map; }"


def test_hostile_names_show_as_text_in_map_tooltips_and_popups(page):
    open_page(page, "/Carte", "Carte des initiatives")
    assert polygons(page) >= 887
    frame = map_window(page)
    assert frame.evaluate(_HOSTILE_MARKERS) == 2
    for i in range(2):
        frame.evaluate(_ZOOM_TO, i)
        page.page.wait_for_timeout(800)  # the cluster layer redraws after the zoom
        assert frame.evaluate(_OPEN, i)
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        assert "<img src=x onerror=" in popup.inner_text()  # the name, as text
        assert "<img src=x onerror=" in frame.locator(".leaflet-tooltip").last.inner_text()
        assert frame.locator(".leaflet-popup-content img, .leaflet-tooltip img").count() == 0
        page.page.wait_for_timeout(300)  # time for an onerror to fire, were it markup
        page.screenshot(f"carte-nom-hostile-{i + 1}")
    no_script_ran(page)
    assert page.outside == []


def test_hostile_name_shows_as_text_in_the_detail_panel(page):
    pg = open_page(page, "/Initiatives", "Initiatives")
    select = pg.locator("[data-testid='stSelectbox']").filter(has_text="Initiative")
    select.locator("input").click()
    select.locator("input").fill("onerror")
    pg.keyboard.press("Enter")
    pg.get_by_role("heading", name=re.compile("onerror")).wait_for(timeout=SLOW)
    page.wait_idle(SLOW)
    main = pg.locator("[data-testid='stMain']")
    assert "<img src=x onerror" in main.inner_text()
    assert main.locator("img[src='x']").count() == 0
    shoot(page, "initiatives-nom-hostile")
    no_script_ran(page)
    assert page.outside == []
