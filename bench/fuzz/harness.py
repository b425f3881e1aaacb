"""Run the hostile cases through the app's real paths, each in a real SQLite store.

A case is read (`importing.parse`, `importing.read_file` or the `python -m
initiatives ingest` command), saved through `importing.save` (the Import page, with
its tables, possibly corrected) or `importing.ingest` (the command line), and for a
sample of cases every export is built from the same store. Outcomes:

- ok: accepted; refused: a French message (the app's own `IngestError`, `StoreError`,
  or the command's message), which must leave the store unchanged;
- failure: any other exception (its traceback is kept), « Erreur inattendue » (an
  exception the app caught), an exception the geocoder swallowed, a store changed by
  a refusal or by a read, hostile markup left raw in an HTML export, a spreadsheet
  formula left live in a CSV export, or a case slower than `SLOW` seconds.

The store is reset to the seeded one at every `RESET`-th index, so the outcome of a
case depends on its seed and index only, never on the number of workers.
"""
from __future__ import annotations

import atexit
import contextlib
import csv
import hashlib
import io
import logging
import os
import random
import shutil
import sqlite3
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.fuzz.cases import HOSTILE, Case, case

SLOW = 10.0          # seconds: a slower case is a failure
RESET = 100          # the store is fresh at every multiple of this index
EXPORT_EVERY = 100   # the last case of every n builds 3 exports (a store full of them)
NAMED_EVERY = 5      # every n-th case with hostile names accepted builds one more
MARKUP = ("<script>alert('fz')", "<img src=x onerror")   # must never reach HTML raw


@dataclass
class Result:
    """What became of one case (small: sent back from the worker processes)."""
    index: int
    family: str
    mode: str
    outcome: str = "ok"                      # ok | refusé | échec
    seconds: float = 0.0
    message: str = ""                        # the French refusal, if any
    failures: list[tuple[str, str]] = field(default_factory=list)   # (what, detail)
    store_changes: int = 0
    tracebacks: int = 0
    exports: list[tuple[str, float]] = field(default_factory=list)  # (name, seconds)

    def fail(self, what: str, detail: str, traceback_: bool = True) -> None:
        self.failures.append((what, detail))
        self.outcome = "échec"
        self.tracebacks += traceback_

    def refuse(self, message: str) -> None:
        if self.outcome == "ok":
            self.outcome = "refusé"
        self.message = message


# --- the store's content ---------------------------------------------------------------

def digest(path: Path) -> str:
    """Every table's rows (read with sqlite3 directly), hashed: any change shows."""
    h = hashlib.blake2b(digest_size=16)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for name in tables:
            rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            h.update(f"{name}:{len(rows)}".encode())
            for row in sorted(repr(r) for r in rows):
                h.update(row.encode("utf-8", "surrogatepass"))
    finally:
        conn.close()
    return h.hexdigest()


# --- exports: name -> build(worker, store, filters, rng) ---------------------------------

def _csv_cells(data: bytes, sep: str) -> list[str]:
    csv.field_size_limit(2**31 - 1)    # an excerpt may be a whole press kit
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=sep) for cell in row]


def _check_csv(data: bytes, sep: str) -> str | None:
    live = [c for c in _csv_cells(data, sep) if c[:1] in ("=", "+", "@")]
    return f"formule active dans le CSV : {live[0][:80]!r}" if live else None


def _check_html(data: bytes | str) -> str | None:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    raw = [m for m in MARKUP if m in text]
    return f"balise non échappée dans le HTML : {raw[0]!r}" if raw else None


def _export_csv(table: str):
    def build(w, store, filters, rng):
        from report import export_data
        sep = rng.choice([";", ","])
        data = export_data.export(store, filters, "csv", table_name=table, sep=sep,
                                  hxl=rng.random() < 0.5, anonymise=rng.random() < 0.5)
        return data, _check_csv(data, sep)
    return build


def _export(fmt: str):
    def build(w, store, filters, rng):
        from report import export_data
        options = {"areas": rng.random() < 0.5} if fmt in ("geojson", "gpkg") \
            else {"hxl": rng.random() < 0.5}
        data = export_data.export(store, filters, fmt, anonymise=rng.random() < 0.5, **options)
        return data, None    # GeoJSON is data: its readers escape it (checked on the maps)
    return build


