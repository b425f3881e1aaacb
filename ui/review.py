"""The Initiatives page's panels: an initiative's sources and history, its review and
correction, and the form to add one by hand.

Review, corrections and additions are drawn, and done, only for a role that may
(`ui.auth`: a `lecteur` sees the sources and the history, nothing to change).
Every write goes through the store (one transaction, French `StoreError` on bad
input, nothing changed) in the name of `person()` (`ui.auth`), then the cached figures are
dropped and a message says what happened. Untrusted text is shown with `md()` or in
data frames.

No lost update: a review or correction is based on the initiative as the person
opened it (`opened`: the initiative and its version, kept in the session until a
save). The form starts from that version, so what the person typed is compared with
what they saw, not with someone else's newer save; the store refuses a save on an
older version, and `conflict_panel` says the other person's change and offers to
reapply this person's values on the current version.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from initiatives import history
from initiatives.formatting import format_date, format_number
from initiatives.model import (
    ACTOR_TYPES,
    CATEGORIES,
    DONE,
    KIND_LABELS,
    KINDS,
    STATUSES,
    Initiative,
    Place,
    Quantity,
)
from initiatives.store import MANUAL_SOURCE, REVIEWED_REASON, StoreError, VersionConflict
from ui import auth, cache, widgets
from ui.auth import person
from ui.filters import local_param, set_local_param
from ui.widgets import md

KIND_BY_LABEL = {v: k for k, v in KIND_LABELS.items()}
REASON = "Pourquoi cette nature"
QTY_COLUMNS = ["Objet", "Valeur", "Unité", "Nature", REASON, "Approximatif", "Communiqué",
               "Phrase"]
TABLE_COLUMNS = {"id": "N°", "actor": "Acteur", "actor_type": "Type", "category": "Catégorie",
                 "status": "Statut", "places": "Lieux", "arrondissements_noms": "Arrondissements",
                 "figures": "Chiffres", "releases": "Communiqués", "last_release": "Dernier",
                 "inside": "Dans le département"}
BASE_KEY = "relecture_base"          # the initiative as opened: {"id", "ini", "version"}
CONFLICT_KEY = "relecture_conflit"   # a refused save: {"id", "fields", "current", "message"}


# --- plain helpers ----------------------------------------------------------------------

def table(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """`metrics.initiatives_frame` as the page's table (French headers, lists joined)."""
    out = frame[list(TABLE_COLUMNS)].copy()
    out["arrondissements_noms"] = out["arrondissements_noms"].map(", ".join)
    out["last_release"] = out["last_release"].map(lambda r: labels.get(r, r))
    return out.rename(columns=TABLE_COLUMNS)


def commune_places(codes: list[str], dep: str, keep: list[Place] = ()) -> list[Place]:
    """Places for the picked communes; the existing ones are kept as they are."""
    names = cache.commune_choices(dep)
    known = {p.code: p for p in keep if p.level == "commune"}
    return [known.get(c) or Place(query=names[c].rsplit(" (", 1)[0], code=c,
                                  nom=names[c].rsplit(" (", 1)[0], level="commune",
                                  departement=dep, inside=True, method="manual",
                                  confidence=1.0)
            for c in codes]


def quantities_frame(ini: Initiative, labels: dict[str, str]) -> pd.DataFrame:
    rows = [{"Objet": q.item, "Valeur": float(q.value), "Unité": q.unit,
             "Nature": KIND_LABELS.get(q.kind, q.kind), REASON: q.reason or "",
             "Approximatif": q.approx,
             "Communiqué": labels.get(q.release_id, MANUAL_SOURCE), "Phrase": q.sentence}
            for q in ini.quantities]
    return pd.DataFrame(rows, columns=QTY_COLUMNS)


