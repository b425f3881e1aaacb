"""Command line: `python -m initiatives extract|ingest|totals ...`, JSON on stdout.

Errors go to stderr in French with a non-zero exit. `ingest` is atomic per file:
every good file is ingested in its own transaction, a bad file changes nothing and
is listed in `errors` (exit 1). To add a command, write `run_x(args) -> int` and
one `_add_command` line in `build_parser`.
"""
from __future__ import annotations

import argparse
import json
import sys

import config
from geo.levels import LEVELS
from initiatives import importing
from initiatives.coverage import gaps
from initiatives.figure_sources import json_default
from initiatives.metrics import totals
from initiatives.model import CATEGORIES, Initiative
from initiatives.store import StoreError, open_store

EXIT_OK, EXIT_INPUT = 0, 1


def _num(value):
    return int(value) if float(value).is_integer() else value


def _print(data, **kw) -> None:
    print(json.dumps(data, ensure_ascii=False, default=json_default, **kw))


def _error(message: str) -> None:
    print(message, file=sys.stderr)


def _read(path: str) -> importing.Parsed:
    """Read one file as the Import page does; raises ValueError with a French message."""
    parsed = importing.read_file(path)
    if parsed.found_nothing:
        raise ValueError(f"{path} : {importing.NO_INITIATIVE}.")
    if parsed.error:
        raise ValueError(f"{path} : {parsed.error}")
    return parsed


def initiative_line(ini: Initiative) -> dict:
    return {"release": ini.release_id, "actor": ini.actor, "actor_type": ini.actor_type,
            "category": ini.category,
            "places": [{"query": p.query, "code": p.code, "level": p.level,
                        "inside": p.inside} for p in ini.places],
            "quantities": [{"item": q.item, "value": _num(q.value), "unit": q.unit,
                            "kind": q.kind, "approx": q.approx, "reason": q.reason}
                           for q in ini.quantities],
            "contacts": list(ini.contacts), "excerpt": ini.excerpt}


def _open(args):
    seed = None if args.no_seed else (args.seed or config.SEED_PATH)
    return open_store(args.db, seed=seed)


def run_extract(args) -> int:
    status = EXIT_OK
    for path in args.files:
        try:
            parsed = _read(path)
        except ValueError as exc:
            _error(str(exc))
            status = EXIT_INPUT
            continue
        for ini in parsed.initiatives:
            _print(initiative_line(ini))
    return status


def run_ingest(args) -> int:
    read, errors = [], []
    for path in args.files:
        try:
            read.append((path, _read(path)))
        except ValueError as exc:
            errors.append({"file": path, "error": str(exc)})
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    files = []
    if read:  # open (and create) the store only when there is something to write
        store = _open(args)
        for path, parsed in read:
            try:
                result = importing.ingest(store, parsed)  # one transaction per file
            except StoreError as exc:
                errors.append({"file": path, "error": f"{path} : {exc}"})
                continue
            files.append({"file": path, "release": parsed.release.id, **result})
            for k in counts:
                counts[k] += result[k]
    for e in errors:
        _error(e["error"])
    _print({**counts, "files": files, "errors": errors})
    return EXIT_INPUT if errors else EXIT_OK


def run_totals(args) -> int:
    _print(totals(_open(args)), indent=1)
    return EXIT_OK


def run_gaps(args) -> int:
    found = gaps(_open(args), category=args.category, level=args.level,
                 commune_only=args.commune_only)
    _print(found.to_dict(args.top or None), indent=1)
    return EXIT_OK


def _gaps_options(parser) -> None:
    parser.add_argument("--category", choices=CATEGORIES, metavar="CATÉGORIE",
                        help="une catégorie (défaut : toutes) : " + ", ".join(CATEGORIES))
    parser.add_argument("--level", choices=LEVELS, default="commune")
    parser.add_argument("--commune-only", action="store_true",
                        help="sans les initiatives annoncées pour tout un territoire")
    parser.add_argument("--top", type=int, default=20, metavar="N",
                        help="communes non couvertes listées (0 : toutes)")


def _store_options(parser, suppress: bool) -> None:
    # accepted before or after the command; SUPPRESS keeps the sub-parser from
    # overwriting a value given before the command
    default = {"default": argparse.SUPPRESS} if suppress else {}
    parser.add_argument("--db", metavar="CHEMIN", help="base SQLite, ou adresse "
                        "postgresql://… d'un serveur (défaut : INITIATIVES_DB ou "
                        "data/initiatives.sqlite)", **default)
    parser.add_argument("--seed", metavar="CHEMIN", help="jeu de données initial "
                        "chargé à la création de la base", **default)
    parser.add_argument("--no-seed", action="store_true",
                        help="créer la base vide, sans jeu de données initial", **default)


def _add_command(sub, name: str, help: str, run, configure=None) -> None:
    parser = sub.add_parser(name, help=help, description=help)
    _store_options(parser, suppress=True)
    if configure:
        configure(parser)
    parser.set_defaults(run=run)


def _files(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FICHIER",
                        help="communiqué de presse (texte ou PDF)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m initiatives",
        description="Initiatives solidaires : extraction des communiqués, base, totaux.")
    _store_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    _add_command(sub, "extract", "extraire les initiatives (une ligne JSON chacune)",
                 run_extract, _files)
    _add_command(sub, "ingest", "enregistrer les communiqués dans la base",
                 run_ingest, _files)
    _add_command(sub, "totals", "totaux des quantités dans le département", run_totals)
    _add_command(sub, "gaps", "communes, EPCI ou arrondissements sans initiative signalée",
                 run_gaps, _gaps_options)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except StoreError as exc:
        _error(str(exc))
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
