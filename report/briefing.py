"""The one-page briefing for the prefect's meeting: an A4 PDF (reportlab) and a slide (PPTX).

`build` gathers the figures once (key figures with their date, map, counts by
arrondissement and category, totals with done and, apart, targets, orders and needs,
the largest uncovered communes, sources); `to_pdf` and `to_pptx` lay them out. Private
persons are left out by default. Text is set in DejaVu Sans (bundled with
matplotlib): Helvetica has no "œ".
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
import pandas as pd
from PIL import Image as PILImage

import config
from initiatives import changes as changes_since, metrics
from initiatives.coverage import gaps
from initiatives.filters import Filters
from initiatives.formatting import format_date, format_number
from initiatives.model import CATEGORIES, DONE, KIND_LABELS, NEEDED, ORDERED
from report import sources as src, static_map, wording
from report.export_data import _Anonymised, describe_filters

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
SHORT = dict(zip(CATEGORIES, ("Matériel", "Soignants", "Alimentaire", "Isolés",
                              "Numérique", "Garde d'enfants", "Bénévolat", "Autre")))
CAVEAT = ("Ce qui n'est pas signalé n'est pas forcément absent : ces chiffres portent sur les "
          "initiatives relevées dans les communiqués, pas sur toutes celles du territoire.")
TOTALS_NOTE = ("Réalisé : somme du dernier chiffre cumulé de chaque initiative. Avancement : "
               "réalisé sur objectif des seules initiatives qui donnent les deux ; les "
               "objectifs des autres sont à part. Les commandes pas encore livrées et les "
               "besoins exprimés ne s'ajoutent jamais au réalisé.")
TOTALS_COLUMNS = ["Objet", "Réalisé", "À relire", "Avancement (objectif)", "Objectifs seuls"]
APART = (ORDERED, NEEDED)  # beside done in the figures' details and under the table
MAX_ITEMS = 8
MAX_CHANGES = 6  # new figures and communes listed in the briefing
PLAIN_UNIT = "unités"  # "masques", not "masques (unités)"
MAP_INCHES = (6, 5.6)
MAP_WIDTH_CM = 9.5


@dataclass
class Briefing:
    title: str
    situation: date | None
    filters: str
    review: str                              # which figures: reviewed only, or how many to review
    figures: list[tuple[str, str, str]]     # (value, label, detail with date)
    counts: pd.DataFrame                     # Arrondissement, short categories..., Total
    totals: pd.DataFrame                     # TOTALS_COLUMNS
    uncovered: pd.DataFrame                  # Commune, Population, Initiative la plus proche
    releases: list[str]
    footer: str
    map_png: bytes = b""
    changes: str = ""                        # what changed since the previous release
    change_lines: list[str] = field(default_factory=list)  # its new figures and communes
    apart: list[str] = field(default_factory=list)  # orders and needs, beside the totals
    notes: list[str] = field(default_factory=lambda: [TOTALS_NOTE, CAVEAT])


def _figures(kf: metrics.KeyFigures, totals: list[dict], day: date | None,
             filters: Filters) -> list[tuple[str, str, str]]:
    """Communes with a named initiative first; communes reached only through a territory
    cited in bloc apart; then initiatives and what was done, each saying how much of
    it is still to review. Goals are never summed beside what was done."""
    when = f"au {format_date(day)}" if day else "aucun communiqué retenu"
    review = wording.review_note(kf.initiatives_to_review, kf.initiatives, filters)
    out = [(f"{format_number(kf.communes_named)} / {format_number(kf.communes_total)}",
            "communes avec une initiative nommée",
            f"{format_number(kf.population_named)} habitants, {when}"),
           (format_number(kf.communes_territory),
            "communes atteintes seulement par un territoire cité en bloc",
            f"{format_number(kf.population_territory)} habitants ; comptées à part"),
           (format_number(kf.initiatives), "initiatives dans le département",
            " ; ".join(x for x in (review, f"dont {format_number(kf.initiatives_wide)} à "
                                  "l'échelle du département" if kf.initiatives_wide
                                  else "") if x))]
    for item, entry in kf.production.items():
        if entry["done"] is None:
            continue
        days = [s["as_of"] for t in totals if t["item"] == item and t["kind"] == DONE
                for s in t["sources"] if s["as_of"]]
        detail = f"réalisés, dernier chiffre du {format_date(date.fromisoformat(max(days)))}" \
            if days else "réalisés"
        for kind in APART:
            if entry.get(kind):
                detail += f" ; {KIND_LABELS[kind]} : {format_number(entry[kind])}"
        note = wording.review_note(entry["to_review"], entry["done"], filters)
        if note:
            detail += f" ; {note}"
        out.append((format_number(entry["done"]), _item(item, entry["unit"]), detail))
    return out[:5]


def _item(item: str, unit: str) -> str:
    return item if unit == PLAIN_UNIT else f"{item} ({unit})"


def _totals(items: list[dict], goals: list[dict]) -> pd.DataFrame:
    """Done per item with how much is to review; goals only against the done figure of
    the same initiatives (`1 600 / 11 000 (15 %)`), the other goals apart."""
    rows: dict[tuple, dict] = {}
    for t in items:
        if t["kind"] == DONE:
            rows[(t["item"], t["unit"])] = {"done": t["value"], "review": t["to_review"],
                                            "goal": None}
    for g in goals:
        rows.setdefault((g["item"], g["unit"]), {"done": None, "review": None,
                                                 "goal": None})["goal"] = g
    ordered = sorted(rows.items(), key=lambda kv: (-(kv[1]["done"] or 0), kv[0]))[:MAX_ITEMS]
    return pd.DataFrame(
        [[_item(item, unit), format_number(r["done"]), format_number(r["review"]),
          wording.goal_progress(r["goal"]),
          format_number(r["goal"]["target_alone"]) if r["goal"] else "–"]
         for (item, unit), r in ordered],
        columns=TOTALS_COLUMNS)


def _apart(items: list[dict]) -> list[str]:
    """`Commandé, pas encore livré : masques 32 000 ; blouses 500`: one line per kind
    shown apart from the production table, never added to what was done."""
    out = []
    for kind in APART:
        rows = sorted((t for t in items if t["kind"] == kind), key=lambda t: -t["value"])
        if rows:
            out.append(f"{KIND_LABELS[kind].capitalize()} (à part, jamais ajouté au réalisé) : "
                       + " ; ".join(f"{_item(t['item'], t['unit'])} "
                                    f"{'environ ' if t['approx'] else ''}"
                                    f"{format_number(t['value'])}"
                                    for t in rows[:MAX_ITEMS]) + ".")
    return out


def _counts(store, filters: Filters, dep: str) -> pd.DataFrame:
    counts = metrics.counts_by(store, filters, "arrondissement", dep=dep)
    used = [c for c in CATEGORIES if counts[c].sum() > 0] or list(CATEGORIES[:3])
    out = counts[["nom", *used, "total"]].rename(columns={"nom": "Arrondissement",
                                                          "total": "Total", **SHORT})
    return out.astype({c: str for c in out.columns[1:]})


def _uncovered(store, filters: Filters, dep: str) -> pd.DataFrame:
    top = gaps(store, filters, level="commune", dep=dep).uncovered.head(5)
    near = [f"{format_number(km, 1)} km ({nom})" if pd.notna(km) and nom else "–"
            for km, nom in zip(top["nearest_km"], top["nearest_nom"])]
    return pd.DataFrame({"Commune": top["nom"], "Population": top["population"].map(format_number),
                         "Initiative la plus proche": near})


def _change_lines(ch: changes_since.Changes) -> list[str]:
    """The communes named for the first time, then the new figures (done first)."""
    lines = []
    if len(ch.communes):
        shown = ch.communes.head(MAX_CHANGES)
        lines.append("Communes nommées pour la première fois : "
                     + " ; ".join(wording.commune_change(r) for _, r in shown.iterrows())
                     + (" ; …" if len(ch.communes) > MAX_CHANGES else ""))
    lines += [wording.figure_change(r) for _, r in ch.figures.head(MAX_CHANGES).iterrows()]
    if len(ch.figures) > MAX_CHANGES:
        lines.append(f"… et {format_number(len(ch.figures) - MAX_CHANGES)} autres chiffres "
                     "(page Tableau de bord).")
    return lines


def build(store, filters: Filters | None = None, dep: str | None = None,
          anonymise: bool = True, with_map: bool = True, since: date | None = None
          ) -> Briefing:
    """`since`: what changed is told since that date (default: the previous release)."""
    dep, filters = dep or config.departement(), filters or Filters()
    view = _Anonymised(store, anonymise)
    cited = src.cited_by_figures(view, filters, dep)
    day = src.situation_date(cited)
    result = metrics.totals(view, filters, dep)
    totals = result["items"]
    footer = src.footer(cited, dep)
    kf = metrics.key_figures(view, filters, dep)
    ch = changes_since.changes(view, filters, dep, since=since)
    return Briefing(
        title=f"{src.app_name(dep)} — "
              + (f"situation au {format_date(day)}" if day else
                 f"note du {format_date(date.today())}, aucun communiqué retenu"),
        situation=day, filters=describe_filters(filters),
        review=wording.review_scope(filters, kf.initiatives_to_review, kf.initiatives),
        figures=_figures(kf, totals, day, filters),
        counts=_counts(view, filters, dep), totals=_totals(totals, result["goals"]),
        apart=_apart(totals),
        uncovered=_uncovered(view, filters, dep),
        releases=[f"{r['label']} ({r['initiatives']} initiative"
                  f"{'s' if r['initiatives'] > 1 else ''})" for r in cited],
        footer=footer, changes=wording.changes_summary(ch), change_lines=_change_lines(ch),
        map_png=static_map.choropleth(view, filters, "commune", fmt="png", dep=dep, dpi=150,
                                      size=MAP_INCHES, north=True, footer="", tight=True,
                                      title="Initiatives par commune")
        if with_map else b"")


# --- PDF ------------------------------------------------------------------------------

def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    return "DejaVuSans", "DejaVuSans-Bold"


def _table(frame: pd.DataFrame, widths, font: str, bold: str, size: float = 7.5):
    """A small striped table; cells wrap between words (long item or commune names)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle
    first = ParagraphStyle("cellule", fontName=font, fontSize=size, leading=size + 1.5)
    header = ParagraphStyle("entete", parent=first, fontName=bold, alignment=2)  # right
    rows = frame.astype(str).values.tolist()
    heads = [Paragraph(escape(str(c)), header if i else ParagraphStyle("e0", parent=header,
                                                                       alignment=0))
             for i, c in enumerate(frame.columns)]
    right = ParagraphStyle("droite", parent=first, alignment=2)
    # every cell wraps between words (a progress `1 600 / 11 000 (15 %)` in a narrow column)
    data = [heads] + [[Paragraph(escape(r[0]), first),
                       *(Paragraph(escape(v), right) for v in r[1:])] for r in rows]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, size), ("FONT", (0, 0), (-1, 0), bold, size),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3e7f3")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#000091")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")]),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return t


