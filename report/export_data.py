"""Data exports filtered exactly as on screen: CSV, XLSX, GeoJSON, GeoPackage.

Every function takes the store and the same `Filters` as the pages and returns
bytes (callers write them atomically). Safe by default: text cells that a
spreadsheet would run as a formula are neutralised, and `anonymise=True` leaves
private persons out (see `is_private_person`). Dates are ISO (`2020-04-30`) and
numbers raw, so that tools read them; HXL hashtags can be added for
humanitarian tools.
"""
from __future__ import annotations

import csv
import io
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

import config
from geo import reference
from geo.normalize import EMAIL
from initiatives import frames as columnar, metrics
from initiatives.filters import DEFAULT_STATUSES, Filters
from initiatives.formatting import format_date
from initiatives.frames import (
    CONTACT_SEP,
    Frames,
    as_dates,
    cached,
    frames_of,
    isin,
    text_column,
)
from initiatives.ingest import PHONE
from initiatives.model import CATEGORIES, KIND_LABELS, Initiative, normalise_key
from initiatives.reach import is_inside, reach
from report import sources as src

FORMATS = ("csv", "xlsx", "geojson", "gpkg")
TABLES = ("initiatives", "quantites", "communes")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PRIVATE_TYPE = "citoyen ou collectif"
REDACTED = "[particulier]"
CONTACT_REDACTED = "[coordonnées retirées]"

# column -> (HXL hashtag, description for the "À propos" sheet)
INITIATIVE_COLUMNS = {
    "id": ("#activity+id", "Identifiant de l'initiative dans la base"),
    "acteur": ("#org+name", "Qui agit (un particulier est remplacé par « Particulier (lieu) » "
                            "quand l'export est anonymisé)"),
    "type_acteur": ("#org+type", "Association, entreprise, collectivité, citoyen ou collectif…"),
    "categorie": ("#sector", "Catégorie de l'action"),
    "statut": ("#status", "Statut de relecture : extrait, vérifié, rejeté"),
    "departement": ("#adm2+code", "Code INSEE du département du lieu principal"),
    "dans_departement": ("#meta+inside", "oui si l'initiative a lieu dans le département"),
    "localisation": ("#loc+type", "commune, territoire (EPCI, arrondissement, pays…), "
                                  "département ou national"),
    "code_commune": ("#loc+code", "Code INSEE de la commune principale (COG)"),
    "nom_commune": ("#loc+name", "Nom officiel de la commune principale"),
    "lieux": ("#loc+name+all", "Lieux tels que rattachés (communes ou territoires)"),
    "codes_communes": ("#loc+code+all", "Codes INSEE des communes nommées"),
    "communes_territoire": ("#loc+num+territory",
                            "Nombre de communes touchées par un lieu de niveau territoire"),
    "arrondissements": ("#adm3+code", "Codes INSEE des arrondissements touchés"),
    "noms_arrondissements": ("#adm3+name", "Noms des arrondissements touchés"),
    "premier_communique": ("#meta+source+first", "Premier communiqué citant l'initiative"),
    "date_premier_communique": ("#date+first", "Date de ce premier communiqué"),
    "dernier_communique": ("#meta+source", "Dernier communiqué citant l'initiative"),
    "date_dernier_communique": ("#date+reported", "Date de ce dernier communiqué"),
    "nb_communiques": ("#meta+count", "Nombre de communiqués citant l'initiative"),
    "chiffres": ("#output", "Derniers chiffres connus (détail et sources : feuille quantités)"),
    "extrait": ("#description", "Passage du communiqué d'où l'initiative est tirée"),
    "contacts": ("#contact", "Contacts cités par le communiqué"),
}
QUANTITY_COLUMNS = {
    "id_initiative": ("#activity+id", "Identifiant de l'initiative"),
    "acteur": ("#org+name", "Qui agit"),
    "dans_departement": ("#meta+inside", "oui si l'initiative a lieu dans le département"),
    "objet": ("#output+name", "Ce qui est compté : masques, visières, repas…"),
    "nature": ("#output+type", "réalisé (cumul), objectif, commandé (pas encore livré), "
                               "besoin exprimé, par jour, par semaine, bénéficiaires, "
                               "bénévoles — à ne jamais additionner entre elles"),
    "valeur": ("#output+num", "Dernier chiffre connu de l'initiative pour cet objet"),
    "unite": ("#output+unit", "Unité du chiffre"),
    "approximatif": ("#output+approx", "oui pour « une cinquantaine », « près de »…"),
    "communique": ("#meta+source", "Communiqué d'où vient le chiffre"),
    "date": ("#date+reported", "Date de ce communiqué"),
    "phrase_source": ("#meta+source+quote", "La phrase d'où le chiffre a été lu"),
    "pourquoi_nature": ("#output+type+reason", "Pourquoi cette nature : les mots de la phrase "
                                               "qui l'ont décidée (vide si non renseigné)"),
}
COMMUNE_COLUMNS = {
    "code_commune": ("#loc+code", "Code INSEE de la commune (COG)"),
    "nom_commune": ("#loc+name", "Nom officiel"),
    "arrondissement": ("#adm3+code", "Code INSEE de l'arrondissement"),
    "nom_arrondissement": ("#adm3+name", "Nom de l'arrondissement"),
    "epci": ("#loc+epci+code", "SIREN de l'intercommunalité"),
    "nom_epci": ("#loc+epci+name", "Nom de l'intercommunalité"),
    "population": ("#population", "Population municipale"),
    "initiatives": ("#activity+num", "Initiatives touchant la commune (nommée ou via son "
                                     "territoire), chacune comptée une fois"),
    "pour_10000_habitants": ("#activity+num+per10k", "Initiatives pour 10 000 habitants"),
    **{c: (f"#activity+num+{normalise_key(c).replace(' ', '_')}",
           f"Initiatives de la catégorie « {c} »") for c in CATEGORIES},
}
COLUMNS = {"initiatives": INITIATIVE_COLUMNS, "quantites": QUANTITY_COLUMNS,
           "communes": COMMUNE_COLUMNS}
