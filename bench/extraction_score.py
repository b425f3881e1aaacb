"""Scoring of the extractor against the gold readings of tests/data/extraction/.

Pure functions: the only I/O here is loading a gold JSON file. The gold format is
described in tests/data/extraction/README.md. Each text is reduced to a
`Reading` (actors, commune codes, quantities) on both sides, then compared:

- actors: one-to-one greedy matching, `fuzz.token_set_ratio` of the normalised
  names >= 80 (`normalise_key`, after spelling out ’ and œ, a town's Mairie, Ville,
  Commune or Municipalité as one body, see `actor_key`);
- communes: the set of gold codes (union over the initiatives of the text) against
  the set of codes of extracted places whose level is "commune";
- quantities: multisets of (value rounded to 3 decimals, kind), and of values alone;
- traps: extracted quantities whose value is a gold trap of the text and no gold
  quantity value of the text;
- passing places: extracted commune codes listed in `passing_places`.

Counts add up over texts (micro-average).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from initiatives.model import normalise_key

KINDS = ("done", "target", "ordered", "needed", "per_day", "per_week",
         "beneficiaries", "volunteers")
TRAP_REASONS = ("date", "year", "time", "population", "per_unit", "price",
                "place_count", "age", "percent", "phone", "postcode", "national",
                "duration", "ordinal", "address")
GENRES = ("communique", "page_commune", "article_presse", "bulletin_epci",
          "lettre_maire", "post_association")
ACTOR_THRESHOLD = 80
# The corpus is about Pas-de-Calais (README): gold commune codes belong to it.
CORPUS_DEPARTEMENT = "62"


# --------------------------------------------------------------------- readings

@dataclass(frozen=True)
class Qty:
    value: float
    kind: str
    item: str = ""

    @property
    def key(self) -> tuple[float, str]:
        return (rounded(self.value), self.kind)


@dataclass
class Reading:
    """What one text says (gold) or what the extractor read from it."""
    actors: list[str] = field(default_factory=list)
    communes: set[str] = field(default_factory=set)
    quantities: list[Qty] = field(default_factory=list)


@dataclass
class Gold:
    reading: Reading
    traps: list[tuple[float, str]] = field(default_factory=list)   # (value, why)
    passing_places: set[str] = field(default_factory=set)


def rounded(value: float) -> float:
    return round(float(value), 3)


def load_gold(path: Path | str) -> dict:
    """The raw gold JSON of one text."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_from_dict(data: dict) -> Gold:
    initiatives = data.get("initiatives", [])
    reading = Reading(
        actors=[i["actor"] for i in initiatives],
        communes={c for i in initiatives for c in i.get("communes", [])},
        quantities=[Qty(q["value"], q["kind"], q.get("item", ""))
                    for i in initiatives for q in i.get("quantities", [])],
    )
    return Gold(reading=reading,
                traps=[(t["value"], t["why"]) for t in data.get("traps", [])],
                passing_places=set(data.get("passing_places", [])))


def reading_from_initiatives(initiatives: Iterable) -> Reading:
    """Reduce extracted `Initiative`s; relies only on actor, places, quantities."""
    reading = Reading()
    for ini in initiatives:
        reading.actors.append(ini.actor or "")
        for place in ini.places:
            if place.level == "commune" and place.code:
                reading.communes.add(str(place.code))
        for q in ini.quantities:
            reading.quantities.append(Qty(q.value, q.kind, getattr(q, "item", "") or ""))
    return reading


# ----------------------------------------------------------------------- counts

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was extracted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# ----------------------------------------------------------------------- actors

# normalise_key drops non-ASCII signs that have no decomposition: "d’Opale" would
# become one token "dopale" while "d'Opale" gives "d opale", and "cœur" "cur".
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "œ": "oe", "Œ": "OE",
                             "æ": "ae", "Æ": "AE"})


# A town's own body is one, whichever word names it: "Mairie d'Embry", "Ville d'Embry",
# "Commune d'Embry" and "Municipalité d'Embry" are the commune of Embry.
_TOWN_BODY = re.compile(r"^(?:ville|commune|mairie|municipalite)\b")


def actor_key(name: str) -> str:
    """`normalise_key` of the name, typographic apostrophes and ligatures spelled out,
    a town's own body named one way (`_TOWN_BODY`)."""
    return _TOWN_BODY.sub("commune", normalise_key((name or "").translate(_TYPOGRAPHY)))


def actor_similarity(a: str, b: str) -> float:
    return fuzz.token_set_ratio(actor_key(a), actor_key(b))


