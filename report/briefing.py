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
from initiatives.coverage import gaps, weakest_first
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
ARR_COLUMNS = ["Arrondissement", "Communes nommées", "Population atteinte",
               "Init. / 10 000 hab.", "Via un territoire seul."]
GOAL_COLUMNS = ["Initiative", "Objet", "Réalisé / objectif", "Avancement"]
MAX_GOALS = 6
RANKING = ("Du plus faible au plus fort : part de la population vivant dans une commune où "
           "une initiative est nommée, puis part des communes nommées.")


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
    # arrondissements ranked weakest first: coverage shares (ARR_COLUMNS)
    arrondissements: pd.DataFrame = field(default_factory=pd.DataFrame)
    goals: pd.DataFrame = field(default_factory=pd.DataFrame)  # GOAL_COLUMNS, per initiative
    sources: str = ""                        # the releases cited, said once


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


def _ranked(store, filters: Filters, dep: str) -> pd.DataFrame:
    """Arrondissements weakest first (`coverage.weakest_first`), with code."""
    return weakest_first(gaps(store, filters, level="arrondissement", dep=dep).units)


def _arrondissements(units: pd.DataFrame) -> pd.DataFrame:
    """Coverage of each arrondissement as shares, in the order given (weakest first)."""
    return pd.DataFrame({
        ARR_COLUMNS[0]: units["nom"].to_numpy(),
        ARR_COLUMNS[1]: [f"{format_number(n)} / {format_number(t)} ({wording.percent(sh)})"
                         for n, t, sh in zip(units["communes_named"], units["communes"],
                                             units["share_communes_named"])],
        ARR_COLUMNS[2]: [wording.percent(v) for v in units["share_population_named"]],
        ARR_COLUMNS[3]: [format_number(v, 1) for v in units["named_per_10k"]],
        ARR_COLUMNS[4]: [format_number(v) for v in units["communes_territory"]]},
        columns=ARR_COLUMNS)


def _goals(store, filters: Filters, dep: str) -> pd.DataFrame:
    """Initiatives giving both a goal and a done figure: each one's own progress."""
    progress = metrics.goals(store, filters, dep).progress
    progress = progress.sort_values("share", ascending=False).head(MAX_GOALS)
    return pd.DataFrame(
        [[actor, _item(item, unit),
          f"{format_number(done)} / {format_number(target)}", wording.percent(share)]
         for actor, item, unit, done, target, share in zip(
             progress["actor"], progress["item"], progress["unit"], progress["done"],
             progress["target"], progress["share"])], columns=GOAL_COLUMNS)


def _counts(store, filters: Filters, dep: str, order: list[str] | None = None
            ) -> pd.DataFrame:
    """Initiatives per arrondissement and category, in `order` (codes; weakest first)."""
    counts = metrics.counts_by(store, filters, "arrondissement", dep=dep)
    if order:
        rank = {c: i for i, c in enumerate(order)}
        counts = counts.sort_values("code", key=lambda c: c.map(rank), ignore_index=True)
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


