"""Command line: `python -m report briefing|export|map|chart --out FILE [filtres]`.

Bad arguments get a French message on stderr and exit 2, and no file is written;
a file is written whole or not at all (temp file in the same folder, then
os.replace). `--out` may be a folder: the file then gets its standard name
(`pas-de-calais-solidaire_<objet>_<AAAAMMJJ>.<ext>`).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import config
from geo import reference
from geo.levels import LEVELS
from initiatives.filters import DEFAULT_STATUSES, INSIDE_PARAMS, Filters
from initiatives.model import ACTOR_TYPES, CATEGORIES, STATUSES
from initiatives.store import open_store
from report import briefing, chart_export, export_data, naming, sources, static_map

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
INSIDE = {v: k for k, v in INSIDE_PARAMS.items()}  # tous, dedans, dehors


class UsageError(ValueError):
    """A bad argument; the message is French."""


class Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own messages are English: say it in French
        raise UsageError(f"arguments invalides ({message}). Aide : {self.prog} --help")


def _filters_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filtres (comme dans la barre latérale)")
    g.add_argument("--category", action="append", default=[], metavar="CATÉGORIE",
                   help="catégorie (répétable) : " + ", ".join(CATEGORIES))
    g.add_argument("--arrondissement", action="append", default=[], metavar="CODE",
                   help="code INSEE d'arrondissement (répétable), ex. 627")
    g.add_argument("--release", action="append", default=[], metavar="ID",
                   help="identifiant de communiqué (répétable), ex. 2020-04-30-n7")
    g.add_argument("--status", action="append", default=[], metavar="STATUT",
                   help="statut (répétable) : " + ", ".join(STATUSES) + " ou tous "
                        "(défaut : extrait et vérifié)")
    g.add_argument("--actor-type", action="append", default=[], metavar="TYPE",
                   help="type d'acteur (répétable) : " + ", ".join(ACTOR_TYPES))
    g.add_argument("--inside", default="tous", metavar="LIEU",
                   help="tous, dedans (dans le département) ou dehors")
    g.add_argument("--from", dest="date_from", metavar="AAAA-MM-JJ", help="depuis cette date")
    g.add_argument("--to", dest="date_to", metavar="AAAA-MM-JJ", help="jusqu'à cette date")
    g.add_argument("--search", default="", metavar="TEXTE", help="recherche dans le texte")
    p.add_argument("--db", help="base des initiatives (défaut : INITIATIVES_DB)")


def _check(values: list[str], allowed, what: str) -> tuple[str, ...]:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise UsageError(f"{what} inconnu(e) : {', '.join(bad)}. Valeurs admises : "
                         + ", ".join(allowed) + ".")
    return tuple(dict.fromkeys(values))


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} invalide : « {text} » (format AAAA-MM-JJ).") from None


def filters_of(args, store, dep: str) -> Filters:
    """The filters of the command line, checked: an unknown value is an error, not ignored."""
    statuses = DEFAULT_STATUSES
    if args.status:
        statuses = () if "tous" in args.status else _check(args.status, STATUSES, "Statut")
    if args.inside not in INSIDE:
        raise UsageError(f"Lieu inconnu : {args.inside} (tous, dedans ou dehors).")
    low, high = _day(args.date_from, "Date de début"), _day(args.date_to, "Date de fin")
    if low and high and low > high:
        raise UsageError("La date de début est après la date de fin.")
    return Filters(
        releases=_check(args.release, [r.id for r in store.releases()], "Communiqué"),
        categories=_check(args.category, CATEGORIES, "Catégorie"),
        actor_types=_check(args.actor_type, ACTOR_TYPES, "Type d'acteur"),
        arrondissements=_check(args.arrondissement,
                               list(reference.arrondissements(dep)["code"]), "Arrondissement"),
        statuses=statuses, inside=INSIDE[args.inside], date_from=low, date_to=high,
        search=args.search.strip()[:200])


def _target(out: str | None, extensions: tuple[str, ...], objet: str, store, filters, dep,
            fmt: str | None = None) -> Path:
    """The output path, checked before any work: folder exists, extension known."""
    if not out:
        raise UsageError("--out est obligatoire (un fichier ou un dossier).")
    path = Path(out)
    if path.is_dir():
        day = sources.situation_date(sources.cited(store, filters, dep))
        return path / naming.file_name(objet, day, fmt or extensions[0], dep)
    ext = path.suffix.lower().lstrip(".")
    if fmt and ext != fmt:
        raise UsageError(f"L'extension du fichier (.{ext or '?'}) ne correspond pas au "
                         f"format {fmt}.")
    if ext not in extensions:
        raise UsageError(f"Extension non prise en charge : .{ext or '?'} (attendu : "
                         + ", ".join(f".{e}" for e in extensions) + ").")
    if not path.parent.is_dir():
        raise UsageError(f"Dossier introuvable : {path.parent}")
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Never a half-written file: the whole file appears at once, or nothing."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is shared
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_export(args, store, filters, dep) -> Path:
    if args.format not in export_data.FORMATS:
        raise UsageError(f"Format inconnu : {args.format} (" + ", ".join(export_data.FORMATS)
                         + ").")
    if args.table not in export_data.TABLES:
        raise UsageError(f"Table inconnue : {args.table} (" + ", ".join(export_data.TABLES)
                         + ").")
    if args.format in ("geojson", "gpkg") and args.hxl:
        raise UsageError("--hxl ne s'applique qu'aux formats csv et xlsx.")
    if args.comma and args.format != "csv":
        raise UsageError("--comma ne s'applique qu'au format csv.")
    path = _target(args.out, export_data.FORMATS, naming.data_objet(args.format, args.table),
                   store, filters, dep, args.format)
    data = export_data.export(store, filters, args.format, dep, hxl=args.hxl,
                              sep="," if args.comma else ";", anonymise=args.anonymise,
                              areas=args.areas, table_name=args.table)
    write_atomic(path, data)
    return path


def run_briefing(args, store, filters, dep) -> Path:
    path = _target(args.out, naming.BRIEFING_FORMATS, naming.BRIEFING, store, filters, dep)
    b = briefing.build(store, filters, dep, anonymise=not args.no_anonymise,
                       since=_day(args.since, "Date de « ce qui a changé »"))
    write_atomic(path, briefing.to_pdf(b) if path.suffix.lower() == ".pdf"
                 else briefing.to_pptx(b))
    return path


def run_map(args, store, filters, dep) -> Path:
    if args.level not in LEVELS:
        raise UsageError(f"Niveau inconnu : {args.level} (commune, epci ou arrondissement).")
    path = _target(args.out, naming.MAP_FORMATS, naming.map_objet(args.level, args.per_10k),
                   store, filters, dep)
    if path.suffix.lower() == ".html":
        data = static_map.interactive_html(store, filters, args.level, args.per_10k, dep)
    else:
        data = static_map.choropleth(store, filters, args.level, args.per_10k,
                                     path.suffix.lower().lstrip("."), dep)
    write_atomic(path, data)
    return path


def run_chart(args, store, filters, dep) -> Path:
    if args.name not in chart_export.CHARTS:
        raise UsageError(f"Graphique inconnu : {args.name} (" + ", ".join(chart_export.CHARTS)
                         + ").")
    path = _target(args.out, chart_export.FORMATS, naming.chart_objet(args.name), store,
                   filters, dep)
    write_atomic(path, chart_export.export(store, filters, args.name,
                                           path.suffix.lower().lstrip("."), dep))
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m report", description="Exports : note de synthèse, "
                    "données, cartes et graphiques, filtrés comme à l'écran.")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMANDE")
    p = sub.add_parser("briefing", help="note de synthèse (PDF A4 ou diapositive PPTX)")
    p.add_argument("--out", help="FICHIER.pdf, FICHIER.pptx ou un dossier")
    p.add_argument("--no-anonymise", action="store_true",
                   help="garder les noms des particuliers (anonymisés par défaut)")
    p.add_argument("--since", metavar="AAAA-MM-JJ",
                   help="ce qui a changé depuis cette date (défaut : le communiqué précédent)")
    p.set_defaults(run=run_briefing)
    p = sub.add_parser("export", help="données : csv, xlsx, geojson ou gpkg")
    p.add_argument("--format", default="csv", help="csv (défaut), xlsx, geojson ou gpkg")
    p.add_argument("--out", help="fichier de sortie ou dossier")
    p.add_argument("--table", default="initiatives",
                   help="csv : initiatives (défaut), quantites ou communes")
    p.add_argument("--hxl", action="store_true", help="ajouter la ligne de hashtags HXL")
    p.add_argument("--comma", action="store_true", help="csv séparé par des virgules")
    p.add_argument("--anonymise", action="store_true", help="retirer les particuliers nommés")
    p.add_argument("--areas", action="store_true",
                   help="initiatives de territoire en polygones (geojson, gpkg)")
    p.set_defaults(run=run_export)
    p = sub.add_parser("map", help="carte choroplèthe : png, pdf ou html interactif")
    p.add_argument("--out", help="FICHIER.png, FICHIER.pdf, FICHIER.html ou un dossier")
    p.add_argument("--level", default="commune", help="commune (défaut), epci ou arrondissement")
    p.add_argument("--per-10k", action="store_true", help="pour 10 000 habitants")
    p.set_defaults(run=run_map)
    p = sub.add_parser("chart", help="graphique : png, svg ou pdf")
    p.add_argument("--name", default="categories", help="categories (défaut), arrondissements,"
                                                        " production ou evolution")
    p.add_argument("--out", help="FICHIER.png, FICHIER.svg, FICHIER.pdf ou un dossier")
    p.set_defaults(run=run_chart)
    for name in ("briefing", "export", "map", "chart"):
        _filters_args(sub.choices[name])
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if not getattr(args, "run", None):
            raise UsageError("commande manquante : briefing, export, map ou chart.")
        dep = config.departement()
        if args.db and not config.is_server(args.db) and not Path(args.db).is_file():
            raise UsageError(f"Base introuvable : {args.db}")
        store = open_store(args.db) if args.db else open_store()
        path = args.run(args, store, filters_of(args, store, dep), dep)
    except UsageError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(path)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
