"""The briefing read back: A4, one or two pages, figures with dates, sources, French text."""
from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pptx import Presentation
from pypdf import PdfReader

from initiatives.filters import Filters
from initiatives.formatting import format_number
from initiatives.store import open_store
from report import briefing, sources, wording
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
    # goals only against the done figure of the same initiative (Marck: 3 000 of 11 000);
    # the département's goal of 100 000 masks stands apart, never summed into 111 000
    assert "3 000 / 11 000 (27 %)" in text and "100 000" in text
    assert "111 000" not in text
    # which figures: all of them, and how many initiatives are still to review
    assert "Tous les chiffres, y compris ceux de 13 initiatives sur 13 pas encore " \
           "vérifiées (à relire)." in text
    assert "tout à relire" in text
    assert "dernier chiffre du 7 mai 2020" in text           # each figure with its date
    assert "Communiqués de la préfecture du Pas-de-Calais" in text
    assert "Boulogne-sur-Mer" in text                       # largest uncovered commune
    assert "Arrondissements, du plus faible au plus fort" in text
    assert "Objectifs en cours, initiative par initiative" in text
    # sources said once: each release cited in one place, not in a list and a footer
    assert len(re.findall(r"n°7 du 30 avril 2020 \(\d+ initiatives?\)", text)) == 1
    assert "Source : communiqués" not in text


def test_accents_and_oe_survive(built):
    _, text = pdf_text(briefing.to_pdf(built))
    assert "cœur" in text and "catégorie" in text and "réalisé" in text


def test_private_persons_left_out_by_default(store):
    b = briefing.build(store, Filters(), with_map=False)
    _, text = pdf_text(briefing.to_pdf(b))
    assert "Jonathan Petit" not in text and "Delphine" not in text


def test_briefing_parts(full):
    assert list(full.totals.columns) == ["Objet", "Réalisé", "À relire",
                                         "Avancement (objectif)", "Objectifs seuls"]
    masks = full.totals.set_index("Objet").loc["masques"]
    assert (masks["Réalisé"], masks["À relire"]) == ("6\u202f700", "6\u202f700")
    assert masks["Avancement (objectif)"] == "3\u202f000 / 11\u202f000 (27\u00a0%)"
    assert masks["Objectifs seuls"] == "100\u202f000"
    # the first figure is the communes where an initiative is named; territory apart
    assert full.figures[0][1] == "communes avec une initiative nommée"
    assert full.figures[1][1] == "communes atteintes seulement par un territoire cité en bloc"
    assert len(full.uncovered) == 5
    assert full.uncovered.iloc[0]["Commune"] == "Boulogne-sur-Mer"
    # arrondissements weakest first, the category counts in the same order
    shares = full.arrondissements["Population atteinte"].map(
        lambda v: float(v.replace("\u00a0%", "").replace(",", ".")))
    assert list(shares) == sorted(shares)
    assert list(full.counts["Arrondissement"]) == list(full.arrondissements["Arrondissement"])
    assert list(full.goals.columns) == briefing.GOAL_COLUMNS
    assert full.goals.iloc[0]["Réalisé / objectif"] == "3\u202f000 / 11\u202f000"
    assert full.map_png.startswith(b"\x89PNG")
    assert any("n°7 du 30 avril 2020" in r for r in full.releases)


def test_pptx_slides(full):
    prs = Presentation(io.BytesIO(briefing.to_pptx(full)))
    assert 3 <= len(prs.slides) <= 5
    texts = [s.text_frame.text for slide in prs.slides for s in slide.shapes
             if s.has_text_frame]
    joined = re.sub(r"[\u202f\u00a0]", " ", " ".join(texts))
    assert "situation au 7 mai 2020" in joined and "Communiqués de la préfecture" in joined
    assert any(s.shape_type == 13 for slide in prs.slides for s in slide.shapes)  # the map
    assert sum(s.has_table for slide in prs.slides for s in slide.shapes) >= 3
    for slide in prs.slides:  # everything on the slide
        for s in slide.shapes:
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


def test_reviewed_only_briefing_says_so(tmp_path):
    checked = sample_store(tmp_path / "checked.sqlite")
    marck = next(i for i in checked.initiatives() if "Marck" in i.actor)
    checked.set_status(marck.id, "vérifié")
    every = briefing.build(checked, Filters(), with_map=False)
    assert every.review.startswith("Tous les chiffres, y compris ceux de 12 initiatives sur 13")
    only = briefing.build(checked, Filters(reviewed_only=True), with_map=False)
    assert only.review == wording.REVIEWED_ONLY
    assert only.figures[0][0] == "1 / 887"  # Marck alone
    masks = only.totals.set_index("Objet").loc["masques"]
    assert (masks["Réalisé"], masks["À relire"]) == ("3\u202f000", "0")
    _, text = pdf_text(briefing.to_pdf(only))
    assert "Chiffres relus seulement" in text


def test_pdf_says_what_changed_since_the_previous_release(store, full):
    from initiatives.changes import changes
    ch = changes(store, Filters())
    assert ch.previous is not None and not ch.empty
    assert full.changes == wording.changes_summary(ch)
    _, text = pdf_text(briefing.to_pdf(full))
    assert "Ce qui a changé" in text
    assert re.sub(r"\s+", " ", full.changes) in text
    first = ch.figures.iloc[0]
    assert first["actor"] in text
    assert re.sub(r"\s+", " ", format_number(first["value"])) in text
    # Marck's 3 000 masks of n°8 are told with the 1 600 it gave before
    assert "3 000 (réalisé), 1 600 auparavant" in text


def test_briefing_since_a_picked_date(store):
    b = briefing.build(store, Filters(), since=date(2020, 4, 8), with_map=False)
    assert b.changes.startswith("Depuis le 8 avril 2020")
    assert "nouvelles initiatives" in b.changes
