"""`python -m geo summary` and `python -m geo geocode NAME...`."""
from __future__ import annotations

import argparse
import json
import sys

from geo import reference
from geo.geocode import resolve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("summary", help="chiffres clés du département")
    geocode = sub.add_parser("geocode", help="résout des noms de lieux (une ligne JSON par nom)")
    geocode.add_argument("names", nargs="+", metavar="NOM", help="nom de lieu")
    geocode.add_argument("--departement", help="code du département (défaut : réglage)")
    args = parser.parse_args(argv)
    if args.command == "summary":
        print(json.dumps(reference.summary(), ensure_ascii=False))
    elif args.command == "geocode":
        for name in args.names:
            print(json.dumps(resolve(name, args.departement).to_dict(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
