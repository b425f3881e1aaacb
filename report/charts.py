"""Altair charts shared by the pages and the exports (`report.chart_export` picks these
builders by name). Each takes a DataFrame and returns a chart with a French title and
its unit on the axis; numbers read `1 600` and months are French whatever the
renderer's locale.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from initiatives.formatting import MONTHS, NBSP, format_number
from initiatives.metrics import BESIDE_DONE
from initiatives.model import CATEGORIES, DONE, KIND_LABELS, NEEDED, ORDERED
from report.classes import CATEGORY_COLORS

# French digits in any locale: en-US gives "1,600" (the comma becomes a narrow space);
# fr-FR already gives "1 600". Integer axes only (a decimal comma would be replaced).
INT_LABELS = f"replace(format(datum.value, ',.0f'), regexp(',', 'g'), '{NBSP}')"
MONTH_LABELS = ("timeFormat(datum.value, '%e') + ' ' + "
                + str([m for m in MONTHS]) + "[month(datum.value)]")
CATEGORY_SCALE = alt.Scale(domain=list(CATEGORY_COLORS), range=list(CATEGORY_COLORS.values()))
# done, then the kinds set beside it (never stacked on it): each with its own colour
NATURE_COLORS = {DONE: "#225ea8", ORDERED: "#41b6c4", NEEDED: "#fd8d3c"}
NATURE_SCALE = alt.Scale(domain=[KIND_LABELS[k] for k in NATURE_COLORS],
                         range=list(NATURE_COLORS.values()))


def _count_axis(title: str) -> alt.Axis:
    return alt.Axis(title=title, labelExpr=INT_LABELS, tickMinStep=1)


def _sized(chart, title: str, width: int | None):
    chart = chart.properties(title=alt.TitleParams(title, anchor="start"))
    return chart.properties(width=width) if width else chart


def _text(values) -> list[str]:
    return [format_number(v) for v in values]


# --- data shaping from metrics ----------------------------------------------------------

def production_data(totals: dict) -> pd.DataFrame:
    """`metrics.totals` -> long rows (item, unit, nature, value) for done and, beside it,
    orders not yet delivered and needs. Goals are not here: summed, they would be set
    against the output of other initiatives (see `progress_data`)."""
    rows = [{"item": f"{r['item']} ({r['unit']})", "unit": r["unit"],
             "nature": KIND_LABELS[r["kind"]], "value": r["value"]}
            for r in totals["items"] if r["kind"] in (DONE, *BESIDE_DONE)]
    return pd.DataFrame(rows, columns=["item", "unit", "nature", "value"])


def arrondissement_data(counts: pd.DataFrame) -> pd.DataFrame:
    """`metrics.counts_by` (wide) -> long rows (code, nom, category, initiatives) > 0."""
    long = counts.melt(id_vars=["code", "nom"], value_vars=list(CATEGORIES),
                       var_name="category", value_name="initiatives")
    return long[long["initiatives"] > 0].reset_index(drop=True)


def matrix_data(counts: pd.DataFrame) -> pd.DataFrame:
    """`metrics.counts_by` (wide) -> long rows for `category_matrix`, zeros kept."""
    return counts.melt(id_vars=["code", "nom"], value_vars=list(CATEGORIES),
                       var_name="category", value_name="initiatives")


# --- charts ---------------------------------------------------------------------------

def progress_data(progress: pd.DataFrame) -> pd.DataFrame:
    """`metrics.Goals.progress` -> rows (label, percent, texte) for `progress`."""
    return pd.DataFrame({
        "label": [f"{a} — {i}" for a, i in zip(progress["actor"], progress["item"])],
        "percent": (100 * progress["share"].astype(float)).round(1),
        "texte": [f"{format_number(d)} / {format_number(t)}"
                  for d, t in zip(progress["done"], progress["target"])]},
        columns=["label", "percent", "texte"])


def progress(data: pd.DataFrame, width: int | None = None) -> alt.Chart:
    """Each initiative's done figure as a share of its own goal (label, percent, texte)."""
    base = alt.Chart(data).encode(y=alt.Y("label:N", title=None,
                                          axis=alt.Axis(labelLimit=320)))
    goal = base.mark_bar(color="#e5e5e5").encode(x=alt.datum(100))
    done = base.mark_bar(color=NATURE_COLORS[DONE]).encode(
        x=alt.X("percent:Q", scale=alt.Scale(domain=[0, 100], clamp=True),
                axis=alt.Axis(title="Part de son propre objectif atteinte (%)")),
        tooltip=[alt.Tooltip("label:N", title="Initiative"),
                 alt.Tooltip("texte:N", title="Réalisé / objectif"),
                 alt.Tooltip("percent:Q", title="%", format=".0f")])
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.X("percent:Q", scale=alt.Scale(domain=[0, 100], clamp=True)),
        text=alt.Text("texte:N"))
    return _sized(goal + done + text, "Avancement de chaque initiative vers son objectif",
                  width)


