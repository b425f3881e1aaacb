"""Import : drop this week's press releases (PDF or text) or paste one, check what was
read with its excerpts, correct, then save; each release in its own transaction."""
import streamlit as st

from ui import cache, import_flow, widgets
from ui.filters import sidebar
from ui.widgets import md

widgets.page("Import", "📥")
sidebar()
st.title("Importer des communiqués")
st.caption("Les initiatives lues sont montrées avec leur extrait avant tout enregistrement. "
           "Un fichier illisible ou sans initiative est signalé et n'enregistre rien.")
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
batch = []
for i, p in enumerate(parsed):
    with st.container(border=True):
        st.markdown(f"**{md(p.name)}** · {md(p.label)}")
        if p.error:
            st.error(f"{md(p.name)} : {md(p.error)} Rien ne sera enregistré pour ce fichier.")
            continue
        st.caption(f"{len(p.initiatives)} initiative(s) lue(s). Corrigez l'acteur, le type "
                   "ou la catégorie, décochez « Garder » pour écarter une ligne.")
        options = import_flow.choices()
        edited = st.data_editor(
            import_flow.preview(p), hide_index=True, width="stretch",
            key=f"import_apercu_{st.session_state['import_tour']}_{i}",
            disabled=import_flow.READ_ONLY,
            column_config={name: st.column_config.SelectboxColumn(options=values, required=True)
                           for name, values in options.items()})
        batch.append((p, edited))

if batch and st.button("Enregistrer dans la base", type="primary"):
    result = import_flow.save(cache.store(), batch)
    cache.clear()
    st.session_state["import_resultat"] = result
    st.session_state["import_lus"] = []
    st.rerun()

result = st.session_state.get("import_resultat")
if result is not None:
    ok = result[result["Erreur"] == ""]
    if len(ok):
        st.success(f"Enregistré : {int(ok['Ajoutées'].sum())} initiative(s) ajoutée(s), "
                   f"{int(ok['Mises à jour'].sum())} mise(s) à jour, "
                   f"{int(ok['Inchangées'].sum())} inchangée(s). Elles sont sur la carte et "
                   "dans le tableau des initiatives.")
    for row in result[result["Erreur"] != ""].itertuples():
        st.error(f"{md(row.Fichier)} : rien n'a été enregistré ({md(row.Erreur)}).")
    st.dataframe(result, hide_index=True, width="stretch")
