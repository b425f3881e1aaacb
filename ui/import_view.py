"""The Import page's panels: one per file read (its initiatives, every number of its text,
the paragraphs to check), and the outcome of a save, with what was read kept in the
session. The tables are in `ui.import_flow`, the logic in `initiatives.importing`;
untrusted text goes through `md()` or into data frames (cells are text).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from initiatives import importing, ingest
from initiatives.importing import Parsed
from initiatives.store import StoreError
from ui import auth, import_flow, widgets
from ui.widgets import md

LIMITS = ingest.limits()
# what was read, the round of reading (new editors each time) and the last save's outcome
READ, ROUND, OUTCOME = "import_lus", "import_tour", "import_resultat"


def read(files, pasted: str) -> None:
    """Read the uploaded files and the pasted text (with a progress bar for several);
    what was read stays in the session until it is saved or read again."""
    refused, inputs = [], []
    for f in files or []:  # an oversize file is refused before its bytes are read
        if (no := importing.refused_upload(f.name, f.size)) is not None:
            refused.append(no)
        else:
            inputs.append((f.name, f.getvalue(), None))
    if pasted.strip():
        inputs.append(("texte collé", None, pasted))
    if not inputs and not refused:
        st.warning("Déposez un fichier ou collez un texte.")
    bar = st.progress(0.0, text="Lecture…") if len(inputs) > 1 else None

    def progress(n: int, total: int, name: str) -> None:
        if bar:
            bar.progress(n / total, text=f"Lu : {name} ({n}/{total})")
    # the French language model loads once per server process, on the first reading
    with st.spinner("Lecture des textes… La première lecture charge le modèle de langue "
                    "français (10 à 20 secondes)."):
        st.session_state[READ] = refused + importing.parse_all(inputs, progress)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.session_state.pop(OUTCOME, None)


def panels() -> list[tuple]:
    """A panel per file read; the batch of those that can be saved."""
    parsed = st.session_state.get(READ, [])
    return [p for n, one in enumerate(parsed)
            if (p := panel(one, n, st.session_state[ROUND])) is not None]


def save(store, batch: list[tuple]) -> None:
    """Save the batch (one transaction per release) in the name of the logged-in
    person, and keep its outcome to show."""
    if not auth.can("importer"):  # the page refuses itself first; a stale click
        st.error("Rien n'a été enregistré : votre rôle ne permet pas d'importer.")
        return
    st.session_state[OUTCOME] = importing.save(store, batch, person=auth.person())
    st.session_state[READ] = []


def last_outcome() -> None:
    if st.session_state.get(OUTCOME) is not None:
        outcome(st.session_state[OUTCOME])


def _to_check(parsed: Parsed) -> None:
    for paragraph in parsed.to_check:
        st.warning(import_flow.TO_CHECK + md(paragraph))


def _numbers(parsed: Parsed, key: str | None) -> pd.DataFrame | None:
    """« Chaque nombre du texte »: editable kinds when `key` is given, else read only."""
    if not parsed.numbers:
        return None
    st.markdown("**Chaque nombre du texte**")
    st.caption(import_flow.numbers_summary(parsed) + ". Changez la nature d'un nombre "
               "d'une initiative, ou choisissez « écarter » pour ne pas l'enregistrer.")
    table = import_flow.numbers_preview(parsed)
    if key is None:
        st.dataframe(table, hide_index=True, width="stretch")
        return None
    return st.data_editor(
        table, hide_index=True, width="stretch", key=key,
        disabled=import_flow.NUMBERS_READ_ONLY,
        column_config={import_flow.NUMBERS["kind"]: st.column_config.SelectboxColumn(
            options=import_flow.nature_choices(), required=False)})


def panel(parsed: Parsed, n: int, tour: int) -> tuple | None:
    """One file read: `(parsed, edited initiatives, edited numbers)`, or None when it
    cannot be saved (its error is shown, with what was read of its numbers)."""
    with st.container(border=True):
        st.markdown(f"**{md(parsed.name)}** · {md(parsed.label)}")
        if parsed.error:
            st.error(f"{md(parsed.name)} : {md(parsed.error)} Rien ne sera enregistré pour "
                     "ce fichier.")
            _to_check(parsed)
            _numbers(parsed, None)
            return None
        st.caption(f"{len(parsed.initiatives)} initiative(s) lue(s). Corrigez l'acteur, le "
                   "type, la catégorie ou les lieux (noms de communes séparés par « ; »), "
                   "décochez « Garder » pour écarter une ligne.")
        edited = st.data_editor(
            import_flow.preview(parsed), hide_index=True, width="stretch",
            key=f"import_apercu_{tour}_{n}", disabled=import_flow.READ_ONLY,
            column_config={name: st.column_config.SelectboxColumn(options=values,
                                                                   required=True)
                           for name, values in import_flow.choices().items()})
        numbers = _numbers(parsed, f"import_nombres_{tour}_{n}")
        _to_check(parsed)
    return (parsed, edited, numbers)


def outcome(result: pd.DataFrame) -> None:
    """What the save did, release by release."""
    ok = result[result["Erreur"] == ""]
    if len(ok):
        st.success(f"Enregistré : {int(ok['Ajoutées'].sum())} initiative(s) ajoutée(s), "
                   f"{int(ok['Mises à jour'].sum())} mise(s) à jour, "
                   f"{int(ok['Inchangées'].sum())} inchangée(s). Elles sont sur la carte et "
                   "dans le tableau des initiatives.")
    for row in result[result["Erreur"] != ""].itertuples():
        st.error(f"{md(row.Fichier)} : rien n'a été enregistré ({md(row.Erreur)}).")
    for row in (result[result["Remarque"] != ""] if "Remarque" in result
                else result.iloc[:0]).itertuples():   # a text stored apart (issue 14)
        st.warning(f"{md(row.Fichier)} : {md(row.Remarque)}")
    st.dataframe(result, hide_index=True, width="stretch")


def delete_section(store, releases: list[dict], read_only: bool) -> bool:
    """« Supprimer un communiqué », for an administrator: the release goes with its
    excerpts and figures, and the initiatives it alone cites; the store's history keeps
    all of it, in this person's name. True once something was deleted (message kept)."""
    if not auth.can("supprimer"):
        return False
    labels = {r["id"]: r["label"] for r in releases}
    with st.expander("Supprimer un communiqué (administrateur)"):
        st.caption("Les initiatives citées par ce seul communiqué sont supprimées avec lui ; "
                   "les autres perdent son extrait et ses chiffres. L'historique garde tout.")
        chosen = st.selectbox("Communiqué à supprimer", list(labels), index=None,
                              format_func=labels.get, key="suppression_communique",
                              placeholder="Choisissez un communiqué")
        sure = st.checkbox("Je confirme la suppression", key="suppression_confirmee")
        if not st.button("Supprimer le communiqué", key="supprimer_communique",
                         disabled=chosen is None or not sure or read_only):
            return False
        try:
            counts = store.delete_release(chosen, person=auth.person())
        except StoreError as exc:
            st.error(f"Rien n'a été supprimé : {md(exc)}")
            return False
    widgets.flash(f"Communiqué « {md(labels[chosen])} » supprimé, avec {counts['deleted']} "
                  f"initiative(s) qu'il était seul à citer ; {counts['kept']} autre(s) "
                  "initiative(s) gardée(s).")
    return True
