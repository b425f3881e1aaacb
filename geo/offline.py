"""Offline resolution of a place name to an INSEE code or a territory: the gazetteer.

One `Gazetteer` per département maps normalized names to the best target, in
this order of precedence (first wins): the département's communes, their usual
names (`data/reference/aliases.csv`), former communes, the département and the
country, arrondissements, EPCI, territories (`territoires.csv`), other
départements, then every other French commune (`inside=False`). So homonyms go
to the current département first ("Annay" → 62033, not 58007).

Unknown names get a cautious fuzzy match among the département's names only
(plus other communes with a stricter threshold); nothing fits → unresolved,
never a forced guess. In national mode (`DEPARTEMENT=FR`, `NationalGazetteer`) every
French commune is inside; a name several communes share is ambiguous (method
`ambiguous`, no code) unless the query names the département ("Annay (62)", a postcode).
`geo.geocode.resolve` tries this first, then the opt-in
online geocoding (geopy, `geo.online`), which falls back to this answer.
"""
from __future__ import annotations

import csv
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

import config
from geo import reference, territories
from geo.levels import PLACE_LEVELS as LEVELS
from geo.normalize import normalize

FUZZY_CUTOFF = 88.0           # among the département's names (ratio on normalized names)
FUZZY_CUTOFF_NATIONAL = 93.0  # stricter for the other 35 000 communes
FUZZY_MIN_LENGTH = 5          # shorter strings are too easy to confuse
# Leading words of running speech stripped when the name alone is not known:
# "dans le calaisis", "commune de Mazingarbe", "sur le bassin minier".
CUE_WORDS = frozenset("""dans sur vers pres autour aupres secteur perimetre commune communes
    ville mairie village ccas a au aux en de du des d le la les l chez habitants region zone
    territoire environs""".split())
_EPCI_PREFIX = re.compile(
    r"^communaute (d agglomeration|de communes|urbaine) (?:(?:de la|de l|du|des|de|d) )?(.+)$")
_EPCI_SHORT = {"d agglomeration": ("ca", "communaute d agglomeration", "agglomeration",
                                   "agglo", "communaute d agglo"),
               "de communes": ("cc", "communaute de communes", "com com"),
               "urbaine": ("cu", "communaute urbaine")}
# a commune's name whose rest situates its first element ("Bienvillers-au-Bois",
# "Marles-les-Mines", "Vitry-en-Artois")
_SITUATED = re.compile(r"^([^-]+)-(?:au|aux|en|sur|sous|lès|lez|les|le|la|de|du|des|près)-")
_LINKERS = ("", "de ", "du ", "des ", "d ", "de la ", "de l ")


@dataclass(frozen=True, slots=True)
class Resolution:
    query: str
    code: str | None
    nom: str | None
    level: str | None  # one of LEVELS, or None when unresolved
    departement: str | None
    inside: bool
    method: str | None  # exact | alias | fuzzy | online | cache | ambiguous | None
    confidence: float

    def to_dict(self) -> dict:
        return {"query": self.query, "code": self.code, "nom": self.nom, "level": self.level,
                "departement": self.departement, "inside": self.inside,
                "method": self.method, "confidence": self.confidence}

    @property
    def resolved(self) -> bool:
        return self.code is not None


def unresolved(query: str) -> Resolution:
    return Resolution(query, None, None, None, None, False, None, 0.0)


class Entry(NamedTuple):
    """Best target of one normalized name; `kind` drives the text matcher's rules."""
    resolution: Resolution  # query left empty
    kind: str  # commune|alias|former|departement|national|arrondissement|epci|territoire|other_departement|outside
    population: int = 0