def match_actors(gold: list[str], extracted: list[str],
                 threshold: float = ACTOR_THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching: best-scoring pairs first, each side used once.

    Returns (gold index, extracted index, score) for every matched pair.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for ei, e in enumerate(extracted):
            score = actor_similarity(g, e)
            if score >= threshold:
                candidates.append((-score, gi, ei))
    candidates.sort()
    used_g, used_e, pairs = set(), set(), []
    for neg, gi, ei in candidates:
        if gi in used_g or ei in used_e:
            continue
        used_g.add(gi)
        used_e.add(ei)
        pairs.append((gi, ei, -neg))
    return sorted(pairs)


def score_actors(gold: list[str], extracted: list[str],
                 threshold: float = ACTOR_THRESHOLD) -> Counts:
    tp = len(match_actors(gold, extracted, threshold))
    return Counts(tp, len(extracted) - tp, len(gold) - tp)


# --------------------------------------------------------------------- communes

def score_communes(gold: set[str], extracted: set[str]) -> Counts:
    gold, extracted = set(gold), set(extracted)
    tp = len(gold & extracted)
    return Counts(tp, len(extracted - gold), len(gold - extracted))


# ------------------------------------------------------------------- quantities

def _multiset_counts(gold: Counter, extracted: Counter) -> Counts:
    tp = sum((gold & extracted).values())
    return Counts(tp, sum(extracted.values()) - tp, sum(gold.values()) - tp)


def score_quantities(gold: list[Qty], extracted: list[Qty]) -> Counts:
    """Multiset of (value rounded to 3 decimals, kind)."""
    return _multiset_counts(Counter(q.key for q in gold), Counter(q.key for q in extracted))


def score_values(gold: list[Qty], extracted: list[Qty]) -> Counts:
    """Multiset of values alone: a kind error still counts as found."""
    return _multiset_counts(Counter(rounded(q.value) for q in gold),
                            Counter(rounded(q.value) for q in extracted))


def quantity_differences(gold: list[Qty], extracted: list[Qty]) -> tuple[list[Qty], list[Qty]]:
    """(gold quantities not extracted, extracted quantities not in gold), on value+kind."""
    return _unmatched(gold, extracted), _unmatched(extracted, gold)


def _unmatched(these: list[Qty], others: list[Qty]) -> list[Qty]:
    """The quantities of `these` left once each one of `others` has taken its match."""
    left = Counter(q.key for q in others)
    out = []
    for q in these:
        if left[q.key]:
            left[q.key] -= 1
        else:
            out.append(q)
    return out


def kind_confusion(gold: list[Qty], extracted: list[Qty]) -> Counter:
    """Counter of (gold kind, extracted kind) over value-matched quantities.

    For each value, equal kinds are paired first, then the rest in sorted order.
    """
    by_value_g: dict[float, list[str]] = {}
    by_value_e: dict[float, list[str]] = {}
    for q in gold:
        by_value_g.setdefault(rounded(q.value), []).append(q.kind)
    for q in extracted:
        by_value_e.setdefault(rounded(q.value), []).append(q.kind)
    confusion: Counter = Counter()
    for value, g_kinds in by_value_g.items():
        g, e = Counter(g_kinds), Counter(by_value_e.get(value, []))
        same = g & e
        for kind, n in same.items():
            confusion[(kind, kind)] += n
        rest_g = sorted((g - same).elements())
        rest_e = sorted((e - same).elements())
        for gk, ek in zip(rest_g, rest_e):
            confusion[(gk, ek)] += 1
    return confusion


def traps_counted(gold: Gold, extracted: list[Qty]) -> list[tuple[float, str, str]]:
    """(value, why, extracted kind) of each extracted quantity that is a trap.

    A trap value that is also a gold quantity value of the text is not counted.
    """
    gold_values = {rounded(q.value) for q in gold.reading.quantities}
    reasons: dict[float, str] = {}
    for value, why in gold.traps:
        reasons.setdefault(rounded(value), why)
    return [(q.value, reasons[rounded(q.value)], q.kind) for q in extracted
            if rounded(q.value) in reasons and rounded(q.value) not in gold_values]


def passing_taken(gold: Gold, extracted_communes: set[str]) -> list[str]:
    """Extracted commune codes that the text names only in passing."""
    return sorted(set(extracted_communes) & gold.passing_places)


# --------------------------------------------------------------------- per text

@dataclass
class TextScore:
    name: str
    actors: Counts
    communes: Counts
    quantities: Counts
    values: Counts
    traps: list[tuple[float, str, str]]
    passing: list[str]
    passing_total: int
    confusion: Counter
    missed_actors: list[str]
    extra_actors: list[str]
    missed_communes: list[str]
    extra_communes: list[str]
    missed_quantities: list[Qty]
    extra_quantities: list[Qty]


def score_text(name: str, gold: Gold, extracted: Reading) -> TextScore:
    g = gold.reading
    pairs = match_actors(g.actors, extracted.actors)
    matched_g = {gi for gi, _, _ in pairs}
    matched_e = {ei for _, ei, _ in pairs}
    missed_q, extra_q = quantity_differences(g.quantities, extracted.quantities)
    return TextScore(
        name=name,
        actors=Counts(len(pairs), len(extracted.actors) - len(pairs), len(g.actors) - len(pairs)),
        communes=score_communes(g.communes, extracted.communes),
        quantities=score_quantities(g.quantities, extracted.quantities),
        values=score_values(g.quantities, extracted.quantities),
        traps=traps_counted(gold, extracted.quantities),
        passing=passing_taken(gold, extracted.communes),
        passing_total=len(gold.passing_places),
        confusion=kind_confusion(g.quantities, extracted.quantities),
        missed_actors=[a for i, a in enumerate(g.actors) if i not in matched_g],
        extra_actors=[a for i, a in enumerate(extracted.actors) if i not in matched_e],
        missed_communes=sorted(g.communes - extracted.communes),
        extra_communes=sorted(extracted.communes - g.communes),
        missed_quantities=missed_q,
        extra_quantities=extra_q,
    )


@dataclass
class PartScore:
    texts: int
    actors: Counts
    communes: Counts
    quantities: Counts
    values: Counts
    traps: int
    passing: int
    passing_total: int
    confusion: Counter


def aggregate(scores: list[TextScore]) -> PartScore:
    """Micro-average: counts summed over the texts."""
    total = PartScore(len(scores), Counts(), Counts(), Counts(), Counts(), 0, 0, 0, Counter())
    for s in scores:
        total.actors += s.actors
        total.communes += s.communes
        total.quantities += s.quantities
        total.values += s.values
        total.traps += len(s.traps)
        total.passing += len(s.passing)
        total.passing_total += s.passing_total
        total.confusion += s.confusion
    return total


# ------------------------------------------------------------------- validation

def validate_gold(data: dict, communes: set[str]) -> list[str]:
    """Problems in one gold reading (empty when valid).

    `communes` is the set of commune codes gold may use (type COM of the corpus
    département).
    """
    errors: list[str] = []
    for key in ("genre", "initiatives", "traps", "passing_places"):
        if key not in data:
            errors.append(f"missing key {key!r}")
    if data.get("genre") not in GENRES:
        errors.append(f"unknown genre {data.get('genre')!r}")

    def number(v) -> bool:
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    for n, ini in enumerate(data.get("initiatives", []) or []):
        where = f"initiative {n}"
        if not isinstance(ini, dict):
            errors.append(f"{where}: not an object")
            continue
        for key in ("actor", "communes", "quantities"):
            if key not in ini:
                errors.append(f"{where}: missing key {key!r}")
        if not isinstance(ini.get("actor"), str) or not ini.get("actor", "").strip():
            errors.append(f"{where}: empty actor")
        for code in ini.get("communes", []) or []:
            if code not in communes:
                errors.append(f"{where}: commune {code!r} not in the département")
        for q in ini.get("quantities", []) or []:
            if not isinstance(q, dict) or not {"item", "value", "kind"} <= set(q):
                errors.append(f"{where}: quantity {q!r} needs item, value, kind")
                continue
            if not number(q["value"]):
                errors.append(f"{where}: value {q['value']!r} is not a number")
            if q["kind"] not in KINDS:
                errors.append(f"{where}: kind {q['kind']!r} not allowed")
    for t in data.get("traps", []) or []:
        if not isinstance(t, dict) or not {"value", "why"} <= set(t):
            errors.append(f"trap {t!r} needs value and why")
            continue
        if not number(t["value"]):
            errors.append(f"trap value {t['value']!r} is not a number")
        if t["why"] not in TRAP_REASONS:
            errors.append(f"trap why {t['why']!r} not allowed")
    for code in data.get("passing_places", []) or []:
        if code not in communes:
            errors.append(f"passing place {code!r} not in the département")
    return errors
