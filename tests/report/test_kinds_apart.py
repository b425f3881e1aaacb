"""Orders not yet delivered and needs expressed: each shown apart with its French label,
never added to what was done (metrics, page tables, charts, exports, briefing, map)."""
from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import NBSP
from initiatives.model import KIND_LABELS, NEEDED, ORDERED, Release
from initiatives.store import open_store
from report import briefing, charts, export_data
from report.initiatives_map import figures_lines
from tests.helpers.store_samples import commune, fill, initiative, qty
from ui import tables, widgets

N9 = Release(title="Covid-19 : le Pas-de-Calais solidaire n°9", number=9,
             date=date(2020, 5, 14), source="n9.txt", body="Arras, le 14 mai 2020 ...")
SENTENCE = ("Le centre social de Liévin a déjà remis 400 masques aux familles ; 5 000 "
            "autres ont été commandés et il manque encore 250 blouses pour l'Ehpad voisin.")
ORDERED_REASON = "verbe « commander » au passé composé, voix passive"
NEEDED_REASON = "verbe « manquer »"


def lievin(*quantities):
    return initiative(N9, "Centre social de Liévin", commune("62510", "Liévin"), *quantities,
                      actor_type="association", excerpt=SENTENCE)


def figures():
    return [qty("masques", 400, sentence=SENTENCE),
            replace(qty("masques", 5000, ORDERED, sentence=SENTENCE), reason=ORDERED_REASON),
            replace(qty("blouses", 250, NEEDED, sentence=SENTENCE), reason=NEEDED_REASON)]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The sample store, and the same with Liévin's done, ordered and needed figures."""
    base = tmp_path_factory.mktemp("apart")
    plain = open_store(base / "plain.sqlite", seed=None)
    fill(plain)
    plain.ingest(N9, [lievin(figures()[0])])            # the done figure alone
    full = open_store(base / "full.sqlite", seed=None)
    fill(full)
    full.ingest(N9, [lievin(*figures())])
    return plain, full


def by_kind(totals: dict) -> dict:
    return {(r["item"], r["kind"]): r for r in totals["items"]}


def test_ordered_and_needed_do_not_change_the_done_total(stores):
    plain, full = stores
    before, after = by_kind(metrics.totals(plain)), by_kind(metrics.totals(full))
    assert after[("masques", "done")]["value"] == before[("masques", "done")]["value"]
    assert after[("masques", "done")]["value"] == 1000 + 3000 + 1200 + 400
    assert {k: r for k, r in after.items() if k[1] == "done"} == \
        {k: r for k, r in before.items() if k[1] == "done"}
    assert after[("masques", ORDERED)]["value"] == 5000
    assert after[("blouses", NEEDED)]["value"] == 250
    assert ("blouses", "done") not in after
    # each kind keeps its sources and the reason of its nature
    [source] = after[("masques", ORDERED)]["sources"]
    assert source["sentence"] == SENTENCE and source["reason"] == ORDERED_REASON
    # key figures: done unchanged, the order beside it
    kf_plain, kf_full = metrics.key_figures(plain), metrics.key_figures(full)
    masks = kf_full["production"]["masques"]
    assert masks["done"] == kf_plain["production"]["masques"]["done"]
    assert masks[ORDERED] == 5000 and masks[NEEDED] is None
    # the evolution (done only) is unchanged; totals by unit show the order apart
    assert metrics.evolution(full).equals(metrics.evolution(plain))
    by_unit = metrics.totals_by(full)
    assert set(by_unit.loc[by_unit["item"] == "blouses", "kind"]) == {NEEDED}


def test_page_tables_show_them_apart_with_their_label(stores):
    _, full = stores
    totals = metrics.totals(full)
    done = tables.done_vs_target(totals)
    assert list(done.columns) == ["Objet", "Unité", "Réalisé", "Dont à relire",
                                  "Commandé, pas encore livré", "Besoin exprimé",
                                  "Initiatives (réalisé)", *tables.GOAL_HEADERS.values()]
    masks = done.set_index("Objet").loc["masques"]
    assert masks["Réalisé"] == f"5{NBSP}600" and masks["Commandé, pas encore livré"] == f"5{NBSP}000"
    gowns = done.set_index("Objet").loc["blouses"]
    assert gowns["Réalisé"] == "–" and gowns["Besoin exprimé"] == "250"
    # not repeated among rates and people
    assert not set(tables.other_kinds(totals)["Nature"]) & {KIND_LABELS[ORDERED],
                                                          KIND_LABELS[NEEDED]}
    sources = tables.totals_frame(totals, {})
    row = sources[sources["Nature"] == "commandé, pas encore livré"].iloc[0]
    assert row["Valeur"] == f"5{NBSP}000" and row["Pourquoi cette nature"] == ORDERED_REASON
    assert "Besoin exprimé" in set(tables.by_unit_frame(metrics.totals_by(full))["Nature"]
                                   .str.capitalize())
    done, beside = widgets.production_figures(metrics.key_figures(full))["masques"]
    assert done == f"5{NBSP}600" and f"commandé, pas encore livré : 5{NBSP}000" in beside


