"""Small hostile inputs (issue 14): how long each takes to be read or refused.

- the address patterns on a 20 000-letter "word", against the backtracking ones they
  replaced (baseline, measured in the same run);
- a pasted text holding such a word, read whole (`importing.parse`);
- a PDF of 1-2 KB inflating to 400 000 text operations (refused by pypdf's lowered limits);
- a PDF page of 50 000 text operations (read in plain mode, stopped by the time budget);
- a long story's place mentions found per paragraph by bisection, against a scan;
- a 2 000-page PDF (refused on its page count, before any text is read).
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from bench.timing import best_of, result
from geo.normalize import EMAIL, URL
from initiatives import extract, importing
from tests.helpers.hostile import long_word_text, operations_pdf, pages_pdf

# The patterns before issue 14: a search tried the whole rest of a run from each letter.
OLD_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"«»]+"
                     r"|\b[\w-]+(?:\.[\w-]+)*\.(?:gouv\.fr|fr|com|org|net|eu|info)\b"
                     r"(?:/[^\s<>\"«»]*)?")
OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _scan(url: re.Pattern, email: re.Pattern, text: str) -> None:
    list(url.finditer(text))
    list(email.finditer(text))


def run(quick: bool) -> list[dict]:
    letters = 5_000 if quick else 20_000
    repeat = 1 if quick else 3
    out = []
    for unit in ("a", "a-", "a."):
        word = (unit * letters)[:letters]
        new = best_of(lambda word=word: _scan(URL, EMAIL, word), repeat)
        old = best_of(lambda word=word: _scan(OLD_URL, OLD_EMAIL, word), 1)
        out.append(result(f"address_patterns_word_{unit}", new * 1000, "ms", repeat,
                          baseline=old * 1000, letters=letters))
    importing.parse("texte collé", text="La ville de Lens a distribué 10 masques.")  # model
    for unit in ("a", "a-"):
        text = long_word_text(letters, unit)
        seconds = best_of(lambda text=text: importing.parse("texte collé", text=text), 1)
        out.append(result(f"parse_text_word_{unit}", seconds, "s", 1, letters=letters))
    crafted = operations_pdf(100_000 if quick else 400_000)
    seconds = best_of(lambda: importing.parse("petit.pdf", crafted), 1)
    out.append(result("crafted_pdf", seconds, "s", 1, size_kb=round(len(crafted) / 1000, 1),
                      error=importing.parse("petit.pdf", crafted).error))
    dense = operations_pdf(20_000 if quick else 50_000, b"(Lens a livre 10 masques)' ")
    parsed = []
    seconds = best_of(lambda: parsed.append(importing.parse("dense.pdf", dense)), 1)
    out.append(result("dense_page_pdf", seconds, "s", 1, size_kb=round(len(dense) / 1000, 1),
                      error=parsed[0].error))
    out.append(_places_of_a_long_story(2_000 if quick else 8_000, repeat))
    many = pages_pdf(300 if quick else 2_000)
    seconds = best_of(lambda: importing.parse("dossier.pdf", many), repeat)
    out.append(result("many_pages_pdf", seconds, "s", repeat,
                      error=importing.parse("dossier.pdf", many).error))
    return out


def _places_of_a_long_story(paragraphs: int, repeat: int) -> dict:
    """A paragraph's place mentions among a long story's, by bisection (`extract._within`)
    against the scan of every mention for every paragraph it replaced (baseline)."""
    mentions = [SimpleNamespace(start=i * 100 + 10, end=i * 100 + 20)
                for i in range(paragraphs)]
    spans = [(i * 100, i * 100 + 90) for i in range(0, paragraphs, 2)]
    new = best_of(lambda: extract._within(mentions, spans), repeat)
    old = best_of(lambda: [m for m in mentions
                           if any(a <= m.start and m.end <= b for a, b in spans)], 1)
    return result("places_of_a_long_story", new * 1000, "ms", repeat, baseline=old * 1000,
                  paragraphs=paragraphs)
