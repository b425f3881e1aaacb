"""Charts as files: PNG at 2× at least, SVG with its title, PDF; title, unit, source footer."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from pypdf import PdfReader

from initiatives.filters import Filters
from report import chart_export as ce
from tests.helpers.export_samples import sample_store

FOOTER = "Source : communiqués de la préfecture du Pas-de-Calais"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("charts") / "s.sqlite")


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)  # well-formed XML
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def test_png_is_at_least_twice_the_chart_width(store):
    png = ce.export(store, Filters(), "categories", "png")
    width, height = Image.open(io.BytesIO(png)).size
    assert ce.WIDTH == 600 and width >= 2 * ce.WIDTH and height > 200


def test_svg_holds_title_unit_and_sources(store):
    text = svg_text(ce.export(store, Filters(), "production", "svg"))
    assert "Production réalisée" in text and "Production réalisée et objectifs" not in text
    assert "objectifs, commandes et besoins ne s'ajoutent jamais au réalisé" in text  # unit
    assert FOOTER in text and "situation au 7 mai 2020" in text


def test_pdf_reads_back(store):
    reader = PdfReader(io.BytesIO(ce.export(store, Filters(), "arrondissements", "pdf")))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Initiatives par arrondissement" in text and "Source" in text


@pytest.mark.parametrize("name", list(ce.CHARTS))
def test_every_chart_renders_in_french(store, name):
    text = svg_text(ce.export(store, Filters(), name, "svg"))
    assert ce.CHARTS[name][0] in text and FOOTER in text


def test_the_footer_follows_the_filters(store):
    only_n7 = Filters(releases=("2020-04-30-n7",))
    text = svg_text(ce.export(store, only_n7, "categories", "svg"))
    assert "n°7 ; situation au 30 avril 2020" in text and "n°2" not in text


def test_french_numbers_on_axes(store):
    text = svg_text(ce.export(store, Filters(), "production", "svg"))
    assert "5\u202f000" in text or "5\u00a0000" in text  # not "5,000"
    assert "5,000" not in text


def test_empty_selection_says_so(store):
    text = svg_text(ce.export(store, Filters(search="introuvable"), "evolution", "svg"))
    assert "Aucune donnée pour ces filtres." in text


def test_unknown_chart_or_format(store):
    with pytest.raises(ValueError, match="Graphique inconnu"):
        ce.build("camembert", store)
    with pytest.raises(ValueError, match="Format inconnu"):
        ce.export(store, Filters(), "categories", "gif")
