"""Quotations in news copy: where each opens and closes, and whether a unit names its speaker.

The segmenter asks two things of this module. ``find_quotations`` finds the quotations of a
paragraph so that no sentence ends inside one; ``is_whole_quotation`` and ``quotes_a_speaker``
decide whether a quotation standing alone continues the attributed quotation before it.

Marks: ``“ ”``, ``« »``, ````` ''`` and straight ``"`` pair as double quotations; ``‘ ’`` and
straight ``'`` as single ones where they act as quotes, not apostrophes (an opening mark starts
a word, a closing mark ends one: ``don't`` and ``the firms' profits`` open nothing). A straight
``"`` right after a digit is an inch mark (``a 6" pipe``), never an opening. Double quotations
do not nest (a quotation inside one takes single marks), so while one is open the next double
mark of any kind closes it: copy that types a closing mark the wrong way round still pairs.
An opening mark with no closing mark within ``QUOTE_CAP`` characters, or before the paragraph
ends, is a stray mark and opens nothing, so one stray mark cannot swallow an article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from crosscheck.engine import abbreviations as words

QUOTE_CAP = 600
"""A quotation longer than this (or one running past its paragraph) is not kept whole."""

Span = tuple[int, int]

_MARK = re.compile(r"``|''|[\"“”«»‘’']")
_DOUBLE_OPENINGS = frozenset(("“", "«", "``", '"'))
_DOUBLE_MARKS = frozenset(("“", "”", "«", "»", "``", "''", '"'))
_SINGLE_OPENINGS = frozenset(("‘", "'"))
_SINGLE_CLOSINGS = frozenset(("’", "'"))
# What may stand right before an opening mark: nothing, a space, a bracket, a dash, a colon, a
# slash or another opening mark ("(‘so-called’)", "—“No”", "said:“Go”").
_BEFORE_OPENING = "([{—–-:/“‘«\"'"
# A closing single mark ends a word: a non-space before it, no letter or digit after it
# ("don't" and "Reid's" are apostrophes). Two straight marks ('') are one double mark.
_SINGLE_CLOSE = re.compile(r"(?<![\s'])(?:’|'(?!'))(?![^\W_])")
_SENTENCE_END = ".!?…\"'”’"


class Quotations:
    """The quotations of one paragraph, in order, indexed by where each opens and closes."""

    __slots__ = ("_by_close", "_by_open", "_opens", "spans")

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._opens = [open_at for open_at, _ in spans]
        self._by_open = dict(spans)
        self._by_close = {close_at: open_at for open_at, close_at in spans}

    def closes_at(self, position: int) -> bool:
        """Whether a quotation's closing mark ends just before ``position``."""
        return position in self._by_close

    def span_from(self, position: int) -> Span | None:
        """The quotation whose opening mark is at ``position``."""
        close_at = self._by_open.get(position)
        return None if close_at is None else (position, close_at)

    def within(self, start: int, end: int) -> list[Span]:
        """The quotations that lie wholly inside ``[start, end)``."""
        first = bisect_left(self._opens, start)
        last = bisect_left(self._opens, end)
        return [span for span in self.spans[first:last] if span[1] <= end]


def find_quotations(text: str, start: int, end: int) -> Quotations:
    """The outermost quotations of the paragraph ``text[start:end]``."""
    return Quotations(quotation_spans(text, start, end))


def quotation_spans(text: str, start: int, end: int) -> list[Span]:
    """Return ``(open, close)`` for each outermost quotation of ``text[start:end]``, in order.

    ``open`` is the index of the opening mark and ``close`` the index just past the closing
    mark, so ``text[open:close]`` is the quotation with both marks.
    """
    spans: list[Span] = []
    # Closing single marks do not depend on what is open: found once, then looked up.
    single_closes = [match.end() for match in _SINGLE_CLOSE.finditer(text, start, end)]
    position = start
    while True:
        opening = _next_opening(text, position, end)
        if opening is None:
            return spans
        mark_start, mark_end, double = opening
        limit = min(end, mark_start + QUOTE_CAP)
        if double:
            close = _double_close(text, mark_end, limit)
        else:
            index = bisect_right(single_closes, mark_end)
            found = single_closes[index] if index < len(single_closes) else None
            close = found if found is not None and found <= limit else None
        if close is None:
            # A stray mark: look for the next opening just after it.
            position = mark_end
            continue
        spans.append((mark_start, close))
        position = close


