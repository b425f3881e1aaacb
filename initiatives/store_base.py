"""What every back end of the store shares: the `Store` interface, `StoreError`,
`Mention` and the validation of writes.

Validation lives here, shared by every back end: bad input raises `StoreError`
with a French message and the store is left unchanged. `initiatives.store` opens
the back end (`sqlite_store.SQLiteStore`, or `pg_store.PostgresStore` for a
`postgresql://` address) and re-exports these names.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from initiatives.filters import Filters
from initiatives.history import MAX_PERSON, Change, conflict_message, default_person
from initiatives.ingest import MAX_CHARS
from initiatives.model import (
    ACTOR_TYPES,
    CATEGORIES,
    KINDS,
    LEVELS,
    STATUSES,
    Initiative,
    Place,
    Quantity,
    Release,
)

MANUAL_SOURCE = "saisie manuelle"
# the reason of a figure whose kind a person chose (changed on review, or entered by hand)
REVIEWED_REASON = "nature choisie à la relecture"
EDITABLE_FIELDS = ("actor", "actor_type", "category", "places", "quantities", "status")
MAX_TEXT = 20_000


class StoreError(ValueError):
    """A write refused by the store; the message is French and shown as is."""


class StoreFault(StoreError):
    """The store cannot do what was asked for a reason outside the input (the file is
    locked, read-only, missing, damaged, or the disk is full): nothing was changed, and
    the French message names the cause and what to do."""


class StoreBusy(StoreFault):
    """Another process or person holds the write lock longer than the wait allowed."""


class StoreReadOnly(StoreFault):
    """The file cannot be written: reading still works, edits are disabled."""


class StoreFull(StoreFault):
    """The disk (or the database's size limit) is full."""


class StoreMissing(StoreFault):
    """The file was deleted or moved while the app was running."""


class StoreCorrupt(StoreFault):
    """The file is damaged or is not an SQLite database (or a database lacks tables)."""


class StoreUnreachable(StoreFault):
    """The database server (PostgreSQL) cannot be reached, or the connection was lost."""


class StoreDenied(StoreFault):
    """The database server refused the connection: wrong user or password, or not allowed."""


class VersionConflict(StoreError):
    """A save based on an older version of an initiative, refused (no lost update).

    `changes` are those made since `expected` (who, when, before and after), `mine`
    the refused fields as the store writes them (field -> stored text), `current` the
    version to base a reapplied save on."""

    def __init__(self, initiative_id: int, expected: int, current: int,
                 changes: list[Change], mine: dict[str, str]):
        super().__init__(conflict_message(initiative_id, changes, mine))
        self.initiative_id, self.expected, self.current = initiative_id, expected, current
        self.changes, self.mine = changes, mine


@dataclass
class Mention:
    """One release citing one initiative, with the excerpt it was read from."""
    initiative_id: int
    release_id: str          # "" for an initiative entered by hand without release
    excerpt: str
    contacts: list[str] = field(default_factory=list)
    date: date | None = None


class Store(Protocol):
    """Every write takes `person` (who writes: an e-mail once accounts exist; None is
    `history.default_person()`) and records it with the time and the values before
    and after, in the write's own transaction. `update` and `set_status` take the
    `expected_version` the person saw (`get_versioned`) and refuse an older one with
    `VersionConflict`; they return the initiative's new version."""
    def ingest(self, release: Release, initiatives: list[Initiative],
               person: str | None = None) -> dict: ...
    def releases(self) -> list[Release]: ...
    def release(self, release_id: str) -> Release | None: ...
    def initiatives(self, filters: Filters | None = None) -> list[Initiative]: ...
    def get(self, initiative_id: int) -> Initiative | None: ...
    def get_versioned(self, initiative_id: int) -> tuple[Initiative, int] | None: ...
    def find(self, key: str) -> int | None: ...
    def mentions(self, initiative_id: int | None = None) -> list[Mention]: ...
    def rows(self) -> list[Initiative]: ...
    def frames(self): ...   # `initiatives.frames.Frames`, e.g. `frames.read(connection)`
    def data_version(self) -> tuple: ...
    def history(self, initiative_id: int | None = None,
                since: int | None = None) -> list[Change]: ...
    def reviews(self, initiative_id: int | None = None) -> list[dict]: ...
    def set_status(self, initiative_id: int, status: str, person: str | None = None,
                   expected_version: int | None = None) -> int: ...
    def update(self, initiative_id: int, *, person: str | None = None,
               expected_version: int | None = None, **fields) -> int: ...
    def add_manual(self, initiative: Initiative, release_id: str | None = None,
                   person: str | None = None) -> int: ...
    def delete_release(self, release_id: str, person: str | None = None) -> dict: ...


# --- validation, shared by back ends -------------------------------------------------

def _text(value, what: str, required: bool = True, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise StoreError(f"{what} : texte attendu.")
    if required and not value.strip():
        raise StoreError(f"{what} : valeur vide.")
    if len(value) > limit:
        raise StoreError(f"{what} : texte trop long ({len(value)} caractères).")
    return value


def _choice(value, allowed: tuple, unknown: str) -> str:
    if value not in allowed:
        raise StoreError(f"{unknown} : « {value} ». Valeurs admises : "
                         + ", ".join(allowed) + ".")
    return value


def check_person(person) -> str:
    """Who writes: None is this machine's default (`history.default_person`)."""
    if person is None:
        return default_person()
    if not isinstance(person, str) or not person.strip():
        raise StoreError("Personne : nom ou adresse électronique attendu.")
    if len(person) > MAX_PERSON:
        raise StoreError(f"Personne : texte trop long ({len(person)} caractères).")
    return person.strip()


def check_version(version) -> int | None:
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)
                                or version < 1):
        raise StoreError(f"Version d'initiative invalide : {version!r}.")
    return version


