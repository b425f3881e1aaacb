"""`python -m bench [--quick] [--sizes 1000,10000] [NAME...]`: run every `bench/bench_*.py`, one JSON line each.

A benchmark module exposes `run(quick: bool) -> list[dict]`; each dict has
`name`, `value`, `unit`, `n`, and `baseline` + `ratio` when a naive way is
measured in the same run. `--quick` keeps the whole run under a minute.
"""
from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import traceback
from pathlib import Path

FIELDS = ("name", "value", "unit", "baseline", "ratio", "n")


def modules(selected: list[str]) -> list[str]:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if m.name.startswith("bench_"))
    return [n for n in names if not selected or any(s in n for s in selected)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="tailles réduites (< 1 min)")
    parser.add_argument("only", nargs="*", help="ne lancer que ces bancs (sous-chaîne du nom)")
    parser.add_argument("--sizes", default="",
                        help="tailles du banc scale, ex. 1000,10000,100000")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    failed = 0
    for name in modules(args.only):
        try:
            options = {"sizes": sizes} if sizes and name == "bench_scale" else {}
            results = importlib.import_module(f"bench.{name}").run(args.quick, **options)
        except Exception:  # one broken bench must not hide the others
            traceback.print_exc()
            failed += 1
            continue
        for result in results:
            line = {k: result.get(k) for k in FIELDS}
            line.update({k: v for k, v in result.items() if k not in FIELDS})
            print(json.dumps(line, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
