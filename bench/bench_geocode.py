"""Offline geocoding: indexed resolution against brute-force fuzzy matching, and mentions.

- `geocode_resolve`: names/s over 100 000 names (10 000 quick) drawn from the
  département's commune names, their variants (capitals, no accents, "St-",
  postcodes, usual names), misspellings, repeats and misses; memo caches are
  emptied first, so first sightings (including fuzzy misses) are in the figure.
  Baseline: rapidfuzz `process.extractOne` (WRatio) of each name over all the
  département's names, measured on a smaller sample in the same run.
- `geocode_find_places`: ms per bundled press release; baseline: one regex
  per commune name searched over the text.
"""
from __future__ import annotations

import random
import re
import time
from pathlib import Path

from rapidfuzz import process, utils

import config
from bench.timing import best_of, result
from geo import geocode, offline, reference
from geo.mentions import find_places
from geo.normalize import fold

DEP = "62"


def _variants(nom: str, rng: random.Random) -> list[str]:
    plain = fold(nom)
    out = [nom, nom.upper(), plain, nom.replace("-", " "), f"{nom} ({DEP})",
           f"{DEP}000 {nom}", nom.replace("Saint-", "St-").replace("Sainte-", "Ste-")]
    if len(nom) > 6:  # a typo: one letter dropped
        k = rng.randrange(1, len(nom) - 1)
        out.append(nom[:k] + nom[k + 1:])
    return out


def names_pool(rng: random.Random) -> list[str]:
    noms = list(reference.communes(DEP)["nom"])
    pool = [v for nom in noms for v in _variants(nom, rng)]
    pool += ["Le Touquet", "Annay-sous-Lens", "dans le calaisis", "bassin minier",
             "Pas-de-Calais", "Clamart", "Paris", "Rennes", "CA de Lens-Liévin"]
    letters = "abcdefghijklmnopqrstuvwxyz"
    misses = ["".join(rng.choice(letters) for _ in range(rng.randint(6, 14))).capitalize()
              for _ in range(len(pool) // 10)]
    return pool + misses


def _sample(n: int) -> list[str]:
    rng = random.Random(42)
    pool = names_pool(rng)
    # Zipf-like repeats: a few names come back often, as in a stream of releases.
    weights = [1 / (i + 1) ** 0.6 for i in range(len(pool))]
    rng.shuffle(pool)
    return rng.choices(pool, weights=weights, k=n)


def _resolve_all(sample: list[str]) -> float:
    offline._raw_memo.clear()
    offline._norm_memo.clear()
    resolve = geocode.resolve
    start = time.perf_counter()
    for name in sample:
        resolve(name, DEP)
    return time.perf_counter() - start


def _brute_force(sample: list[str], choices: list[str]) -> float:
    start = time.perf_counter()
    for name in sample:
        process.extractOne(name, choices, processor=utils.default_process, score_cutoff=80)
    return time.perf_counter() - start


def _releases() -> list[str]:
    return [p.read_text(encoding="utf-8")
            for p in sorted(Path(config.PRESS_RELEASES_DIR).glob("*.txt"))]


def _naive_find(text: str, patterns: list[re.Pattern]) -> list:
    return [m.span() for p in patterns for m in p.finditer(text)]


def run(quick: bool) -> list[dict]:
    n = 10_000 if quick else 100_000
    n_base = 200 if quick else 1_000
    start = time.perf_counter()
    geocode.clear_cache()
    geocode.gazetteer(DEP)
    build_ms = (time.perf_counter() - start) * 1000

    sample = _sample(n)
    cold = _resolve_all(sample)
    warm_start = time.perf_counter()
    for name in sample:
        geocode.resolve(name, DEP)
    warm = time.perf_counter() - warm_start
    choices = list(reference.communes(DEP)["nom"]) + [
        a for a, code, level, _ in offline._aliases() if code.startswith(DEP)]
    base = _brute_force(sample[:n_base], choices)
    speed, base_speed = n / cold, n_base / base

    texts = _releases()
    find_places(texts[0], DEP)  # builds the token trie once
    repeat = 3 if quick else 10
    per_release = best_of(lambda: [find_places(t, DEP) for t in texts], repeat) / len(texts)
    patterns = [re.compile(r"\b" + re.escape(nom) + r"\b")
                for nom in reference.communes(DEP)["nom"]]
    naive = best_of(lambda: [_naive_find(t, patterns) for t in texts], repeat) / len(texts)
    resolved = sum(geocode.resolve(s, DEP).code is not None for s in set(sample))
    return [
        result("geocode_gazetteer_build", build_ms, "ms", 1),
        result("geocode_resolve", speed, "names/s", n, baseline=base_speed,
               higher_is_better=True, distinct=len(set(sample)),
               resolved_share=round(resolved / len(set(sample)), 3)),
        result("geocode_resolve_warm", n / warm, "names/s", n, baseline=base_speed,
               higher_is_better=True),
        result("geocode_find_places", per_release * 1000, "ms/release", len(texts) * repeat,
               baseline=naive * 1000,
               chars=round(sum(map(len, texts)) / len(texts))),
    ]