class Gazetteer:
    """Normalized name → Entry for one département; build with `gazetteer(dep)`."""

    def __init__(self, dep: str):
        self.dep = dep
        self.index: dict[str, Entry] = {}
        self.acronyms: set[str] = set()  # "CALL", "CUA": only in capitals in running text
        # a commune's first element standing for it ("Bienvillers"): it may also begin
        # another name ("Blangy Chimie"), so running text needs a cue before it
        self.first_elements: set[str] = set()
        # ("annay", "58") → ("58007", "Annay"): for queries naming another département
        self.by_departement: dict[tuple[str, str], tuple[str, str]] = {}
        self._build()
        # Fuzzy candidates bucketed so one query scans only keys that could pass:
        # local names by length, other communes by first three letters and length.
        self.fuzzy_keys = [k for k, e in self.index.items()
                           if e.kind not in ("outside", "other_departement") and len(k) >= 3]
        self.local_buckets: dict[int, list[str]] = {}
        self._near_cache: dict[int, list[str]] = {}
        for key in self.fuzzy_keys:
            self.local_buckets.setdefault(len(key), []).append(key)
        self.national_buckets: dict[tuple[str, int], list[str]] = {}
        for key, entry in self.index.items():
            if entry.kind == "outside" and len(key) >= FUZZY_MIN_LENGTH:
                self.national_buckets.setdefault((key[:3], len(key)), []).append(key)

    # -- building ---------------------------------------------------------------------
    def _add(self, name: str, entry: Entry) -> None:
        key = normalize(name)
        if key and key not in self.index:  # first wins: insertion order is precedence
            self.index[key] = entry
            if name.isupper() and name.isalnum():
                self.acronyms.add(key)

    def _entry(self, code, nom, level, dep, inside, method, confidence, kind, population=0):
        return Entry(Resolution("", code, nom, level, dep, inside, method, confidence),
                     kind, int(population or 0))

    def _build(self) -> None:
        dep = self.dep
        com = reference.communes(dep).sort_values("population", ascending=False)
        by_code = {r.code: r for r in com.itertuples()}
        for r in com.itertuples():
            self._add(r.nom, self._entry(r.code, r.nom, "commune", dep, True, "exact", 1.0,
                                         "commune", r.population))
        aliases = _aliases()
        for alias, code, level, _ in aliases:
            if level == "commune" and code in by_code:
                r = by_code[code]
                self._add(alias, self._entry(code, r.nom, "commune", dep, True, "alias", 0.95,
                                             "alias", r.population))
        gaz = reference.gazetteer()
        former = gaz[(gaz["departement"] == dep) & gaz["type"].isin(["COMD", "COMA"])]
        for r in former.itertuples():
            if r.commune in by_code:
                cur = by_code[r.commune]
                self._add(r.nom, self._entry(cur.code, cur.nom, "commune", dep, True, "alias",
                                             0.9, "former", cur.population))
        self._add_departement(aliases)
        self._add_arrondissements(com)
        self._add_epci(aliases)
        for t in territories.territories(dep).itertuples():
            entry = self._entry(t.code, t.nom, "territoire", dep, True, "exact", 1.0,
                                "territoire", t.population)
            self._add(t.nom, entry)
            alias_entry = entry._replace(resolution=dataclasses.replace(
                entry.resolution, method="alias", confidence=0.95))
            for alias in t.aliases:
                self._add(alias, alias_entry)
        for key, entry in self._epci_cores:
            self._add(key, entry)
        for alias, code, level, _ in aliases:
            if level == "departement" and code != dep:
                self._add(alias, self._entry(code, alias, "departement", code, False, "exact",
                                             1.0, "other_departement"))
        self._add_outside(gaz)
        self._add_first_elements(com)

    def _add_departement(self, aliases) -> None:
        dep = self.dep
        names = [a for a, code, level, _ in aliases if level == "departement" and code == dep]
        nom = names[0] if names else f"Département {dep}"
        entry = self._entry(dep, nom, "departement", dep, True, "exact", 1.0, "departement")
        for name in names:
            for form in (name, f"département du {name}", f"département de {name}",
                         f"département d'{name}", f"département de la {name}",
                         f"département des {name}", f"département {dep}"):
                self._add(form, entry)
        for form in ("le département", "dans le département", "notre département",
                     "tout le département", "l'ensemble du département"):
            self._add(form, entry)
        for alias, _code, level, _ in aliases:
            if level == "national":
                # a national scheme covers the département too: inside
                self._add(alias, self._entry("FR", "France", "national", None, True,
                                             "exact" if alias == "France" else "alias", 1.0,
                                             "national"))

    def _add_arrondissements(self, com) -> None:
        for r in reference.arrondissements(self.dep).itertuples():
            entry = self._entry(r.code, r.nom, "arrondissement", self.dep, True, "exact", 1.0,
                                "arrondissement", r.population)
            # the chef-lieu's full name: "arrondissement de Montreuil-sur-Mer"
            members = com[com["arrondissement"] == r.code]
            base = normalize(r.nom)
            full = [n for n in members["nom"] if normalize(n).startswith(base)]
            for name in [r.nom] + full[:1]:
                for form in (f"arrondissement de {name}", f"arrondissement d'{name}",
                             f"arrondissement {name}", f"arr. de {name}"):
                    self._add(form, entry)

    def _add_epci(self, aliases) -> None:
        self._epci_cores = []
        for r in reference.epci(self.dep).itertuples():
            entry = self._entry(r.code, r.nom, "epci", self.dep, True, "exact", 1.0, "epci",
                                r.population)
            alias_entry = self._entry(r.code, r.nom, "epci", self.dep, True, "alias", 0.95,
                                      "epci", r.population)
            self._add(r.nom, entry)
            match = _EPCI_PREFIX.match(normalize(r.nom))
            if match:
                kind, core = match.groups()
                for short in _EPCI_SHORT[kind]:
                    for linker in _LINKERS:
                        self._add(f"{short} {linker}{core}", alias_entry)
                # the bare core ("Lens-Liévin") after communes and territories
                self._epci_cores.append((core, alias_entry))
            for alias, code, level, _ in aliases:
                if level == "epci" and code == r.code:
                    self._add(alias, alias_entry)
                    if match and not alias.isupper():  # "agglomération de Béthune-Bruay"
                        for short in _EPCI_SHORT[match.group(1)]:
                            for linker in _LINKERS:
                                self._add(f"{short} {linker}{alias}", alias_entry)

    def _add_first_elements(self, com) -> None:
        # Locals name a commune by its first element when the rest only situates it
        # ("Bienvillers" for Bienvillers-au-Bois): that element stands for the commune
        # when no other commune of the département begins with it, no place anywhere
        # bears it (added last, it never displaces a name) and it is no short word.
        firsts = Counter(normalize(nom.split("-")[0]) for nom in com["nom"])
        for r in com.itertuples():
            situated = _SITUATED.match(r.nom)
            key = normalize(situated.group(1)) if situated else ""
            if len(key) >= FUZZY_MIN_LENGTH and " " not in key and firsts[key] == 1 and \
                    key not in self.index:
                self.first_elements.add(key)
                self._add(situated.group(1), self._entry(
                    r.code, r.nom, "commune", self.dep, True, "alias", 0.85, "alias",
                    r.population))

    def _add_outside(self, gaz) -> None:
        # Current communes first, the most populous first; then former communes
        # and municipal arrondissements pointing to their current commune.
        gaz = gaz.sort_values("population", ascending=False)
        cols = [gaz[c].tolist() for c in ("code", "nom", "type", "departement", "commune",
                                          "population")]
        rows = [r for r in zip(*cols) if r[3] != self.dep]
        keys = [normalize(r[1]) for r in rows]
        homonyms = Counter(k for k, r in zip(keys, rows) if r[2] == "COM")
        noms = {r[0]: r[1] for r in rows if r[2] == "COM"}
        for current in (True, False):
            for (code, nom, typ, dep, parent, pop), key in zip(rows, keys):
                if (typ == "COM") != current:
                    continue
                if current:
                    self.by_departement.setdefault((key, dep), (code, nom))
                if key in self.index:
                    continue
                if current:
                    confidence = 0.9 if homonyms[key] == 1 else 0.6
                    entry = self._entry(code, nom, "commune", dep, False, "exact", confidence,
                                        "outside", pop)

                elif parent in noms:
                    entry = self._entry(parent, noms[parent], "commune", dep, False, "alias",
                                        0.6, "outside", pop)
                else:
                    continue
                self.index[key] = entry

    # -- lookup -----------------------------------------------------------------------
    def lookup(self, key: str) -> Resolution | None:
        """Resolution template (empty query) for a normalized name, or None."""
        entry = self.index.get(key)
        if entry is not None:
            return entry.resolution
        tokens = key.split()
        while len(tokens) > 1 and tokens[0] in CUE_WORDS:  # "dans le calaisis"
            tokens.pop(0)
            entry = self.index.get(" ".join(tokens))
            if entry is not None:
                return entry.resolution
        return self._fuzzy(" ".join(tokens))

    def _fuzzy(self, key: str) -> Resolution | None:
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        near = self._near_cache.get(len(key))
        if near is None:
            near = self._near_cache[len(key)] = _near(self.local_buckets, len(key),
                                                      FUZZY_CUTOFF)
        best = process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None and len(key) >= 7:
            lengths = _lengths(len(key), FUZZY_CUTOFF_NATIONAL)
            near = [k for n in lengths for k in self.national_buckets.get((key[:3], n), ())]
            best = process.extractOne(key, near, scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_CUTOFF_NATIONAL)
        if best is None:
            return None
        found, score = best[0], best[1]
        base = self.index[found].resolution
        return dataclasses.replace(base, method="fuzzy",
                                   confidence=round(base.confidence * 0.9 * score / 100, 3))


