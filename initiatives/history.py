"""Who changed what in the store, and when, said in French.

The store writes one `Change` per changed field in the same transaction as the
change itself (import of a release, review, correction, addition by hand,
deletion), with the person, the time and the values before and after. This module
holds the record, the default person (until accounts exist) and the French words
that show a history or a refused save (`conflict_message`).
"""
from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import datetime

from initiatives.dates import format_date
from initiatives.formatting import figure_line

# what a change was: the action, as stored and as said
IMPORT, REVIEW, CORRECTION, ADDITION, DELETION = (
    "import", "relecture", "correction", "ajout", "suppression")
ACTIONS = (IMPORT, REVIEW, CORRECTION, ADDITION, DELETION)
ACTION_LABELS = {IMPORT: "import d'un communiqué", REVIEW: "relecture",
                 CORRECTION: "correction", ADDITION: "ajout à la main",
                 DELETION: "suppression d'un communiqué"}
# the actions of a person reviewing the store's content (`Store.reviews`)
HUMAN_ACTIONS = (REVIEW, CORRECTION, ADDITION)

# the fields of a change: the editable ones and those only the store writes
CREATION, MENTION, RELEASE, INITIATIVE = "création", "citation", "communiqué", "initiative"
FIELD_LABELS = {"actor": "Acteur", "actor_type": "Type d'acteur", "category": "Catégorie",
                "status": "Statut", "places": "Lieux", "quantities": "Quantités",
                CREATION: "Création", MENTION: "Citée par un communiqué",
                RELEASE: "Communiqué", INITIATIVE: "Initiative"}

LOCAL_PERSON = "poste local"
UNKNOWN_PERSON = "inconnu (avant le suivi des personnes)"
MAX_PERSON = 320  # the longest e-mail address


@dataclass(frozen=True)
class Change:
    """One changed field of the store, as recorded in its history."""
    id: int
    initiative_id: int | None   # None for a change of a release alone
    release_id: str | None      # the release imported or deleted, if any
    action: str                 # one of ACTIONS
    field: str                  # an editable field, or CREATION, MENTION, RELEASE, INITIATIVE
    old: str | None             # stored text: plain, or JSON for places and quantities
    new: str | None
    status: str | None          # the initiative's status after the change
    version: int | None         # the initiative's version after the change
    person: str                 # e-mail once accounts exist, LOCAL_PERSON (user) before
    at: str                     # ISO time, to the second


def default_person() -> str:
    """Who writes when nobody is logged in: this machine's user, said as a local post."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password file
        user = ""
    return f"{LOCAL_PERSON} ({user})" if user else LOCAL_PERSON


def person_label(person: str) -> str:
    return person or UNKNOWN_PERSON


def when(at: str) -> str:
    """`30 avril 2020 à 10 h 32` from a stored ISO time."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return str(at)
    return f"{format_date(moment.date())} à {moment.hour} h {moment.minute:02d}"


def _places(items: list[dict]) -> str:
    return " · ".join(f"{p.get('nom') or p.get('query')}"
                      + (f" ({p['code']})" if p.get("code") else "") for p in items)


def _quantities(items: list[dict]) -> str:
    return " · ".join(figure_line(q.get("item", ""), q.get("value", 0), q.get("unit", ""),
                                  q.get("kind", ""), bool(q.get("approx")))
                      for q in items)


def value_text(field: str, value: str | None) -> str:
    """A stored value as a person reads it: places and figures in words, `—` for none."""
    if value is None or value == "":
        return "—"
    if field in ("places", "quantities", INITIATIVE, CREATION):
        try:
            data = json.loads(value)
        except (TypeError, ValueError):
            return value
        if field == "places" and isinstance(data, list):
            return _places(data) or "aucun lieu"
        if field == "quantities" and isinstance(data, list):
            return _quantities(data) or "aucune quantité"
        if field in (INITIATIVE, CREATION) and isinstance(data, dict):
            figures = _quantities(data.get("quantities") or [])
            return f"{data.get('actor', '')} ({_places(data.get('places') or [])})" \
                + (f" : {figures}" if figures else "")
    return value


def rows(changes: list[Change]) -> list[dict]:
    """The history as a table: newest first, every value in French words."""
    return [{"Quand": when(c.at), "Qui": person_label(c.person),
             "Action": ACTION_LABELS.get(c.action, c.action),
             "Champ": FIELD_LABELS.get(c.field, c.field),
             "Avant": value_text(c.field, c.old), "Après": value_text(c.field, c.new),
             "Version": c.version}
            for c in sorted(changes, key=lambda c: c.id, reverse=True)]


def conflict_message(initiative_id: int, changes: list[Change], mine: dict[str, str]) -> str:
    """Why a save based on an older version is refused: each change made since, by
    whom and when, with the value the refused save wanted (`mine`: field → stored text)."""
    lines = [f"Rien n'a été enregistré : l'initiative n°{initiative_id} a été modifiée "
             "par quelqu'un d'autre depuis que vous l'avez ouverte."]
    for c in sorted(changes, key=lambda c: c.id):
        line = (f"{FIELD_LABELS.get(c.field, c.field)} : « {value_text(c.field, c.new)} » "
                f"(avant : « {value_text(c.field, c.old)} »), par {person_label(c.person)}"
                f" le {when(c.at)}")
        if c.field in mine:
            line += f" ; votre valeur : « {value_text(c.field, mine[c.field])} »"
        lines.append(f"- {line}.")
    if not changes:
        lines.append("- (modification sans détail enregistré)")
    return "\n".join(lines)
