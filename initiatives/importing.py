"""Import of press releases, shared by the Import page and `python -m initiatives ingest`:
read each file (text or PDF) or pasted text, apply the reviewer's corrections (the
preview and numbers tables, by their French headers), save each release in its own
transaction. Bad input becomes a French message for its file only, and changes nothing.
The tables' display (`ui.import_flow`) and drawing (`ui.import_view`) stay in `ui/`.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import config
from geo.geocode import resolve
from initiatives import extract
from initiatives.formatting import format_date
from initiatives.ingest import (
    Budget,
    IngestError,
    check_size,
    read_release,
    release_from_bytes,
    release_from_text,
)
from initiatives.model import (
    KIND_LABELS,
    SET_ASIDE,
    SET_ASIDE_LABELS,
    Initiative,
    NumberNote,
    Place,
    Quantity,
    Reading,
    Release,
    normalise_key,
)
from initiatives.store import REVIEWED_REASON, StoreError

# The editable tables' columns (key -> French header): the corrections read them back.
PREVIEW = {"keep": "Garder", "actor": "Acteur", "actor_type": "Type d'acteur",
           "category": "Catégorie", "places": "Lieux", "figures": "Quantités",
           "excerpt": "Extrait"}
PLACE_SEPARATOR = re.compile(r"\s*[;,]\s*")
NUMBERS = {"text": "Nombre", "label": "Ce qui en est fait", "kind": "Nature",
           "reason": "Pourquoi", "initiative": "Initiative", "sentence": "Phrase"}
DROP = "écarter"   # the « Nature » choice that removes a figure
KIND_BY_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
NO_INITIATIVE = "aucune initiative trouvée dans ce communiqué"


@dataclass
class Parsed:
    """One file (or the pasted text) read: its release and reading, or an error (a
    release without initiative keeps its reading, to show its numbers)."""
    name: str
    release: Release | None = None
    reading: Reading | None = None
    error: str | None = None

    @property
    def initiatives(self) -> list[Initiative]:
        return self.reading.initiatives if self.reading else []

    @property
    def numbers(self) -> list[NumberNote]:
        return self.reading.numbers if self.reading else []

    @property
    def to_check(self) -> list[str]:
        return self.reading.to_check if self.reading else []

    @property
    def found_nothing(self) -> bool:
        """Read, but no initiative in it (its numbers are still listed)."""
        return self.release is not None and not self.initiatives

    @property
    def label(self) -> str:
        if self.release is None:
            return self.name
        day = f" du {format_date(self.release.date)}" if self.release.date else ""
        return f"« {self.release.title} »{day}"


def _reading(name: str, load: Callable[[Budget], Release]) -> Parsed:
    """Read a release (`load`), then its initiatives and every number of its text, in
    the time one file is given."""
    extract.load_models()
    budget = Budget()
    try:
        release = load(budget)
        reading = extract.read(release, budget=budget)
    except IngestError as exc:
        return Parsed(name, error=f"{exc}.".replace("..", "."))
    except Exception as exc:  # an extraction bug must not pass for a result
        return Parsed(name, error=f"Erreur inattendue pendant la lecture ({type(exc).__name__}).")
    if not reading.initiatives:
        return Parsed(name, release, reading, error=NO_INITIATIVE.capitalize() + ".")
    return Parsed(name, release, reading)


def parse(name: str, data: bytes | None = None, text: str | None = None) -> Parsed:
    """Read a file's bytes (text or PDF) or pasted text."""
    return _reading(name, lambda budget: release_from_bytes(data, name, budget)
                    if data is not None else release_from_text(text or ""))


def read_file(path: str | Path) -> Parsed:
    """Read a file on disk (named by its path in messages)."""
    return _reading(str(path), lambda budget: read_release(Path(path), budget))


def refused_upload(name: str, size: int) -> Parsed | None:
    """An uploaded file over the size limit, refused before its bytes are read."""
    try:
        check_size(size)
    except IngestError as exc:
        return Parsed(name, error=f"{exc}.")
    return None


def parse_all(inputs: Iterable[tuple[str, bytes | None, str | None]],
              progress: Callable[[int, int, str], None] | None = None) -> list[Parsed]:
    """Read every `(name, bytes, pasted text)`; `progress(n, total, name)` after each."""
    inputs = list(inputs)
    out = []
    for n, (name, data, text) in enumerate(inputs, start=1):
        out.append(parse(name, data, text))
        if progress:
            progress(n, len(inputs), name)
    return out


