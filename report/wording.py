"""French phrases shared by the pages and the briefing, so a figure reads the same
everywhere: how much of a total is still to review, a goal against what was done,
a share as a percentage, and which figures a view or a note is made of."""
from __future__ import annotations

from initiatives.filters import Filters
from initiatives.formatting import figure_line, format_date, format_number

TO_REVIEW = "à relire"
COVERAGE_LEAD = ("Communes du département en trois chiffres à part, jamais additionnés : "
                 "celles où une initiative est nommée ; celles atteintes seulement parce que "
                 "leur territoire est cité en bloc (calaisis, intercommunalité…) ; les autres, "
                 "où rien n'est signalé.")
REVIEWED_ONLY = ("Chiffres relus seulement : les initiatives pas encore vérifiées "
                 "(« à relire ») sont écartées.")


def percent(share: float | None) -> str:
    """`15 %` (a share from 0 to 1); `–` when there is none."""
    if share is None:
        return "–"
    value = 100 * share
    return f"{format_number(value, 1 if 0 < value < 1 else 0)}\u00a0%"


def review_note(to_review: float | int, total: float | int, filters: Filters | None = None
                ) -> str:
    """`dont 1 200 à relire`, `tout est relu`, or `relus seulement` with the switch on."""
    if filters is not None and filters.reviewed_only:
        return "relus seulement"
    if not total:
        return ""
    if not to_review:
        return "tout est relu"
    if to_review == total:
        return f"tout {TO_REVIEW}"
    return f"dont {format_number(to_review)} {TO_REVIEW}"


def review_scope(filters: Filters, initiatives_to_review: int, initiatives: int) -> str:
    """Which figures a note is made of: reviewed only, or all with how many to review."""
    if filters.reviewed_only:
        return REVIEWED_ONLY
    if not initiatives_to_review:
        return (f"Tous les chiffres ; les {format_number(initiatives)} initiatives retenues "
                "sont relues (vérifiées).") if initiatives else "Tous les chiffres."
    return (f"Tous les chiffres, y compris ceux de {format_number(initiatives_to_review)} "
            f"initiative{'s' if initiatives_to_review > 1 else ''} sur "
            f"{format_number(initiatives)} pas encore vérifiée"
            f"{'s' if initiatives_to_review > 1 else ''} ({TO_REVIEW}).")


def goal_progress(goal: dict) -> str:
    """`1 600 / 11 000 (15 %)`: done against goal, over the initiatives giving both."""
    if not goal or not goal.get("initiatives"):
        return "–"
    approx = "environ " if goal.get("approx") else ""
    return (f"{approx}{format_number(goal['done'])} / {format_number(goal['target'])} "
            f"({percent(goal['share'])})")


def goal_line(item: str, goal: dict) -> str:
    """A goal in plain words, never a sum of goals set against an unrelated sum of done:
    `masques : 1 600 réalisés sur un objectif de 11 000 (15 %) pour l'initiative qui
    donne les deux ; objectif sans réalisé connu : 8 500 (1 initiative)`."""
    parts = []
    n = goal.get("initiatives") or 0
    if n:
        who = "l'initiative qui donne" if n == 1 else f"les {format_number(n)} initiatives qui donnent"
        parts.append(f"{format_number(goal['done'])} réalisés sur un objectif de "
                     f"{format_number(goal['target'])} ({percent(goal['share'])}) pour {who} "
                     "les deux")
    alone = goal.get("initiatives_alone") or 0
    if alone:
        parts.append(f"objectif{'s' if alone > 1 else ''} sans réalisé connu : "
                     f"{format_number(goal['target_alone'])} ({format_number(alone)} "
                     f"initiative{'s' if alone > 1 else ''})")
    return f"{item} : " + " ; ".join(parts)


def _plural(n: int, one: str, many: str) -> str:
    return f"{format_number(n)} {one if n == 1 else many}"


def changes_reference(ch) -> str:
    """`depuis le n°7 du 30 avril 2020`, `depuis le 21 avril 2020` (a picked date), or
    `depuis le début` when there is no earlier release (`initiatives.changes.Changes`)."""
    if ch.previous:
        return f"depuis le {ch.previous['label']}"
    if ch.since:
        return f"depuis le {format_date(ch.since)}"
    return "depuis le début"


def changes_summary(ch) -> str:
    """One sentence: `Depuis le n°7 du 30 avril 2020 (1 communiqué paru depuis) :
    2 nouvelles initiatives dont 1 à relire, 3 nouveaux chiffres, 1 commune nommée pour
    la première fois (4 200 habitants).`"""
    head = changes_reference(ch)
    head = head[0].upper() + head[1:]
    n = len(ch.releases)
    head += f" ({_plural(n, 'communiqué paru', 'communiqués parus')} depuis)" if n \
        else " : aucun communiqué paru depuis."
    if not n:
        return head
    if ch.empty:
        return head + " : rien de nouveau pour ces filtres."
    new = _plural(len(ch.initiatives), "nouvelle initiative", "nouvelles initiatives")
    if ch.initiatives_to_review and len(ch.initiatives):
        new += f" dont {format_number(ch.initiatives_to_review)} {TO_REVIEW}"
    figures = _plural(len(ch.figures), "nouveau chiffre", "nouveaux chiffres")
    communes = _plural(len(ch.communes), "commune nommée pour la première fois",
                       "communes nommées pour la première fois")
    if len(ch.communes):
        communes += f" ({format_number(ch.population)} habitants)"
    return f"{head} : {new}, {figures}, {communes}."


def figure_change(row) -> str:
    """`Ville de Marck — masques : 3 000 (réalisé), 1 600 auparavant`, from a row of
    `Changes.figures`; `premier chiffre` when the initiative gave none before."""
    line = figure_line(row["item"], row["value"], row["unit"], row["kind"], row["approx"])
    before = row["before"]
    was = ("premier chiffre" if before is None or before != before
           else f"{format_number(before)} auparavant")
    return f"{row['actor']} — {line}, {was}"


def commune_change(row) -> str:
    """`Lens (32 000 habitants) : Ville de Lens`, from a row of `Changes.communes`."""
    return (f"{row['nom']} ({format_number(row['population'])} habitants) : "
            + ", ".join(row["actors"]))
