"""Each figure of a text counted once: the same figure said again in one story, in a
summary's lines or in another story of the same commune, a total that sums the figures
before it, and the week's figure beside the running total.

They work on the figures of a text once read (`read_of`: a block's start → its pairs
of NumberNote and Quantity, changed in place) and on its stories (anything holding
`blocks`)."""
from __future__ import annotations

import dataclasses
import re

from initiatives.dates import MONTHS
from initiatives.model import APART, BENEFICIARIES, DONE, PER_DAY, PER_WEEK, SET_ASIDE, VOLUNTEERS

# Households are counted apart from the people in them.
_HOUSEHOLDS = {"familles", "foyers", "ménages"}


def figure_key(q) -> tuple:
    """What makes two figures one: amount, thing and kind. People helped or helping are
    the same people whatever noun names them ("aux 212 habitants de plus de 75 ans", then
    "212 aînés appelés")."""
    item = q.item.lower()
    if q.kind in (BENEFICIARIES, VOLUNTEERS) and q.unit == "personnes" and item not in _HOUSEHOLDS:
        item = "personnes"
    return q.value, item, q.kind


def said_again(note) -> tuple:
    """A figure's pair once it is found to say again one counted elsewhere."""
    return dataclasses.replace(note, status=SET_ASIDE, reason="restated"), None


def restated(drafts, read_of: dict) -> None:
    """The same amount of the same thing, of the same kind, said again in another
    paragraph of one story is one figure said twice (a headline, then its story; a
    summary at the end): it is counted once. Within one paragraph two equal figures
    are two ("200 masques lundi, 200 mardi"), unless written once in digits and once in
    words: that is the writer saying it again ("la barre des 3 000 masques ! Trois mille
    masques cousus main…")."""
    for draft in drafts:
        seen: set = set()
        for block in draft.blocks:
            pairs, here = read_of.get(block.start, []), {}
            for k, (note, q) in enumerate(pairs):
                if q is None:
                    continue
                key, digits = figure_key(q), bool(re.match(r"\W*\d", note.text))
                if key in seen or here.get(key, digits) != digits:
                    pairs[k] = said_again(note)
                here.setdefault(key, digits)
            seen |= set(here)


# a milestone passed ("franchi le cap des 10 000 masques", "dépassé la barre des 5 000")
_MILESTONE = r"\b(?:cap|barre|seuil|palier)\s+(?:symbolique\s+)?(?:des|de|du)\s+"


def milestones(drafts, read_of: dict) -> None:
    """A milestone passed is the story's running count rounded down: when the story
    also tells that count (the same thing and kind, at least as many and less than half
    as many again: "le cap des 10 000 masques", then "10 400 masques cousus"), the
    milestone says it again and is counted once, as the count."""
    for draft in drafts:
        told = [(block, k, note, q) for block in draft.blocks
                for k, (note, q) in enumerate(read_of.get(block.start, [])) if q is not None]
        for block, k, note, q in told:
            if re.search(_MILESTONE + re.escape(note.text) + r"(?!\d)", note.sentence, re.I) and \
                    any(other is not q and (other.item, other.kind) == (q.item, q.kind)
                        and q.value <= other.value < 1.5 * q.value for *_, other in told):
                read_of[block.start][k] = said_again(note)


# the heading of a summary or a box that recaps the text's figures ("EN RÉSUMÉ", "En
# bref :", "REPÈRES"), after its topic ("OPÉRATION X – CHIFFRES CLÉS") or with its date
# ("LES CHIFFRES CLÉS AU 24 AVRIL", "LES CHIFFRES CLÉS (au 23 avril)")
# (its topic may come bare before "en chiffres": "L'AGGLO EN CHIFFRES", "Quelques
# chiffres, en un coup d'œil :")
RECAP = re.compile(r"(?i)\W*(?:[^\n]{1,60}\s[–—:-]\s*"
                   r"|[^\n]{1,40}(?:,\s*|\s)(?=en\s+(?:chiffres|bref|résumé|un coup)\b))?"
                   r"(?:(?:les\s+)?repères|l['’]essentiel|(?:l['’]action\s+|le bilan\s+)?en (?:résumé|bref|chiffres"
                   r"|un coup d['’]œil)|à retenir|(?:les\s+)?chiffres(?:[- ]clés)?|récapitulatif)"
                   r"(?:\s+\(?(?:au|du)\s+[^\n]{1,25}?)?\W*")