class NationalGazetteer(Gazetteer):
    """Every French commune, inside (national mode): a name shared by communes of
    several départements is ambiguous; the départements and the country by name."""

    def _build(self) -> None:
        gaz = reference.gazetteer()
        gaz = gaz[gaz["type"] == "COM"].sort_values("population", ascending=False)
        rows = list(zip(gaz["code"], gaz["nom"], gaz["departement"], gaz["population"]))
        keys = [normalize(r[1]) for r in rows]
        homonyms = Counter(keys)
        for (code, nom, dep, pop), key in zip(rows, keys):
            self.by_departement.setdefault((key, dep), (code, nom))
            if homonyms[key] == 1:
                self._add(nom, self._entry(code, nom, "commune", dep, True, "exact", 1.0,
                                           "commune", pop))
            elif key not in self.index:
                self.index[key] = Entry(Resolution("", None, nom, None, None, False,
                                                   "ambiguous", 0.0), "ambiguous")
        aliases = _aliases()
        by_code = {r[0]: r for r in rows}
        for alias, code, level, _ in aliases:
            if level == "commune" and code in by_code:  # usual names ("Le Touquet")
                _, nom, dep, pop = by_code[code]
                self._add(alias, self._entry(code, nom, "commune", dep, True, "alias", 0.95,
                                             "alias", pop))
            elif level == "departement":
                self._add(alias, self._entry(code, alias, "departement", code, True, "exact",
                                             1.0, "departement"))
            elif level == "national":
                self._add(alias, self._entry("FR", "France", "national", None, True,
                                             "exact" if alias == "France" else "alias", 1.0,
                                             "national"))


