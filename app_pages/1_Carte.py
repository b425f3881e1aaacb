"""Carte : choropleth by commune, EPCI or arrondissement, initiatives as markers and
territory-level initiatives as areas, each with its excerpt and release."""
import streamlit as st

from geo.levels import LABELS as LEVEL_LABELS, SINGULAR
from initiatives.formatting import format_number
from report.classes import SCHEMES
from report.initiatives_map import MEASURES, MapOptions
from ui import cache, national_view, tables, widgets
from ui.filters import sidebar

widgets.page("Carte", "🗺️")
cache.ensure_assets()
filters = sidebar(national=True)
if cache.national():  # DEPARTEMENT=FR, no département chosen: the départements
    national_view.page(filters, "carte des départements", "carte-france")
    st.stop()

st.title("Carte des initiatives")
level = st.radio("Découpage", list(LEVEL_LABELS), format_func=LEVEL_LABELS.get,
                 key="carte_niveau", horizontal=True)
search, more = st.columns(2, vertical_alignment="bottom")
commune = widgets.commune_search(dep := cache.departement(), container=search)
# folded: on a phone the map comes on the first screen, under the search
left, middle, right = more.expander("Mesure, couleurs et couches").columns(3)
measure = left.radio("Mesure", list(MEASURES), format_func=MEASURES.get, key="carte_mesure")
scheme = middle.selectbox("Classes de couleur", list(SCHEMES), format_func=SCHEMES.get,
                          key="carte_classes",
                          help="Comment les valeurs sont réparties entre les couleurs : "
                               "autant de lieux par classe (quantiles), des seuils suivant "
                               "les écarts naturels, ou des intervalles de même largeur.")
k = middle.slider("Nombre de classes", 2, 7, 5, key="carte_k")
markers = right.checkbox("Initiatives nommant une commune (points)", True, key="carte_points")
areas = right.checkbox("Initiatives à l'échelle d'un territoire (zones)", True,
                       key="carte_zones")
tiles = right.checkbox("Fond de carte OpenStreetMap (nécessite internet)", False,
                       key="carte_osm")

options = MapOptions(level=level, measure=measure, scheme=scheme, k=k, markers=markers,
                     areas=areas, tiles=tiles, collapsed=False)
widgets.show_map(cache.initiatives_map(filters, options), key="carte", height=680,
                 focus=commune, dep=dep)

kf = cache.key_figures(filters)
st.caption(
    "Couleur : initiatives nommant le lieu. Points : une initiative par commune nommée, à "
    "la mairie (cliquez pour l'extrait et le communiqué). Zones en pointillés, en teinte "
    "légère : initiatives d'un territoire cité en bloc (intercommunalité, calaisis…) ; "
    "leurs communes ne comptent pas comme nommées ; survolez leur contour pour les "
    "initiatives. "
    f"{format_number(kf.initiatives_wide)} initiative(s) à l'échelle du département ou "
    "nationales ne sont pas dessinées. La couche « Arrondissements » et les autres se "
    "masquent depuis le sélecteur de couches.")

counts = cache.counts_per_unit(filters, level=level, commune_only=True)
column = "per_10k" if measure == "per_10k" else "initiatives"
with st.expander(f"Valeurs par {SINGULAR[level]}"):
    st.dataframe(tables.units_frame(counts, column), hide_index=True, width="stretch")
widgets.source_caption(cache.sources_cited(filters))
