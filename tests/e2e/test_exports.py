"""The Exports page in a real browser, offline: files download and read back (issue 7)."""
import csv
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.browser import download

pytestmark = pytest.mark.e2e
NAME = r"^pas-de-calais-solidaire_{}_\d{{8}}\.{}$"


def test_exports_page_downloads_csv_and_briefing_offline(offline_page):
    page = offline_page.goto("/Exports")
    page.get_by_text("Exports", exact=True).first.wait_for(timeout=60_000)
    offline_page.wait_idle(120_000)

    csv_file = download(offline_page, "CSV (;)")
    assert re.match(NAME.format("initiatives", "csv"), csv_file.suggested_filename)
    data = Path(csv_file.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["id", "acteur", "type_acteur", "categorie"]

    page.get_by_role("tab", name="Note de synthèse").click()
    pdf_file = download(offline_page, "Note de synthèse (PDF)")
    assert re.match(NAME.format("note-de-synthese", "pdf"), pdf_file.suggested_filename)
    reader = PdfReader(io.BytesIO(Path(pdf_file.path()).read_bytes()))
    assert 1 <= len(reader.pages) <= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Pas-de-Calais solidaire" in text and "Source" in text

    page.get_by_role("tab", name="Données").click()
    page.wait_for_timeout(500)  # let the tab's underline settle
    offline_page.screenshot("exports")
    assert offline_page.outside == []  # nothing fetched outside the app