def check_status(status) -> str:
    return _choice(status, STATUSES, "Statut inconnu")


def check_release(release: Release) -> None:
    if not isinstance(release, Release):
        raise StoreError("Communiqué invalide.")
    _text(release.id, "Identifiant du communiqué")
    _text(release.title or "", "Titre du communiqué", required=False)
    # a release and its excerpts are as long as a text may be read (a press kit)
    _text(release.body or "", "Texte du communiqué", required=False, limit=MAX_CHARS)
    if release.date is not None and not isinstance(release.date, date):
        raise StoreError(f"Date du communiqué invalide : {release.date!r}.")


def check_places(places) -> list[Place]:
    if not isinstance(places, (list, tuple)):
        raise StoreError("Lieux : liste attendue.")
    for p in places:
        if not isinstance(p, Place):
            raise StoreError(f"Lieu invalide : {p!r}.")
        _text(p.query or "", "Lieu", required=False)
        if p.level is not None:
            _choice(p.level, LEVELS, "Niveau de lieu inconnu")
        if p.code is not None and not isinstance(p.code, str):
            raise StoreError(f"Code de lieu invalide : {p.code!r}.")
        if p.level == "commune" and not p.code:
            raise StoreError(f"Commune sans code INSEE : « {p.query} ».")
    return list(places)


def check_quantities(quantities) -> list[Quantity]:
    if not isinstance(quantities, (list, tuple)):
        raise StoreError("Quantités : liste attendue.")
    for q in quantities:
        if not isinstance(q, Quantity):
            raise StoreError(f"Quantité invalide : {q!r}.")
        _text(q.item, "Objet de la quantité")
        _choice(q.kind, KINDS, "Nature de quantité inconnue")
        if (isinstance(q.value, bool) or not isinstance(q.value, (int, float))
                or not math.isfinite(q.value) or q.value < 0):
            raise StoreError(f"Valeur invalide pour « {q.item} » : {q.value!r}.")
        _text(q.unit or "", "Unité", required=False)
        _text(q.reason or "", "Raison de la nature", required=False)
        if q.as_of is not None and not isinstance(q.as_of, date):
            raise StoreError(f"Date d'observation invalide : {q.as_of!r}.")
    return list(quantities)


def check_initiative(ini: Initiative) -> Initiative:
    if not isinstance(ini, Initiative):
        raise StoreError(f"Initiative invalide : {ini!r}.")
    _text(ini.actor, "Acteur")
    _choice(ini.actor_type, ACTOR_TYPES, "Type d'acteur inconnu")
    _choice(ini.category, CATEGORIES, "Catégorie inconnue")
    check_status(ini.status)
    _text(ini.excerpt or "", "Extrait", required=False, limit=MAX_CHARS)
    check_places(ini.places)
    check_quantities(ini.quantities)
    if not all(isinstance(c, str) for c in ini.contacts):
        raise StoreError(f"Contacts invalides pour « {ini.actor} ».")
    return ini


def check_fields(fields: dict) -> dict:
    """Validate the fields of a correction (see `Store.update`)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise StoreError("Champ non modifiable : " + ", ".join(sorted(unknown)) + ".")
    checks = {"actor": lambda v: _text(v, "Acteur").strip(),
              "actor_type": lambda v: _choice(v, ACTOR_TYPES, "Type d'acteur inconnu"),
              "category": lambda v: _choice(v, CATEGORIES, "Catégorie inconnue"),
              "status": check_status,
              "places": check_places,
              "quantities": check_quantities}
    return {name: checks[name](value) for name, value in fields.items()}