def _sources_once(cited: list[dict], releases: list[str], dep: str) -> str:
    """`Communiqués de la préfecture du Pas-de-Calais : n°2 du 8 avril 2020 (11
    initiatives) ; … Situation au 30 avril 2020.`: each release named once."""
    day = src.situation_date(cited)
    head = f"Communiqués {src.of_prefecture(dep)} : " + (" ; ".join(releases) or "aucun")
    return head + (f". Situation au {format_date(day)}." if day else ".")


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
    ranked = _ranked(view, filters, dep)
    releases = [f"{r['label']} ({r['initiatives']} initiative"
                f"{'s' if r['initiatives'] > 1 else ''})" for r in cited]
    return Briefing(
        title=f"{src.app_name(dep)} — "
              + (f"situation au {format_date(day)}" if day else
                 f"note du {format_date(date.today())}, aucun communiqué retenu"),
        situation=day, filters=describe_filters(filters),
        review=wording.review_scope(filters, kf.initiatives_to_review, kf.initiatives),
        figures=_figures(kf, totals, day, filters),
        counts=_counts(view, filters, dep, list(ranked["code"])),
        arrondissements=_arrondissements(ranked), goals=_goals(view, filters, dep),
        sources=_sources_once(cited, releases, dep),
        totals=_totals(totals, result["goals"]),
        apart=_apart(totals),
        uncovered=_uncovered(view, filters, dep),
        releases=releases,
        footer=footer, changes=wording.changes_summary(ch), change_lines=_change_lines(ch),
        map_png=static_map.choropleth(view, filters, "commune", fmt="png", dep=dep, dpi=150,
                                      size=MAP_INCHES, north=True, footer="", tight=True,
                                      title="Initiatives par commune", labels=1.45)
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


def _story(b: Briefing, scale: float, width: float):
    """The page's flowables at a type scale (1 = 8 pt body text)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, Paragraph, Spacer, Table, TableStyle

    font, bold = _fonts()
    z = lambda v: v * scale  # noqa: E731
    style = ParagraphStyle("corps", fontName=font, fontSize=z(8), leading=z(10))
    small = ParagraphStyle("petit", parent=style, fontSize=z(6.8), leading=z(8.4),
                           textColor=colors.HexColor("#444444"))
    head = ParagraphStyle("titre2", parent=style, fontName=bold, fontSize=z(9.5),
                          leading=z(12), spaceBefore=z(5), spaceAfter=z(2),
                          textColor=colors.HexColor("#000091"))
    big = ParagraphStyle("chiffre", parent=style, fontName=bold, fontSize=z(15),
                         leading=z(17), textColor=colors.HexColor("#000091"))
    p = lambda text, st=style: Paragraph(escape(text), st)  # noqa: E731 (untrusted text)
    table = lambda frame, widths: _table(frame, widths, font, bold, z(7.5))  # noqa: E731
    story = [Paragraph(escape(b.title), ParagraphStyle("titre", parent=style, fontName=bold,
                                                       fontSize=15, leading=18)),
             p(f"Note de synthèse des initiatives solidaires Covid-19. Filtres : {b.filters}.",
               small), p(b.review, small), Spacer(1, z(5))]
    cells = [[Paragraph(escape(v), big), p(label), p(detail, small)]
             for v, label, detail in b.figures]
    boxes = Table([[c for c in cells]], colWidths=[width / max(len(cells), 1)] * len(cells))
    boxes.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#bbbbbb")),
                               ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#bbbbbb")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(boxes)
    map_cm = min(MAP_WIDTH_CM * (0.55 + 0.45 * scale), 11.5)
    side = width - (map_cm + 0.3) * cm
    right = [p("Ce qui a changé", head), p(b.changes or "Aucun communiqué antérieur."),
             *(p(f"• {line}", small) for line in b.change_lines)]
    left = p("Carte non générée.")
    if b.map_png:
        w, h = PILImage.open(io.BytesIO(b.map_png)).size
        left = Image(io.BytesIO(b.map_png), width=map_cm * cm, height=map_cm * cm * h / w)
    body = Table([[left, right]], colWidths=[(map_cm + 0.3) * cm, side])
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, z(4)), body,
              p("Arrondissements, du plus faible au plus fort", head)]
    if len(b.arrondissements):
        story.append(table(b.arrondissements,
                           [3.3 * cm, 4.2 * cm, 3.2 * cm, 3.2 * cm, width - 13.9 * cm]))
    story.append(p(RANKING + " " + "Initiatives par catégorie : "
                   + " ; ".join(f"{r.iloc[0]} {r.iloc[-1]}" + "".join(
                       f", {c.lower()} {r[c]}" for c in b.counts.columns[1:-1] if r[c] != "0")
                       for _, r in b.counts.iterrows()) + ".", small))
    story.append(p("Production : réalisé et objectifs", head))
    story.append(table(b.totals, [4.2 * cm, 2.6 * cm, 2 * cm, 5 * cm, width - 13.8 * cm])
                 if len(b.totals) else p("Aucun chiffre de production pour ces filtres."))
    story += [*(p(line, small) for line in b.apart), p(TOTALS_NOTE, small)]
    story.append(p("Objectifs en cours, initiative par initiative", head))
    story.append(table(b.goals, [6.4 * cm, 3.6 * cm, 4.4 * cm, width - 14.4 * cm])
                 if len(b.goals) else
                 p("Aucune initiative ne donne à la fois un objectif et un réalisé.", small))
    story.append(p("Communes sans initiative signalée, les plus peuplées", head))
    story.append(table(b.uncovered, [5 * cm, 3 * cm, width - 8 * cm])
                 if len(b.uncovered) else p("Toutes les communes sont touchées."))
    story += [p("Sources", head), p(b.sources or b.footer, small), p(CAVEAT, small)]
    return story


def to_pdf(b: Briefing) -> bytes:
    """One A4 page, filled: the type is set as large as the page holds it all (0.8 to 1.6
    times the base sizes); two pages only when the tables are too long even at 0.8."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    width = A4[0] - 2.4 * cm

    def render(scale: float) -> tuple[bytes, int]:
        out, pages = io.BytesIO(), []
        doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=1.2 * cm, rightMargin=1.2 * cm,
                                topMargin=1 * cm, bottomMargin=1 * cm, title=b.title,
                                author=f"Cellule de crise — {src.prefecture()}", lang="fr-FR")
        count = lambda canvas, _doc: pages.append(1)  # noqa: E731
        doc.build(_story(b, scale, width), onFirstPage=count, onLaterPages=count)
        return out.getvalue(), len(pages)

    low, high = 0.8, 1.6
    best, pages = render(low)
    if pages > 1:  # long tables: two pages at the normal size
        return render(1.0)[0]
    for _ in range(5):  # the largest type that still fits on one page (to 1/40)
        mid = (low + high) / 2
        data, n = render(mid)
        if n == 1:
            best, low = data, mid
        else:
            high = mid
    return best


