"""Totals, key figures, counts and evolution over the store (plain pandas).

The totals rule: only initiatives inside the département count; for each
initiative and item the latest observation (by release date) is taken, never the
sum of its successive reports. Each kind is totalled on its own: only done is
what was produced or distributed; targets, orders not yet delivered, needs, rates,
beneficiaries and volunteers are kept apart and never added to it. Every total
carries its sources, and says how much of it is still to review ("à relire": from
initiatives nobody has checked yet).

Goals are compared with what was done only within one initiative (`goals`): the
progress of initiatives that give both, summed over them alone; the goals of the
others are listed apart, never set against an unrelated total.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date

import pandas as pd

import config
from geo.levels import check
from initiatives.filters import TO_REVIEW, Filters
from initiatives.formatting import figure_line
from initiatives.model import (
    ACTOR_TYPES,
    BENEFICIARIES,
    CATEGORIES,
    DONE,
    KINDS,
    NEEDED,
    ORDERED,
    PER_DAY,
    PER_WEEK,
    TARGET,
    VOLUNTEERS,
    Initiative,
)
from initiatives.reach import commune_table, is_inside, reach
from initiatives.store import MANUAL_SOURCE, Store

HEADLINE_ITEMS = ("masques", "visières", "repas")
# Kinds set beside what was done, item by item in the same unit, never added to it.
# Goals are not among them: a goal is set against the done figure of its own initiative
# only (`goals`), never a sum of goals beside an unrelated sum of done.
BESIDE_DONE = (ORDERED, NEEDED)
# Kinds of another nature (rates, people), shown in a table of their own.
OTHER_KINDS = (PER_DAY, PER_WEEK, BENEFICIARIES, VOLUNTEERS)
OBS_COLUMNS = ["initiative_id", "actor", "item", "kind", "unit", "value", "approx",
               "release_id", "as_of", "sentence", "reason", "status"]
PROGRESS_COLUMNS = ["initiative_id", "actor", "status", "item", "unit", "done", "target",
                    "share", "approx", "as_of", "release_id", "done_sentence",
                    "target_sentence"]
ALONE_COLUMNS = ["initiative_id", "actor", "status", "item", "unit", "target", "approx",
                 "as_of", "release_id", "sentence"]
UNIT_COLUMN = {"commune": None, "epci": "epci", "arrondissement": "arrondissement"}


def _num(value) -> int | float:
    value = float(value)
    return int(value) if value.is_integer() else round(value, 3)


_READS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
READS_KEPT = 6   # reads kept per store and data version (filters of the pages open)


def read(store: Store, what: str, *args):
    """`store.<what>(*args)` (`initiatives`, `mentions`, `releases`), read once per data
    version of the store: the figures of one page (key figures, totals, sources...) share
    one read instead of reading the store again each. A store without `data_version`
    (or whose token is not a tuple) is read every time. Callers must not alter what is
    returned (a new list is handed out, its items are shared)."""
    version = getattr(store, "data_version", None)
    token = version() if callable(version) else None
    if not isinstance(token, tuple):
        return getattr(store, what)(*args)
    try:
        held = _READS.get(store)
    except TypeError:   # not weakly referenceable
        return getattr(store, what)(*args)
    if held is None or held[0] != token:
        held = (token, {})
        _READS[store] = held
    key = (what, args)
    found = held[1].get(key)
    if found is None:
        if len(held[1]) >= READS_KEPT:
            held[1].pop(next(iter(held[1])))
        found = held[1][key] = getattr(store, what)(*args)
    return list(found) if isinstance(found, list) else found


def _selected(store: Store, filters: Filters | None, dep: str | None,
              inside_only: bool = True) -> tuple[Filters, str, list[Initiative]]:
    filters, dep = filters or Filters(), dep or config.departement()
    found = read(store, "initiatives", filters)
    if inside_only:
        found = [i for i in found if is_inside(i, dep)]
    return filters, dep, found


def observations(initiatives: list[Initiative], filters: Filters) -> pd.DataFrame:
    """Every figure of the initiatives, kept when its release and date pass the filters."""
    rows = [(i.id, i.actor, q.item, q.kind, q.unit, float(q.value), q.approx, q.release_id,
             q.as_of, q.sentence, q.reason or "", i.status)
            for i in initiatives for q in i.quantities
            if filters.keeps_observation(q.release_id, q.as_of)]
    return pd.DataFrame(rows, columns=OBS_COLUMNS)


def latest(obs: pd.DataFrame) -> pd.DataFrame:
    """Per initiative, item, kind and unit: the latest figure (undated counts as oldest)."""
    if obs.empty:
        return obs
    order = obs.assign(_day=obs["as_of"].map(lambda d: d or date.min))
    order = order.sort_values(["_day", "value"], kind="stable")
    return (order.groupby(["initiative_id", "item", "kind", "unit"], sort=False).tail(1)
                 .drop(columns="_day"))


def kind_order(kind: str) -> int:
    """Done first, then the kinds in the order of `KINDS` (unknown ones last)."""
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def totals(store: Store, filters: Filters | None = None, dep: str | None = None) -> dict:
    """`{"departement", "as_of", "items": [...], "goals": [...]}` as printed by
    `python -m initiatives totals`. Each item says how much of its value is still to
    review (`to_review`, `initiatives_to_review`); `goals` is `goal_sums`."""
    filters, dep, inis = _selected(store, filters, dep)
    obs = observations(inis, filters)
    last = latest(obs)
    items = []
    if not last.empty:
        for (item, kind, unit), g in last.groupby(["item", "kind", "unit"]):
            g = g.sort_values("value", ascending=False)
            pending = g[g["status"] == TO_REVIEW]
            items.append({
                "item": item, "kind": kind, "value": _num(g["value"].sum()), "unit": unit,
                "initiatives": int(g["initiative_id"].nunique()),
                "to_review": _num(pending["value"].sum()),
                "initiatives_to_review": int(pending["initiative_id"].nunique()),
                "approx": bool(g["approx"].any()),
                "sources": [{"initiative_id": int(r.initiative_id), "actor": r.actor,
                             "release_id": r.release_id or MANUAL_SOURCE,
                             "as_of": r.as_of.isoformat() if r.as_of else None,
                             "value": _num(r.value), "sentence": r.sentence,
                             "reason": r.reason, "status": r.status}
                            for r in g.itertuples()]})
    items.sort(key=lambda x: (kind_order(x["kind"]), -x["value"], x["item"]))
    days = [d for d in obs["as_of"] if d] if not obs.empty else []
    return {"departement": dep, "as_of": max(days).isoformat() if days else None,
            "items": items, "goals": goal_sums(*_goals(last))}


def _goals(last: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(progress, alone) from the latest figures: per initiative, item and unit giving
    both a goal and a done figure, the two side by side; goals with no done figure of
    the same initiative, item and unit apart."""
    if last.empty:
        return (pd.DataFrame(columns=PROGRESS_COLUMNS), pd.DataFrame(columns=ALONE_COLUMNS))
    keys = ["initiative_id", "item", "unit"]
    done = last[last["kind"] == DONE]
    target = last[last["kind"] == TARGET]
    pair = target.merge(done[[*keys, "value", "approx", "as_of", "release_id", "sentence"]],
                        on=keys, how="left", suffixes=("", "_done"))
    has_done = pair["value_done"].notna()
    both = pair[has_done]
    progress = pd.DataFrame({
        "initiative_id": both["initiative_id"].astype(int), "actor": both["actor"],
        "status": both["status"], "item": both["item"], "unit": both["unit"],
        "done": both["value_done"].map(_num), "target": both["value"].map(_num),
        "share": (both["value_done"] / both["value"].where(both["value"] > 0)).round(4),
        "approx": both["approx"] | both["approx_done"].astype(bool),
        "as_of": [max((d for d in (a, b) if d), default=None)
                  for a, b in zip(both["as_of"], both["as_of_done"])],
        "release_id": both["release_id_done"], "done_sentence": both["sentence_done"],
        "target_sentence": both["sentence"]}, columns=PROGRESS_COLUMNS)
    lone = pair[~has_done]
    alone = pd.DataFrame({
        "initiative_id": lone["initiative_id"].astype(int), "actor": lone["actor"],
        "status": lone["status"], "item": lone["item"], "unit": lone["unit"],
        "target": lone["value"].map(_num), "approx": lone["approx"], "as_of": lone["as_of"],
        "release_id": lone["release_id"], "sentence": lone["sentence"]},
        columns=ALONE_COLUMNS)
    order = ["item", "unit", "initiative_id"]
    return (progress.sort_values(order, ignore_index=True),
            alone.sort_values(order, ignore_index=True))


