"""Tables as the pages show them: metrics results reshaped with French headers and
French numbers (`1 600`, as text, since the grid would print `1,600`). Plain pandas."""
from __future__ import annotations

import pandas as pd

from initiatives.filters import TO_REVIEW
from initiatives.formatting import format_date, format_number
from initiatives.metrics import BESIDE_DONE, Goals
from initiatives.model import DONE, KIND_LABELS, TARGET
from initiatives.store import MANUAL_SOURCE
from report import wording

# column headers of the kinds shown beside what was done
BESIDE_HEADERS = {kind: KIND_LABELS[kind].capitalize() for kind in BESIDE_DONE}


def _value(row: dict) -> str:
    return ("environ " if row.get("approx") else "") + format_number(row["value"])


def review_label(status: str) -> str:
    """`à relire` for an initiative nobody has checked yet, else its status."""
    return wording.TO_REVIEW if status == TO_REVIEW else status


def totals_frame(totals: dict, labels: dict[str, str]) -> pd.DataFrame:
    """One row per figure behind each total: the sentence and the release it came from,
    and whether a person has checked it."""
    rows = [{"Objet": item["item"], "Nature": KIND_LABELS.get(item["kind"], item["kind"]),
             "Valeur": format_number(s["value"]), "Unité": item["unit"], "Acteur": s["actor"],
             "Relecture": review_label(s.get("status", "")),
             "Communiqué": labels.get(s["release_id"], s["release_id"]),
             "Phrase": s["sentence"], "Pourquoi cette nature": s.get("reason") or ""}
            for item in totals["items"] for s in item["sources"]]
    return pd.DataFrame(rows, columns=["Objet", "Nature", "Valeur", "Unité", "Acteur",
                                       "Relecture", "Communiqué", "Phrase",
                                       "Pourquoi cette nature"])


GOAL_HEADERS = {"progress": "Avancement (initiatives avec objectif et réalisé)",
                "alone": "Objectifs sans réalisé connu"}


def done_vs_target(totals: dict) -> pd.DataFrame:
    """Per item and unit: done and how much of it is to review; beside it what is ordered
    and not yet delivered and the needs expressed (never added to what was done); then
    the goals, compared only with the done figure of the same initiatives
    (`1 600 / 11 000 (15 %)`), and apart the goals of initiatives with no done figure.
    The columns of orders and needs appear when there are some."""
    table: dict[tuple, dict] = {}

    def row_of(item: str, unit: str) -> dict:
        return table.setdefault((item, unit), {
            "Objet": item, "Unité": unit, "Réalisé": "–", "Dont à relire": "–",
            **dict.fromkeys(BESIDE_HEADERS.values(), "–"), "Initiatives (réalisé)": 0,
            **dict.fromkeys(GOAL_HEADERS.values(), "–")})

    for r in totals["items"]:
        if r["kind"] not in (DONE, *BESIDE_DONE):
            continue
        row = row_of(r["item"], r["unit"])
        if r["kind"] == DONE:
            row["Réalisé"] = _value(r)
            row["Dont à relire"] = format_number(r.get("to_review", 0))
            row["Initiatives (réalisé)"] = r["initiatives"]
        else:
            row[BESIDE_HEADERS[r["kind"]]] = _value(r)
    for g in totals.get("goals", []):
        row = row_of(g["item"], g["unit"])
        row[GOAL_HEADERS["progress"]] = wording.goal_progress(g)
        if g.get("initiatives_alone"):
            row[GOAL_HEADERS["alone"]] = (f"{format_number(g['target_alone'])} "
                                          f"({g['initiatives_alone']} initiative"
                                          f"{'s' if g['initiatives_alone'] > 1 else ''})")
    shown = {r["kind"] for r in totals["items"] if r["kind"] in BESIDE_DONE}
    return pd.DataFrame(list(table.values()),
                        columns=["Objet", "Unité", "Réalisé", "Dont à relire",
                                 *(BESIDE_HEADERS[k] for k in BESIDE_DONE if k in shown),
                                 "Initiatives (réalisé)", *GOAL_HEADERS.values()])


