"""Productions : what was produced or distributed, against the targets, by
arrondissement and over time. Each total keeps the sentences it was read from."""
import streamlit as st

from report import charts
from ui import cache, tables, widgets
from ui.filters import sidebar

widgets.page("Productions", "🧵")
filters = sidebar()

st.title("Productions et distributions")
st.caption("Pour chaque initiative et chaque objet, le dernier chiffre cumulé connu est "
           "retenu (jamais la somme des communiqués successifs), puis additionné. Les "
           "commandes pas encore livrées, les besoins exprimés, les cadences, "
           "bénéficiaires et bénévoles sont montrés à part, jamais ajoutés au réalisé ; "
           "un objectif n'est comparé qu'au réalisé de sa propre initiative.")

totals = cache.totals(filters)
labels = widgets.release_labels(cache.releases())
sources = cache.sources_cited(filters)
if not totals["items"]:
    st.info("Aucun chiffre dans les communiqués pour ces filtres.")
    st.stop()

st.subheader("Réalisé")
done = tables.done_vs_target(totals)
st.dataframe(done, hide_index=True, width="stretch")
st.caption("« Dont à relire » : part du réalisé tirée d'initiatives pas encore vérifiées. "
           "L'avancement ne compare un objectif qu'au réalisé de la même initiative, "
           "additionné sur les seules initiatives qui donnent les deux ; les autres "
           "objectifs sont listés à part.")
st.altair_chart(charts.production(charts.production_data(totals)), width="stretch")
widgets.source_caption(sources)
widgets.figure_sources(totals, labels)

goals = cache.goals(filters)
st.subheader("Objectifs, initiative par initiative")
if len(goals.progress):
    st.altair_chart(charts.progress(charts.progress_data(goals.progress)), width="stretch")
    st.dataframe(tables.progress_frame(goals, labels), hide_index=True, width="stretch",
                 column_config={"Avancement": st.column_config.ProgressColumn(
                     "Avancement", min_value=0, max_value=100, format="%.0f %%")})
else:
    st.caption("Aucune initiative ne donne à la fois un objectif et un chiffre réalisé.")
if len(goals.alone):
    st.markdown("**Objectifs sans chiffre réalisé connu** (des intentions, rien n'est "
                "encore compté comme fait)")
    st.dataframe(tables.goals_alone_frame(goals, labels), hide_index=True, width="stretch")

others = tables.other_kinds(totals)
if len(others):
    st.subheader("Cadences, bénéficiaires et bénévoles")
    st.caption("Ces chiffres ne s'additionnent pas aux quantités réalisées.")
    st.dataframe(others, hide_index=True, width="stretch")

st.subheader("Par arrondissement")
by_unit = cache.totals_by(filters, level="arrondissement")
if len(by_unit):
    done_by_unit = by_unit[by_unit["kind"] == "done"]
    if len(done_by_unit):
        st.altair_chart(charts.totals_by_unit(done_by_unit), width="stretch")
    st.dataframe(tables.by_unit_frame(by_unit), hide_index=True, width="stretch")
    st.caption("Chaque chiffre est rangé dans l'arrondissement du lieu de l'initiative ; "
               "« plusieurs ou non localisé » quand elle en couvre plusieurs.")

st.subheader("Évolution au fil des communiqués")
evolution = cache.evolution(filters)
if len(evolution):
    st.altair_chart(charts.evolution(evolution), width="stretch")
    st.caption("Cumul, à la date de chaque communiqué, du dernier chiffre connu de chaque "
               "initiative.")
widgets.source_caption(sources)
