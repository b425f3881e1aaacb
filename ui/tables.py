"""Tables as the pages show them: metrics results reshaped with French headers and
French numbers (`1 600`, as text, since the grid would print `1,600`). Plain pandas."""
from __future__ import annotations

import pandas as pd

from initiatives.formatting import format_date, format_number
from initiatives.metrics import BESIDE_DONE
from initiatives.model import DONE, KIND_LABELS, TARGET
from initiatives.store import MANUAL_SOURCE

# column headers of the kinds shown beside what was done
BESIDE_HEADERS = {kind: KIND_LABELS[kind].capitalize() for kind in BESIDE_DONE}


def _value(row: dict) -> str:
    return ("environ " if row.get("approx") else "") + format_number(row["value"])


def totals_frame(totals: dict, labels: dict[str, str]) -> pd.DataFrame:
    """One row per figure behind each total: the sentence and the release it came from."""
    rows = [{"Objet": item["item"], "Nature": KIND_LABELS.get(item["kind"], item["kind"]),
             "Valeur": format_number(s["value"]), "Unité": item["unit"], "Acteur": s["actor"],
             "Communiqué": labels.get(s["release_id"], s["release_id"]),
             "Phrase": s["sentence"], "Pourquoi cette nature": s.get("reason") or ""}
            for item in totals["items"] for s in item["sources"]]
    return pd.DataFrame(rows, columns=["Objet", "Nature", "Valeur", "Unité", "Acteur",
                                       "Communiqué", "Phrase", "Pourquoi cette nature"])


def done_vs_target(totals: dict) -> pd.DataFrame:
    """Per item and unit: done, then beside it the target, what is ordered and not yet
    delivered, and the needs expressed (none of them ever added to what was done). The
    columns of orders and needs appear when there are some."""
    table: dict[tuple, dict] = {}
    for r in totals["items"]:
        if r["kind"] not in (DONE, *BESIDE_DONE):
            continue
        row = table.setdefault((r["item"], r["unit"]), {
            "Objet": r["item"], "Unité": r["unit"], "Réalisé": "–",
            **dict.fromkeys(BESIDE_HEADERS.values(), "–"), "Initiatives (réalisé)": 0})
        if r["kind"] == DONE:
            row["Réalisé"] = _value(r)
            row["Initiatives (réalisé)"] = r["initiatives"]
        else:
            row[BESIDE_HEADERS[r["kind"]]] = _value(r)
    shown = {TARGET} | {r["kind"] for r in totals["items"] if r["kind"] in BESIDE_DONE}
    return pd.DataFrame(list(table.values()),
                        columns=["Objet", "Unité", "Réalisé",
                                 *(BESIDE_HEADERS[k] for k in BESIDE_DONE if k in shown),
                                 "Initiatives (réalisé)"])


def other_kinds(totals: dict) -> pd.DataFrame:
    """Rates, beneficiaries, volunteers: shown apart, never added to what was done."""
    rows = [{"Objet": r["item"], "Nature": KIND_LABELS.get(r["kind"], r["kind"]),
             "Valeur": _value(r), "Unité": r["unit"], "Initiatives": r["initiatives"]}
            for r in totals["items"] if r["kind"] not in (DONE, *BESIDE_DONE)]
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


def units_frame(counts: pd.DataFrame, column: str) -> pd.DataFrame:
    """`metrics.counts_per_unit` as a table, highest first."""
    out = counts.sort_values([column, "nom"], ascending=[False, True])
    return out.rename(columns={"code": "Code", "nom": "Nom", "population": "Population",
                               "initiatives": "Initiatives", "per_10k": "Pour 10 000 hab."})


def sources_frame(sources: list[dict]) -> pd.DataFrame:
    rows = [{"Communiqué": s["title"], "Date": format_date(s["date"]) if s["date"] else "–",
             "Numéro": f"n°{s['number']}" if s["number"] else "–",
             "Fichier": s["source"] or MANUAL_SOURCE, "Initiatives citées": s["initiatives"]}
            for s in sources]
    return pd.DataFrame(rows, columns=["Communiqué", "Date", "Numéro", "Fichier",
                                       "Initiatives citées"])