def progress_frame(goals: Goals, labels: dict[str, str]) -> pd.DataFrame:
    """One row per initiative giving both a goal and a done figure: its progress
    (`Avancement`, 0 to 100, for a progress bar) and the sentences both come from."""
    p = goals.progress
    return pd.DataFrame({
        "Acteur": p["actor"], "Objet": p["item"], "Unité": p["unit"],
        "Réalisé": p["done"].map(format_number), "Objectif": p["target"].map(format_number),
        "Avancement": (100 * p["share"].astype(float)).round(0),
        "Relecture": p["status"].map(review_label),
        "Communiqué": p["release_id"].map(lambda r: labels.get(r or "", r)),
        "Phrase (réalisé)": p["done_sentence"], "Phrase (objectif)": p["target_sentence"]},
        columns=["Acteur", "Objet", "Unité", "Réalisé", "Objectif", "Avancement",
                 "Relecture", "Communiqué", "Phrase (réalisé)", "Phrase (objectif)"])


def goals_alone_frame(goals: Goals, labels: dict[str, str]) -> pd.DataFrame:
    """Goals of initiatives that give no done figure: listed as goals, nothing more."""
    a = goals.alone
    return pd.DataFrame({
        "Acteur": a["actor"], "Objet": a["item"], "Unité": a["unit"],
        "Objectif": [("environ " if x else "") + format_number(v)
                     for v, x in zip(a["target"], a["approx"])],
        "Relecture": a["status"].map(review_label),
        "Communiqué": a["release_id"].map(lambda r: labels.get(r or "", r)),
        "Phrase": a["sentence"]},
        columns=["Acteur", "Objet", "Unité", "Objectif", "Relecture", "Communiqué", "Phrase"])


def other_kinds(totals: dict) -> pd.DataFrame:
    """Rates, beneficiaries, volunteers: shown apart, never added to what was done
    (goals have their own tables, initiative by initiative)."""
    rows = [{"Objet": r["item"], "Nature": KIND_LABELS.get(r["kind"], r["kind"]),
             "Valeur": _value(r), "Unité": r["unit"], "Initiatives": r["initiatives"]}
            for r in totals["items"] if r["kind"] not in (DONE, TARGET, *BESIDE_DONE)]
    return pd.DataFrame(rows, columns=["Objet", "Nature", "Valeur", "Unité", "Initiatives"])


def by_unit_frame(by_unit: pd.DataFrame) -> pd.DataFrame:
    """`metrics.totals_by` with French headers and numbers."""
    out = by_unit.assign(
        Nature=by_unit["kind"].map(lambda k: KIND_LABELS.get(k, k)),
        Valeur=by_unit["value"].map(format_number))
    out = out.rename(columns={"nom": "Arrondissement", "item": "Objet", "unit": "Unité",
                              "initiatives": "Initiatives"})
    return out[["Arrondissement", "Objet", "Nature", "Valeur", "Unité", "Initiatives"]]


def matrix_frame(counts: pd.DataFrame) -> pd.DataFrame:
    """`metrics.counts_by` as a table: one row per unit, one column per category."""
    return counts.drop(columns="code").rename(columns={"nom": "Arrondissement",
                                                      "total": "Total"})


def french_numbers(frame: pd.DataFrame, decimals: dict[str, int]) -> pd.DataFrame:
    """The columns of `decimals` as French text (`40 874`, `434,8`; `–` when missing):
    the grid would print the browser's format (`40,874`, `434.783`)."""
    out = frame.copy()
    for column, n in decimals.items():
        out[column] = out[column].map(lambda v, n=n: "–" if pd.isna(v) else format_number(v, n))
    return out


def units_frame(counts: pd.DataFrame, column: str) -> pd.DataFrame:
    """`metrics.counts_per_unit` as a table, highest first, numbers in French."""
    out = counts.sort_values([column, "nom"], ascending=[False, True])
    out = french_numbers(out, {"population": 0, "initiatives": 0, "per_10k": 1})
    return out.rename(columns={"code": "Code", "nom": "Nom", "population": "Population",
                               "initiatives": "Initiatives", "per_10k": "Pour 10 000 hab."})


