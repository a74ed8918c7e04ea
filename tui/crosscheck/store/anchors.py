"""Anchor items to text with W3C-style selectors, and find them again in an edited document.

Placement tries the exact quote first (several occurrences are told apart by prefix/suffix,
then by distance from the old offset), then a fuzzy match (rapidfuzz ``ratio``) of the quote
against every run of as many consecutive sentences as the item had.
"""

from __future__ import annotations

from bisect import bisect_right

from rapidfuzz import fuzz, process

from crosscheck.engine.model import Document, Sentence
from crosscheck.store.records import Selector

CONTEXT_CHARS = 32
FUZZY_CUTOFF = 80.0


def selector_for(doc: Document, ids: tuple[str, ...]) -> Selector | None:
    """The selector spanning sentences ``ids`` of ``doc`` (``None`` when ``ids`` is empty)."""
    if not ids:
        return None
    sentences = [doc.sentence(sid) for sid in ids]
    start = min(s.start for s in sentences)
    end = max(s.end for s in sentences)
    return selector_at(doc.text, start, end)


def selector_at(text: str, start: int, end: int) -> Selector:
    """The selector for ``text[start:end]`` with up to 32 characters of context each side."""
    return Selector(text[start:end], text[max(0, start - CONTEXT_CHARS):start],
                    text[end:end + CONTEXT_CHARS], start, end)


class Locator:
    """Finds old quotes in one (new) document; build once per document, query per item."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.ends = [s.end for s in doc.sentences]
        self._windows: dict[int, tuple[list[list[Sentence]], list[str]]] = {}

    def locate(self, selector: Selector, count: int) -> tuple[str, ...] | None:
        """Sentence ids where ``selector``'s quote is now, or ``None`` if it is gone."""
        span = _exact_span(selector, self.doc.text)
        if span is not None:
            ids = self._covering(*span)
            if ids:
                return ids
        return self._fuzzy_ids(selector.exact, max(1, count))

    def _covering(self, start: int, end: int) -> tuple[str, ...]:
        # Sentences are in text order, so bisect to the first that ends after ``start``.
        ids = []
        for sentence in self.doc.sentences[bisect_right(self.ends, start):]:
            if sentence.start >= end:
                break
            if not sentence.boilerplate:
                ids.append(sentence.id)
        return tuple(ids)

    def _fuzzy_ids(self, quote: str, count: int) -> tuple[str, ...] | None:
        if count not in self._windows:
            sentences = [s for s in self.doc.sentences if not s.boilerplate]
            windows = [sentences[i:i + count] for i in range(len(sentences) - count + 1)]
            self._windows[count] = (windows,
                                    [self.doc.text[w[0].start:w[-1].end] for w in windows])
        windows, choices = self._windows[count]
        if not quote or not choices:
            return None
        best = process.extractOne(quote, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return None if best is None else tuple(s.id for s in windows[best[2]])


def _exact_span(selector: Selector, text: str) -> tuple[int, int] | None:
    if not selector.exact:
        return None
    hits = []
    at = text.find(selector.exact)
    while at != -1:
        hits.append(at)
        at = text.find(selector.exact, at + 1)
    if not hits:
        return None
    size = len(selector.exact)

    def rank(pos: int) -> tuple[int, int]:
        context = (text[:pos].endswith(selector.prefix) if selector.prefix else True) + (
            text[pos + size:].startswith(selector.suffix) if selector.suffix else True)
        return (-int(context), abs(pos - selector.start))

    best = min(hits, key=rank)
    return best, best + size
