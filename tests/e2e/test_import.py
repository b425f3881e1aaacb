"""Releases imported through the upload widget in headless Chromium (issue 5): a text
file and a PDF (made with reportlab) naming new communes are read, previewed, saved,
and then appear on the map and in the initiatives, with nothing fetched outside."""
from __future__ import annotations

import io
import re

import pytest

from initiatives.store import open_store
from tests.helpers.browser import ROOT, SLOW, OfflinePage, map_window, open_page, polygons, shoot

pytestmark = pytest.mark.e2e

N7 = ROOT / "data" / "press_releases" / "2020-04-30_pdc-solidaire-n7.txt"
PDF_TEXT = """Arras, le 14 mai 2020

Covid-19 : le Pas-de-Calais solidaire n°9

- Solidaires dans l’aide alimentaire :

- A Boulogne-sur-Mer, l’association Les Amis du Port a distribué 300 repas aux
personnes isolées du quartier.
"""
FIND = """(name) => {
  let n = 0;
  const visit = (l) => {
    if (l.getLayers) { l.getLayers().forEach(visit); }
    const t = l.getTooltip && l.getTooltip();
    if (t && String(t.getContent()).includes(name)) { n += 1; }
  };
  window.map.eachLayer(visit);
  return n;
}"""


def _pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=A4)
    y = 800
    for line in text.splitlines():
        page.drawString(60, y, line)
        y -= 16
    page.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def app(app_factory):
    return app_factory(open_store)  # a store of its own, made from the seed


@pytest.fixture
def files(tmp_path):
    # the n°7 release as a follow-up n°8 naming a new commune (Wimereux)
    n8 = (N7.read_text(encoding="utf-8").replace("n°7", "n°8")
          .replace("30 avril 2020", "7 mai 2020")
          + "\n\n- A Wimereux, l’association Wimereux Entraide a confectionné 450 masques "
            "pour les habitants.\n")
    txt, pdf = tmp_path / "pdc-solidaire-n8.txt", tmp_path / "pdc-solidaire-n9.pdf"
    txt.write_text(n8, encoding="utf-8")
    pdf.write_bytes(_pdf(PDF_TEXT))
    garbage = tmp_path / "charabia.txt"
    garbage.write_text("zzz qsdkj 1234 ####", encoding="utf-8")
    return [txt, pdf, garbage]


def test_upload_preview_save_then_on_the_map(browser, app, files):
    url, db = app
    p = OfflinePage(browser, url)
    try:
        pg = open_page(p, "/Import", "Importer des communiqués")
        pg.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
            [str(f) for f in files])
        pg.get_by_text("pdc-solidaire-n9.pdf").first.wait_for(timeout=SLOW)
        pg.get_by_role("button", name="Lire les communiqués").click()
        pg.get_by_role("button", name="Enregistrer dans la base").wait_for(timeout=SLOW)
        p.wait_idle(SLOW)
        text = pg.locator("[data-testid='stMain']").inner_text()
        assert "n°8" in text and "n°9" in text
        assert text.count("initiative(s) lue(s)") == 2  # one editable preview per file
        assert "charabia.txt : Aucune initiative trouvée" in text  # its own French error
        # every number of each text is accounted for, with what was made of it
        assert text.count("Chaque nombre du texte") == 3
        assert re.search(r"\d+ nombres lus : \d+ comptés? comme réalisés?", text)
        shoot(p, "import-apercu")
        pg.get_by_role("button", name="Enregistrer dans la base").click()
        pg.get_by_text(re.compile(r"Enregistré : \d+ initiative")).wait_for(timeout=SLOW)
        p.wait_idle(SLOW)
        shoot(p, "import-enregistre")
        store = open_store(db)
        assert {"2020-05-07-n8", "2020-05-14-n9"} <= {r.id for r in store.releases()}
        assert len(store.releases()) == 7  # the seed's five, plus two: nothing from charabia
        added = {i.actor: i for i in store.initiatives()}
        assert added["Les Amis du Port"].places[0].code == "62160"
        # on the map: the new initiatives' markers are there
        open_page(p, "/Carte", "Carte des initiatives")
        assert polygons(p) >= 887
        frame = map_window(p)
        assert frame.evaluate(FIND, "Les Amis du Port") == 1
        assert frame.evaluate(FIND, "Wimereux") >= 1
        assert p.outside == []
        assert pg.locator("[data-testid='stException']").count() == 0
    finally:
        p.context.close()


MENU = ["Tableau de bord", "Carte", "Couverture", "Productions", "Initiatives", "Import",
        "Exports"]


def test_the_side_menu_keeps_the_app_s_pages_after_a_file_is_read(browser, app, files):
    p = OfflinePage(browser, app[0])
    try:
        pg = open_page(p, "/Import", "Importer des communiqués")
        links = pg.locator("[data-testid='stSidebarNav'] a")
        assert links.all_inner_texts() == MENU
        pg.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
            str(files[0]))
        pg.get_by_text(files[0].name).first.wait_for(timeout=SLOW)
        pg.get_by_role("button", name="Lire les communiqués").click()
        pg.get_by_role("button", name="Enregistrer dans la base").wait_for(timeout=SLOW)
        p.wait_idle(SLOW)
        assert links.all_inner_texts() == MENU  # no entry named after a file
    finally:
        p.context.close()
