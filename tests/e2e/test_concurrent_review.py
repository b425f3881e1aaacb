"""Two people correcting the same initiative at once, in two browser sessions on one
running app (issue 14, item 3): the first save lands; the second, made on the version
its author opened, is refused with the first person's change (field, their value,
who, when) instead of being thrown away or silently overwriting it; reapplied, it
lands on the current version and the history shows both saves."""
from __future__ import annotations

import pytest

from initiatives.store import open_store
from tests.helpers.browser import SLOW, OfflinePage, open_page, settled, shoot

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def app(app_factory):
    return app_factory(lambda db: open_store(db))  # the reviewed seed


def open_marck(p: OfflinePage):
    pg = open_page(p, "/Initiatives", "Initiatives")
    select = pg.locator("[data-testid='stSelectbox']").filter(has_text="Initiative")
    select.locator("input").click()
    select.locator("input").fill("Ville de Marck")
    pg.keyboard.press("Enter")
    pg.get_by_role("heading", name="Relecture").wait_for(timeout=SLOW)
    settled(p)
    pg.get_by_text("Corriger les champs").click()
    pg.get_by_label("Acteur", exact=True).wait_for(timeout=SLOW)
    return pg


def correct_actor(p: OfflinePage, pg, actor: str) -> None:
    field = pg.get_by_label("Acteur", exact=True)
    field.fill(actor)
    field.press("Tab")  # the value is the form's once the field is left
    pg.get_by_role("button", name="Enregistrer les corrections").click()
    p.wait_idle(SLOW)


def test_the_second_save_is_refused_with_the_first_change_and_can_be_reapplied(browser, app):
    url, db = app
    iid = next(i.id for i in open_store(db).initiatives() if i.actor == "Ville de Marck")
    anne, bruno = OfflinePage(browser, url), OfflinePage(browser, url)
    try:
        pa, pb = open_marck(anne), open_marck(bruno)  # both open the same version
        correct_actor(anne, pa, "Mairie de Marck")
        pa.get_by_text(f"Initiative n°{iid} corrigée.").wait_for(timeout=SLOW)
        assert open_store(db).get(iid).actor == "Mairie de Marck"

        correct_actor(bruno, pb, "Commune de Marck")
        alert = pb.locator("[data-testid='stAlert']").filter(has_text="Rien n'a été enregistré")
        alert.wait_for(timeout=SLOW)
        refused = alert.inner_text()
        assert "Acteur" in refused and "« Mairie de Marck »" in refused
        assert "votre valeur : « Commune de Marck »" in refused
        assert "par poste local" in refused and " à " in refused
        assert "Aucune modification" not in pb.locator("[data-testid='stMain']").inner_text()
        assert open_store(db).get(iid).actor == "Mairie de Marck"  # nothing of his written
        assert pb.get_by_label("Acteur", exact=True).input_value() == "Commune de Marck"
        shoot(bruno, "initiatives-enregistrement-refuse")

        pb.get_by_role("button", name="Réappliquer mes modifications").click()
        pb.get_by_text("ont été réappliquées sur la version actuelle").wait_for(timeout=SLOW)
        bruno.wait_idle(SLOW)
        assert open_store(db).get(iid).actor == "Commune de Marck"
        pb.get_by_text("Historique des modifications").click()
        history = pb.locator("[data-testid='stExpander']").filter(
            has_text="Historique des modifications")
        history.get_by_text("Acteur : « Mairie de Marck » → « Commune de Marck »").wait_for(
            timeout=SLOW)
        shown = history.inner_text()
        assert "Acteur : « Ville de Marck » → « Mairie de Marck »" in shown
        assert "poste local" in shown and "correction" in shown
        shoot(bruno, "initiatives-historique")
        assert [(c.person.startswith("poste local"), c.old, c.new)
                for c in open_store(db).history(iid) if c.field == "actor"] == [
            (True, "Ville de Marck", "Mairie de Marck"),
            (True, "Mairie de Marck", "Commune de Marck")]
        assert anne.outside == [] and bruno.outside == []
    finally:
        anne.context.close()
        bruno.context.close()