def goal_sums(progress: pd.DataFrame, alone: pd.DataFrame) -> list[dict]:
    """Per item and unit: done and goal summed over the initiatives that give both
    (`initiatives`, `share` = done / goal of those), and apart the goals of initiatives
    with no done figure (`target_alone`, `initiatives_alone`)."""
    out: dict[tuple, dict] = {}
    for (item, unit), g in progress.groupby(["item", "unit"]):
        target = float(g["target"].sum())
        out[(item, unit)] = {
            "item": item, "unit": unit, "done": _num(g["done"].sum()), "target": _num(target),
            "share": round(float(g["done"].sum()) / target, 4) if target else None,
            "initiatives": int(len(g)), "approx": bool(g["approx"].any()),
            "to_review": int((g["status"] == TO_REVIEW).sum()),
            "target_alone": None, "initiatives_alone": 0}
    for (item, unit), g in alone.groupby(["item", "unit"]):
        entry = out.setdefault((item, unit), {
            "item": item, "unit": unit, "done": None, "target": None, "share": None,
            "initiatives": 0, "approx": False, "to_review": 0})
        entry["target_alone"] = _num(g["target"].sum())
        entry["initiatives_alone"] = int(len(g))
        entry["to_review"] += int((g["status"] == TO_REVIEW).sum())
    return sorted(out.values(), key=lambda e: (-(e["target"] or 0), e["item"]))