def is_recap(line: str) -> bool:
    return len(line) <= 80 and bool(RECAP.fullmatch(line))


def recapped(blocks, read_of: dict) -> None:
    """A summary's lines under its heading ("EN RÉSUMÉ" over "• 400 colis livrés") say
    again figures the text gives elsewhere, above or below, whoever's story tells them:
    each equal to one of them (same amount, thing and kind) is counted once, where the
    story tells it."""
    told: set = set()            # the figures outside summaries
    summed: list = []            # (block, index, note, key) of the summaries' lines
    under = False
    for block in blocks:
        line = block.text.strip()
        if is_recap(line):
            under = True
            continue
        # (its rows marked, or each opening with its figure: "10 000 masques remis"; a
        # heading in capitals may come joined to its first row: "EN CHIFFRES 2 400 …")
        head = re.match(r"(\D{3,80}?)\s+(?=\d)", line)
        under = bool(head and head.group(1).isupper() and is_recap(head.group(1))) or (
            under and (line[:1] in "•-–—*▪·▸►|" or line[:1].isdigit()
                       or "\u2500" <= line[:1] <= "\u257f"))   # a box's frame: "┃ 380 …"
        for k, (note, q) in enumerate(read_of.get(block.start, [])):
            if q is None:
                continue
            if under:
                summed.append((block, k, note, figure_key(q)))
            else:
                told.add(figure_key(q))
    for block, k, note, key in summed:
        if key in told:
            read_of[block.start][k] = said_again(note)


# a figure told as a total: a table's or a list's "Total" line, "soit", "au total", "en tout"
TOTAL_CUE = re.compile(r"\b(?:total|totalis\w*|en tout|soit|cumul\w*)\b", re.I)


def sums(blocks, read_of: dict) -> None:
    """A figure told as a total that equals the sum of the figures of the same thing and
    kind given just before it (a table's "TOTAL" row, "soit 1 500 masques en tout") says
    them again: counted once, in its parts, which tell where."""
    before: dict = {}          # (item, kind) → the values read so far, in order
    heading = ""               # the entry's name over a block of data lines ("• TOTAL")
    for block in blocks:
        pairs = read_of.get(block.start, [])
        for k, (note, q) in enumerate(pairs):
            if q is None:
                continue
            key = (q.item.lower(), q.kind)
            values = before.setdefault(key, [])
            if (TOTAL_CUE.search(note.sentence) or TOTAL_CUE.search(heading)) and \
                    _sums_a_run(values, q.value):
                pairs[k] = (dataclasses.replace(note, status=SET_ASIDE, reason="sum"), None)
                values.clear()     # the next total sums the figures after this one
                continue
            values.append(q.value)
        # a short line without figures names the entry under it (a table's row turned
        # into lines: "• TOTAL" over "Masques distribués : 8 430")
        heading = block.text if len(block.text) <= 40 and not re.search(r"\d", block.text) \
            else ""


def sums_ahead(blocks, read_of: dict) -> None:
    """A total that a colon opens a list with ("soit 10 200 masques remis :" over a row
    per commune) says again the figures of the same thing and kind in the rows that
    follow, when they add up to it: counted once, in its parts."""
    figures = [(block, k, note, q) for block in blocks
               for k, (note, q) in enumerate(read_of.get(block.start, [])) if q is not None]
    for n, (block, k, note, q) in enumerate(figures):
        if not block.text.rstrip().endswith(":") or \
                any(b is block for b, *_ in figures[n + 1:n + 2]):
            continue   # (the list's own figures come after its line, none on it after this)
        running, parts = 0.0, 0
        for _, _, _, part in figures[n + 1:]:
            if (part.item.lower(), part.kind) != (q.item.lower(), q.kind) or running > q.value:
                break
            running, parts = running + part.value, parts + 1
            if parts >= 2 and abs(running - q.value) < 1e-9:
                read_of[block.start][k] = (dataclasses.replace(note, status=SET_ASIDE,
                                                               reason="sum"), None)
                break


