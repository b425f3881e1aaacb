"""Import : drop this week's press releases (PDF or text) or paste one, check what was
read with its excerpts, correct, then save; each release in its own transaction."""
import streamlit as st

from ui import cache, import_flow, import_view, widgets
from ui.filters import sidebar

widgets.page("Import", "📥")
sidebar()
st.title("Importer des communiqués")
st.caption("Les initiatives lues sont montrées avec leur extrait, et chaque nombre du texte "
           "avec ce qui en est fait, avant tout enregistrement. Un fichier illisible ou sans "
           "initiative est signalé et n'enregistre rien.")
widgets.flash()

files = st.file_uploader("Communiqués de presse (PDF ou texte)", type=["txt", "pdf"],
                         accept_multiple_files=True, key="import_fichiers")
pasted = st.text_area("… ou collez le texte d'un communiqué", key="import_texte", height=150)

if st.button("Lire les communiqués", type="primary"):
    inputs = [(f.name, f.getvalue(), None) for f in files or []]
    if pasted.strip():
        inputs.append(("texte collé", None, pasted))
    if not inputs:
        st.warning("Déposez un fichier ou collez un texte.")
    bar = st.progress(0.0, text="Lecture…") if len(inputs) > 1 else None
    parsed = []
    for n, (name, data, text) in enumerate(inputs, start=1):
        parsed.append(import_flow.parse(name, data, text))
        if bar:
            bar.progress(n / len(inputs), text=f"Lu : {name} ({n}/{len(inputs)})")
    st.session_state["import_lus"] = parsed
    st.session_state["import_tour"] = st.session_state.get("import_tour", 0) + 1
    st.session_state.pop("import_resultat", None)

parsed = st.session_state.get("import_lus", [])
batch = [panel for n, p in enumerate(parsed)
         if (panel := import_view.panel(p, n, st.session_state["import_tour"])) is not None]

if batch and st.button("Enregistrer dans la base", type="primary"):
    result = import_flow.save(cache.store(), batch)
    cache.clear()
    st.session_state["import_resultat"] = result
    st.session_state["import_lus"] = []
    st.rerun()

if st.session_state.get("import_resultat") is not None:
    import_view.outcome(st.session_state["import_resultat"])