# --- the initiatives ---------------------------------------------------------------

def place_label(place: Place) -> str:
    return place.nom or place.query


def _text(value) -> str:
    """A cell as text; empty for a missing value (None, NaN or NA, as the editor gives)."""
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) \
        else str(value).strip()


def places_from(ini: Initiative, text, dep: str | None = None) -> list[Place]:
    """The places as written in the preview: unchanged names keep their place, a new
    name is resolved in the département; an unknown one is refused in French."""
    names = [n for n in PLACE_SEPARATOR.split(_text(text)) if n]
    if [normalise_key(n) for n in names] == [normalise_key(place_label(p))
                                            for p in ini.places]:
        return list(ini.places)
    if not names:
        raise StoreError(f"Lieux vides pour « {ini.actor} » : indiquez au moins une commune.")
    dep = dep or config.departement()
    known = {normalise_key(k): p for p in ini.places for k in (p.nom, p.query) if k}
    out, unknown = [], []
    for name in names:
        place = known.get(normalise_key(name))
        if place is None:
            r = resolve(name, dep)
            if not r.resolved:
                unknown.append(name)
                continue
            place = Place(query=name, code=r.code, nom=r.nom, level=r.level,
                          departement=r.departement, inside=r.inside,
                          method=r.method or "manual", confidence=r.confidence)
        if all(place.code != p.code for p in out):
            out.append(place)
    if unknown:
        raise StoreError("Lieu inconnu pour « " + ini.actor + " » : "
                         + ", ".join(f"« {n} »" for n in unknown)
                         + ". Écrivez des noms de communes séparés par « ; ».")
    return out


# --- every number of the text ------------------------------------------------------

def why(note: NumberNote) -> str:
    """The reason in French: the cue words of a kind, or why the number was set aside."""
    if note.status == SET_ASIDE:
        return SET_ASIDE_LABELS.get(note.reason, note.reason)
    return note.reason


OUTSIDE = "–"   # the « Nature » of a number outside every initiative, as in « Initiative »


def nature(note: NumberNote) -> str:
    """The « Nature » cell: the kind, « écarter » for a number set aside, a dash for a
    number outside every initiative (the grid draws an empty choice as « None »)."""
    if note.initiative is None:
        return OUTSIDE
    if note.status == SET_ASIDE:
        return DROP
    return KIND_LABELS.get(note.kind or "", note.kind)


def _links(parsed: Parsed) -> list[int | None]:
    """For each number, the position of its quantity in its initiative (or None): same
    value and sentence, the same kind and item first; each quantity taken once."""
    taken: set[tuple[int, int]] = set()
    out: list[int | None] = []
    for note in parsed.numbers:
        found = None
        if note.status != SET_ASIDE and note.initiative is not None \
                and 0 <= note.initiative < len(parsed.initiatives):
            qs = parsed.initiatives[note.initiative].quantities
            free = [k for k, q in enumerate(qs) if (note.initiative, k) not in taken
                    and q.value == note.value and q.sentence == note.sentence]
            found = next((k for k in free if (qs[k].kind, qs[k].item) == (note.kind, note.item)),
                         free[0] if free else None)
            if found is not None:
                taken.add((note.initiative, found))
        out.append(found)
    return out


def with_kinds(parsed: Parsed, numbers: pd.DataFrame, kept: set[int] | None = None
               ) -> list[Initiative]:
    """The initiatives with the kinds chosen in the numbers table: a changed kind is
    applied to the matching quantity, « écarter » removes it, a kind given to a number
    the reader set aside makes it a quantity of its initiative. Only the initiatives in
    `kept` (all by default) are checked."""
    inis = parsed.initiatives
    kept = set(range(len(inis))) if kept is None else kept
    quantities = [list(i.quantities) for i in inis]
    dropped: list[set[int]] = [set() for _ in inis]
    rows = numbers.to_dict("records")
    if len(rows) != len(parsed.numbers):
        raise StoreError("Le tableau des nombres ne correspond plus au texte lu : "
                         "relisez le communiqué.")
    for note, link, row in zip(parsed.numbers, _links(parsed), rows):
        choice = _text(row.get(NUMBERS["kind"])) or None
        if choice is None or choice == nature(note):
            continue
        if choice != DROP and choice not in KIND_BY_LABEL:
            raise StoreError(f"Nature inconnue pour « {note.text} » : « {choice} ».")
        if note.initiative is None or not 0 <= note.initiative < len(inis):
            if choice == DROP:
                continue
            raise StoreError(f"Le nombre « {note.text} » n'appartient à aucune initiative : "
                             "il ne peut pas devenir une quantité.")
        index = note.initiative
        if index not in kept:
            continue
        if choice == DROP:
            if link is not None:
                dropped[index].add(link)
            continue
        kind = KIND_BY_LABEL[choice]
        if link is not None:
            quantities[index][link] = dataclasses.replace(
                quantities[index][link], kind=kind, reason=REVIEWED_REASON)
        elif note.value is not None and note.item:
            quantities[index].append(Quantity(
                item=note.item, value=note.value, unit="unités", kind=kind,
                sentence=note.sentence, reason=REVIEWED_REASON))
        else:
            raise StoreError(f"Le nombre « {note.text} » ({why(note)}) ne compte aucun objet : "
                             "il ne peut pas devenir une quantité.")
    return [dataclasses.replace(ini, quantities=[q for k, q in enumerate(qs)
                                                 if k not in dropped[n]])
            for n, (ini, qs) in enumerate(zip(inis, quantities))]