def _map_html(w, store, filters, rng):
    from report import static_map
    data = static_map.interactive_html(store, filters, rng.choice(_LEVELS),
                                       per_10k=rng.random() < 0.5,
                                       anonymise=rng.random() < 0.5)
    return data, _check_html(data)


_LEVELS = ("commune", "epci", "arrondissement")


def _map_static(fmt: str):
    def build(w, store, filters, rng):
        from report import static_map
        return static_map.choropleth(store, filters, rng.choice(_LEVELS),
                                     per_10k=rng.random() < 0.5, fmt=fmt), None
    return build


def _chart(w, store, filters, rng):
    from report import chart_export
    return chart_export.export(store, filters, rng.choice(list(chart_export.CHARTS)),
                               rng.choice(["png", "svg", "pdf"])), None


def _briefing(fmt: str):
    def build(w, store, filters, rng):
        from report import briefing
        make = briefing.briefing_pdf if fmt == "pdf" else briefing.briefing_pptx
        return make(store, filters, anonymise=rng.random() < 0.5), None
    return build


def _coverage(w, store, filters, rng):
    from initiatives import coverage
    from report import gaps, maps
    found = coverage.gaps(store, filters, None, rng.choice(_LEVELS), rng.random() < 0.5)
    html = maps.to_html(gaps.gap_map(found))
    calls = coverage.call_list(store, filters)
    table = gaps.call_list_csv(calls)
    gaps.call_list_xlsx(calls)
    return html.encode() + table, _check_html(html) or _check_csv(table, ";")


def _initiatives_map(w, store, filters, rng):
    from report import maps
    from report.initiatives_map import MapOptions, build_map
    options = MapOptions(level=rng.choice(_LEVELS), anonymise=rng.random() < 0.5)
    html = maps.to_html(build_map(store, filters, "62", options))
    return html.encode(), _check_html(html)


def _metrics(w, store, filters, rng):
    from initiatives import changes, metrics
    out = [metrics.totals(store, filters), metrics.key_figures(store, filters),
           metrics.goals(store, filters), metrics.evolution(store, filters),
           metrics.totals_by(store, filters, rng.choice(_LEVELS)),
           metrics.initiatives_frame(store, filters), metrics.sources(store, filters),
           metrics.counts_by(store, filters), changes.changes(store, filters)]
    return repr(out).encode("utf-8", "surrogatepass"), None


def _reads(w, store, filters, rng):
    # a value from a link or a form: text as a browser sends it, never a lone surrogate
    hostile = rng.choice(HOSTILE).encode("utf-8", "replace").decode("utf-8")
    out = [store.releases(), store.initiatives(filters), store.mentions(), store.rows(),
           store.history(), store.reviews(), store.find(hostile), store.release(hostile),
           store.get(rng.choice([-1, 0, 1, 2**62])), store.data_version()]
    return repr(out).encode("utf-8", "surrogatepass"), None


def _report_cli(w, store, filters, rng):
    """`python -m report export|map|chart|briefing` with hostile arguments."""
    from report.__main__ import main
    command = rng.choice(["export", "export", "map", "chart", "briefing"])
    out = w.tmp / "sorties"
    out.mkdir(exist_ok=True)
    ext = {"export": ".csv", "map": ".html", "chart": ".svg", "briefing": ".pdf"}[command]
    args = [command, "--db", str(store.path), "--out", str(out / f"x{ext}")]
    values = [*HOSTILE[:20], "0001-01-01", "9999-12-31", "2020-02-30", "2020-04-30", "627",
              "tous", "dedans"]
    for option in rng.sample(["--search", "--from", "--to", "--category", "--release",
                              "--status", "--inside", "--arrondissement", "--actor-type"],
                             rng.randint(0, 3)):
        args += [option, rng.choice(values).replace("\x00", "")]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    problem = None if code in (0, 1, 2) else f"code de sortie {code}"
    if code == 0 and ext == ".html":
        problem = _check_html(next(out.glob("*.html")).read_bytes())
    for f in out.iterdir():
        f.unlink()
    return b"", problem


