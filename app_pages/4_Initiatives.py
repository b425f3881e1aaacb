"""Initiatives : the searchable table; each row opens its excerpts, releases, figures
and history (who changed what, when); review (vérifié / rejeté), corrections, and
additions by hand (not for a `lecteur`). A save based on an older version is refused and can be reapplied."""
import streamlit as st

from ui import cache, review, widgets
from ui.filters import sidebar

PICKED = "initiative_choisie"
widgets.page("Initiatives", "📋")
filters = sidebar(search=True)  # the search filters this page only
dep = cache.departement()

st.title("Initiatives")
st.caption("Filtres dans la barre latérale, et sous eux la recherche, propre à cette page "
           "(les initiatives rejetées sont masquées par défaut : filtre « Statut de "
           "relecture »). Cliquez une ligne pour voir d'où elle vient et la relire ; le lien "
           "de la page garde l'initiative ouverte.")
if filters.search:
    st.info(f"Recherche active sur cette page seulement : « {widgets.md(filters.search)} ».")
widgets.flash()

labels = widgets.release_labels(cache.releases())
frame = cache.initiatives_frame(filters)
shown = review.table(frame, labels)
event = st.dataframe(shown, hide_index=True, width="stretch", on_select="rerun",
                     selection_mode="single-row", key="table_initiatives",
                     column_config={"Dans le département": st.column_config.CheckboxColumn()})
st.caption(f"{len(shown)} initiative(s).")

opened = review.choose(frame, event, PICKED)
if opened is not None:
    chosen, current = opened
    ini, version = current
    base, base_version = review.opened(chosen, current)  # what this person edits
    left, right = st.columns([3, 2])
    with left:
        review.detail(ini, labels)
    with right:  # review and corrections, for a role that may (`ui.auth`)
        review.review_panel(chosen, base, base_version, version, labels, dep)
    review.history_panel(chosen)

review.add_section(dep, cache.releases())