# --- corrections and saving ----------------------------------------------------------

def corrected(parsed: Parsed, edited: pd.DataFrame, numbers: pd.DataFrame | None = None,
              dep: str | None = None) -> list[Initiative]:
    """The initiatives kept, with the actor, types and places as corrected in the
    preview and the kinds chosen in the numbers table."""
    rows = edited.to_dict("records")
    kept = {n for n, row in enumerate(rows) if row[PREVIEW["keep"]]}
    inis = with_kinds(parsed, numbers, kept) if numbers is not None \
        else list(parsed.initiatives)
    out = []
    for n, (ini, row) in enumerate(zip(inis, rows)):
        if n not in kept:
            continue
        actor = _text(row[PREVIEW["actor"]])
        if not actor:
            raise StoreError(f"Acteur vide (extrait : « {ini.excerpt[:60]}… »).")
        out.append(dataclasses.replace(
            ini, actor=actor, actor_type=row[PREVIEW["actor_type"]] or ini.actor_type,
            category=row[PREVIEW["category"]] or ini.category,
            places=places_from(ini, row.get(PREVIEW["places"]), dep)))
    return out


def save(store, batch: list[tuple], dep: str | None = None,
         person: str | None = None) -> pd.DataFrame:
    """Ingest each release with its kept initiatives, one transaction each, in the name
    of `person` (None: this post); a refused release changes nothing and says why.
    `batch`: (parsed, edited preview) or (parsed, edited preview, edited numbers)
    per release."""
    rows = []
    for parsed, edited, *rest in batch:
        numbers = rest[0] if rest else None
        row = {"Fichier": parsed.name, "Communiqué": parsed.label, "Ajoutées": 0,
               "Mises à jour": 0, "Inchangées": 0, "Erreur": "", "Remarque": ""}
        try:
            counts = ingest(store, parsed, corrected(parsed, edited, numbers, dep),
                            person)
            row.update({"Ajoutées": counts["added"], "Mises à jour": counts["updated"],
                        "Inchangées": counts["unchanged"], "Remarque": variant_note(counts)})
        except StoreError as exc:
            row["Erreur"] = str(exc)
        rows.append(row)
    return pd.DataFrame(rows)


def variant_note(counts: dict) -> str:
    """In French, when the text saved claims the number and date of a stored release
    but differs from it: it was stored apart, the stored release is unchanged."""
    if not counts.get("variant_of"):
        return ""
    return (f"Texte différent du communiqué déjà enregistré sous ce numéro et cette date "
            f"({counts['variant_of']}) : enregistré à part comme un autre communiqué "
            f"({counts['release_id']}), marqué « à vérifier » ; le communiqué enregistré et "
            "ses chiffres sont inchangés.")


def ingest(store, parsed: Parsed, initiatives: list[Initiative] | None = None,
           person: str | None = None) -> dict:
    """Save a release read with its initiatives (those read, or the corrected ones), in
    one transaction: `{"added", "updated", "unchanged"}` (with `release_id` and
    `variant_of` when the text differs from the stored release of its number and date,
    and was stored apart); StoreError when refused. `person` imports (None: this post)."""
    kept = parsed.initiatives if initiatives is None else initiatives
    if not kept:
        raise StoreError("aucune initiative gardée, rien n'est enregistré")
    return store.ingest(parsed.release, kept, person=person)