EXPORTS: dict[str, Callable] = {
    "csv-initiatives": _export_csv("initiatives"), "csv-quantites": _export_csv("quantites"),
    "csv-communes": _export_csv("communes"), "xlsx": _export("xlsx"),
    "geojson": _export("geojson"), "gpkg": _export("gpkg"), "carte-html": _map_html,
    "carte-png": _map_static("png"), "carte-pdf": _map_static("pdf"), "graphique": _chart,
    "note-pdf": _briefing("pdf"), "note-pptx": _briefing("pptx"), "couverture": _coverage,
    "carte-initiatives": _initiatives_map, "indicateurs": _metrics, "lectures": _reads,
    "cli-report": _report_cli,
}
TEXT_EXPORTS = ["carte-html", "carte-initiatives", "csv-initiatives", "csv-quantites", "geojson",
                "lectures", "xlsx"]


# --- the worker ---------------------------------------------------------------------------

class Worker:
    """One process's store, folders and warm libraries; `run(case)` gives a `Result`."""

    def __init__(self, seed: int, keep: Path | None = None, warm: bool = True):
        os.environ["GEOCODER"] = "offline"
        # pypdf logs every repair of a broken file, matplotlib every glyph a font lacks
        logging.getLogger("pypdf").setLevel(logging.CRITICAL)
        warnings.simplefilter("ignore")
        self.seed = seed
        self.tmp = Path(tempfile.mkdtemp(prefix="fuzz-"))
        os.environ["GEOCODE_CACHE"] = str(self.tmp / "geocode_cache.sqlite")
        self.keep = keep                     # where failing inputs are saved
        self.template = self.tmp / "modèle.sqlite"
        self.path = self.tmp / "base.sqlite"
        from initiatives.store import open_store
        open_store(self.template)            # the seeded store every chunk starts from
        self._checkpoint(self.template)
        self.store = None
        self.chunk = None
        if warm:
            self._warm()

    @staticmethod
    def _checkpoint(path: Path) -> None:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()

    def _warm(self) -> None:
        """Load the language model and every export once: start-up, not per input."""
        from initiatives import importing
        from initiatives.filters import Filters
        importing.parse("texte collé", text="La ville de Lens a distribué 10 masques.")
        self._fresh()
        rng = random.Random(0)
        for build in EXPORTS.values():
            build(self, self.store, Filters(), rng)

    def _fresh(self):
        from initiatives.store import SQLiteStore
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.template, self.path)
        self.store = SQLiteStore(self.path)

    def reset(self) -> None:
        """A fresh store for the next case, whatever its index."""
        self.chunk = None

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    # one case ------------------------------------------------------------------------

    def run(self, c: Case) -> Result:
        if self.store is None or self.chunk != c.index // RESET:
            self.chunk = c.index // RESET
            self._fresh()
        result = Result(c.index, c.family, c.mode)
        start = time.perf_counter()
        try:
            {"upload": self._text, "paste": self._text, "file": self._text,
             "cli": self._cli, "geo": self._geo, "query": self._query}[c.mode](c, result)
        except Exception:  # noqa: BLE001 - every escaped exception is what we count
            result.fail("exception", traceback.format_exc())
        # an input's time (reading, extraction, geocoding, saving) and each export's are
        # apart: each is one wait for the user (an import, a download)
        result.seconds = time.perf_counter() - start - sum(t for _, t in result.exports)
        for what, seconds in [("lecture et enregistrement", result.seconds), *result.exports]:
            if seconds > SLOW:
                result.fail("lent", f"{what} : {seconds:.1f} s (plus de {SLOW:.0f} s)", False)
        if result.failures and self.keep:
            self._save(c, result)
        return result

    def _save(self, c: Case, result: Result) -> None:
        self.keep.mkdir(parents=True, exist_ok=True)
        stem = self.keep / f"cas-{c.index:05d}-{c.family}"
        stem.with_suffix(".bin").write_bytes(c.payload())
        detail = "\n\n".join(f"[{what}]\n{text}" for what, text in result.failures)
        stem.with_suffix(".txt").write_text(
            f"graine {self.seed}, cas {c.index}, famille {c.family}, mode {c.mode}, "
            f"nom {c.name!r}, correction {c.edit!r}, filtres {c.query!r}\n\n{detail}\n",
            encoding="utf-8", errors="backslashreplace")

    def _guarded(self, result: Result, what: str, action: Callable[[], object]):
        """Run a store operation; a refusal or an exception must leave the store as it was.
        Returns (value, refused message or None)."""
        from initiatives.store import StoreError
        before = digest(self.path)
        try:
            value = action()
        except StoreError as exc:
            self._unchanged(result, before, what)
            return None, str(exc)
        except Exception:
            self._unchanged(result, before, what)
            raise
        if isinstance(value, tuple) and value and value[0] == "refusé":
            self._unchanged(result, before, what)
            return None, value[1]
        return value, None

    def _unchanged(self, result: Result, before: str, what: str) -> None:
        if digest(self.path) != before:
            result.store_changes += 1
            result.fail("base modifiée", f"la base a changé après un refus ou un échec ({what})",
                        False)

    # modes ---------------------------------------------------------------------------

    def _read(self, c: Case, result: Result):
        """Read the input as the page or the command does; None when refused."""
        from initiatives import importing
        before = digest(self.path)
        if c.mode == "upload":
            parsed = importing.refused_upload(c.name, len(c.data)) or \
                importing.parse(c.name, c.data)
        elif c.mode == "paste":
            parsed = importing.parse("texte collé", text=c.text)
        else:
            parsed = importing.read_file(self._file(c))
        if parsed.error and parsed.error.startswith("Erreur inattendue"):
            result.fail("lecture", parsed.error + "\n" + self._reading_traceback(c))
        if parsed.error:
            self._unchanged(result, before, "lecture")
            result.refuse(parsed.error)
            return None
        return parsed

    def _file(self, c: Case) -> Path:
        folder = self.tmp / "entrées"
        folder.mkdir(exist_ok=True)
        path = folder / f"cas-{c.index}{Path(c.name).suffix}"
        path.write_bytes(c.data)
        return path

    def _reading_traceback(self, c: Case) -> str:
        """The exception `importing` turned into « Erreur inattendue », raised again."""
        from initiatives import extract, ingest
        try:
            if c.mode == "paste":
                release = ingest.release_from_text(c.text or "")
            elif c.mode == "upload":
                release = ingest.release_from_bytes(c.data, c.name)
            else:
                release = ingest.read_release(self._file(c))
            extract.read(release)
        except Exception:  # noqa: BLE001
            return traceback.format_exc()
        return "(pas d'exception au second essai)"

    def _text(self, c: Case, result: Result) -> None:
        """Modes upload, paste and file: read, save, and maybe export."""
        parsed = self._read(c, result)
        if parsed is not None:
            self._keep(c, result, parsed)
        self._exports(c, result)

    def _keep(self, c: Case, result: Result, parsed) -> None:
        """Save what was read: the page's tables (maybe corrected), or the command's path."""
        from initiatives import importing
        from ui import import_flow
        if c.edit is None and c.index % 3 == 0:
            _, refused = self._guarded(result, "enregistrement",
                                       lambda: importing.ingest(self.store, parsed))
        else:
            table, numbers = import_flow.preview(parsed), import_flow.numbers_preview(parsed)
            if c.edit is not None:
                table, numbers = _corrected(table, numbers, c.edit)

            def save():
                frame = importing.save(self.store, [(parsed, table, numbers)])
                error = frame.iloc[0]["Erreur"]
                return ("refusé", error) if error else frame
            _, refused = self._guarded(result, "enregistrement", save)
        if refused:
            result.refuse(refused)

    def _cli(self, c: Case, result: Result) -> None:
        from initiatives.__main__ import main
        path = self._file(c)
        out, err = io.StringIO(), io.StringIO()

        def command():
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--db", str(self.path), "--no-seed", "ingest", str(path)])
            if code not in (0, 1):
                raise AssertionError(f"code de sortie {code} : {err.getvalue()[-500:]}")
            return ("refusé", err.getvalue().strip()) if code else code
        _, refused = self._guarded(result, "python -m initiatives ingest", command)
        if refused:
            result.refuse(refused)
        self._exports(c, result)

    def _geo(self, c: Case, result: Result) -> None:
        from geo.geocode import resolve
        from geo.offline import resolve_offline
        from initiatives import importing
        from initiatives.model import Initiative
        from initiatives.store import StoreError
        for name in c.names:
            try:   # `resolve` swallows every exception: ask the gazetteer directly
                resolve_offline(name, "62")
            except Exception:  # noqa: BLE001
                result.fail("géocodage", f"resolve_offline({name!r}, '62')\n"
                            + traceback.format_exc())
            if not hasattr(resolve(name), "resolved"):
                result.fail("géocodage", f"resolve({name!r}) sans résultat", False)
        ini = Initiative(release_id="", actor="Fuzz", actor_type="association",
                         category="aide alimentaire", excerpt="")
        try:
            importing.places_from(ini, "; ".join(c.names), "62")
        except StoreError as exc:
            result.refuse(str(exc))

    def _query(self, c: Case, result: Result) -> None:
        from initiatives.filters import Filters
        filters = Filters.from_query_params(c.query)
        self._exports(c, result, filters, at_least=1)

    def _exports(self, c: Case, result: Result, filters=None, at_least: int = 0) -> None:
        """Every `EXPORT_EVERY`-th case, a case with hostile names accepted and a shared
        link's filters build exports; each is a read: the store must not change."""
        from initiatives.filters import Filters
        names = sorted(EXPORTS)
        count = 3 if c.index % EXPORT_EVERY == EXPORT_EVERY - 1 else at_least
        if not count and c.family == "noms-hostiles" and result.outcome == "ok" \
                and c.index % NAMED_EVERY == 0:
            count, names = 1, TEXT_EXPORTS   # where hostile names could reach a reader
        if not count:
            return
        rng = random.Random(f"{self.seed}-{c.index}-exports")
        if filters is None:
            filters = Filters() if rng.random() < 0.7 else Filters(statuses=())
        for name in rng.sample(names, count):
            before = digest(self.path)
            start = time.perf_counter()
            try:
                data, problem = EXPORTS[name](self, self.store, filters, rng)
            except Exception:  # noqa: BLE001
                result.fail(f"export {name}", traceback.format_exc())
                continue
            finally:
                result.exports.append((name, time.perf_counter() - start))
                if digest(self.path) != before:
                    result.store_changes += 1
                    result.fail("base modifiée", f"l'export {name} a changé la base", False)
            if problem:
                result.fail(f"export {name}", problem, False)
            elif not isinstance(data, (bytes, str)):
                result.fail(f"export {name}", f"résultat de type {type(data).__name__}", False)


