"""The briefing read back: A4, one or two pages, figures with dates, sources, French text."""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pypdf import PdfReader

from initiatives.filters import Filters
from initiatives.store import open_store
from report import briefing, sources
from tests.helpers.export_samples import sample_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("briefing") / "s.sqlite")


@pytest.fixture(scope="module")
def built(store):
    # "cœur" in the filters: "œ" is not Latin-1, the PDF font must carry it
    return briefing.build(store, Filters(search="cœur"), anonymise=True)


@pytest.fixture(scope="module")
def full(store):
    return briefing.build(store, Filters())


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return reader, re.sub(r"\s+", " ", text)  # French spaces and wrapped lines read as spaces


def test_pdf_is_one_or_two_a4_pages_with_figures_and_sources(full):
    reader, text = pdf_text(briefing.to_pdf(full))
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == \
            (595, 842)
    assert "Pas-de-Calais solidaire — situation au 7 mai 2020" in text
    assert "initiatives dans le département" in text
    assert "6 700 masques" in text  # done: 3 000 for Marck (latest), not 1 600 + 3 000
    assert "objectif à part : 111 000" in text              # targets never added to done
    assert "dernier chiffre du 7 mai 2020" in text           # each figure with its date
    assert "Source : communiqués de la préfecture du Pas-de-Calais" in text
    assert "Boulogne-sur-Mer" in text                       # largest uncovered commune
    assert "Initiatives par arrondissement et catégorie" in text


def test_accents_and_oe_survive(built):
    _, text = pdf_text(briefing.to_pdf(built))
    assert "cœur" in text and "catégorie" in text and "réalisé" in text


def test_private_persons_left_out_by_default(store):
    b = briefing.build(store, Filters(), with_map=False)
    _, text = pdf_text(briefing.to_pdf(b))
    assert "Jonathan Petit" not in text and "Delphine" not in text


def test_briefing_parts(full):
    assert list(full.totals.columns) == ["Objet", "Réalisé", "Objectif", "Initiatives", "Au"]
    assert len(full.uncovered) == 5
    assert full.uncovered.iloc[0]["Commune"] == "Boulogne-sur-Mer"
    assert list(full.counts["Arrondissement"])[:2] == ["Arras", "Béthune"]
    assert full.map_png.startswith(b"\x89PNG")
    assert any("n°7 du 30 avril 2020" in r for r in full.releases)


def test_pptx_slide(full):
    prs = Presentation(io.BytesIO(briefing.to_pptx(full)))
    assert len(prs.slides) == 1
    slide = prs.slides[0]
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    joined = re.sub(r"[\u202f\u00a0]", " ", " ".join(texts))
    assert "situation au 7 mai 2020" in joined and "Source :" in joined
    assert any(s.shape_type == 13 for s in slide.shapes)  # the map picture
    tables = [s.table for s in slide.shapes if s.has_table]
    assert len(tables) == 3
    for s in slide.shapes:  # everything on the slide
        assert s.left + s.width <= prs.slide_width and s.top + s.height <= prs.slide_height


def test_empty_store_still_makes_a_briefing(tmp_path):
    empty = open_store(tmp_path / "e.sqlite", seed=None)
    reader, text = pdf_text(briefing.briefing_pdf(empty))
    assert len(reader.pages) == 1 and "aucun communiqué retenu" in text


def test_sources_cite_only_the_departements_releases(full):
    # the sample store holds the newsletter about other départements: the note's
    # figures are the département's, so it is not among their sources
    _, text = pdf_text(briefing.to_pdf(full))
    assert "Solidaires dans la crise" not in text
    assert "n°7" in text


def test_map_and_chart_footers_cite_only_the_departements_releases(store):
    cited = {r["title"] for r in sources.cited_by_figures(store)}
    everything = {r["title"] for r in sources.cited(store)}
    assert any("Solidaires dans la crise" in t for t in everything)
    assert not any("Solidaires dans la crise" in t for t in cited)