# --- PPTX -----------------------------------------------------------------------------

MIN_PT = 14


def to_pptx(b: Briefing) -> bytes:
    """Five 16:9 slides, every text 14 pt or more (read when projected): key figures
    and what changed, the map, coverage by arrondissement (weakest first), production
    and goals, sources."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Cm, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(33.867), Cm(19.05)
    blue, grey = RGBColor(0x00, 0x00, 0x91), RGBColor(0x44, 0x44, 0x44)

    def slide(title: str):
        s = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        text(s, 1, 0.5, 31.8, 1.6, title, 28, True, blue)
        return s

    def text(s, x, y, w, h, lines, size=16, bold=False, color=None):
        box = s.shapes.add_textbox(Cm(x), Cm(y), Cm(w), Cm(h)).text_frame
        box.word_wrap = True
        for i, line in enumerate(lines if isinstance(lines, list) else [lines]):
            para = box.paragraphs[0] if i == 0 else box.add_paragraph()
            run = para.add_run()
            run.text, run.font.size, run.font.bold = line, Pt(max(size, MIN_PT)), bold
            if color:
                run.font.color.rgb = color
        return box

    def table(s, x, y, w, frame: pd.DataFrame, widths=None, size=16):
        rows, cols = len(frame) + 1, len(frame.columns)
        shape = s.shapes.add_table(rows, cols, Cm(x), Cm(y), Cm(w), Cm(0.95 * rows)).table
        for j, name in enumerate(frame.columns):
            shape.cell(0, j).text = str(name)
            if widths:
                shape.columns[j].width = Cm(widths[j])
        for i, row in enumerate(frame.astype(str).values.tolist(), start=1):
            for j, value in enumerate(row):
                shape.cell(i, j).text = value
        for cell in (shape.cell(i, j) for i in range(rows) for j in range(cols)):
            cell.margin_top = cell.margin_bottom = Cm(0.05)
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(max(size, MIN_PT))
        return shape

    # 1. key figures and what changed
    s = slide(b.title)
    shown = b.figures[:5]
    w = 31.8 / max(len(shown), 1)
    for i, (value, label, detail) in enumerate(shown):
        box = text(s, 1 + i * w, 2.6, w - 0.3, 5.5, [value, label, detail], 14)
        box.paragraphs[0].runs[0].font.size = Pt(30)
        box.paragraphs[0].runs[0].font.bold = True
        box.paragraphs[0].runs[0].font.color.rgb = blue
        box.paragraphs[1].runs[0].font.size = Pt(16)
    text(s, 1, 9.6, 31.8, 1, "Ce qui a changé", 20, True, blue)
    text(s, 1, 10.7, 31.8, 7.5, [b.changes or "Aucun communiqué antérieur.",
                                 *(f"• {x}" for x in b.change_lines[:4])], 15)
    # 2. the map
    s = slide("Où : initiatives nommées par commune")
    if b.map_png:
        s.shapes.add_picture(io.BytesIO(b.map_png), Cm(1), Cm(2.3), height=Cm(16.2))
    text(s, 20.5, 2.6, 12.3, 14, ["Couleur : initiatives nommant la commune.",
                                  "Hachures : communes atteintes seulement par un "
                                  "territoire cité en bloc, comptées à part.",
                                  "Noms : arrondissements (capitales) et villes "
                                  "principales."], 16, color=grey)
    # 3. coverage, weakest first
    s = slide("Arrondissements, du plus faible au plus fort")
    if len(b.arrondissements):
        table(s, 1, 2.5, 31.8, b.arrondissements, [6.3, 8.5, 6, 5.5, 5.5])
    text(s, 1, 11.2, 31.8, 1.2, RANKING, 14, color=grey)
    if len(b.uncovered):
        text(s, 1, 12.6, 31.8, 1, "Communes sans initiative signalée, les plus peuplées",
             18, True, blue)
        table(s, 1, 13.7, 31.8, b.uncovered.head(4), [12, 7, 12.8])
    # 4. production and goals
    s = slide("Production : réalisé et objectifs (jamais additionnés)")
    y = 2.5
    if len(b.totals):
        table(s, 1, y, 31.8, b.totals.head(5), [7.3, 5, 4, 9, 6.5])
        y += 0.95 * (min(len(b.totals), 5) + 1) + 0.6
    if b.apart:
        text(s, 1, y, 31.8, 1.6, b.apart, 14, color=grey)
        y += 1.8
    text(s, 1, y, 31.8, 1, "Objectifs en cours, initiative par initiative", 18, True, blue)
    y += 1.1
    if len(b.goals):
        table(s, 1, y, 31.8, b.goals.head(3), [12.3, 7, 7.5, 5])
    else:
        text(s, 1, y, 31.8, 1, "Aucune initiative ne donne à la fois un objectif et un "
                               "réalisé.", 16)
    # 5. sources
    s = slide("Sources et lecture des chiffres")
    text(s, 1, 2.5, 31.8, 15.5, [b.sources or b.footer, b.review, CAVEAT,
                                  "Fonds de carte : IGN (Admin Express), INSEE (COG, "
                                  "populations légales)."], 16)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def briefing_pdf(store, filters: Filters | None = None, dep: str | None = None,
                 anonymise: bool = True) -> bytes:
    return to_pdf(build(store, filters, dep, anonymise))


def briefing_pptx(store, filters: Filters | None = None, dep: str | None = None,
                  anonymise: bool = True) -> bytes:
    return to_pptx(build(store, filters, dep, anonymise))