@dataclass(frozen=True)
class Goals:
    """Goals against what was done, initiative by initiative (see `goals`)."""
    progress: pd.DataFrame   # PROGRESS_COLUMNS: initiatives giving a goal and a done figure
    alone: pd.DataFrame      # ALONE_COLUMNS: goals with no done figure, listed apart
    sums: list[dict]         # `goal_sums`


def goals(store: Store, filters: Filters | None = None, dep: str | None = None) -> Goals:
    """Progress of each initiative towards its own goal, and the goals left alone."""
    filters, dep, inis = _selected(store, filters, dep)
    progress, alone = _goals(latest(observations(inis, filters)))
    return Goals(progress, alone, goal_sums(progress, alone))


@dataclass(frozen=True)
class KeyFigures:
    """The overview's figures. `communes_named` counts communes named as places of an
    initiative; `communes_territory` those reached only through a territory-level place
    (calaisis, an EPCI), kept apart and never added to the first. `*_to_review`: how
    much of a figure comes from initiatives still to review (a commune is named "to
    review" when only such initiatives name it). `production`: per headline item,
    `{"done", "to_review", "ordered", "needed", "unit", "initiatives", "goal"}`, where
    `goal` is the item's entry of `goal_sums` (or None): goals are never summed beside
    the done figure."""
    departement: str
    initiatives: int
    initiatives_to_review: int
    initiatives_wide: int
    communes_total: int
    communes_named: int
    communes_named_to_review: int
    communes_territory: int
    population_total: int
    population_named: int
    population_territory: int
    production: dict[str, dict]
    latest_release: date | None

    def __getitem__(self, name: str):
        """`kf["initiatives"]`: read as the JSON-like record it is printed as."""
        return getattr(self, name)


def _named_and_territory(reaches) -> tuple[set[str], set[str]]:
    named = set().union(*(r.named for r in reaches))
    return named, set().union(*(r.territory for r in reaches)) - named


def territory_only(store: Store, filters: Filters | None = None,
                   dep: str | None = None) -> set[str]:
    """Communes reached only through a territory cited in bloc: no initiative names them."""
    filters, dep, inis = _selected(store, filters, dep)
    return _named_and_territory([reach(i, dep) for i in inis])[1]