def quantities_from(frame: pd.DataFrame, labels: dict[str, str],
                    before: list[Quantity] | None = None) -> list[Quantity]:
    """Rows of the editor back to quantities; a half-filled row is refused in French.

    With `before` (the quantities the frame was made from, row index = position), a
    figure whose kind was changed, or a row added by hand, gets `REVIEWED_REASON`
    instead of the cue words the extractor read."""
    ids = {label: rid for rid, label in labels.items()}
    out = []
    for n, (index, r) in enumerate(zip(frame.index, frame.to_dict("records")), start=1):
        if not str(r.get("Objet") or "").strip() and pd.isna(r.get("Valeur")):
            continue  # an empty row added by mistake
        if not str(r.get("Objet") or "").strip() or pd.isna(r.get("Valeur")):
            raise StoreError(f"Quantité n°{n} : objet et valeur sont obligatoires.")
        kind = KIND_BY_LABEL.get(r.get("Nature"), DONE)
        reason = r.get(REASON)
        reason = "" if reason is None or (pd.api.types.is_scalar(reason) and pd.isna(reason)) \
            else str(reason)
        if before is not None:
            old = before[int(index)] if pd.api.types.is_integer(index) \
                and 0 <= int(index) < len(before) else None
            if old is None or old.kind != kind:
                reason = REVIEWED_REASON
        out.append(Quantity(item=str(r["Objet"]).strip(), value=float(r["Valeur"]),
                            unit=str(r.get("Unité") or "unités"), kind=kind,
                            approx=bool(r.get("Approximatif")),
                            sentence=str(r.get("Phrase") or ""),
                            release_id=ids.get(r.get("Communiqué"), ""), reason=reason))
    return out


def pick(frame: pd.DataFrame, event, key: str) -> list[int]:
    """Ids of the table; a newly clicked row becomes the chosen initiative (`key`)."""
    ids = [int(i) for i in frame["id"]]
    rows = tuple(event.selection.rows) if event else ()
    if rows != st.session_state.get(f"{key}_lignes"):  # a click, not a leftover selection
        st.session_state[f"{key}_lignes"] = rows
        if rows and rows[0] < len(ids):
            st.session_state[key] = ids[rows[0]]
    if st.session_state.get(key) not in ids:
        st.session_state.pop(key, None)
    return ids


def choose(frame: pd.DataFrame, event, key: str):
    """The opened initiative (id, with its initiative and version), or None: from a
    clicked row, the picker, or the page's link (`?initiative=15`), which a reload or a
    shared link opens again."""
    linked = local_param("initiative")
    if key not in st.session_state and linked and linked.isdigit():
        st.session_state[key] = int(linked)
    ids = pick(frame, event, key)
    names = picker_labels(frame, key)
    chosen = st.selectbox("Initiative", ids, index=None, key=key,
                          placeholder="Choisissez une ligne du tableau ou une initiative ici",
                          format_func=names.get)
    set_local_param("initiative", None if chosen is None else str(chosen))
    if chosen is None and linked and linked.isdigit() and int(linked) not in ids:
        st.warning(f"L'initiative n°{linked} du lien n'est pas dans le tableau : elle "
                   "n'existe plus ou les filtres l'écartent.")
    current = cache.guarded(cache.store().get_versioned)(chosen) if chosen is not None else None
    return (chosen, current) if current is not None else None


def picker_labels(frame: pd.DataFrame, key: str) -> dict[int, str]:
    """Labels of the initiative picker (`key`): `n°27 · Ville de Marck`. The chosen one
    keeps the label it was chosen under while it stays chosen: the browser sends the
    label back, so a label changed by a correction (this person's or another's) would
    drop the choice."""
    labels = {int(i): f"n°{i} · {a}" for i, a in zip(frame["id"], frame["actor"])}
    chosen, kept = st.session_state.get(key), st.session_state.get(f"{key}_libelle")
    if chosen in labels:
        if kept and kept[0] == chosen:
            labels[chosen] = kept[1]
        else:
            st.session_state[f"{key}_libelle"] = (chosen, labels[chosen])
    return labels


def _written(message: str) -> None:
    cache.clear()
    widgets.flash(message)
    st.rerun()


# --- what the person opened, and saves based on it ----------------------------------------

def opened(iid: int, current: tuple[Initiative, int]) -> tuple[Initiative, int]:
    """The initiative as this person opened it and its version (`current`, the store's
    `get_versioned`, the first time): kept until they save, give up or reload."""
    base = st.session_state.get(BASE_KEY)
    if base is None or base["id"] != iid:
        base = {"id": iid, "ini": current[0], "version": current[1]}
        st.session_state[BASE_KEY] = base
    conflict = st.session_state.get(CONFLICT_KEY)
    if conflict and conflict["id"] != iid:
        st.session_state.pop(CONFLICT_KEY)
    return base["ini"], base["version"]


