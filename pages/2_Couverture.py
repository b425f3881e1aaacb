"""Couverture : où personne n'est signalé, et quelles mairies appeler (issue 6)."""
import streamlit as st
from streamlit_folium import st_folium

from initiatives.coverage import LEVELS, calls_of
from initiatives.formatting import format_number
from initiatives.model import CATEGORIES
from report import gaps as report
from ui import cache
from ui.filters import sidebar

LEVEL_LABELS = {"commune": "Communes", "epci": "Intercommunalités",
                "arrondissement": "Arrondissements"}
TOP = 20

st.set_page_config(page_title="Couverture – Pas-de-Calais solidaire", page_icon="🤝",
                   layout="wide")
cache.ensure_assets()
filters = sidebar()
dep = cache.departement()

st.title("Couverture : où n'y a-t-il personne ?")
st.info(report.CAVEAT, icon="ℹ️")

left, middle = st.columns(2)
category = left.selectbox("Catégorie", [None, *CATEGORIES],
                          format_func=lambda c: "Toutes les catégories" if c is None else c,
                          key="couverture_categorie")
level = middle.radio("Niveau", LEVELS, format_func=LEVEL_LABELS.get, horizontal=True,
                     key="couverture_niveau")
commune_only = st.toggle(
    "Seulement les initiatives situées dans la commune même",
    help="Sans les initiatives annoncées pour tout un territoire "
         "(le calaisis, une intercommunalité, un arrondissement).",
    key="couverture_commune")

g = cache.gaps(filters, category, level, commune_only)
if not g.initiatives:
    st.warning("Aucune initiative dans la sélection : toutes les communes apparaissent "
               "sans initiative signalée.")
share = g.population_covered / g.population if g.population else 0.0
cols = st.columns(4)
cols[0].metric("Communes couvertes",
               f"{format_number(g.communes_covered)} / {format_number(len(g.communes))}")
cols[1].metric("Population atteinte", f"{format_number(100 * share)} %",
               help=f"{format_number(g.population_covered)} habitants dans une commune couverte")
cols[2].metric("Population non atteinte", format_number(g.population_uncovered))
cols[3].metric("Dispositifs comptés à part", format_number(len(g.schemes)),
               help="Dispositifs départementaux ou nationaux : ils ne couvrent aucune "
                    "commune en particulier.")
if level != "commune":
    st.caption(f"{LEVEL_LABELS[level]} couvertes : {format_number(g.covered)} / "
               f"{format_number(g.total)} (au moins une initiative dans l'une de leurs "
               "communes).")

st_folium(cache.gap_map(filters, category, level, commune_only), height=600,
          use_container_width=True, returned_objects=[], key=f"carte-couverture-{level}")

st.subheader("Les plus grandes communes sans initiative signalée")
ranking = g.uncovered_communes.head(TOP)
st.dataframe(
    ranking[["nom", "code", "population", "nearest_km", "nearest_nom"]], hide_index=True,
    column_config={"nom": "Commune", "code": "Code INSEE",
                   "population": st.column_config.NumberColumn("Population", format="localized"),
                   "nearest_km": st.column_config.NumberColumn(
                       "Initiative la plus proche (km)", format="%.1f"),
                   "nearest_nom": "Commune de l'initiative la plus proche"})
if level != "commune":
    st.dataframe(
        g.uncovered[["nom", "population", "nearest_km"]], hide_index=True,
        column_config={"nom": f"{LEVEL_LABELS[level]} sans initiative",
                       "population": st.column_config.NumberColumn("Population",
                                                                   format="localized"),
                       "nearest_km": st.column_config.NumberColumn(
                           "Initiative la plus proche (km)", format="%.1f")})

st.subheader("Dispositifs départementaux et nationaux, comptés à part")
if g.schemes:  # a table, not markdown: actor names come from the releases
    st.dataframe([{"Dispositif": s["actor"], "Portée": s["scope"], "Catégorie": s["category"]}
                  for s in g.schemes], hide_index=True)
else:
    st.caption("Aucun dispositif départemental ou national dans la sélection.")

st.subheader("Communes à appeler")
calls = calls_of(g, dep)
st.caption(f"{format_number(len(calls))} communes sans initiative signalée, les plus "
           "peuplées d'abord, avec les coordonnées de leur mairie.")
st.dataframe(calls.rename(columns=report.CALL_HEADERS)[list(report.CALL_HEADERS.values())],
             hide_index=True)
days = [s["date"] for s in cache.metric("sources", filters) if s["date"]]
day = max(days) if days else None
b1, b2 = st.columns(2)
b1.download_button("Télécharger la liste (CSV)", data=lambda: report.call_list_csv(calls),
                   file_name=report.file_name("csv", day, dep), mime="text/csv")
b2.download_button("Télécharger la liste (Excel)", data=lambda: report.call_list_xlsx(calls),
                   file_name=report.file_name("xlsx", day, dep),
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
