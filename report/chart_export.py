"""Charts as files: PNG (2× scale at least), SVG and PDF, each with its title, unit and
source footer, rendered offline by vl-convert in the French locale (`1 600`, `avril`).

The builders are the app's own (`report.charts`), so a file shows the chart the
user saw; this module only feeds them the filtered data and frames them.
"""
from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd
import vl_convert as vlc

import config
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.model import CATEGORIES, DONE
from initiatives.reach import is_inside
from report import charts, sources as src

FORMATS = ("png", "svg", "pdf")
WIDTH = 600
MIN_SCALE = 2
FOOTER_CHARS = 110  # about the width of a 600-px chart at 10 px
FONT = "DejaVu Sans"


def _categories(store, filters, dep) -> pd.DataFrame:
    inside = [i for i in store.initiatives(filters) if is_inside(i, dep)]
    n = pd.Series([i.category for i in inside], dtype=object).value_counts()
    out = pd.DataFrame({"category": list(CATEGORIES),
                        "initiatives": [int(n.get(c, 0)) for c in CATEGORIES]})
    return out[out["initiatives"] > 0]


def _counts(store, filters, dep) -> pd.DataFrame:
    return metrics.counts_by(store, filters, "arrondissement", dep=dep)


def _totals_by(store, filters, dep) -> pd.DataFrame:
    out = metrics.totals_by(store, filters, "arrondissement", dep=dep, kinds=(DONE,))
    return out[out["code"] != ""]


# name -> (title, unit, data from the store, builder of report.charts)
CHARTS = {
    "categories": ("Initiatives par catégorie", "nombre d'initiatives dans le département",
                   _categories, charts.by_category),
    "arrondissements": ("Initiatives par arrondissement et catégorie",
                        "nombre d'initiatives touchant l'arrondissement (une initiative de "
                        "territoire compte dans chaque arrondissement qu'elle touche)",
                        lambda s, f, d: charts.arrondissement_data(_counts(s, f, d)),
                        charts.by_arrondissement),
    "matrice": ("Qui fait quoi, où : arrondissement × catégorie",
                "nombre d'initiatives touchant l'arrondissement",
                lambda s, f, d: charts.matrix_data(_counts(s, f, d)), charts.category_matrix),
    "production": ("Production réalisée",
                   "dernier chiffre cumulé de chaque initiative, dans l'unité indiquée ; "
                   "objectifs, commandes et besoins ne s'ajoutent jamais au réalisé",
                   lambda s, f, d: charts.production_data(metrics.totals(s, f, d)),
                   charts.production),
    "production-arrondissements": ("Production réalisée par arrondissement",
                                   "dernier chiffre cumulé, arrondissement du lieu de "
                                   "l'initiative ; dans l'unité de chaque objet",
                                   _totals_by, charts.totals_by_unit),
    "evolution": ("Évolution de la production réalisée",
                  "cumul à la date de chaque communiqué, dans l'unité de chaque objet",
                  lambda s, f, d: metrics.evolution(s, f, d), charts.evolution),
}
LABELS = {name: title for name, (title, *_) in CHARTS.items()}


def framed(chart: alt.TopLevelMixin, title: str, unit: str, footer: str) -> alt.VConcatChart:
    """Title and unit on top, the source footer at the bottom (wrapped, never cut), and
    whole category names: a file has no tooltip to read a truncated label."""
    body = chart.properties(title=alt.TitleParams(title, subtitle=[unit], anchor="start",
                                                  fontSize=16, subtitleFontSize=11,
                                                  subtitleColor="#555"))
    return (alt.vconcat(body)
            .properties(title=alt.TitleParams(textwrap.wrap(footer, FOOTER_CHARS),
                                              orient="bottom", anchor="start", fontSize=10,
                                              fontWeight="normal", color="#555"))
            .configure(font=FONT).configure_view(stroke=None)
            .configure_axisY(labelLimit=360))


def build(name: str, store, filters: Filters | None = None, dep: str | None = None,
          footer: str | None = None) -> alt.VConcatChart:
    """The named chart of the filtered data, framed with title, unit and sources."""
    if name not in CHARTS:
        raise ValueError(f"Graphique inconnu : {name} ({', '.join(CHARTS)}).")
    dep, filters = dep or config.departement(), filters or Filters()
    title, unit, data, builder = CHARTS[name]
    frame = data(store, filters, dep)
    if footer is None:
        footer = src.footer(src.cited_by_figures(store, filters, dep), dep)
    if frame.empty:
        chart = alt.Chart(pd.DataFrame({"t": ["Aucune donnée pour ces filtres."]})) \
            .mark_text(fontSize=14).encode(text="t:N").properties(width=WIDTH, height=60)
    else:
        chart = builder(frame, width=WIDTH)
    return framed(chart, title, unit, footer)


def render(chart, fmt: str, scale: float = MIN_SCALE) -> bytes:
    """PNG (at `scale`, 2 at least), SVG or PDF bytes, offline."""
    spec = chart.to_dict() if hasattr(chart, "to_dict") else chart
    opts = {"format_locale": "fr-FR", "time_format_locale": "fr-FR"}
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=max(scale, MIN_SCALE), **opts)
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec, **opts).encode("utf-8")
    if fmt == "pdf":
        return vlc.vegalite_to_pdf(spec, **opts)
    raise ValueError(f"Format inconnu : {fmt} (png, svg ou pdf).")


def export(store, filters: Filters | None = None, name: str = "categories", fmt: str = "png",
           dep: str | None = None) -> bytes:
    return render(build(name, store, filters, dep), fmt)