def _forget() -> None:
    """The next run opens the current version (after a save, or on request)."""
    st.session_state.pop(BASE_KEY, None)
    st.session_state.pop(CONFLICT_KEY, None)


def _save(iid: int, version: int, fields: dict, message: str) -> None:
    """Save `fields` on `version`: done (message), refused as based on an older version
    (the conflict panel says why), or refused as invalid (nothing changed)."""
    if not auth.can("corriger"):  # no control is drawn for this role: a stale click
        st.error("Rien n'a été modifié : votre rôle ne permet pas de corriger.")
        return
    try:
        cache.store().update(iid, person=person(), expected_version=version, **fields)
    except VersionConflict as exc:
        st.session_state[CONFLICT_KEY] = {"id": iid, "fields": fields,
                                          "current": exc.current, "message": str(exc)}
        st.rerun()
    except StoreError as exc:
        st.error(f"Rien n'a été modifié : {md(exc)}")
        return
    _forget()
    _written(message)


def _message(text: str) -> str:
    """A store message with its list of changes (`- …` lines), made inert."""
    head, *lines = text.split("\n")
    return "\n".join([md(head), ""] + [f"- {md(line.removeprefix('- '))}" for line in lines])


def editing(iid: int, version: int, current: int) -> None:
    """Who saves, and what happened since this person opened the initiative: a refused
    save with the other person's change (reapply or give up), or a newer version.
    In one container, so the elements after it keep their place (an open expander
    stays open, and the form in it keeps what was typed)."""
    with st.container():
        _editing(iid, version, current)


def _editing(iid: int, version: int, current: int) -> None:
    st.caption(f"Enregistré au nom de : {md(person() or history.default_person())}"
               f" · version {version}")
    conflict = st.session_state.get(CONFLICT_KEY)
    if conflict and conflict["id"] == iid:
        st.error(_message(conflict["message"]))
        st.caption(f"Réappliquer enregistre vos valeurs sur la version actuelle "
                   f"({conflict['current']}) : pour les mêmes champs, elles remplacent "
                   "celles de l'autre personne.")
        left, right = st.columns(2)
        if left.button("Réappliquer mes modifications", key="reappliquer", type="primary",
                       width="stretch"):
            _save(iid, conflict["current"], conflict["fields"],
                  f"Vos modifications de l'initiative n°{iid} ont été réappliquées sur "
                  "la version actuelle.")
        if right.button("Abandonner mes modifications", key="abandonner", width="stretch"):
            _forget()
            st.rerun()
        return
    if current != version:
        since = cache.guarded(cache.store().history)(iid, since=version)
        who = sorted({history.person_label(c.person) for c in since})
        st.warning(f"Cette initiative a été modifiée depuis que vous l'avez ouverte "
                   f"(version {current}, par {md(', '.join(who))}). Un enregistrement "
                   "fait sur votre version sera refusé, avec ces modifications.")
        if st.button("Repartir de la version actuelle", key="recharger"):
            _forget()
            st.rerun()


# --- panels -----------------------------------------------------------------------------

def detail(ini: Initiative, labels: dict[str, str]) -> None:
    """What the initiative is read from: excerpts with their release, figures, places."""
    store = cache.store()
    st.subheader(f"n°{ini.id} · {md(ini.actor)}")
    st.caption(f"{md(ini.actor_type)} · {md(ini.category)} · statut : **{md(ini.status)}**")
    for m in cache.guarded(store.mentions)(ini.id):
        label = labels.get(m.release_id, MANUAL_SOURCE)
        if m.date and format_date(m.date) not in label:
            label += f" · {format_date(m.date)}"
        with st.container(border=True):
            st.markdown(f"**{md(label)}**")
            st.markdown(md(m.excerpt) or "_(pas d'extrait)_")
            if m.contacts:
                st.caption("Contacts : " + " · ".join(md(c) for c in m.contacts))
    if ini.quantities:
        st.markdown("**Quantités**")
        st.dataframe(quantities_frame(ini, labels).assign(
            Valeur=[format_number(q.value) for q in ini.quantities]),
            hide_index=True, width="stretch")
    st.markdown("**Lieux**")
    st.dataframe(pd.DataFrame([{"Lieu écrit": p.query, "Nom": p.nom, "Niveau": p.level,
                                "Code": p.code, "Dans le département": p.inside,
                                "Méthode": p.method} for p in ini.places]),
                 hide_index=True, width="stretch")


