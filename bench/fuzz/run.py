"""Run the cases (in worker processes or in this one), count and print the summary."""
from __future__ import annotations

import multiprocessing
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from bench.fuzz import harness
from bench.fuzz.cases import FAMILIES, case

DEFAULT_CASES = 10_000
DEFAULT_SEED = 20200430
PROGRESS_EVERY = 1_000
SHOWN = 5            # failures printed in full at the end


@dataclass
class Summary:
    seed: int
    cases: int = 0
    tracebacks: int = 0
    store_changes: int = 0
    others: int = 0                     # failures without traceback (markup, slow…)
    slow: int = 0
    slowest: tuple[float, str, int] = (0.0, "", -1)            # seconds, family, index
    slowest_export: tuple[float, str, int] = (0.0, "", -1)     # seconds, export, index
    families: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    exports: Counter = field(default_factory=Counter)
    failures: list[harness.Result] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def add(self, r: harness.Result) -> None:
        self.cases += 1
        self.tracebacks += r.tracebacks
        self.store_changes += r.store_changes
        self.slow += any(what == "lent" for what, _ in r.failures)
        self.others += sum(1 for what, _ in r.failures if what not in ("lent", "base modifiée"))
        self.others -= r.tracebacks
        self.families[r.family][r.outcome] += 1
        self.exports.update(name for name, _ in r.exports)
        if r.seconds > self.slowest[0]:
            self.slowest = (r.seconds, r.family, r.index)
        for name, seconds in r.exports:
            if seconds > self.slowest_export[0]:
                self.slowest_export = (seconds, name, r.index)
        if r.failures:
            self.failures.append(r)

    def lines(self, workers: int, keep: Path | None) -> list[str]:
        seconds, family, index = self.slowest
        minutes, rest = divmod(round(self.seconds), 60)
        out = [f"cas : {self.cases}",
               f"tracebacks : {self.tracebacks}",
               f"modifications de la base après un échec : {self.store_changes}",
               f"cas le plus lent : {seconds:.1f} s ({family})",
               f"export le plus lent : {self.slowest_export[0]:.1f} s "
               f"({self.slowest_export[1]})",
               f"cas de plus de {harness.SLOW:.0f} s : {self.slow}",
               f"autres défauts : {self.others}",
               f"durée : {minutes} min {rest:02d} s, {max(workers, 1)} processus, "
               f"graine {self.seed}",
               f"exports construits : {sum(self.exports.values())} ("
               + ", ".join(f"{k} {v}" for k, v in sorted(self.exports.items())) + ")",
               f"{'famille':<20} {'cas':>6} {'acceptés':>9} {'refusés':>8} {'échecs':>7}"]
        for name in sorted(self.families):
            c = self.families[name]
            out.append(f"{name:<20} {sum(c.values()):>6} {c['ok']:>9} {c['refusé']:>8} "
                       f"{c['échec']:>7}")
        for r in sorted(self.failures, key=lambda r: r.index)[:SHOWN]:
            out.append(f"--- échec : cas {r.index} ({r.family}, {r.mode}, {r.seconds:.1f} s)")
            out.extend(f"[{what}] {detail.rstrip()}" for what, detail in r.failures)
        if self.failures:
            out.append(f"{len(self.failures)} cas en échec ; entrées et tracebacks dans {keep} ; "
                       f"rejouer : python -m bench.fuzz --seed {self.seed} --case "
                       f"{min(r.index for r in self.failures)}")
        return out


def chunks(n: int) -> list[list[int]]:
    """Blocks of `harness.RESET` indices: each starts from a fresh store."""
    return [list(range(start, min(start + harness.RESET, n)))
            for start in range(0, n, harness.RESET)]


def run(cases: int = DEFAULT_CASES, seed: int = DEFAULT_SEED, workers: int = 2,
        keep: str | Path | None = None, out: Callable[[str], None] | None = None,
        worker: harness.Worker | None = None) -> Summary:
    """Run `cases` cases; print progress and the summary through `out`."""
    keep = Path(keep) if keep else Path(tempfile.gettempdir()) / f"bench-fuzz-{seed}"
    out = out or (lambda line: print(line, flush=True))
    out(f"graine : {seed} ({cases} cas, {max(workers, 1)} processus ; "
        f"refaire : python -m bench.fuzz --seed {seed} --cases {cases})")
    summary = Summary(seed)
    start = time.perf_counter()
    next_progress = PROGRESS_EVERY

    def collect(results: list[harness.Result]) -> None:
        nonlocal next_progress
        for r in results:
            summary.add(r)
        while summary.cases >= next_progress:
            out(f"{summary.cases} cas, {summary.tracebacks} traceback(s), "
                f"{summary.store_changes} modification(s), {len(summary.failures)} échec(s), "
                f"{time.perf_counter() - start:.0f} s")
            next_progress += PROGRESS_EVERY

    if workers <= 0:
        w = worker or harness.Worker(seed, keep)
        try:
            for block in chunks(cases):
                collect([w.run(case(seed, i)) for i in block])
        finally:
            if worker is None:
                w.close()
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=harness.init,
                                 initargs=(seed, str(keep))) as pool:
            futures = [pool.submit(harness.run_chunk, seed, block) for block in chunks(cases)]
            for future in as_completed(futures):
                collect(future.result())
    summary.seconds = time.perf_counter() - start
    for line in summary.lines(workers, keep):
        out(line)
    return summary


def replay(seed: int, index: int) -> int:
    """Run case `index` after the cases before it in its block (same store state), in
    this process, and print what became of it."""
    w = harness.Worker(seed, None)
    try:
        first = index - index % harness.RESET
        for i in range(first, index):
            w.run(case(seed, i))
        c = case(seed, index)
        r = w.run(c)
    finally:
        w.close()
    print(f"cas {index} : famille {c.family}, mode {c.mode}, nom {c.name!r}, "
          f"{len(c.payload())} octets, correction {c.edit!r}, filtres {c.query!r}")
    print(f"entrée : {c.payload()[:300]!r}")
    print(f"résultat : {r.outcome} en {r.seconds:.1f} s {r.message!r} exports {r.exports}")
    for what, detail in r.failures:
        print(f"[{what}] {detail}")
    return 1 if r.failures else 0


__all__ = ["DEFAULT_CASES", "DEFAULT_SEED", "FAMILIES", "Summary", "chunks", "replay", "run"]