def production(data: pd.DataFrame, width: int | None = None) -> alt.Chart:
    """Done, ordered and needed side by side per item, never stacked (item, nature,
    value)."""
    data = data.assign(texte=_text(data["value"]))
    return _sized(alt.Chart(data).mark_bar().encode(
        x=alt.X("value:Q", axis=_count_axis("Quantité (dernier chiffre cumulé)")),
        y=alt.Y("item:N", title=None, axis=alt.Axis(labelLimit=250)),
        yOffset=alt.YOffset("nature:N", sort=list(NATURE_SCALE.domain)),
        color=alt.Color("nature:N", title=None, scale=NATURE_SCALE,
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("item:N", title="Objet"), alt.Tooltip("nature:N", title="Nature"),
                 alt.Tooltip("texte:N", title="Quantité")],
    ), "Production réalisée", width)


def evolution(data: pd.DataFrame, width: int | None = None) -> alt.Chart:
    """Cumulative done per item at each release date (as_of, item, value)."""
    data = data.assign(as_of=pd.to_datetime(data["as_of"]), texte=_text(data["value"]))
    return _sized(alt.Chart(data).mark_line(point=True).encode(
        x=alt.X("as_of:T", axis=alt.Axis(title="Date du communiqué", labelExpr=MONTH_LABELS,
                                         tickCount="day")),
        y=alt.Y("value:Q", axis=_count_axis("Cumul réalisé (unités de chaque objet)")),
        color=alt.Color("item:N", title="Objet", legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("item:N", title="Objet"),
                 alt.Tooltip("as_of:T", title="Date", format="%d/%m/%Y"),
                 alt.Tooltip("texte:N", title="Cumul")],
    ), "Évolution de la production réalisée", width)


def by_category(data: pd.DataFrame, width: int | None = None) -> alt.Chart:
    """Initiatives per category (category, initiatives)."""
    return _sized(alt.Chart(data).mark_bar().encode(
        x=alt.X("initiatives:Q", axis=_count_axis("Nombre d'initiatives")),
        y=alt.Y("category:N", title=None, sort="-x"),
        color=alt.Color("category:N", scale=CATEGORY_SCALE, legend=None),
        tooltip=[alt.Tooltip("category:N", title="Catégorie"),
                 alt.Tooltip("initiatives:Q", title="Initiatives")],
    ), "Initiatives par catégorie", width)


def by_arrondissement(data: pd.DataFrame, width: int | None = None) -> alt.Chart:
    """Initiatives per arrondissement, stacked by category (nom, category, initiatives)."""
    return _sized(alt.Chart(data).mark_bar().encode(
        x=alt.X("sum(initiatives):Q", axis=_count_axis("Nombre d'initiatives")),
        y=alt.Y("nom:N", title=None, sort="-x"),
        color=alt.Color("category:N", scale=CATEGORY_SCALE, title="Catégorie",
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=300)),
        tooltip=[alt.Tooltip("nom:N", title="Arrondissement"),
                 alt.Tooltip("category:N", title="Catégorie"),
                 alt.Tooltip("initiatives:Q", title="Initiatives")],
    ), "Initiatives par arrondissement et catégorie", width)


def category_matrix(data: pd.DataFrame, width: int | None = None) -> alt.Chart:
    """Who does what where: arrondissement × category heat map (nom, category, initiatives;
    every cell, zeros included, e.g. `metrics.counts_by` melted)."""
    base = alt.Chart(data).encode(  # long category names read best across, on the left
        x=alt.X("nom:N", title=None, axis=alt.Axis(labelAngle=0, labelLimit=140,
                                                   orient="top")),
        y=alt.Y("category:N", title=None, sort=list(CATEGORIES),
                axis=alt.Axis(labelLimit=300)))
    cells = base.mark_rect(stroke="#fff").encode(
        color=alt.Color("initiatives:Q", title="Initiatives",
                        scale=alt.Scale(scheme="yellowgreenblue", domainMin=0)),
        tooltip=[alt.Tooltip("nom:N", title="Arrondissement"),
                 alt.Tooltip("category:N", title="Catégorie"),
                 alt.Tooltip("initiatives:Q", title="Initiatives")])
    labels = base.mark_text(fontSize=12).encode(
        text=alt.Text("initiatives:Q"),
        color=alt.condition("datum.initiatives > 2", alt.value("#fff"), alt.value("#222")))
    return _sized(alt.layer(cells, labels), "Initiatives par arrondissement et catégorie",
                  width)


def totals_by_unit(data: pd.DataFrame, width: int | None = None) -> alt.Chart:
    """Done figures per arrondissement and item (`metrics.totals_by`: nom, item, unit, value)."""
    data = data.assign(objet=data["item"] + " (" + data["unit"] + ")",
                       texte=_text(data["value"]))
    return _sized(alt.Chart(data).mark_bar().encode(
        x=alt.X("value:Q", axis=_count_axis("Quantité réalisée (dernier chiffre cumulé)")),
        y=alt.Y("nom:N", title=None),
        yOffset=alt.YOffset("objet:N"),
        color=alt.Color("objet:N", title="Objet", legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("nom:N", title="Arrondissement"),
                 alt.Tooltip("objet:N", title="Objet"), alt.Tooltip("texte:N", title="Quantité")],
    ), "Production réalisée par arrondissement", width)