def history_panel(iid: int) -> None:
    """Who changed what and when: every import, review, correction, addition and
    deletion touching the initiative, newest first, values before and after in words."""
    changes = cache.guarded(cache.store().history)(iid)
    if not changes:
        return
    with st.expander(f"Historique des modifications ({len(changes)})"):
        st.caption("Qui a changé quoi et quand, la plus récente en premier.")
        for row in history.rows(changes):
            head = f"**{row['Quand']}** · {md(row['Qui'])} · {row['Action']}" \
                + (f" · version {row['Version']}" if row["Version"] else "")
            before, after = md(row["Avant"]), md(row["Après"])
            if row["Avant"] == "—":
                what = f"{row['Champ']} : « {after} »"
            elif row["Après"] == "—":
                what = f"{row['Champ']}, retiré : « {before} »"
            else:
                what = f"{row['Champ']} : « {before} » → « {after} »"
            st.markdown(f"{head}  \n{what}")


def review_panel(iid: int, ini: Initiative, base_version: int, version: int,
                 labels: dict[str, str], dep: str) -> None:
    """« Relecture »: review and correction of `ini` as opened (`base_version`; the
    store's is `version`), for a role that may; a reader is told why there is none."""
    if not auth.can("relire"):
        st.caption(f"Lecture seule : votre rôle ({auth.role()}) ne permet pas de relire ni "
                   "de corriger.")
        return
    st.subheader("Relecture")
    editing(iid, base_version, version)
    status_buttons(ini, base_version)
    with st.expander("Corriger les champs"):
        correction_form(ini, base_version, labels, dep)


def add_section(dep: str, releases: list[dict]) -> None:
    """« Ajouter une initiative à la main », for a role that may."""
    if not auth.can("ajouter"):
        return
    st.divider()
    with st.expander("Ajouter une initiative à la main"):
        add_form(dep, releases)


def status_buttons(ini: Initiative, version: int) -> None:
    """Review `ini` as opened (its `version`)."""
    left, right = st.columns(2)
    for col, status in ((left, "vérifié"), (right, "rejeté")):
        if col.button(f"Marquer {status}", key=f"statut_{status}",
                      disabled=ini.status == status or cache.read_only(), width="stretch"):
            _save(ini.id, version, {"status": status},
                  f"Initiative n°{ini.id} marquée « {status} ».")


def _write(action, message: str) -> None:
    if not auth.can("ajouter"):
        st.error("Rien n'a été ajouté : votre rôle ne permet pas d'ajouter.")
        return
    try:
        action()
    except StoreError as exc:
        st.error(f"Rien n'a été modifié : {md(exc)}")
        return
    _written(message)