SHEETS = {"initiatives": "initiatives", "quantites": "quantités", "communes": "communes"}


# --- safety ---------------------------------------------------------------------------

def neutralise(value):
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


_ORG_WORDS = {"collectif", "association", "asso", "groupe", "conseil", "club", "comité",
              "amicale", "équipe", "réseau", "atelier", "ateliers", "imprimeurs", "couturières",
              "couturiers", "bénévoles", "habitants", "voisins", "entraide", "solidarité",
              "solidaire", "solidaires", "les", "le", "la", "l", "des", "du", "de", "d",
              "fablab", "makers", "centre", "maison", "ville", "commune", "mairie", "sos",
              "masques", "visières", "repas", "couture", "aide"}
_OFFICIAL_WORDS = {"maire", "adjoint", "adjointe", "élu", "élue", "élus", "conseiller",
                   "conseillère", "député", "députée", "sénateur", "sénatrice", "président",
                   "présidente", "préfet", "sous-préfet"}
_GIVEN = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)*$")   # Jonathan, Jean-Pierre
_SURNAME = re.compile(r"^(?:[A-ZÀ-Þ][a-zß-ÿ'’]+|[A-ZÀ-Þ'’]{2,})(?:-[A-ZÀ-Þa-zß-ÿ]+)*$")
_UPPER = re.compile(r"^[A-ZÀ-Þ'’]{2,}(?:-[A-ZÀ-Þ]+)*$")               # LEFEBVRE
_INITIAL = re.compile(r"^[A-ZÀ-Þ]\.?(?:-[A-ZÀ-Þ]\.?)?$")             # D., J.-P.
_PLACE_AFTER = re.compile(r"\s*\([^()]{1,80}\)\s*$")                  # (Guemps)
_PEOPLE_SPLIT = re.compile(r"\s*(?:,|&|\bet\b)\s*")


def _person_name(actor: str) -> str:
    """The name without the place in brackets after it ("Delphine Lefebvre (Guemps)");
    all in lower case, the words capitalised."""
    name = _PLACE_AFTER.sub("", actor.strip()).strip()
    return name.title() if name and name == name.lower() else name


def _one_person(words: list[str]) -> bool:
    """Given name(s) then surname, an initial then surname, or SURNAME then given."""
    if not words:
        return False
    if _INITIAL.match(words[0]):
        return len(words) > 1 and all(_SURNAME.match(w) for w in words[1:])
    if _GIVEN.match(words[0]):
        return all(_SURNAME.match(w) or _INITIAL.match(w) for w in words[1:])
    return len(words) > 1 and bool(_UPPER.match(words[0])) \
        and all(_GIVEN.match(w) for w in words[1:])


def is_private_person(ini: Initiative) -> bool:
    """A citizen named in a release ("Jonathan Petit", "Paul et Jimmy", "D. Lefebvre",
    "LEFEBVRE Delphine", "Delphine Lefebvre (Guemps)"), not a collective ("collectif
    « les petites mains »", "Imprimeurs de cœur") nor an elected official.

    A heuristic on the actor's name, erring towards privacy: only the actor type
    "citoyen ou collectif" is considered; a name of one to four words, "et" allowed
    between people, a place in brackets after it, no organisation or office word, no
    quotes.
    """
    return is_private_actor(ini.actor, ini.actor_type)


@lru_cache(maxsize=65536)
def is_private_actor(actor: str, actor_type: str) -> bool:
    """`is_private_person` of an actor's name and type."""
    if actor_type != PRIVATE_TYPE:
        return False
    actor = _person_name(actor)
    if not actor or any(q in actor for q in "«»\"“”()0123456789"):
        return False
    words = [w for w in re.split(r"[\s,]+", actor) if w and w.lower() not in ("et", "&")]
    lowered = {w.lower().strip("'’") for w in re.split(r"[\s,'’]+", actor)}
    if not 1 <= len(words) <= 4 or lowered & (_ORG_WORDS | _OFFICIAL_WORDS):
        return False
    people = [p.split() for p in _PEOPLE_SPLIT.split(actor) if p.strip()]
    return all(_one_person(p) for p in people)


def _names(actor: str) -> list[str]:
    """The strings to remove from texts: the full name, then each word of it."""
    actor = _person_name(actor)
    words = [w for w in re.split(r"[\s,]+", actor)
             if len(w.strip(".")) > 1 and w.lower() not in ("et",)]
    return [actor.strip(), *sorted(words, key=len, reverse=True)]


# --- names in their variants: accents and case aside, initials, either order ----------

@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    low = (base or ch).lower()
    return low[0] if low else ch


class _FoldTable(dict):
    """`str.translate` table of `_fold_char`, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without accents, one character for each character of `text` (so a
    match in the folded text is the same span in the original)."""
    return text.translate(_FOLD)


def _word(w: str) -> str:
    return r"[\s\-]+".join(re.escape(fold(part)) for part in re.split(r"[\s\-]+", w) if part)