def to_pdf(b: Briefing) -> bytes:
    """One A4 page (two at most when the tables are long)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold = _fonts()
    style = ParagraphStyle("corps", fontName=font, fontSize=8, leading=10)
    small = ParagraphStyle("petit", parent=style, fontSize=6.8, leading=8.4,
                           textColor=colors.HexColor("#444444"))
    head = ParagraphStyle("titre2", parent=style, fontName=bold, fontSize=9.5, leading=12,
                          spaceBefore=4, spaceAfter=2, textColor=colors.HexColor("#000091"))
    big = ParagraphStyle("chiffre", parent=style, fontName=bold, fontSize=15, leading=17,
                         textColor=colors.HexColor("#000091"))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=1.2 * cm, rightMargin=1.2 * cm,
                            topMargin=1 * cm, bottomMargin=1 * cm, title=b.title,
                            author=f"Cellule de crise — {src.prefecture()}", lang="fr-FR")
    width = A4[0] - 2.4 * cm
    p = lambda text, s=style: Paragraph(escape(text), s)  # noqa: E731 (untrusted text)
    story = [Paragraph(escape(b.title), ParagraphStyle("titre", parent=style, fontName=bold,
                                                       fontSize=15, leading=18)),
             p(f"Note de synthèse des initiatives solidaires Covid-19. Filtres : {b.filters}.",
               small), p(b.review, small), Spacer(1, 5)]
    cells = [[Paragraph(escape(v), big), p(label), p(detail, small)]
             for v, label, detail in b.figures]
    boxes = Table([[c for c in cells]], colWidths=[width / max(len(cells), 1)] * len(cells))
    boxes.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#bbbbbb")),
                               ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#bbbbbb")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(boxes)
    right = [p("Production : réalisé et objectifs", head),
             _table(b.totals, [1.85 * cm, 1.45 * cm, 1.05 * cm, 2.9 * cm, 1.65 * cm], font, bold)
             if len(b.totals) else p("Aucun chiffre de production pour ces filtres."),
             *(p(line, small) for line in b.apart),
             p(TOTALS_NOTE, small),
             p("Communes sans initiative signalée, les plus peuplées", head),
             _table(b.uncovered, [3.2 * cm, 2.1 * cm, 3.6 * cm], font, bold)
             if len(b.uncovered) else p("Toutes les communes sont touchées.")]
    left = p("Carte non générée.")
    if b.map_png:
        w, h = PILImage.open(io.BytesIO(b.map_png)).size
        left = Image(io.BytesIO(b.map_png), width=MAP_WIDTH_CM * cm,
                     height=MAP_WIDTH_CM * cm * h / w)
    body = Table([[left, right]], colWidths=[(MAP_WIDTH_CM + 0.2) * cm,
                                             width - (MAP_WIDTH_CM + 0.2) * cm])
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 4), body]
    if b.changes:
        story += [p("Ce qui a changé", head), p(b.changes),
                  *(p(f"• {line}", small) for line in b.change_lines)]
    story.append(p("Initiatives par arrondissement et catégorie", head))
    n = len(b.counts.columns)
    story.append(_table(b.counts, [3 * cm] + [(width - 3 * cm) / (n - 1)] * (n - 1), font, bold))
    story.append(p("Une initiative de territoire (EPCI, pays…) compte dans chaque "
                   "arrondissement qu'elle touche ; le total la compte une fois.", small))
    story += [p("Sources", head), p("Communiqués : " + (" ; ".join(b.releases) or "aucun"),
                                    small), p(b.footer, small), p(CAVEAT, small)]
    doc.build(story)
    return out.getvalue()


# --- PPTX -----------------------------------------------------------------------------

def to_pptx(b: Briefing) -> bytes:
    """One 16:9 slide: figures on top, map on the left, tables on the right."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Cm, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(33.867), Cm(19.05)
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    blue = RGBColor(0x00, 0x00, 0x91)

    def text(x, y, w, h, lines, size=10, bold=False, color=None):
        box = slide.shapes.add_textbox(Cm(x), Cm(y), Cm(w), Cm(h)).text_frame
        box.word_wrap = True
        for i, line in enumerate(lines if isinstance(lines, list) else [lines]):
            para = box.paragraphs[0] if i == 0 else box.add_paragraph()
            run = para.add_run()
            run.text, run.font.size, run.font.bold = line, Pt(size), bold
            if color:
                run.font.color.rgb = color
        return box

    def table(x, y, w, frame: pd.DataFrame, size=8):
        rows, cols = len(frame) + 1, len(frame.columns)
        shape = slide.shapes.add_table(rows, cols, Cm(x), Cm(y), Cm(w), Cm(0.5 * rows)).table
        for j, name in enumerate(frame.columns):
            shape.cell(0, j).text = str(name)
        for i, row in enumerate(frame.astype(str).values.tolist(), start=1):
            for j, value in enumerate(row):
                shape.cell(i, j).text = value
        for cell in (shape.cell(i, j) for i in range(rows) for j in range(cols)):
            cell.margin_top = cell.margin_bottom = Cm(0.03)
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
        return shape

    text(0.8, 0.4, 32, 1.2, b.title, 22, True, blue)
    w = 32.2 / max(len(b.figures), 1)
    for i, (value, label, detail) in enumerate(b.figures):
        text(0.8 + i * w, 1.7, w - 0.2, 2.2, [value, label, detail], 10, False)
        slide.shapes[-1].text_frame.paragraphs[0].runs[0].font.size = Pt(20)
        slide.shapes[-1].text_frame.paragraphs[0].runs[0].font.bold = True
    if b.map_png:
        slide.shapes.add_picture(io.BytesIO(b.map_png), Cm(0.8), Cm(4.3), height=Cm(12.2))
    text(15, 4.1, 18, 0.7, "Production : réalisé et objectifs (jamais additionnés)", 11, True,
         blue)
    if len(b.totals):
        table(15, 4.8, 18, b.totals.head(4 if b.apart else 5))
    if b.apart:  # orders and needs, apart from the table of what was done
        text(15, 7.45, 18, 0.8, b.apart, 8)
    text(15, 8.3, 18, 0.7, "Communes sans initiative signalée, les plus peuplées", 11, True, blue)
    if len(b.uncovered):
        table(15, 9.0, 18, b.uncovered)
    text(15, 12.3, 18, 0.7, "Initiatives par arrondissement et catégorie", 11, True, blue)
    table(15, 13.0, 18, b.counts, 7)
    text(0.8, 17.4, 32.2, 1.4, [x for x in (b.changes, b.review, b.footer, CAVEAT) if x], 8,
         color=RGBColor(0x44, 0x44, 0x44))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def briefing_pdf(store, filters: Filters | None = None, dep: str | None = None,
                 anonymise: bool = True) -> bytes:
    return to_pdf(build(store, filters, dep, anonymise))


def briefing_pptx(store, filters: Filters | None = None, dep: str | None = None,
                  anonymise: bool = True) -> bytes:
    return to_pptx(build(store, filters, dep, anonymise))