def sources_frame(sources: list[dict]) -> pd.DataFrame:
    rows = [{"Communiqué": s["title"], "Date": format_date(s["date"]) if s["date"] else "–",
             "Numéro": f"n°{s['number']}" if s["number"] else "–",
             "Fichier": s["source"] or MANUAL_SOURCE, "Initiatives citées": s["initiatives"]}
            for s in sources]
    return pd.DataFrame(rows, columns=["Communiqué", "Date", "Numéro", "Fichier",
                                       "Initiatives citées"])


COVERAGE_COLUMNS = ["Communes nommées", "% des communes",
                    "Population nommée", "% de la population",
                    "Initiatives / 10 000 hab.",
                    "Via un territoire seulement", "Relecture"]


def coverage_frame(units: pd.DataFrame, unit_label: str) -> pd.DataFrame:
    """`initiatives.coverage` units (ranked by the caller) as a table: named communes
    and their population, as counts and shares (0 to 100, for progress bars); communes
    reached only through a territory apart; named initiatives per 10 000 inhabitants;
    how many of the named initiatives are still to review."""
    return pd.DataFrame({
        unit_label: units["nom"].to_numpy(),
        "Communes nommées": [f"{format_number(n)} / {format_number(t)}"
                             for n, t in zip(units["communes_named"], units["communes"])],
        "% des communes": (100 * units["share_communes_named"]).round(1).to_numpy(),
        "Population nommée": [
            f"{format_number(n)} / {format_number(t)}"
            for n, t in zip(units["population_named"], units["population"])],
        "% de la population": (100 * units["share_population_named"]).round(1).to_numpy(),
        "Initiatives / 10 000 hab.": [format_number(v, 2)
                                                 for v in units["named_per_10k"]],
        "Via un territoire seulement": [format_number(v)
                                                 for v in units["communes_territory"]],
        "Relecture": [wording.review_note(r, n) or "–"
                          for r, n in zip(units["direct_to_review"], units["direct"])]},
        columns=[unit_label, *COVERAGE_COLUMNS])


def new_initiatives_frame(ch, labels: dict[str, str]) -> pd.DataFrame:
    """`Changes.initiatives`: the initiatives first cited after the reference."""
    i = ch.initiatives
    return pd.DataFrame({
        "Acteur": i["actor"], "Catégorie": i["category"],
        "Communes nommées": i["communes"].map(lambda c: ", ".join(c) or "–"),
        "Relecture": i["status"].map(review_label),
        "Communiqué": i["release_id"].map(lambda r: labels.get(r or "", r))},
        columns=["Acteur", "Catégorie", "Communes nommées", "Relecture", "Communiqué"])


def new_figures_frame(ch, labels: dict[str, str]) -> pd.DataFrame:
    """`Changes.figures`: each new figure beside the one its initiative gave before."""
    f = ch.figures
    return pd.DataFrame({
        "Acteur": f["actor"], "Objet": f["item"],
        "Nature": f["kind"].map(lambda k: KIND_LABELS.get(k, k)),
        "Valeur": [("environ " if a else "") + format_number(v)
                   for v, a in zip(f["value"], f["approx"])],
        "Auparavant": f["before"].map(lambda b: "–" if pd.isna(b) else format_number(b)),
        "Unité": f["unit"], "Relecture": f["status"].map(review_label),
        "Communiqué": f["release_id"].map(lambda r: labels.get(r or "", r)),
        "Phrase": f["sentence"]},
        columns=["Acteur", "Objet", "Nature", "Valeur", "Auparavant", "Unité", "Relecture",
                 "Communiqué", "Phrase"])


def new_communes_frame(ch) -> pd.DataFrame:
    """`Changes.communes`: communes named for the first time, most populated first."""
    c = ch.communes
    return pd.DataFrame({
        "Commune": c["nom"], "Population": c["population"].map(format_number),
        "Initiatives": c["actors"].map(", ".join)},
        columns=["Commune", "Population", "Initiatives"])
