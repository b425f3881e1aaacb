"""Import : drop this week's press releases (PDF or text) or paste one, check what was
read with its excerpts, correct, then save; each release in its own transaction
(`initiatives.importing`, shared with `python -m initiatives ingest`)."""
import streamlit as st

from ui import auth, cache, import_view, widgets
from ui.filters import sidebar

widgets.page("Import", "📥")
auth.require("importer")  # hidden from a `lecteur`'s navigation, refused by address too
sidebar()
st.title("Importer des communiqués")
st.caption("Les initiatives lues sont montrées avec leur extrait, et chaque nombre du texte "
           "avec ce qui en est fait, avant tout enregistrement. Un fichier illisible ou sans "
           "initiative est signalé et n'enregistre rien.")
widgets.flash()

files = st.file_uploader("Communiqués de presse (PDF ou texte)", type=["txt", "pdf"],
                         accept_multiple_files=True, key="import_fichiers",
                         help=import_view.LIMITS)
pasted = st.text_area("… ou collez le texte d'un communiqué", key="import_texte", height=150,
                      help=import_view.LIMITS)
st.caption(import_view.LIMITS + " Au-delà, le fichier ou le texte est refusé avant lecture.")

if st.button("Lire les communiqués", type="primary"):
    import_view.read(files, pasted)

batch = import_view.panels()
if batch and st.button("Enregistrer dans la base", type="primary"):
    import_view.save(cache.store(), batch)
    cache.clear()
    st.rerun()

import_view.last_outcome()

if import_view.delete_section(cache.store(), cache.releases(), cache.read_only()):
    cache.clear()
    st.rerun()
