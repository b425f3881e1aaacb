"""Initiatives : the searchable table; each row opens its excerpts, releases, figures
and history (who changed what, when); review (vérifié / rejeté), corrections, and
additions by hand. A save based on an older version is refused and can be reapplied."""
import streamlit as st

from ui import cache, review, widgets
from ui.filters import local_param, set_local_param, sidebar

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

linked = local_param("initiative")  # a reload or a shared link opens it again
if PICKED not in st.session_state and linked and linked.isdigit():
    st.session_state[PICKED] = int(linked)
ids = review.pick(frame, event, PICKED)
names = review.picker_labels(frame, PICKED)
chosen = st.selectbox("Initiative", ids, index=None, key=PICKED,
                      placeholder="Choisissez une ligne du tableau ou une initiative ici",
                      format_func=names.get)
set_local_param("initiative", None if chosen is None else str(chosen))
if chosen is None and linked and linked.isdigit() and int(linked) not in ids:
    st.warning(f"L'initiative n°{linked} du lien n'est pas dans le tableau : elle n'existe "
               "plus ou les filtres l'écartent.")

current = cache.store().get_versioned(chosen) if chosen is not None else None
if current is not None:
    ini, version = current
    base, base_version = review.opened(chosen, current)  # what this person edits
    left, right = st.columns([3, 2])
    with left:
        review.detail(ini, labels)
    with right:
        st.subheader("Relecture")
        review.editing(chosen, base_version, version)
        review.status_buttons(base, base_version)
        with st.expander("Corriger les champs"):
            review.correction_form(base, base_version, labels, dep)
    review.history_panel(chosen)

st.divider()
with st.expander("Ajouter une initiative à la main"):
    review.add_form(dep, cache.releases())