def _next_opening(text: str, position: int, end: int) -> tuple[int, int, bool] | None:
    """The next mark that can open a quotation: ``(start, end, is_double)``."""
    for match in _MARK.finditer(text, position, end):
        mark, at = match.group(), match.start()
        if mark not in _DOUBLE_OPENINGS and mark not in _SINGLE_OPENINGS:
            continue  # a closing mark with nothing open: stray, or an apostrophe
        before = text[at - 1] if at > 0 else " "
        after = text[match.end()] if match.end() < end else ""
        if mark in ("“", "«", "``"):
            return at, match.end(), True
        if not (before.isspace() or before in _BEFORE_OPENING):
            continue  # "6\"", "rock'n", "O'Neil": a mark inside or after a word
        if mark == '"' and after:
            return at, match.end(), True
        # A single mark opens only before a letter: "'90s" and "' " open nothing.
        if mark in _SINGLE_OPENINGS and after.isalpha():
            return at, match.end(), False
    return None


def _double_close(text: str, position: int, limit: int) -> int | None:
    """Index just past the mark that closes a double quotation opened before ``position``.

    A mark shaped like an opening (straight after a space, a letter straight after it) ends an
    open quotation that was never closed: one whose last sentence ended just before it loses
    no text ('... the void. "What is at stake'), and one that did not (a missing closing mark)
    is no quotation at all (``None``), so the scan starts again at the new mark. A straight
    mark followed by an attribution still closes ('... hosting! "DeGeneres tweeted').
    """
    for match in _MARK.finditer(text, position, limit):
        mark, at = match.group(), match.start()
        if mark not in _DOUBLE_MARKS:
            continue
        if mark == '"' and at > 0 and text[at - 1].isdigit() and _inch_follows(text, at + 1):
            continue
        if not _opening_shaped(text, at, match.end()):
            return match.end()
        ended = text[position:at].rstrip()
        if mark == '"' and attribution_follows(text, match.end()):
            return match.end()
        if ended and ended[-1] in _SENTENCE_END:
            return position + len(ended)
        if mark == '"':
            return match.end()
        return None
    return None


def _opening_shaped(text: str, at: int, after: int) -> bool:
    """A double mark directly before a letter: '“We', '``We', and '"We' after a space."""
    if after >= len(text) or not text[after].isalpha():
        return False
    return text[at] != '"' or text[at - 1].isspace()


def _inch_follows(text: str, position: int) -> bool:
    """After ``12"``: a letter or hyphen straight after the mark makes it a measure (12"-long)."""
    return position < len(text) and (text[position].isalpha() or text[position] in "-x×")


def attribution_follows(text: str, position: int, short: bool = False) -> bool:
    """True for '"Why?" Delgado asked.': up to three capitalised words, then a speech verb.

    ``short``: the sentence must also end within ``SHORT_ATTRIBUTION`` words ("Ruiz said on
    Friday."), so a new sentence that merely reports speech ("Officials said the road would
    reopen next week.") is not taken for the attribution of the quotation before it.
    """
    tokens = text[position : position + 80].split()[:4]
    for index, token in enumerate(tokens[1:], start=1):
        if token.rstrip(".,;:").lower() in words.SPEECH_VERBS:
            named = all(name[:1].isupper() for name in tokens[:index])
            return named and (not short or _ends_within(text, position, SHORT_ATTRIBUTION))
    return False


SHORT_ATTRIBUTION = 6
_END_OF_SENTENCE = re.compile(r"[.!?…]+(?=[\s\"'”’)]|\Z)")


def _ends_within(text: str, position: int, count: int) -> bool:
    """Whether a sentence end comes within ``count`` words after ``position``."""
    end = _END_OF_SENTENCE.search(text, position, position + 120)
    return end is not None and len(text[position:end.start()].split()) <= count


def is_whole_quotation(text: str, start: int, end: int, quotes: Quotations) -> bool:
    """Whether ``text[start:end]`` is one quotation alone, perhaps with a final period outside
    the marks ('"We will reopen."' or '"We will reopen".')."""
    span = quotes.span_from(start)
    return span is not None and span[1] <= end and not text[span[1]:end].strip(".!?…")


def quotes_a_speaker(text: str, start: int, end: int, quotes: Quotations) -> bool:
    """Whether ``text[start:end]`` holds a quotation of more than one word and, outside every
    quotation, a speech verb or "according to": the unit says who is speaking.

    A quoted single word ('called it "fair"') is a scare quote, not somebody's statement.
    """
    inside = quotes.within(start, end)
    if not any(" " in text[a:b].strip() for a, b in inside):
        return False
    outside, cursor = [], start
    for open_at, close_at in inside:
        outside.append(text[cursor:open_at])
        cursor = close_at
    outside.append(text[cursor:end])
    tokens = [token.strip(".,;:!?()—–-").lower() for token in " ".join(outside).split()]
    if any(token in words.SPEECH_VERBS for token in tokens):
        return True
    return any(a == "according" and b == "to" for a, b in zip(tokens, tokens[1:], strict=False))