def _lengths(n: int, cutoff: float) -> range:
    """Lengths m for which ratio(a, b) = 2·matches / (n + m) can reach `cutoff`."""
    c = cutoff / 100
    return range(int(n * c / (2 - c)), int(n * (2 - c) / c) + 1)


def _near(buckets: dict[int, list[str]], n: int, cutoff: float) -> list[str]:
    return [k for m in _lengths(n, cutoff) for k in buckets.get(m, ())]


@lru_cache(maxsize=1)
def _aliases() -> tuple[tuple[str, str, str, str], ...]:
    path = config.REFERENCE_DIR / "aliases.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    bad = [r["alias"] for r in rows if r["level"] not in LEVELS]
    if bad:
        raise ValueError(f"aliases.csv : niveau inconnu pour {bad}")
    return tuple((r["alias"], r["code"], r["level"], r["source"]) for r in rows)


def gazetteer(dep: str | None = None) -> Gazetteer:
    """The département's gazetteer (default: the setting), built once per process."""
    return _gazetteer(dep or config.departement())


@lru_cache(maxsize=8)
def _gazetteer(dep: str) -> Gazetteer:
    return NationalGazetteer(dep) if dep == config.NATIONAL else Gazetteer(dep)


_DEP_HINT = re.compile(r"\((\d[\dab]\d?)\)\s*$|\b(\d{5})\b", re.I)


def _departement_hint(name: str) -> str | None:
    """Département named in the query: "Montreuil (93)", "59000 Lille"."""
    match = _DEP_HINT.search(name) if any(c.isdigit() for c in name) else None
    if not match:
        return None
    if match.group(1):
        return match.group(1).upper()
    postcode = match.group(2)
    return postcode[:3] if postcode.startswith("97") else postcode[:2]


# Memo tables, bounded: raw query → Resolution (the fast path, one dict lookup for a
# repeated name) and normalized name → template (spellings of one name share work).
_MEMO_LIMIT = 200_000
_raw_memo: dict[tuple[str, str], Resolution] = {}
_norm_memo: dict[tuple[str, str], Resolution | None] = {}


def _remember(memo: dict, key, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _template(norm: str, hint: str | None, dep: str) -> Resolution | None:
    gaz = gazetteer(dep)
    if hint and hint != dep and (norm, hint) in gaz.by_departement:
        # an explicit other département wins over the current one: "Annay (58)"
        code, nom = gaz.by_departement[(norm, hint)]
        return Resolution("", code, nom, "commune", hint, dep == config.NATIONAL, "exact",
                          0.95)
    nkey = (norm, dep)
    if nkey in _norm_memo:
        return _norm_memo[nkey]
    return _remember(_norm_memo, nkey, gaz.lookup(norm) if norm else None)


def resolve_offline(name: str, dep: str) -> Resolution:
    """The gazetteer's answer for `name` in département `dep` (memoised)."""
    hit = _raw_memo.get((name, dep))
    if hit is not None:
        return hit
    template = _template(normalize(name), _departement_hint(name), dep)
    result = unresolved(name) if template is None else dataclasses.replace(template, query=name)
    return _remember(_raw_memo, (name, dep), result)


def clear_cache() -> None:
    _raw_memo.clear()
    _norm_memo.clear()
    _gazetteer.cache_clear()
    _aliases.cache_clear()