def _sums_a_run(values: list[float], total: float) -> bool:
    """Whether the last two or more of `values` add up to `total`."""
    running = 0.0
    for n, v in enumerate(reversed(values), 1):
        running += v
        if n >= 2 and abs(running - total) < 1e-9:
            return True
        if running > total:
            return False
    return False


# A figure's time: one recent week or day, or the running total since a start
_WEEK = re.compile(r"\b(?:cette semaine|la semaine (?:dernière|passée)|(?:en|sur) une semaine"
                   r"|(?:sur|pour) la (?:seule )?semaine)\b", re.I)
_DAY = re.compile(r"\b(?:aujourd['’]hui|hier|ce jour|(?:en|sur) une (?:seule )?journée)\b", re.I)
_RUNNING = re.compile(r"\b(?:depuis|au total|en tout|à ce jour|jusqu['’](?:ici|à présent)"
                      r"|au cumul|cumulée?s?)\b", re.I)


_DATE = re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:{'|'.join(MONTHS)})\b", re.I)


def periods(drafts, read_of: dict) -> None:
    """A story that gives the week's (or the day's) figure beside its running total
    ("860 masques la semaine dernière, soit 3 700 depuis l'ouverture"; "Cette semaine :
    412 masques", then "Depuis le début : 3 115") holds the first in the second: the
    week's figure is shown apart as a weekly (daily) figure, the total alone is added."""
    for draft in drafts:
        # (the total beside it: in its paragraph or list line, or the next or last one)
        done = [(b, block.start, k, note, q) for b, block in enumerate(draft.blocks)
                for k, (note, q) in enumerate(read_of.get(block.start, []))
                if q is not None and q.kind == DONE]
        times = [_time_of(note) for *_, note, _ in done]
        for (b, start, k, note, q), (when, cue) in zip(done, times):
            if when is None or when == "running":
                continue
            if any(t == "running" and abs(b2 - b) <= 1 and other.item.lower() == q.item.lower()
                   and other.value > q.value
                   for (b2, *_, other), (t, _) in zip(done, times)):
                kind = PER_WEEK if when == "week" else PER_DAY
                reason = f"chiffre {'de la semaine' if kind == PER_WEEK else 'du jour'} " \
                         f"(« {cue} »), compris dans le cumul donné à côté"
                read_of[start][k] = (dataclasses.replace(note, status=APART, reason=reason,
                                                         kind=kind),
                                     dataclasses.replace(q, kind=kind, reason=reason))


def _time_of(note) -> tuple[str | None, str]:
    """("running", "week", "day" or None; the words): the time its words give a figure,
    read around it up to the next figure."""
    sentence, at = note.sentence, note.sentence.find(note.text)
    if at < 0:
        return None, ""
    # (a date is no figure: "Depuis le 16 mars, ça fait 7 500 repas")
    end = at + len(note.text)
    after = re.split(r"\d", _DATE.sub("date", sentence[end:end + 70]), maxsplit=1)[0]
    before = re.split(r"\d", _DATE.sub("date", sentence[max(0, at - 80):at]))[-1]
    around = before + " " + after
    for when, pattern in (("running", _RUNNING), ("week", _WEEK), ("day", _DAY)):
        if m := pattern.search(around):
            return when, m.group()
    return None, ""


def across_stories(initiatives, drafts, read_of: dict, least: float = 20) -> None:
    """The same amount of the same thing, of the same kind, told in two stories of one
    text that share a commune (a table's row, then the paragraph on the same group under
    another name) is one figure told twice: the later is counted once, where it was first
    told. Small counts (under `least`) may well be two."""
    told: list[tuple[set, set]] = []          # per initiative: its communes, its figures
    for ini, draft in zip(initiatives, drafts):
        codes = {p.code for p in ini.places if p.level == "commune"}
        earlier = set().union(*(keys for places, keys in told if places & codes)) \
            if told else set()
        mine = set()
        for block in draft.blocks:
            pairs = read_of.get(block.start, [])
            for k, (note, q) in enumerate(pairs):
                if q is None:
                    continue
                key = figure_key(q)
                if key in earlier and q.value >= least:
                    pairs[k] = said_again(note)
                    ini.quantities = [x for x in ini.quantities if x is not q]
                    continue
                mine.add(key)
        told.append((codes, mine))
