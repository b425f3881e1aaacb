"""The Couverture page's panels: coverage figures, the uncovered tables, the schemes
counted apart and the call list with its downloads. Figures come from
`initiatives.coverage.Gaps`; names from the releases go into data frames (cells are text).
"""
from __future__ import annotations

import streamlit as st

from geo.levels import LABELS, SINGULAR
from initiatives.coverage import Gaps, calls_of, weakest_first
from initiatives.filters import Filters
from initiatives.formatting import format_number
from report import gaps as report, naming, wording
from ui import tables

TOP = 20
# numbers as French text (`40 874`, `3,2`): the grid's own formats follow the browser
NUMBERS = {"population": 0, "nearest_km": 1}
NEAREST = st.column_config.TextColumn("Initiative la plus proche (km)", alignment="right")
POPULATION = st.column_config.TextColumn("Population", alignment="right")
SHARE_COLUMNS = {
    "% des communes": st.column_config.ProgressColumn(
        "% des communes", min_value=0, max_value=100, format="%.0f %%", width="small",
        help="Part des communes de l'unité où au moins une initiative est nommée."),
    "% de la population": st.column_config.ProgressColumn(
        "% de la population", min_value=0, max_value=100, format="%.0f %%", width="small",
        help="Part de la population vivant dans une commune où une initiative est nommée."),
    "Population nommée": st.column_config.TextColumn(
        help="Population des communes où une initiative est nommée / population de l'unité."),
    "Initiatives / 10 000 hab.": st.column_config.TextColumn(
        help="Initiatives nommées dans l'une des communes de l'unité, pour 10 000 habitants."),
    "Via un territoire seulement": st.column_config.TextColumn(
        help="Communes atteintes seulement parce que leur territoire est cité en bloc "
             "(calaisis, intercommunalité…) : comptées à part, jamais comme nommées."),
    "Relecture": st.column_config.TextColumn(
        help="Initiatives nommées dans l'unité et pas encore vérifiées (« à relire »)."),
}
RANKING_NOTE = ("Du plus faible au plus fort : part de la population vivant dans une commune "
                "où une initiative est nommée, puis part des communes nommées. Les communes "
                "atteintes seulement par un territoire cité en bloc sont comptées à part.")


def figures(g: Gaps, filters: Filters | None = None) -> None:
    """Communes with a named initiative first, then apart those reached only through a
    territory-wide mention, then the rest; the schemes counted apart."""
    if not g.initiatives:
        st.warning("Aucune initiative dans la sélection : toutes les communes apparaissent "
                   "sans initiative signalée.")
    total = format_number(len(g.communes))
    st.caption(wording.COVERAGE_LEAD)
    cols = st.columns(4)
    review = wording.review_note(g.communes_named_to_review, g.communes_named, filters)
    cols[0].metric("Communes nommées",
                   f"{format_number(g.communes_named)} / {total}",
                   delta=f"{format_number(g.population_named)} habitants "
                         f"({wording.percent(g.share_population_named)})",
                   delta_color="off", delta_arrow="off",
                   help="Communes citées comme lieu d'au moins une initiative. "
                        + (f"Communes nommées seulement par des initiatives à relire : "
                           f"{format_number(g.communes_named_to_review)}."
                           if review.startswith("dont") else review.capitalize() + "."))
    if g.commune_only:
        cols[1].metric("Via un territoire seulement", "écartées",
                       help="Les initiatives annoncées pour tout un territoire sont "
                            "écartées (bascule ci-dessus).")
    else:
        cols[1].metric("Via un territoire seulement",
                       format_number(g.communes_territory),
                       delta=f"{format_number(g.population_territory)} habitants",
                       delta_color="off", delta_arrow="off",
                       help="Communes d'un territoire cité en bloc (le calaisis, une "
                            "intercommunalité…) où aucune initiative n'est nommée : "
                            "comptées à part, dessinées plus claires sur la carte.")
    cols[2].metric("Sans initiative signalée",
                   f"{format_number(len(g.communes) - g.communes_covered)} / {total}",
                   delta=f"{format_number(g.population_uncovered)} habitants",
                   delta_color="off", delta_arrow="off")
    cols[3].metric("Dispositifs comptés à part", format_number(len(g.schemes)),
                   help="Dispositifs départementaux ou nationaux : ils ne couvrent aucune "
                        "commune en particulier.")


def shares(g: Gaps, ranked: bool = True) -> None:
    """Coverage of each arrondissement or EPCI as shares, the weakest first."""
    if g.level == "commune":
        return
    units = weakest_first(g.units) if ranked else g.units
    st.dataframe(tables.coverage_frame(units, SINGULAR[g.level].capitalize()), hide_index=True,
                 width="stretch", column_config=SHARE_COLUMNS)
    st.caption(RANKING_NOTE)


def uncovered(g: Gaps) -> None:
    """The largest communes nobody reaches, and the units of the level nobody reaches."""
    st.subheader("Les plus grandes communes sans initiative signalée")
    st.dataframe(
        tables.french_numbers(g.uncovered_communes.head(TOP)[
            ["nom", "code", "population", "nearest_km", "nearest_nom"]], NUMBERS),
        hide_index=True,
        column_config={"nom": "Commune", "code": "Code INSEE", "population": POPULATION,
                       "nearest_km": NEAREST,
                       "nearest_nom": "Commune de l'initiative la plus proche"})
    if g.level != "commune":
        st.dataframe(tables.french_numbers(g.uncovered[["nom", "population", "nearest_km"]],
                                           NUMBERS), hide_index=True,
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
    shown = tables.french_numbers(table, NUMBERS)  # the downloads keep plain numbers
    st.dataframe(shown.rename(columns=report.CALL_HEADERS)[list(report.CALL_HEADERS.values())],
                 hide_index=True,
                 column_config={report.CALL_HEADERS["population"]: POPULATION,
                                report.CALL_HEADERS["nearest_km"]: NEAREST})
    left, right = st.columns(2)
    left.download_button("Télécharger la liste (CSV)",
                         data=lambda: report.call_list_csv(table),
                         file_name=report.file_name("csv", g.as_of, dep),
                         mime=naming.mime("csv"))
    right.download_button("Télécharger la liste (Excel)",
                          data=lambda: report.call_list_xlsx(table),
                          file_name=report.file_name("xlsx", g.as_of, dep),
                          mime=naming.mime("xlsx"))