def situation_date(releases: list[dict]) -> date | None:
    """The latest date of the cited releases (`sources`): what the figures are "as of"."""
    days = [r["date"] for r in releases if r.get("date")]
    return max(days) if days else None


def key_figures(store: Store, filters: Filters | None = None,
                dep: str | None = None) -> KeyFigures:
    """The overview's figures (see `KeyFigures`)."""
    filters, dep, inis = _selected(store, filters, dep)
    table = commune_table(dep)
    reaches = [reach(i, dep) for i in inis]
    named, territory = _named_and_territory(reaches)
    named_reviewed = set().union(*(r.named for r, i in zip(reaches, inis)
                                   if i.status != TO_REVIEW))
    result = totals(store, filters, dep)
    goal_of = {(g["item"], g["unit"]): g for g in result["goals"]}
    production = {}
    for row in result["items"]:
        if row["item"] in HEADLINE_ITEMS and row["kind"] in (DONE, *BESIDE_DONE):
            entry = production.setdefault(row["item"], {
                DONE: None, "to_review": 0, **dict.fromkeys(BESIDE_DONE), "unit": row["unit"],
                "initiatives": 0, "goal": None})
            entry[row["kind"]] = (entry[row["kind"]] or 0) + row["value"]
            if row["kind"] == DONE:
                entry["initiatives"] += row["initiatives"]
                entry["to_review"] += row["to_review"]
                entry["goal"] = goal_of.get((row["item"], row["unit"]))
    for (item, unit), goal in goal_of.items():  # goals of an item nobody reports done yet
        if item in HEADLINE_ITEMS and item not in production:
            production[item] = {DONE: None, "to_review": 0, **dict.fromkeys(BESIDE_DONE),
                                "unit": unit, "initiatives": 0, "goal": goal}
    return KeyFigures(
        departement=dep,
        initiatives=len(inis),
        initiatives_to_review=sum(1 for i in inis if i.status == TO_REVIEW),
        initiatives_wide=sum(1 for r in reaches if r.wide and not r.communes),
        communes_total=len(table),
        communes_named=len(named),
        communes_named_to_review=len(named - named_reviewed),
        communes_territory=len(territory),
        population_total=int(table["population"].sum()),
        population_named=int(table.loc[list(named), "population"].sum()),
        population_territory=int(table.loc[list(territory), "population"].sum()),
        production={item: production[item] for item in HEADLINE_ITEMS if item in production},
        latest_release=situation_date(sources(store, filters, dep)),
    )


def sources(store: Store, filters: Filters | None = None, dep: str | None = None) -> list[dict]:
    """Releases cited by the filtered initiatives (inside or outside), oldest first."""
    filters, dep, inis = _selected(store, filters, dep, inside_only=False)
    ids = {i.id for i in inis}
    counts: dict[str, set] = {}
    for m in read(store, "mentions"):
        if m.initiative_id in ids and filters.keeps_observation(m.release_id, m.date):
            counts.setdefault(m.release_id, set()).add(m.initiative_id)
    out = []
    for rel in read(store, "releases"):
        if rel.id in counts:
            out.append({"id": rel.id, "title": rel.title, "number": rel.number,
                        "date": rel.date, "source": rel.source, "label": rel.label,
                        "initiatives": len(counts[rel.id])})
    if "" in counts:
        out.append({"id": "", "title": "Saisie manuelle", "number": None, "date": None,
                    "source": MANUAL_SOURCE, "label": MANUAL_SOURCE,
                    "initiatives": len(counts[""])})
    return out


def figures_lines(ini: Initiative) -> list[str]:
    """`masques : 1 600 (réalisé)`: the latest figure of each item and kind, done first.

    The same choice as `latest` (per item, kind and unit the latest figure, undated counts
    as oldest, the larger value among figures of one day), worked out in plain Python: it
    runs once per initiative of a table or an export."""
    ranked = sorted(enumerate(ini.quantities),
                    key=lambda p: (p[1].as_of or date.min, float(p[1].value)))
    last: dict[tuple, tuple[int, object]] = {}
    for rank, (_, q) in enumerate(ranked):
        last[(q.item, q.kind, q.unit)] = (rank, q)
    chosen = sorted(last.values(), key=lambda p: (kind_order(p[1].kind), p[0]))
    return [figure_line(q.item, float(q.value), q.unit, q.kind, bool(q.approx))
            for _, q in chosen]


