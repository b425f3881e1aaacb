"""Productions : what was produced or distributed, against the targets, by
arrondissement and over time. Each total keeps the sentences it was read from."""
import streamlit as st

from report import charts
from ui import cache, productions_view, tables, widgets
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

productions_view.goals_section(filters, labels)
productions_view.others_section(totals)
productions_view.by_unit_section(filters)
productions_view.evolution_section(filters)
widgets.source_caption(sources)