def _person_alternatives(words: list[str]) -> list[str]:
    """Regex alternatives (folded) for one person: full name either way round, initial
    and surname either way round, then the surname alone and the given name alone."""
    initial = bool(_INITIAL.match(words[0]))
    upper_first = len(words) > 1 and bool(_UPPER.match(words[0])) and not initial
    if upper_first:
        given, surname = words[1:], words[:1]
    elif len(words) > 1:
        given, surname = words[:1], words[1:]
    else:
        given, surname = words, []
    g = " ".join(given).rstrip(".")
    s = r"\s+".join(_word(w) for w in surname)
    first = fold(g[0]) if g else ""
    out = []
    if surname and not initial:
        out += [rf"{_word(g)}\s+{s}", rf"{s}\s+{_word(g)}"]
    if surname and first:
        # the initial with its dot only: « a Lefebvre » is not Anne Lefebvre
        out += [rf"{re.escape(first)}\.\s*{s}", rf"{s}\s+{re.escape(first)}\."]
    if surname:
        out.append(s)
    if not initial and len(g) > 2:
        out.append(_word(g))
    return out


def name_pattern(actors: Iterable[str]) -> re.Pattern | None:
    """One pattern (on folded text) for every private person named by `actors`: their
    full names in either order, initial and surname, surname alone, given name alone;
    the longest first. Each alternative is literal text, so matching stays linear."""
    alternatives: list[str] = []
    for actor in actors:
        for person in _PEOPLE_SPLIT.split(_person_name(actor)):
            words = person.split()
            if words:
                alternatives += _person_alternatives(words)
    if not alternatives:
        return None
    alternatives = sorted(set(alternatives), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def _contacts_out(text: str) -> str:
    return PHONE.sub(CONTACT_REDACTED, EMAIL.sub(CONTACT_REDACTED, text))


def _name_matches(text: str, pattern: re.Pattern):
    for m in pattern.finditer(fold(text)):
        if text[m.start()].isupper() or re.search(r"[\s.]", m.group()):
            yield m   # a single word in lower case is not a name: « un petit atelier »


def _names_found(text: str, pattern: re.Pattern) -> bool:
    return next(_name_matches(text, pattern), None) is not None


def scrub_text(text: str, pattern: re.Pattern | None, contacts: bool = False) -> str:
    """`text` with every variant of the private persons' names replaced by
    « [particulier] » (and, with `contacts` or when a name was found, every e-mail
    address and phone number by « [coordonnées retirées] »)."""
    if not text or pattern is None:
        return _contacts_out(text or "") if contacts else (text or "")
    # the addresses first (they hold names): all of them in a text naming the person,
    # else those whose address names her
    if contacts or _names_found(text, pattern):
        text = _contacts_out(text)
    else:
        text = EMAIL.sub(lambda m: CONTACT_REDACTED if pattern.search(fold(m.group()))
                         else m.group(), text)
    out, pos = [], 0
    for m in _name_matches(text, pattern):
        out += [text[pos:m.start()], REDACTED]
        pos = m.end()
    out.append(text[pos:])
    text = "".join(out)
    return re.sub(rf"{re.escape(REDACTED)}(?:\s*(?:et\s*)?{re.escape(REDACTED)})+",
                  REDACTED, text)


def _anchors(actors: Iterable[str]) -> list[str]:
    """Words one of which every match of `name_pattern(actors)` holds in full (folded):
    the longest run of letters of each word of each name."""
    out = set()
    for actor in actors:
        for word in re.split(r"[\s,\-]+", _person_name(actor)):
            if word.lower() in ("et", "&"):
                continue
            runs = re.findall(r"\w+", fold(word))
            if runs:
                out.add(max(runs, key=len))
    return sorted(out)


def scrub_texts(texts, pattern: re.Pattern | None, anchors: list[str]) -> np.ndarray:
    """`scrub_text(t, pattern)` of each text (no contacts asked), worked out once per
    distinct text and only for texts that may hold a name: those holding one of the
    `anchors` (`_anchors` of the same actors), or an earlier « [particulier] »."""
    texts = np.asarray(texts, dtype=object)
    if pattern is None or not len(texts):
        return np.where(pd.isna(texts), "", texts).astype(object)
    distinct = pd.unique(pd.Series(texts, dtype=object))
    if not anchors:
        maybe = np.ones(len(distinct), dtype=bool)
    else:
        folded = fold("\x00".join(distinct)).split("\x00")
        wanted = "|".join([re.escape(a) for a in anchors] + [re.escape(fold(REDACTED))])
        maybe = pd.Series(folded, dtype="string[pyarrow]").str.contains(
            wanted, regex=True).to_numpy(dtype=bool)
    scrubbed = distinct.copy()
    scrubbed[maybe] = [scrub_text(t, pattern) for t in distinct[maybe]]
    mapping = pd.Series(scrubbed, index=distinct, dtype=object)
    return mapping.reindex(texts).to_numpy(dtype=object).copy()


def scrub(text: str, names: list[str]) -> str:
    """`text` without the names (and their variants) of the actor `names[0]`."""
    return scrub_text(text or "", name_pattern(names[:1]) if names else None)


def private_pattern(initiatives: Iterable[Initiative]) -> re.Pattern | None:
    """The names of every private person among `initiatives`, in their variants."""
    return name_pattern(i.actor for i in initiatives if is_private_person(i))


def anonymise_initiative(ini: Initiative, pattern: re.Pattern | None = None) -> Initiative:
    """`Particulier (Guemps)`, the name out of the excerpt and sentences, no contacts
    (a private person's contacts are personal pages), no e-mail or phone left in its
    excerpt. `pattern` (`private_pattern` of the whole store) also scrubs the names of
    the other private persons an excerpt cites, in any initiative."""
    private = is_private_person(ini)
    own = name_pattern([ini.actor]) if private else None
    if pattern is None and own is None:
        return ini

    def clean(text: str, contacts: bool = False) -> str:
        for p in (own, pattern):
            text = scrub_text(text, p, contacts)
        return text

    out = replace(ini, excerpt=clean(ini.excerpt, contacts=private),
                  quantities=[replace(q, sentence=clean(q.sentence, private),
                                      reason=clean(q.reason))
                              for q in ini.quantities])
    if private:
        place = next((p.nom or p.query for p in ini.places if p.nom or p.query), "")
        return replace(out, actor=f"Particulier ({place})" if place else "Particulier",
                       contacts=[])
    named = [c for c in ini.contacts if pattern is not None and pattern.search(fold(c))]
    return replace(out, contacts=[c for c in ini.contacts if c not in named]) \
        if named else out


# --- the store's frames, anonymised -----------------------------------------------------

def anonymise_frames(fr: Frames) -> Frames:
    """`fr` as `_Anonymised` shows the store: each initiative as `anonymise_initiative`
    makes it (a private person's actor, excerpt, contacts and sentences; the names of
    every private person of the store out of every excerpt, sentence, reason and release
    title). Texts are scrubbed once per distinct text, and only those that may hold a
    name (`scrub_texts`); a private person's own texts (few) one by one, as before."""
    inis = fr.initiatives
    private = np.array([is_private_actor(a, t) for a, t in zip(inis["actor"], inis["actor_type"])]
                       if len(inis) else [], dtype=bool)
    listed = inis["status"].isin(DEFAULT_STATUSES).to_numpy()   # `store.initiatives()`
    actors = inis["actor"].to_numpy()[private & listed]
    pattern, anchors = name_pattern(actors), _anchors(actors)
    if pattern is None and not private.any():
        return fr
    own = {a: name_pattern([a]) for a in pd.unique(inis["actor"].to_numpy()[private])}

    def clean(text: str, actor: str, contacts: bool = False) -> str:
        for p in (own[actor], pattern):
            text = scrub_text(text, p, contacts)
        return text

    out = inis.copy(deep=False)   # copy-on-write: only the columns replaced are new
    excerpt = scrub_texts(inis["excerpt"].to_numpy(), pattern, anchors)
    excerpt[private] = [clean(t, a, True) for t, a in zip(
        inis["excerpt"].to_numpy()[private], inis["actor"].to_numpy()[private])]
    out["excerpt"] = text_column(excerpt, out.index)
    home = fr.placed(config.departement()).home_place.reindex(inis.index).to_numpy()
    actor = inis["actor"].to_numpy().copy()
    actor[private] = [f"Particulier ({h})" if h else "Particulier" for h in home[private]]
    out["actor"] = text_column(actor, out.index)
    contacts = inis["contacts"].to_numpy().copy()
    contacts[private] = ""
    if pattern is not None:
        has = (contacts != "") & ~private
        contacts[has] = [CONTACT_SEP.join(c for c in joined.split(CONTACT_SEP)
                                          if not pattern.search(fold(c)))
                         for joined in contacts[has]]
    out["contacts"] = text_column(contacts, out.index)
    obs = fr.observations.copy(deep=False)
    mine = isin(obs["initiative_id"].to_numpy(), inis.index.to_numpy()[private])
    owner_actor = inis["actor"].reindex(obs["initiative_id"].to_numpy()[mine]).to_numpy()
    for col, contacts_too in (("sentence", True), ("reason", False)):
        texts = scrub_texts(obs[col].to_numpy(), pattern, anchors)
        texts[mine] = [clean(t, a, contacts_too) for t, a in zip(obs[col].to_numpy()[mine],
                                                                 owner_actor)]
        obs[col] = text_column(texts, obs.index)
    rel = fr.releases.copy(deep=False)
    rel["title"] = text_column(scrub_texts(rel["title"].to_numpy(), pattern, anchors),
                               rel.index)
    return Frames(out, fr.places, obs, fr.mentions, rel)


# --- tables ---------------------------------------------------------------------------

def selected(store, filters: Filters | None = None, anonymise: bool = False) -> list[Initiative]:
    """The filtered initiatives (inside and outside the département), as on screen;
    anonymised, every excerpt is scrubbed of every private person of the store."""
    if anonymise and isinstance(store, _Anonymised) and store._anonymise:
        return store.initiatives(filters)
    found = store.initiatives(filters or Filters())
    if not anonymise:
        return found
    pattern = private_pattern(store.initiatives())
    return [anonymise_initiative(i, pattern) for i in found]


class _Anonymised:
    """A read-only view of a store whose initiatives, mentions and release titles are
    anonymised, so the metrics functions and maps (which take a store) build their
    frames from the redacted data."""

    def __init__(self, store, anonymise: bool):
        self._store, self._anonymise = store, anonymise
        self._pattern: re.Pattern | None = None
        self._private: set[int] | None = None

    def _persons(self) -> tuple[re.Pattern | None, set[int]]:
        if self._private is None:
            every = self._store.initiatives()
            self._pattern = private_pattern(every)
            self._private = {i.id for i in every if is_private_person(i)}
        return self._pattern, self._private

    def frames(self) -> Frames:
        """The store's frames, anonymised (kept per data version of the store)."""
        raw = frames_of(self._store)
        if not self._anonymise:
            return raw
        return cached(self._store, "frames-anonymised", lambda: anonymise_frames(raw))

    def initiatives(self, filters=None):
        found = self._store.initiatives(filters or Filters())
        if not self._anonymise:
            return found
        pattern, _ = self._persons()
        return [anonymise_initiative(i, pattern) for i in found]

    def get(self, initiative_id):
        found = self._store.get(initiative_id)
        if found is None or not self._anonymise:
            return found
        return anonymise_initiative(found, self._persons()[0])

    def mentions(self, initiative_id=None):
        out = self._store.mentions(initiative_id)
        if not self._anonymise:
            return out
        pattern, private = self._persons()
        return [replace(m, excerpt="", contacts=[]) if m.initiative_id in private else
                replace(m, excerpt=scrub_text(m.excerpt, pattern),
                        contacts=[c for c in m.contacts
                                  if pattern is None or not pattern.search(fold(c))])
                for m in out]

    def _release(self, r):
        if r is None or not self._anonymise:
            return r
        pattern, _ = self._persons()
        return replace(r, title=scrub_text(r.title, pattern),
                       body=scrub_text(r.body, pattern))

    def releases(self):
        return [self._release(r) for r in self._store.releases()]

    def release(self, release_id):
        return self._release(self._store.release(release_id))

    def __getattr__(self, name):
        return getattr(self._store, name)


def anonymised(store, anonymise: bool = True):
    """`store` seen with private persons out (names in their variants, their e-mails and
    phones, in every initiative, excerpt and release title), for maps and exports."""
    if not anonymise or (isinstance(store, _Anonymised) and store._anonymise):
        return store
    return _Anonymised(store, True)


def _yes(flag) -> str:
    return "oui" if flag else "non"


def _localisation(ini: Initiative, dep: str) -> str:
    if not is_inside(ini, dep):
        return "hors département"
    r = reach(ini, dep)
    if r.named:
        return "commune"
    if r.territory:
        return "territoire"
    return "département ou national"


def _main_commune(ini: Initiative) -> tuple[str, str, str]:
    """(commune code, commune name, département) of the first place that is a commune."""
    for p in ini.places:
        if p.level == "commune" and p.code:
            return p.code, p.nom or p.query, p.departement or ""
    first = ini.places[0] if ini.places else None
    return "", "", (first.departement or "") if first else ""


def initiatives_table(store, filters: Filters | None = None, dep: str | None = None,
                      anonymise: bool = False) -> pd.DataFrame:
    dep = dep or config.departement()
    view = _Anonymised(store, anonymise)
    frame = metrics._initiative_columns(view, filters or Filters(), dep, lists=False)
    fr = frames_of(view)
    ids = frame["id"].to_numpy()
    code, nom, departement = _main_communes(fr, ids)
    inside = frame["inside"].to_numpy(dtype=bool)
    departement = np.where(departement != "", departement, np.where(inside, dep, ""))
    out = {
        "id": ids, "acteur": frame["actor"], "type_acteur": frame["actor_type"],
        "categorie": frame["category"], "statut": frame["status"],
        "departement": departement, "dans_departement": np.where(inside, "oui", "non"),
        "localisation": _localisations(fr, ids, inside, dep), "code_commune": code,
        "nom_commune": nom, "lieux": frame["places"], "codes_communes": frame["communes"],
        "communes_territoire": frame["territory_communes"],
        "arrondissements": frame["arrondissements"],
        "noms_arrondissements": frame["arrondissements_noms"],
        "premier_communique": frame["first_release"],
        "date_premier_communique": frame["first_date"],
        "dernier_communique": frame["last_release"],
        "date_dernier_communique": frame["last_date"], "nb_communiques": frame["releases"],
        "chiffres": frame["figures"], "extrait": frame["excerpt"],
        "contacts": frame["contacts"]}
    return columnar.table({k: v.to_numpy() if isinstance(v, pd.Series) else
                           np.asarray(v, dtype=object) if getattr(v, "dtype", None) is not None
                           and v.dtype.kind in "US" else v for k, v in out.items()})


def _every(fr: Frames, key, build):
    """`build(ids)` for every initiative of the frames, once per data version: a column
    of the export that no filter changes (a selection takes its rows)."""
    if key not in fr.memo:
        fr.memo[key] = build(fr.initiatives.index.to_numpy())
    return fr.memo[key]


def _localisations(fr: Frames, ids: np.ndarray, inside: np.ndarray, dep: str) -> np.ndarray:
    """`_localisation` of each initiative: commune, territoire, département ou national,
    hors département."""
    out = _every(fr, ("localisations", dep), lambda every: _reach_kinds(fr, every, dep))
    return np.where(inside, out[fr.rows(ids)], "hors département").astype(object)


def _reach_kinds(fr: Frames, ids: np.ndarray, dep: str) -> np.ndarray:
    """commune, territoire or département ou national, for each initiative of `ids`."""
    pairs = fr.placed(dep).pairs
    pairs = pairs[isin(pairs["initiative_id"].to_numpy(), ids)]
    named = isin(ids, pairs.loc[pairs["direct"].to_numpy(), "initiative_id"].to_numpy())
    reached = isin(ids, pairs["initiative_id"].to_numpy())
    return np.where(named, "commune", np.where(reached, "territoire",
                                               "département ou national"))


def _main_communes(fr: Frames, ids: np.ndarray):
    """`_main_commune` of each initiative: (code, name, département) of its first place
    that is a commune with a code, else ("", "", its first place's département)."""
    every = _every(fr, "main_communes", lambda all_ids: _main_communes_of(fr, all_ids))
    rows = fr.rows(ids)
    return tuple(column[rows] for column in every)


def _main_communes_of(fr: Frames, ids: np.ndarray):
    p = fr.places
    p = p[isin(p["initiative_id"].to_numpy(), ids)]
    owner = p["initiative_id"].to_numpy()
    dep_of = np.where(pd.notna(p["departement"].to_numpy()), p["departement"].to_numpy(), "")
    first = ~pd.Series(owner).duplicated().to_numpy()
    first_dep = pd.Series(dep_of[first], index=owner[first], dtype=object)
    code = p["code"].to_numpy()
    commune = (p["level"].to_numpy() == "commune") & pd.notna(code) & (code != "")
    main = p[commune]
    main = main[~main["initiative_id"].duplicated().to_numpy()].set_index("initiative_id")
    nom = np.where(pd.notna(main["nom"].to_numpy()) & (main["nom"].to_numpy() != ""),
                   main["nom"].to_numpy(), main["query"].to_numpy())
    main_dep = np.where(pd.notna(main["departement"].to_numpy()),
                        main["departement"].to_numpy(), "")
    found = isin(ids, main.index.to_numpy())
    codes = pd.Series(main["code"].to_numpy(), index=main.index, dtype=object)
    noms = pd.Series(nom, index=main.index, dtype=object)
    deps = pd.Series(main_dep, index=main.index, dtype=object)
    out_code = np.where(found, codes.reindex(ids).to_numpy(), "").astype(object)
    out_nom = np.where(found, noms.reindex(ids).to_numpy(), "").astype(object)
    out_dep = np.where(found, deps.reindex(ids).to_numpy(),
                       first_dep.reindex(ids).fillna("").to_numpy()).astype(object)
    return out_code, out_nom, out_dep


def quantities_table(store, filters: Filters | None = None, dep: str | None = None,
                     anonymise: bool = False) -> pd.DataFrame:
    """The latest figure of each initiative and item, with its kind and source sentence."""
    dep, filters = dep or config.departement(), filters or Filters()
    fr = frames_of(_Anonymised(store, anonymise))
    ids = fr.select(filters, dep)
    last = fr.with_texts(fr.latest(ids, filters))
    inside = fr.placed(dep).inside.reindex(last["initiative_id"].to_numpy()).to_numpy(dtype=bool)
    kinds = pd.Series(last["kind"].to_numpy(), dtype=object)
    out = columnar.table({
        "id_initiative": last["initiative_id"].to_numpy(), "acteur": last["actor"].to_numpy(),
        "dans_departement": np.where(inside, "oui", "non").astype(object),
        "objet": last["item"].to_numpy(),
        "nature": kinds.map(lambda k: KIND_LABELS.get(k, k)).to_numpy(dtype=object),
        "valeur": pd.Series(metrics._nums(last["value"].to_numpy())).to_numpy(),
        "unite": last["unit"].to_numpy(),
        "approximatif": np.where(last["approx"].to_numpy(dtype=bool), "oui", "non"
                                 ).astype(object),
        "communique": last["release_id"].to_numpy(),
        "date": as_dates(last["as_of"].to_numpy()), "phrase_source": last["sentence"].to_numpy(),
        "pourquoi_nature": last["reason"].to_numpy()})
    out.columns = list(QUANTITY_COLUMNS)
    return out.sort_values(["id_initiative", "objet", "nature"], ignore_index=True)


def communes_table(store, filters: Filters | None = None, dep: str | None = None) -> pd.DataFrame:
    """Every commune of the département with its count of initiatives, by category."""
    dep = dep or config.departement()
    counts = metrics.counts_by(store, filters or Filters(), "commune", "category", dep=dep)
    per = metrics.counts_per_unit(store, filters or Filters(), "commune", dep=dep)
    com = reference.communes(dep).set_index("code")
    out = pd.DataFrame({
        "code_commune": counts["code"], "nom_commune": counts["nom"],
        "arrondissement": counts["code"].map(com["arrondissement"]),
        "nom_arrondissement": counts["code"].map(com["arrondissement_nom"]),
        "epci": counts["code"].map(com["epci"]), "nom_epci": counts["code"].map(com["epci_nom"]),
        "population": per["population"].to_numpy(),
        "initiatives": counts["total"].astype(int).to_numpy(),
        "pour_10000_habitants": per["per_10k"].to_numpy()})
    for c in CATEGORIES:
        out[c] = counts[c].astype(int).to_numpy()
    return out


def table(name: str, store, filters: Filters | None = None, dep: str | None = None,
          anonymise: bool = False) -> pd.DataFrame:
    if name not in TABLES:
        raise ValueError(f"Table inconnue : {name} (initiatives, quantites ou communes).")
    if name == "communes":
        return communes_table(store, filters, dep)
    build = initiatives_table if name == "initiatives" else quantities_table
    return build(store, filters, dep, anonymise)


# --- files ----------------------------------------------------------------------------

def _cells(frame: pd.DataFrame):
    for row in frame.itertuples(index=False):
        yield [None if (not isinstance(v, (list, str)) and pd.isna(v)) else neutralise(v)
               for v in row]


def to_csv(frame: pd.DataFrame, sep: str = ";", hxl: bool = False) -> bytes:
    """UTF-8 with BOM (French Excel); with `;` decimals take a comma, as Excel expects."""
    if sep not in (";", ","):
        raise ValueError("Séparateur : « ; » ou « , ».")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow(frame.columns)
    if hxl:
        tags = {**INITIATIVE_COLUMNS, **QUANTITY_COLUMNS, **COMMUNE_COLUMNS}
        writer.writerow([tags.get(c, ("", ""))[0] for c in frame.columns])
    # a chunk of rows at a time, each written and encoded before the next: the cells of
    # every row and the whole text are never held at once (at 10^6 rows, gigabytes)
    # (a BytesIO hands its buffer over: the file is not copied once more at the end)
    out = io.BytesIO()
    out.write("\ufeff".encode("utf-8"))
    out.write(buf.getvalue().encode("utf-8"))
    for start in range(0, len(frame), CSV_CHUNK):
        chunk = frame.iloc[start:start + CSV_CHUNK]
        if chunk.shape[1] < 2:   # a lone empty cell is written `""`: the writer's rule
            buf.seek(0)
            buf.truncate()
            writer.writerows(zip(*(_csv_column(chunk.iloc[:, i], sep)
                                   for i in range(chunk.shape[1]))))
            out.write(buf.getvalue().encode("utf-8"))
            continue
        # the writer's output built a column at a time (it spent most of the export
        # copying every character): each cell's text, quoted as it would quote it
        fields = [_csv_fields(chunk.iloc[:, i], sep) for i in range(chunk.shape[1])]
        out.write(("\r\n".join(map(sep.join, zip(*fields))) + "\r\n").encode("utf-8"))
    return out.getvalue()


_STARTS = frozenset(FORMULA_START)   # one character each
CSV_CHUNK = 50_000   # rows written at a time


def _csv_column(column: pd.Series, sep: str) -> list:
    """`_csv_value(neutralise(v))` of each cell of a column (None for a missing one), as
    `_cells` gives them row by row: worked out a column at a time, by its type."""
    kind = column.dtype.kind
    values = column.tolist()   # Python scalars, as `itertuples` gives them
    if kind in "iub":
        return values
    if kind == "f":
        return [None if v != v else _csv_value(v, sep) for v in values]
    if kind != "O":
        return [_csv_value(v, sep) for v in
                (None if (not isinstance(v, (list, str)) and pd.isna(v)) else neutralise(v)
                 for v in values)]

    found = pd.api.types.infer_dtype(values, skipna=False)
    if found == "string":   # only texts (most columns): one pass, no call per cell
        return ["'" + v if v[:1] in _STARTS else v for v in values]

    def cell(v):
        if isinstance(v, str):
            return "'" + v if v[:1] in _STARTS else v
        if v is None or isinstance(v, list):
            return v
        if pd.isna(v):
            return None
        return _csv_value(v, sep)
    if found == "date" or pd.api.types.infer_dtype(values, skipna=True) == "date":
        return [v.isoformat() if v.__class__ is date else cell(v) for v in values]
    return [cell(v) for v in values]


def _csv_fields(column: pd.Series, sep: str) -> list[str]:
    """The cells of a column as `csv.writer` writes them (`_csv_column`'s values as
    text: None empty, others through `str`; quoted, quotes doubled, when a cell holds
    the separator, a quote or a line break). Texts with few distinct values (codes,
    dates, statuses) are worked out once per distinct value."""
    if column.dtype.kind in "iub":
        return list(map(str, column.tolist()))   # no separator, quote or line break
    if column.dtype.kind == "O":
        values = column.tolist()
        if _few_distinct(values):
            keys = list(dict.fromkeys(values))
            texts = _quoted(_texts(_csv_column(pd.Series(keys, dtype=object), sep)), sep)
            return list(map(dict(zip(keys, texts)).__getitem__, values))
        if pd.api.types.infer_dtype(values, skipna=False) == "string":   # texts only
            return _quoted(["'" + v if v[:1] in _STARTS else v for v in values], sep)
    return _quoted(_texts(_csv_column(column, sep)), sep)


_SAFE_KEYS = frozenset({str, date, type(None)})   # equal only when of the same type


def _few_distinct(values: list) -> bool:
    """Worth working out per distinct value: few of them among the first rows, and every
    value of a type whose equal values give the same cell (not 1 and 1.0, or lists)."""
    if len(values) <= 100:
        return False
    try:
        if len(set(values[:1000])) > 100:
            return False
    except TypeError:   # lists
        return False
    return set(map(type, values)) <= _SAFE_KEYS


def _texts(cells: list) -> list[str]:
    """Cells as the writer makes them text: None empty, a text as it is, others `str`."""
    return [c if c.__class__ is str else ("" if c is None else str(c)) for c in cells]


def _quoted(texts: list[str], sep: str) -> list[str]:
    """`csv.QUOTE_MINIMAL` with `"` and the line end `\\r\\n`: a cell holding the
    separator, a quote, `\\r` or `\\n` is quoted, its quotes doubled."""
    specials = (sep, '"', "\r", "\n")
    head = "".join(texts[:100])
    if not any(c in head for c in specials):   # none in the first cells: maybe in none
        whole = "".join(texts)
        found = any(c in whole for c in specials)
        del whole
        if not found:
            return texts
    return ['"' + t.replace('"', '""') + '"'
            if (sep in t or '"' in t or "\r" in t or "\n" in t) else t for t in texts]


def _csv_value(value, sep: str):
    if isinstance(value, float):
        text = repr(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", ",") if sep == ";" else text
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_csv(store, filters: Filters | None = None, dep: str | None = None,
               table_name: str = "initiatives", sep: str = ";", hxl: bool = False,
               anonymise: bool = False) -> bytes:
    return to_csv(table(table_name, store, filters, dep, anonymise), sep, hxl)


def _clean(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _sheet(wb: Workbook, title: str, frame: pd.DataFrame, columns: dict, hxl: bool) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(frame.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    if hxl:
        ws.append([columns.get(c, ("", ""))[0] for c in frame.columns])
    for i, row in enumerate(_cells(frame), start=3 if hxl else 2):
        for j, value in enumerate(row, start=1):
            cell = ws.cell(row=i, column=j, value=_clean(value))
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, even if neutralise missed one
            elif isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
    ws.freeze_panes = ws.cell(row=3 if hxl else 2, column=1)
    for i, name in enumerate(frame.columns, start=1):
        width = min(60, max(10, len(str(name)) + 2,
                            *(len(str(v)) + 1 for v in frame.iloc[:200, i - 1])))
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = width


def about_rows(store, filters: Filters, dep: str, anonymise: bool) -> list[list[str]]:
    cited = src.cited(store, filters, dep)
    rows = [["Export", f"Initiatives solidaires Covid-19 — {reference.departement_name(dep)}"],
            ["Source", src.footer(cited, dep)],
            ["Filtres", describe_filters(filters)],
            ["Anonymisation", "oui : les particuliers nommés sont remplacés par « Particulier "
                              "(lieu) », leurs noms retirés des extraits et leurs contacts "
                              "retirés" if anonymise else "non"],
            ["Règle des totaux", "Pour chaque initiative, seul le dernier chiffre cumulé compte ;"
                                 " seul le réalisé s'additionne : objectifs, commandes pas "
                                 "encore livrées, besoins, cadences, bénéficiaires et "
                                 "bénévoles sont à part et ne s'y ajoutent jamais."],
            ["Formules", "Les cellules commençant par =, +, - ou @ sont précédées d'une "
                         "apostrophe : ce sont des textes, pas des formules."],
            [], ["Communiqué", "Date", "Identifiant", "Initiatives citées"]]
    rows += [[r["label"], format_date(r["date"]) if r["date"] else "", r["id"],
              r["initiatives"]] for r in cited]
    rows += [[], ["Feuille", "Colonne", "HXL", "Description"]]
    for name, columns in COLUMNS.items():
        rows += [[SHEETS[name], col, tag, text] for col, (tag, text) in columns.items()]
    return rows


FILTER_LABELS = {"communique": "communiqués", "du": "du", "au": "au", "categorie": "catégories",
                 "acteur": "types d'acteur", "arrondissement": "arrondissements",
                 "statut": "statuts", "lieu": "lieu", "q": "recherche"}


def describe_filters(filters: Filters) -> str:
    """The filters in words, for the files' "À propos" and the briefing."""
    params = filters.to_query_params()
    if not params:
        return "aucun (toutes les initiatives aux statuts extrait et vérifié)"
    return " ; ".join(f"{FILTER_LABELS.get(k, k)} : {', '.join(v) if isinstance(v, list) else v}"
                      for k, v in params.items())


def export_xlsx(store, filters: Filters | None = None, dep: str | None = None,
                hxl: bool = False, anonymise: bool = False) -> bytes:
    dep, filters = dep or config.departement(), filters or Filters()
    wb = Workbook()
    wb.remove(wb.active)
    for name in TABLES:
        _sheet(wb, SHEETS[name], table(name, store, filters, dep, anonymise), COLUMNS[name],
               hxl)
    about = wb.create_sheet("À propos")
    for row in about_rows(store, filters, dep, anonymise):
        about.append([_clean(neutralise(v)) for v in row])
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 28, 40
    about.column_dimensions["D"].width = 80
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- geography ------------------------------------------------------------------------

def _point(code: str, dep: str) -> shapely.Point | None:
    """A commune's point (town hall when inside it), in the département or beyond."""
    for table in (reference.communes(dep), reference.gazetteer()):
        found = table.loc[table["code"] == code, ["lon", "lat"]].dropna()
        if len(found):
            return shapely.Point(*found.iloc[0])
    return None


def initiatives_geo(store, filters: Filters | None = None, dep: str | None = None,
                    anonymise: bool = False, areas: bool = False) -> gpd.GeoDataFrame:
    """One feature per initiative (WGS84). A commune-level one is the point of its main
    commune; a territory-level one is the representative point of the union of its
    communes, or that union polygon with `areas=True`; a département-wide or national
    one has no geometry."""
    dep, filters = dep or config.departement(), filters or Filters()
    frame = initiatives_table(store, filters, dep, anonymise)
    inis = {i.id: i for i in store.initiatives(filters)}
    shapes = reference.communes(dep).set_index("code").geometry
    geoms = []
    for r in frame.itertuples():
        ini, geom = inis[r.id], None
        if r.code_commune:
            geom = _point(r.code_commune, dep)
        elif r.localisation == "territoire":
            union = shapely.union_all(shapes.loc[sorted(reach(ini, dep).territory)].values)
            geom = union if areas else union.representative_point()
        geoms.append(geom)
    frame = frame.assign(**{c: frame[c].map(lambda d: d.isoformat() if d else None)
                            for c in ("date_premier_communique", "date_dernier_communique")})
    return gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


def communes_geo(store, filters: Filters | None = None, dep: str | None = None) -> gpd.GeoDataFrame:
    dep = dep or config.departement()
    shapes = reference.communes(dep).set_index("code").geometry
    counts = communes_table(store, filters, dep)
    return gpd.GeoDataFrame(counts, geometry=counts["code_commune"].map(shapes).to_list(),
                            crs="EPSG:4326")


def export_geojson(store, filters: Filters | None = None, dep: str | None = None,
                   anonymise: bool = False, areas: bool = False) -> bytes:
    gdf = initiatives_geo(store, filters, dep, anonymise, areas)
    return gdf.to_json(drop_id=True, ensure_ascii=False, na="null").encode("utf-8")


def export_gpkg(store, filters: Filters | None = None, dep: str | None = None,
                anonymise: bool = False, areas: bool = False) -> bytes:
    """Layers `initiatives` (points, territory ones at a representative point),
    `communes` (polygons with counts) and, with `areas`, `territoires` (polygons)."""
    points = initiatives_geo(store, filters, dep, anonymise, areas=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.gpkg"
        points.to_file(path, layer="initiatives", driver="GPKG", engine="pyogrio")
        communes_geo(store, filters, dep).to_file(path, layer="communes", driver="GPKG",
                                                  engine="pyogrio")
        if areas:
            shaped = initiatives_geo(store, filters, dep, anonymise, areas=True)
            shaped = shaped[shaped["localisation"] == "territoire"]
            if len(shaped):
                shaped.to_file(path, layer="territoires", driver="GPKG", engine="pyogrio")
        return path.read_bytes()


def export(store, filters: Filters | None = None, fmt: str = "csv", dep: str | None = None, *,
           hxl: bool = False, sep: str = ";", anonymise: bool = False, areas: bool = False,
           table_name: str = "initiatives") -> bytes:
    """One entry point for the page and the command line."""
    if fmt == "csv":
        return export_csv(store, filters, dep, table_name, sep, hxl, anonymise)
    if fmt == "xlsx":
        return export_xlsx(store, filters, dep, hxl, anonymise)
    if fmt == "geojson":
        return export_geojson(store, filters, dep, anonymise, areas)
    if fmt == "gpkg":
        return export_gpkg(store, filters, dep, anonymise, areas)
    raise ValueError(f"Format inconnu : {fmt} ({', '.join(FORMATS)}).")
