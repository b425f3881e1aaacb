"""Extraction quality against the gold readings of tests/data/extraction/.

Parts: `bundled` (the five releases of data/press_releases, gold in
tests/data/extraction/bundled), `dev` (tests/data/extraction/dev) and `holdout`
(tests/data/extraction/holdout), the last one only when asked for:
`--holdout` here, or `BENCH_HOLDOUT=1 python -m bench extraction`.

    python -m bench extraction                       # JSON lines, through the harness
    python -m bench.bench_extraction [--holdout] [--verbose]   # readable tables

Metrics per part, micro-averaged over texts (see bench/extraction_score.py):
actor, commune, quantity (value + kind), quantity value, traps counted, passing
places taken, and the mean time of read + extract per text.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import config
from bench import extraction_score as sc
from bench.timing import result
from initiatives.extract import extract
from initiatives.ingest import read_release

CORPUS_DIR = config.ROOT / "tests" / "data" / "extraction"
# Each hold-out (holdout, holdout2, …) was written after the previous one had been
# scored and read; a hold-out nobody has read holds an `UNREAD` file, and when none
# does, the newest is the unread one (a later one may be written, scored and read
# while an earlier one is kept aside as the next judge).
HOLDOUTS = tuple(sorted((p.name for p in CORPUS_DIR.glob("holdout*") if p.is_dir()),
                        key=lambda name: (len(name), name)))
UNREAD = {p.parent.name for p in CORPUS_DIR.glob("holdout*/UNREAD")} or \
    ({HOLDOUTS[-1]} if HOLDOUTS else set())
PARTS = ("bundled", "dev", *HOLDOUTS)


@dataclass
class Case:
    name: str
    text: Path
    gold: sc.Gold


@dataclass
class PartRun:
    part: str
    scores: list[sc.TextScore] = field(default_factory=list)
    times_ms: list[float] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)   # (text, message)
    skipped: list[str] = field(default_factory=list)              # gold without text

    @property
    def total(self) -> sc.PartScore:
        return sc.aggregate(self.scores)

    @property
    def mean_ms(self) -> float:
        return sum(self.times_ms) / len(self.times_ms) if self.times_ms else 0.0


def cases(part: str, corpus: Path = CORPUS_DIR) -> tuple[list[Case], list[str]]:
    """(cases of the part, gold files skipped because their text is missing).

    Bundled gold names its release in `"source"`; other parts keep `NAME.txt`
    next to `NAME.json`.
    """
    found, skipped = [], []
    for path in sorted((corpus / part).glob("*.json")):
        data = sc.load_gold(path)
        if part == "bundled":
            text = config.PRESS_RELEASES_DIR / data.get("source", "")
        else:
            text = path.with_suffix(".txt")
        if not text.is_file():
            skipped.append(path.name)
            continue
        found.append(Case(path.stem, text, sc.gold_from_dict(data)))
    return found, skipped


def _extract(path: Path):
    return extract(read_release(path))


def run_part(part: str, corpus: Path = CORPUS_DIR) -> PartRun:
    found, skipped = cases(part, corpus)
    out = PartRun(part, skipped=skipped)
    for case in found:
        start = time.perf_counter()
        try:
            initiatives = _extract(case.text)
        except Exception as exc:  # noqa: BLE001 - a crash on one text scores as an empty reading
            out.errors.append((case.name, f"{type(exc).__name__}: {exc}"))
            traceback.print_exc(file=sys.stderr)
            initiatives = []
        out.times_ms.append((time.perf_counter() - start) * 1000)
        out.scores.append(sc.score_text(case.name, case.gold,
                                         sc.reading_from_initiatives(initiatives)))
    return out


def _warm_up() -> None:
    """Load the gazetteer and any model once, outside the timed calls."""
    first = sorted(config.PRESS_RELEASES_DIR.glob("*.txt"))
    if first:
        try:
            _extract(first[0])
        except Exception:  # noqa: BLE001, S110 - the timed runs report the error per text
            pass


def selected_parts(holdout: bool) -> list[str]:
    return [p for p in PARTS if p not in HOLDOUTS or holdout]


def run_parts(holdout: bool) -> list[PartRun]:
    _warm_up()
    return [run_part(p) for p in selected_parts(holdout)]


# ---------------------------------------------------------------------- harness

METRICS = (("actor", "actors"), ("commune", "communes"),
           ("quantity", "quantities"), ("quantity_value", "values"))


def metrics(run: PartRun) -> list[dict]:
    """JSON lines of one part; none for a part without texts (no 1.0 out of nothing)."""
    total, n = run.total, len(run.scores)
    out = []
    if not n:
        return out
    for label, attr in METRICS:
        c: sc.Counts = getattr(total, attr)
        counts = {"tp": c.tp, "fp": c.fp, "fn": c.fn}
        for measure, value in (("precision", c.precision), ("recall", c.recall)):
            out.append(result(f"extraction_{run.part}_{label}_{measure}", value, "ratio", n,
                              **counts))
    out.append(result(f"extraction_{run.part}_traps_counted", total.traps, "count", n))
    out.append(result(f"extraction_{run.part}_passing_places_taken", total.passing, "count", n,
                      passing_places=total.passing_total))
    out.append(result(f"extraction_{run.part}_read_extract_ms", run.mean_ms, "ms", n,
                      errors=len(run.errors)))
    return out


def run(quick: bool) -> list[dict]:
    holdout = os.environ.get("BENCH_HOLDOUT", "") not in ("", "0")
    return [m for part in run_parts(holdout) for m in metrics(part)]


# ------------------------------------------------------------------------ print

def _fmt(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{int(value)}"


def _qty(q: sc.Qty) -> str:
    item = f" {q.item}" if q.item else ""
    return f"{_fmt(q.value)}{item} ({q.kind})"


def report(run: PartRun, verbose: bool = False) -> str:
    """Table of one part. An unread hold-out (`UNREAD`) shows totals only: its texts
    are not to be read while tuning, so neither are its misses. Older hold-outs have
    been read once scored, and show their details like `dev`."""
    total = run.total
    details = run.part not in UNREAD
    lines = [f"== {run.part}: {len(run.scores)} textes, read+extract {run.mean_ms:.1f} ms/texte =="]
    if run.skipped:
        lines.append(f"   (gold sans texte, ignoré : {', '.join(run.skipped)})")
    if not run.scores:
        lines.append("   aucun texte")
        return "\n".join(lines)
    lines.append(f"   {'metric':<24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for label, attr in (("actor", "actors"), ("commune", "communes"),
                        ("quantity (value+kind)", "quantities"),
                        ("quantity (value only)", "values")):
        c: sc.Counts = getattr(total, attr)
        lines.append(f"   {label:<24}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                     f"{c.tp:>6}{c.fp:>6}{c.fn:>6}")
    lines.append(f"   traps counted: {total.traps}")
    for s in run.scores if details else []:
        for value, why, kind in s.traps:
            lines.append(f"     {s.name}: {_fmt(value)} ({why}) extracted as {kind}")
    lines.append(f"   passing places taken: {total.passing} / {total.passing_total}")
    for s in run.scores if details else []:
        if s.passing:
            lines.append(f"     {s.name}: {', '.join(s.passing)}")
    for name, message in run.errors:
        lines.append(f"   ERROR {name}: {message if details else message.split(':')[0]}")
    if verbose:
        lines.extend(_confusion_lines(total.confusion))
        if details:
            for s in run.scores:
                lines.extend(_text_lines(s))
        else:
            lines.append("   (holdout : pas de détail par texte)")
    return "\n".join(lines)


def _confusion_lines(confusion: Counter) -> list[str]:
    lines = ["   kind confusion (gold → extracted, value-matched):"]
    if not confusion:
        return lines + ["     (none)"]
    gold_kinds = sorted({g for g, _ in confusion}, key=_kind_order)
    ext_kinds = sorted({e for _, e in confusion}, key=_kind_order)
    width = max(len(k) for k in ext_kinds + gold_kinds + ["gold \\ ext"]) + 2
    lines.append("     " + "gold \\ ext".ljust(width) + "".join(k.rjust(width) for k in ext_kinds))
    for g in gold_kinds:
        cells = "".join(str(confusion.get((g, e), "") or ".").rjust(width) for e in ext_kinds)
        lines.append("     " + g.ljust(width) + cells)
    return lines


def _kind_order(kind: str) -> tuple[int, str]:
    return (sc.KINDS.index(kind) if kind in sc.KINDS else len(sc.KINDS), kind)


def _text_lines(s: sc.TextScore) -> list[str]:
    head = (f"   -- {s.name}: actor {s.actors.tp}/{s.actors.tp + s.actors.fn}, "
            f"commune {s.communes.tp}/{s.communes.tp + s.communes.fn}, "
            f"quantity {s.quantities.tp}/{s.quantities.tp + s.quantities.fn}")
    lines = [head]
    for label, items in (("missed actors", s.missed_actors), ("extra actors", s.extra_actors),
                         ("missed communes", s.missed_communes),
                         ("extra communes", s.extra_communes),
                         ("missed quantities", [_qty(q) for q in s.missed_quantities]),
                         ("extra quantities", [_qty(q) for q in s.extra_quantities])):
        if items:
            lines.append(f"      {label}: " + "; ".join(items))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_extraction")
    parser.add_argument("--holdout", action="store_true",
                        help="évaluer aussi la partie holdout (à la fin seulement)")
    parser.add_argument("--verbose", action="store_true",
                        help="confusion des types, oublis et faux positifs par texte")
    args = parser.parse_args(argv)
    holdout = args.holdout or os.environ.get("BENCH_HOLDOUT", "") not in ("", "0")
    for part in run_parts(holdout):
        print(report(part, args.verbose))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
