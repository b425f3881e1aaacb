"""Command line of the fuzz harness: see `bench.fuzz` (the package's docstring)."""
from __future__ import annotations

import argparse
import sys

from bench.fuzz.run import DEFAULT_CASES, DEFAULT_SEED, replay, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz",
                                     description="Entrées hostiles dans toute l'application.")
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="nombre de cas")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="graine")
    parser.add_argument("--workers", type=int, default=2,
                        help="processus (0 : tout dans ce processus)")
    parser.add_argument("--keep", default=None,
                        help="dossier des entrées en échec (défaut : un dossier temporaire)")
    parser.add_argument("--case", type=int, default=None,
                        help="rejouer ce cas seul (avec les cas qui le précèdent dans son bloc)")
    args = parser.parse_args(argv)
    if args.case is not None:
        return replay(args.seed, args.case)
    summary = run(args.cases, args.seed, args.workers, args.keep)
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