def _corrected(table, numbers, edit: tuple):
    """The Import page's tables with one hostile correction (`cases.f_edits`)."""
    from initiatives.importing import NUMBERS, PREVIEW
    what, value, r = edit
    rng = random.Random(r)
    # the page's editor sends text from the browser: never a lone surrogate
    value = value.encode("utf-8", "replace").decode("utf-8")
    hostile = [h.encode("utf-8", "replace").decode("utf-8") for h in HOSTILE]
    table, numbers = table.copy(), numbers.copy()
    row = rng.randrange(len(table)) if len(table) else None
    if what == "several" and row is not None:
        table.at[row, PREVIEW["actor"]] = rng.choice(hostile)
        table.at[row, PREVIEW["places"]] = "; ".join(rng.sample(hostile, 2))
    elif what in ("actor", "places", "actor_type", "category") and row is not None:
        table.at[row, PREVIEW[what]] = value
    elif what == "keep":
        table[PREVIEW["keep"]] = False
    elif what == "kind" and len(numbers):
        numbers.at[rng.randrange(len(numbers)), NUMBERS["kind"]] = value
    elif what == "numbers_rows":
        numbers = numbers.iloc[:-1] if len(numbers) else numbers.iloc[0:0]
    return table, numbers


# --- one process's share ---------------------------------------------------------------------

_WORKER: Worker | None = None


def init(seed: int, keep: str | None) -> None:
    global _WORKER
    _WORKER = Worker(seed, Path(keep) if keep else None)
    atexit.register(_WORKER.close)


def run_chunk(seed: int, indices: list[int]) -> list[Result]:
    return [_WORKER.run(case(seed, i)) for i in indices]