FRAME_COLUMNS = ["id", "actor", "actor_type", "category", "status", "inside", "wide",
                 "places", "communes", "territory_communes", "arrondissements",
                 "arrondissements_noms", "first_release", "last_release", "first_date",
                 "last_date", "releases", "figures", "excerpt", "contacts"]


def initiatives_frame(store: Store, filters: Filters | None = None,
                      dep: str | None = None) -> pd.DataFrame:
    """One row per filtered initiative (inside and outside), for tables and exports."""
    filters, dep, inis = _selected(store, filters, dep, inside_only=False)
    table = commune_table(dep)
    names = dict(zip(table["arrondissement"], table["arrondissement_nom"]))
    cited: dict[int, list] = {}
    for m in read(store, "mentions"):
        cited.setdefault(m.initiative_id, []).append(m)
    rows = []
    for ini in inis:
        r, ms = reach(ini, dep), cited.get(ini.id, [])
        arr = sorted(r.arrondissements)
        rows.append({
            "id": ini.id, "actor": ini.actor, "actor_type": ini.actor_type,
            "category": ini.category, "status": ini.status, "inside": is_inside(ini, dep),
            "wide": r.wide,
            "places": ", ".join(p.nom or p.query for p in ini.places),
            "communes": sorted(r.named), "territory_communes": len(r.territory),
            "arrondissements": arr, "arrondissements_noms": [names.get(a, a) for a in arr],
            "first_release": ms[0].release_id if ms else "",
            "last_release": ms[-1].release_id if ms else "",
            "first_date": ms[0].date if ms else None,
            "last_date": ms[-1].date if ms else None,
            "releases": len(ms), "figures": " ; ".join(figures_lines(ini)), "excerpt": ini.excerpt,
            "contacts": list(ini.contacts)})
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def _units(level: str, dep: str) -> pd.DataFrame:
    """Every unit of the level with its name and population (the département's part)."""
    check(level)
    table = commune_table(dep).reset_index()
    if level == "commune":
        return table[["code", "nom", "population"]].sort_values("code", ignore_index=True)
    col = UNIT_COLUMN[level]
    return (table.groupby([col, f"{col}_nom"], as_index=False)["population"].sum()
                 .rename(columns={col: "code", f"{col}_nom": "nom"})
                 .sort_values("code", ignore_index=True))


def _unit_codes(communes, level: str, table: pd.DataFrame) -> set[str]:
    if level == "commune":
        return set(communes)
    unit_of = _unit_of(table, UNIT_COLUMN[level])
    return {unit_of[c] for c in communes}


_UNIT_OF: dict[tuple[int, str], tuple[pd.DataFrame, dict]] = {}


def _unit_of(table: pd.DataFrame, col: str) -> dict:
    """commune code -> its unit's code (EPCI or arrondissement), read once per table."""
    held = _UNIT_OF.get((id(table), col))
    if held is None or held[0] is not table:
        held = _UNIT_OF[(id(table), col)] = (table, dict(zip(table.index, table[col])))
    return held[1]


