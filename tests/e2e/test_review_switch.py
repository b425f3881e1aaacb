"""Reviewed vs to review in headless Chromium (issue 11, item 3): the overview says how
much is still "à relire"; the sidebar switch keeps checked figures only, puts
`relus=oui` in the link, follows the user to another page and opens again from the
link. Coverage comes first as named communes, territory-only communes apart."""
from __future__ import annotations

import re

import pytest

from initiatives.store import open_store
from tests.helpers.browser import SLOW, OfflinePage, open_page, shoot
from tests.helpers.store_samples import N8, commune, initiative, qty

pytestmark = pytest.mark.e2e
TITLE = "Pas-de-Calais solidaire : tableau de bord"


def _to_review(db) -> None:
    store = open_store(db)  # the reviewed seed, plus a release nobody has checked yet
    store.ingest(N8, [initiative(N8, "Ville de Wimereux", commune("62893", "Wimereux"),
                                 qty("masques", 400, sentence="400 masques distribués"))])


@pytest.fixture(scope="module")
def app(app_factory):
    url, _ = app_factory(_to_review)
    return url


@pytest.fixture
def page(browser, app):
    p = OfflinePage(browser, app)
    yield p
    p.context.close()


def metric(pg, label: str) -> tuple[str, str]:
    box = pg.locator("[data-testid='stMetric']").filter(has_text=label).first
    delta = box.locator("[data-testid='stMetricDelta']")
    return (box.locator("[data-testid='stMetricValue']").inner_text(),
            delta.inner_text() if delta.count() else "")


def test_switch_shows_reviewed_figures_only_and_stays_in_the_link(page):
    pg = open_page(page, "/", TITLE)
    first = pg.locator("[data-testid='stMetric']").first.inner_text()
    assert first.startswith("Communes nommées")
    assert "Via un territoire seulement" in \
        pg.locator("[data-testid='stMain']").inner_text()
    before, delta = metric(pg, "Initiatives")
    assert delta == "dont 1 à relire"
    masks, masks_delta = metric(pg, "Masques réalisés")
    assert "400" in masks_delta and "à relire" in masks_delta
    shoot(page, "tableau-de-bord-a-relire")

    pg.locator("[data-testid='stSidebar']").get_by_text("Chiffres relus seulement").click()
    pg.wait_for_function(
        """(before) => [...document.querySelectorAll("[data-testid='stMetric']")]
             .some(m => m.innerText.startsWith("Initiatives") &&
                   m.querySelector("[data-testid='stMetricValue']").innerText !== before)""",
        arg=before, timeout=SLOW)
    page.wait_idle(SLOW)
    after, delta = metric(pg, "Initiatives")
    assert int(after) == int(before) - 1 and delta == "relus seulement"
    assert re.search(r"relus=oui", pg.url)
    shoot(page, "tableau-de-bord-relus-seulement")

    # the link opens with the switch on, on any page
    other = OfflinePage(page.context.browser, page.url)
    try:
        pg2 = open_page(other, "/Productions?relus=oui", "Productions et distributions")
        switch = pg2.locator("[data-testid='stSidebar'] label").filter(
            has_text="Chiffres relus seulement").locator("input")
        assert switch.is_checked()
        table = pg2.locator("[data-testid='stMain']").inner_text()
        assert "Objectifs, initiative par initiative" in table
        assert other.outside == []
    finally:
        other.context.close()
    assert page.outside == []