def correction_form(ini: Initiative, version: int, labels: dict[str, str], dep: str) -> None:
    """Correct `ini` as opened (its `version`): the widgets are keyed by that version, so
    a save by someone else meanwhile neither resets what this person typed nor turns it
    into « Aucune modification »; only the fields this person changed are saved."""
    choices = cache.commune_choices(dep)
    k = f"{ini.id}_{version}"
    with st.form(f"correction_{k}"):
        actor = st.text_input("Acteur", ini.actor, max_chars=300, key=f"acteur_{k}")
        a, b, c = st.columns(3)
        actor_type = a.selectbox("Type d'acteur", ACTOR_TYPES, ACTOR_TYPES.index(ini.actor_type),
                                 key=f"type_{k}")
        category = b.selectbox("Catégorie", CATEGORIES, CATEGORIES.index(ini.category),
                               key=f"categorie_{k}")
        status = c.selectbox("Statut", STATUSES, STATUSES.index(ini.status), key=f"statut_{k}")
        current = [p.code for p in ini.places if p.level == "commune" and p.code in choices]
        communes = st.multiselect("Communes", list(choices), current, format_func=choices.get,
                                  help="Les autres lieux (territoires, EPCI…) sont conservés.",
                                  key=f"communes_{k}")
        cited = {rid: labels.get(rid, rid) for rid in dict.fromkeys(
            [q.release_id for q in ini.quantities if q.release_id]
            + [m.release_id for m in cache.guarded(cache.store().mentions)(ini.id)])}
        cited[""] = MANUAL_SOURCE
        edited = st.data_editor(
            quantities_frame(ini, cited), num_rows="dynamic", width="stretch",
            key=f"quantites_{k}", column_config={
                "Valeur": st.column_config.NumberColumn(min_value=0, step=1),
                "Nature": st.column_config.SelectboxColumn(
                    options=[KIND_LABELS[k] for k in KINDS], required=True),
                REASON: st.column_config.TextColumn(
                    disabled=True, help="Les mots du communiqué qui ont décidé la nature ; "
                    "une nature changée ici devient « nature choisie à la relecture »."),
                "Communiqué": st.column_config.SelectboxColumn(options=list(cited.values()))})
        if not st.form_submit_button("Enregistrer les corrections",
                                     disabled=cache.read_only()):
            return
    try:
        places = [p for p in ini.places if p.level != "commune"] \
            + commune_places(communes, dep, ini.places)
        fields = {"actor": actor.strip(), "actor_type": actor_type, "category": category,
                  "status": status, "places": places,
                  "quantities": quantities_from(edited, cited, ini.quantities)}
    except StoreError as exc:
        st.error(f"Rien n'a été modifié : {exc}")
        return
    # only what this person changed from what they opened: each leaves a history row
    unchanged = {"quantities": quantities_from(quantities_frame(ini, cited), cited,
                                               ini.quantities)}
    fields = {k: v for k, v in fields.items() if v != unchanged.get(k, getattr(ini, k))}
    if not fields:
        st.info("Aucune modification.")
        return
    _save(ini.id, version, fields, f"Initiative n°{ini.id} corrigée.")


def add_form(dep: str, releases: list[dict]) -> None:
    choices = cache.commune_choices(dep)
    rel = {r["id"]: r["label"] for r in releases}
    with st.form("ajout", clear_on_submit=False):
        actor = st.text_input("Acteur *", max_chars=300)
        a, b = st.columns(2)
        actor_type = a.selectbox("Type d'acteur", ACTOR_TYPES)
        category = b.selectbox("Catégorie", CATEGORIES)
        communes = st.multiselect("Communes *", list(choices), format_func=choices.get,
                                  placeholder="Tapez le nom d'une commune")
        excerpt = st.text_area("Description ou extrait", max_chars=5000)
        release = st.selectbox("Communiqué", ["", *rel], format_func=lambda r: rel.get(
            r, "aucun (saisie manuelle)"))
        q1, q2, q3, q4 = st.columns(4)
        item = q1.text_input("Objet (facultatif)", placeholder="masques")
        value = q2.number_input("Quantité", min_value=0.0, step=1.0, value=0.0)
        unit = q3.text_input("Unité", "unités")
        kind = q4.selectbox("Nature", KINDS, format_func=KIND_LABELS.get)
        if not st.form_submit_button("Ajouter l'initiative", disabled=cache.read_only()):
            return
    if not actor.strip() or not communes:
        st.error("Rien n'a été ajouté : indiquez l'acteur et au moins une commune.")
        return
    quantities = [Quantity(item=item.strip(), value=value, unit=unit or "unités", kind=kind,
                           sentence=excerpt.strip(), reason=REVIEWED_REASON)] \
        if item.strip() and value > 0 else []
    ini = Initiative(release_id=release, actor=actor.strip(), actor_type=actor_type,
                     category=category, excerpt=excerpt.strip(),
                     places=commune_places(communes, dep), quantities=quantities,
                     status="vérifié")
    added: list[int] = []
    _write(lambda: added.append(cache.store().add_manual(ini, release or None,
                                                         person=person())),
           f"Initiative « {md(actor.strip())} » ajoutée.")