def counts_by(store: Store, filters: Filters | None = None, by: str = "arrondissement",
              columns: str = "category", dep: str | None = None,
              commune_only: bool = False) -> pd.DataFrame:
    """Who does what where: initiatives reaching each unit, by category (or actor type).

    Rows are every unit of the level, zeros included; `total` counts each initiative
    once. Territory-level places count in every unit they cover unless `commune_only`.
    """
    values = {"category": CATEGORIES, "actor_type": ACTOR_TYPES}.get(columns)
    if values is None:
        raise ValueError(f"Colonnes inconnues : {columns} (category ou actor_type).")
    filters, dep, inis = _selected(store, filters, dep)
    units, table = _units(by, dep), commune_table(dep)
    # one (unit, value) pair per initiative and unit it reaches, counted by groups
    seen: dict[int, tuple] = {}   # units of each distinct reach (reaches are shared)
    codes, labels = [], []
    for ini in inis:
        r = reach(ini, dep)
        found = seen.get(id(r))
        if found is None:
            found = seen[id(r)] = (r, tuple(_unit_codes(
                r.named if commune_only else r.communes, by, table)))
        codes.extend(found[1])
        labels.extend([getattr(ini, columns)] * len(found[1]))
    pairs = pd.DataFrame({"code": codes, "value": labels}, dtype=object)
    cells = (pairs.groupby(["code", "value"]).size().unstack(fill_value=0)
             if len(pairs) else pd.DataFrame())
    out = units[["code", "nom"]].copy()
    for value in values:
        column = cells[value] if value in cells.columns else pd.Series(dtype="int64")
        out[value] = column.reindex(out["code"], fill_value=0).to_numpy().astype("int64")
    total = pairs.groupby("code").size() if len(pairs) else pd.Series(dtype="int64")
    out["total"] = total.reindex(out["code"], fill_value=0).to_numpy().astype("int64")
    return out


def counts_per_unit(store: Store, filters: Filters | None = None, level: str = "commune",
                    dep: str | None = None, commune_only: bool = False) -> pd.DataFrame:
    """`code, nom, population, initiatives, per_10k` for every unit, for choropleths."""
    dep = dep or config.departement()
    counts = counts_by(store, filters, level, dep=dep, commune_only=commune_only)
    out = _units(level, dep).assign(initiatives=counts["total"].astype(int).to_numpy())
    pop = out["population"].where(out["population"] > 0)
    out["per_10k"] = (out["initiatives"] / pop * 10_000).fillna(0.0).round(3)
    return out


def evolution(store: Store, filters: Filters | None = None, dep: str | None = None,
              kinds: tuple[str, ...] = (DONE,)) -> pd.DataFrame:
    """Cumulative figures at each release date: the sum over initiatives of the latest
    figure known at that date (inside the département)."""
    filters, dep, inis = _selected(store, filters, dep)
    obs = observations(inis, filters)
    obs = obs[obs["kind"].isin(kinds) & obs["as_of"].notna()] if not obs.empty else obs
    rows = []
    for day in sorted(set(obs["as_of"])):
        last = latest(obs[obs["as_of"] <= day])
        for (item, kind, unit), g in last.groupby(["item", "kind", "unit"]):
            rows.append({"as_of": day, "item": item, "kind": kind, "unit": unit,
                         "value": _num(g["value"].sum()),
                         "initiatives": int(g["initiative_id"].nunique())})
    return pd.DataFrame(rows, columns=["as_of", "item", "kind", "unit", "value",
                                       "initiatives"])


def totals_by(store: Store, filters: Filters | None = None, level: str = "arrondissement",
              dep: str | None = None,
              kinds: tuple[str, ...] = (DONE, *BESIDE_DONE)) -> pd.DataFrame:
    """Latest figures summed by unit of the initiative's own place (not of every unit it
    reaches, which would count a figure twice); code "" when it spans several units."""
    filters, dep, inis = _selected(store, filters, dep)
    units, table = _units(level, dep), commune_table(dep)
    names = dict(zip(units["code"], units["nom"]))
    last = latest(observations(inis, filters))
    if last.empty:
        return pd.DataFrame(columns=["code", "nom", "item", "kind", "unit", "value",
                                     "initiatives"])
    home = {}
    for ini in inis:
        r = reach(ini, dep)
        codes = _unit_codes(r.named or r.territory, level, table)
        home[ini.id] = next(iter(codes)) if len(codes) == 1 else ""
    last = last[last["kind"].isin(kinds)].assign(code=lambda d: d["initiative_id"].map(home))
    out = (last.groupby(["code", "item", "kind", "unit"], as_index=False)
               .agg(value=("value", "sum"), initiatives=("initiative_id", "nunique")))
    out.insert(1, "nom", out["code"].map(names).fillna("plusieurs ou non localisé"))
    return out
