"""Small timing helpers shared by the benchmarks."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `fn` in seconds over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def result(name: str, value: float, unit: str, n: int, baseline: float | None = None,
           higher_is_better: bool = False, **extra) -> dict:
    out = {"name": name, "value": round(value, 4), "unit": unit, "n": n}
    if baseline is not None:
        out["baseline"] = round(baseline, 4)
        ratio = value / baseline if higher_is_better else baseline / value
        out["ratio"] = round(ratio, 2)
    out.update(extra)
    return out
