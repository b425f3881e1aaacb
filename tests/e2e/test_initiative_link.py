"""The Initiatives page in headless Chromium (issue 11, item 7): the opened initiative
is in the address, so a reload keeps it and the link opens it; its contacts are links
to the right address; the page's search stays on that page and leaves the overview's
figures alone."""
from __future__ import annotations

import re

import pytest

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_number
from initiatives.store import open_store
from tests.helpers.browser import OfflinePage, open_page, settled, shoot

pytestmark = pytest.mark.e2e


def _mazingarbe(db) -> int:
    return next(i.id for i in open_store(db).initiatives()
                if i.actor == "Centres sociaux de Mazingarbe")


@pytest.fixture(scope="module")
def app(app_factory):
    return app_factory()  # the reviewed seed


def test_link_reload_contacts_and_a_search_of_this_page_only(browser, app):
    url, db = app
    iid = _mazingarbe(db)
    p = OfflinePage(browser, url)
    try:
        pg = open_page(p, f"/Initiatives?initiative={iid}", "Initiatives")
        heading = pg.get_by_role("heading", name=f"n°{iid} · Centres sociaux de Mazingarbe")
        heading.wait_for()
        link = pg.locator("a[href*='facebook']").first
        assert link.get_attribute("href") == "https://fr-fr.facebook.com/acsmazingarbe/"
        assert "\\" not in link.inner_text()
        shoot(p, "initiatives-lien")
        pg.reload()
        settled(p)
        heading.wait_for()  # a reload keeps it
        assert f"initiative={iid}" in pg.url
        # the search filters this page, is in its link, and nowhere else
        box = pg.get_by_test_id("stSidebarUserContent").get_by_test_id("stTextInputField")
        box.fill("Marck")
        box.press("Enter")
        settled(p)
        pg.get_by_text("Recherche active sur cette page seulement").wait_for()
        assert re.search(r"[?&]q=Marck", pg.url)
        pg.get_by_test_id("stSidebarNav").get_by_text("Tableau de bord").click()
        settled(p)
        pg.get_by_role("heading", name="Ce qui a changé").wait_for()
        assert "q=" not in pg.url
        box = pg.locator("[data-testid='stMetric']").filter(has_text="Initiatives").first
        everything = format_number(metrics.key_figures(open_store(db), Filters()).initiatives)
        assert box.locator("[data-testid='stMetricValue']").inner_text() == everything
        assert not p.outside
    finally:
        p.context.close()