def test_without_orders_or_needs_the_table_keeps_its_columns(stores):
    plain, _ = stores
    assert list(tables.done_vs_target(metrics.totals(plain)).columns) == [
        "Objet", "Unité", "Réalisé", "Dont à relire", "Initiatives (réalisé)",
        *tables.GOAL_HEADERS.values()]


def test_production_chart_has_a_colour_per_kind(stores):
    _, full = stores
    data = charts.production_data(metrics.totals(full))
    # goals are not bars beside the done total (see `charts.progress`, per initiative)
    assert set(data["nature"]) == {"réalisé", "commandé, pas encore livré", "besoin exprimé"}
    assert set(data["nature"]) <= set(charts.NATURE_SCALE.domain)
    assert len(set(charts.NATURE_SCALE.range)) == len(charts.NATURE_SCALE.domain)
    spec = charts.production(data).to_dict()
    assert "commandé, pas encore livré" in str(spec)


def test_exports_label_the_kinds_and_give_the_reason(stores):
    _, full = stores
    quantities = export_data.quantities_table(full, Filters())
    lievin_rows = quantities[quantities["acteur"] == "Centre social de Liévin"]
    assert set(zip(lievin_rows["nature"], lievin_rows["valeur"],
                   lievin_rows["pourquoi_nature"])) == {
        ("réalisé", 400, ""), ("commandé, pas encore livré", 5000, ORDERED_REASON),
        ("besoin exprimé", 250, NEEDED_REASON)}
    csv = export_data.export_csv(full, table_name="quantites").decode("utf-8-sig")
    assert "pourquoi_nature" in csv.splitlines()[0] and ORDERED_REASON in csv
    book = load_workbook(io.BytesIO(export_data.export_xlsx(full)))
    sheet = book["quantités"]
    header = [c.value for c in sheet[1]]
    column = header.index("pourquoi_nature")
    assert NEEDED_REASON in [row[column] for row in sheet.iter_rows(values_only=True)]
    figures_column = export_data.initiatives_table(full)
    line = figures_column.loc[figures_column["acteur"] == "Centre social de Liévin",
                              "chiffres"].iloc[0]
    assert f"masques : 5{NBSP}000 (commandé, pas encore livré)" in line


def test_briefing_keeps_them_apart(stores):
    plain, full = stores
    b = briefing.build(full, Filters(), with_map=False)
    assert b.totals.equals(briefing.build(plain, Filters(), with_map=False).totals)
    assert b.apart == [
        f"Commandé, pas encore livré (à part, jamais ajouté au réalisé) : masques 5{NBSP}000.",
        "Besoin exprimé (à part, jamais ajouté au réalisé) : blouses 250."]
    masks = next(f for f in b.figures if f[1] == "masques")
    assert masks[0] == f"5{NBSP}600" and f"commandé, pas encore livré : 5{NBSP}000" in masks[2]
    text = re.sub(r"\s+", " ", " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(briefing.to_pdf(b))).pages))
    text = re.sub(r"[\u202f\u00a0]", " ", text)
    assert "Besoin exprimé (à part, jamais ajouté au réalisé) : blouses 250" in text
    from pptx import Presentation
    slides = Presentation(io.BytesIO(briefing.to_pptx(b))).slides
    said = " ".join(s.text_frame.text for slide in slides for s in slide.shapes
                    if s.has_text_frame)
    assert "Commandé, pas encore livré" in said


def test_map_popup_lines_carry_the_labels():
    lines = figures_lines(replace(lievin(*figures()), id=1))
    assert lines == ["masques : 400 (réalisé)",
                     f"masques : 5{NBSP}000 (commandé, pas encore livré)",
                     "blouses : 250 (besoin exprimé)"]
