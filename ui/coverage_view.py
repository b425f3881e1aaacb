"""The Couverture page's panels: coverage figures, the uncovered tables, the schemes
counted apart and the call list with its downloads. Figures come from
`initiatives.coverage.Gaps`; names from the releases go into data frames (cells are text).
"""
from __future__ import annotations

import streamlit as st

from geo.levels import LABELS
from initiatives.coverage import Gaps, calls_of
from initiatives.formatting import format_number
from report import gaps as report, naming

TOP = 20
NEAREST = st.column_config.NumberColumn("Initiative la plus proche (km)", format="%.1f")
POPULATION = st.column_config.NumberColumn("Population", format="localized")


def figures(g: Gaps) -> None:
    """Communes and people reached, the schemes apart, and the units of the level."""
    if not g.initiatives:
        st.warning("Aucune initiative dans la sélection : toutes les communes apparaissent "
                   "sans initiative signalée.")
    cols = st.columns(4)
    cols[0].metric("Communes couvertes",
                   f"{format_number(g.communes_covered)} / {format_number(len(g.communes))}")
    cols[1].metric("Population atteinte", f"{format_number(100 * g.share_population_covered)} %",
                   help=f"{format_number(g.population_covered)} habitants dans une commune "
                        "couverte")
    cols[2].metric("Population non atteinte", format_number(g.population_uncovered))
    cols[3].metric("Dispositifs comptés à part", format_number(len(g.schemes)),
                   help="Dispositifs départementaux ou nationaux : ils ne couvrent aucune "
                        "commune en particulier.")
    if g.level != "commune":
        st.caption(f"{LABELS[g.level]} couvertes : {format_number(g.covered)} / "
                   f"{format_number(g.total)} (au moins une initiative dans l'une de leurs "
                   "communes).")


def uncovered(g: Gaps) -> None:
    """The largest communes nobody reaches, and the units of the level nobody reaches."""
    st.subheader("Les plus grandes communes sans initiative signalée")
    st.dataframe(
        g.uncovered_communes.head(TOP)[["nom", "code", "population", "nearest_km",
                                        "nearest_nom"]], hide_index=True,
        column_config={"nom": "Commune", "code": "Code INSEE", "population": POPULATION,
                       "nearest_km": NEAREST,
                       "nearest_nom": "Commune de l'initiative la plus proche"})
    if g.level != "commune":
        st.dataframe(g.uncovered[["nom", "population", "nearest_km"]], hide_index=True,
                     column_config={"nom": f"{LABELS[g.level]} sans initiative",
                                    "population": POPULATION, "nearest_km": NEAREST})


def schemes(g: Gaps) -> None:
    st.subheader("Dispositifs départementaux et nationaux, comptés à part")
    if g.schemes:  # a table, not markdown: actor names come from the releases
        st.dataframe([{"Dispositif": s["actor"], "Portée": s["scope"],
                       "Catégorie": s["category"]} for s in g.schemes], hide_index=True)
    else:
        st.caption("Aucun dispositif départemental ou national dans la sélection.")


def calls(g: Gaps, dep: str) -> None:
    """The communes to call, the most populated first, and the list as CSV and Excel."""
    st.subheader("Communes à appeler")
    table = calls_of(g, dep)
    st.caption(f"{format_number(len(table))} communes sans initiative signalée, les plus "
               "peuplées d'abord, avec les coordonnées de leur mairie.")
    st.dataframe(table.rename(columns=report.CALL_HEADERS)[list(report.CALL_HEADERS.values())],
                 hide_index=True)
    left, right = st.columns(2)
    left.download_button("Télécharger la liste (CSV)",
                         data=lambda: report.call_list_csv(table),
                         file_name=report.file_name("csv", g.as_of, dep),
                         mime=naming.mime("csv"))
    right.download_button("Télécharger la liste (Excel)",
                          data=lambda: report.call_list_xlsx(table),
                          file_name=report.file_name("xlsx", g.as_of, dep),
                          mime=naming.mime("xlsx"))
