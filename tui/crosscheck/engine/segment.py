"""Split news text into paragraphs and sentences with exact character offsets.

Rule-based and dependency-free (chosen by measurement, see BENCHMARKS.md "Sentence
segmentation"). Candidate boundaries are runs of ``. ! ? …`` (plus closing quotes or brackets)
followed by whitespace; word lists in ``crosscheck.engine.abbreviations`` decide which of them
end a sentence. Every span is trimmed of whitespace and indexes the text it was given.

Quotations (``crosscheck.engine.quotes``) are never cut: a quotation of several sentences is
one unit with its attribution ('"We are not leaving. This is our home," she said.'), and a
quotation standing alone right after an attributed one joins it ('"It is over," Marsh said.
"Now we rebuild."'). One unit rather than a speaker copied onto each part, because a unit is a
span of the text the reader sees: the speaker is only in the text once, and a part without it
is the fragment that was matched against the other article's wording and flagged. The unit is
bounded (``quotes.QUOTE_CAP`` for a quotation, ``ATTRIBUTED_QUOTE_CAP`` with its
continuations); beyond that, sentences split as usual. An embedded social post
(``crosscheck.engine.posts``) is one unit with its author line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from crosscheck.engine import abbreviations as words
from crosscheck.engine import posts
from crosscheck.engine.quotes import (
    Quotations,
    Span,
    attribution_follows,
    find_quotations,
    is_whole_quotation,
    quotes_a_speaker,
)

MAX_SENTENCE_CHARS = 1000
"""Longer runs without a boundary (a 300 KB unpunctuated line) are cut into chunks this size."""

ATTRIBUTED_QUOTE_CAP = 800
"""An attributed quotation takes the quotations that continue it up to this many characters."""

_LINE = re.compile(r"[^\n]+")
_NON_SPACE = re.compile(r"\S")
_BULLET = re.compile(r"(?:[-*•–·▪]|\d{1,3}[.)])\s+")
_TERMINATOR = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|\Z)")
_NEXT = re.compile(r"\s+([\"'“‘«(\[]*)(\S{0,40})")
_INITIAL = re.compile(r"[^\W\d_]\.")
_ACRONYM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_CLOSERS = "\"'”’»)]"
_CLOSING_RUN = re.compile(r"(?:\s*[\"'”’»“])+")
_OPENERS = "\"'“‘«(["
_TERMINAL = ".!?…:"
_OPEN_ENDED = ",;-–—(/&"
_NOTICE_PREFIXES = ("©", "(c) ", "Copyright ")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return trimmed ``(start, end)`` spans of paragraphs.

    Blank lines separate paragraphs, except before the author line of an embedded social
    post, which joins the post. A single newline separates them only around a headline,
    dateline, byline or list item; hard-wrapped prose lines stay together.
    """
    spans: list[tuple[int, int]] = []
    for block in _blocks(text):
        width = max(end - start for start, end in block)
        start = block[0][0]
        for i in range(len(block) - 1):
            if _breaks_between(text, block, i, width):
                spans.append((start, block[i][1]))
                start = block[i + 1][0]
        spans.append((start, block[-1][1]))
    return posts.join_posts(text, spans)


def segment(text: str) -> list[tuple[int, int, int]]:
    """Return ``(start, end, paragraph_index)`` for every sentence of ``text``, in order.

    ``text[start:end]`` is the sentence without surrounding whitespace; together the sentences
    cover every non-whitespace character once and never cross a paragraph boundary.
    """
    result: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(split_paragraphs(text)):
        quotes = find_quotations(text, start, end)
        units = _join_continued_quotes(text, list(_sentences(text, start, end, quotes)), quotes)
        for sentence_start, sentence_end in units:
            result.extend(
                (chunk_start, chunk_end, index)
                for chunk_start, chunk_end in _bounded(text, sentence_start, sentence_end)
            )
    return result


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """Yield runs of non-blank lines as trimmed ``(start, end)`` spans."""
    block: list[tuple[int, int]] = []
    previous_end = 0
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        # Empty lines never match _LINE, so a blank line shows up as a gap of two newlines.
        blank_before = text.count("\n", previous_end, match.start()) >= 2
        previous_end = match.end()
        if block and (blank_before or not stripped):
            yield block
            block = []
        if not stripped:
            continue
        start = match.start() + len(line) - len(line.lstrip())
        block.append((start, start + len(stripped)))
    if block:
        yield block


def _breaks_between(text: str, block: list[tuple[int, int]], i: int, width: int) -> bool:
    """Decide whether lines ``i`` and ``i + 1`` of a block belong to different paragraphs."""
    line, following = block[i], block[i + 1]
    if _BULLET.match(text, following[0], following[1]):
        return True
    if posts.is_signature(text, *line) or posts.is_signature(text, *following):
        return True  # a post's author line is a paragraph; join_posts attaches the post
    if _BULLET.match(text, line[0], line[1]):
        # A wrapped list item continues on an indented or lower-case line.
        indented = text[following[0] - 1] in " \t"
        return not (indented or text[following[0]].islower())
    if _is_headline(text, block, i, width):
        return True
    return _ends_sentence(text, line) and _is_headline(text, block, i + 1, width)


def _is_headline(text: str, block: list[tuple[int, int]], i: int, width: int) -> bool:
    """A line without final punctuation that was not wrapped by width (the next word fits)."""
    start, end = block[i]
    if _ends_sentence(text, (start, end)) or text[end - 1] in _OPEN_ENDED:
        return False
    if i == len(block) - 1:
        return True
    following = block[i + 1]
    first_word = _NON_SPACE_RUN.match(text, following[0], following[1])
    word_length = first_word.end() - first_word.start() if first_word else 0
    return (end - start) + 1 + word_length <= width


_NON_SPACE_RUN = re.compile(r"\S+")


def _ends_sentence(text: str, line: tuple[int, int]) -> bool:
    tail = text[max(line[0], line[1] - 8) : line[1]].rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _TERMINAL


def _sentences(text: str, start: int, end: int, quotes: Quotations) -> Iterator[Span]:
    """Yield trimmed sentence spans inside one paragraph ``text[start:end]``."""
    if text.startswith(_NOTICE_PREFIXES, start) or _is_post(text, start, end):
        # "© 2025 Northwire. All rights reserved." is one notice, kept whole for boilerplate;
        # an embedded post is one unit with its author line.
        yield start, end
        return
    bullet = _BULLET.match(text, start, end)
    search_from = bullet.end() if bullet else start
    for punct_start, punct_end in _candidates(text, search_from, end, quotes):
        if punct_end >= end or not _is_boundary(text, punct_start, punct_end, start, end, quotes):
            continue
        yield start, punct_end
        following = _NON_SPACE.search(text, punct_end, end)
        if following is None:
            return
        start = following.start()
    if start < end:
        yield start, end


def _is_post(text: str, start: int, end: int) -> bool:
    return end - start <= 2 * posts.POST_CAP and posts.ends_with_signature(text, start, end)


def _candidates(text: str, start: int, end: int, quotes: Quotations) -> Iterator[Span]:
    """Yield ``(start, end)`` of the end punctuation that may close a sentence, outside quotations.

    Punctuation inside a quotation is no candidate, except right before its closing mark when
    only spaces come between them ('Rise up. " The crowd'): the sentence ends after the mark.
    """
    pending = iter(quotes.spans)
    quote = next(pending, None)
    for match in _TERMINATOR.finditer(text, start, end):
        while quote is not None and quote[1] <= match.start():
            quote = next(pending, None)
        if quote is None or not quote[0] < match.start() < match.end() < quote[1]:
            yield match.start(), match.end()
            continue
        between = text[match.end():quote[1]]
        after = text[quote[1]:quote[1] + 1]
        if between[:1].isspace() and _CLOSING_RUN.fullmatch(between) and not after.strip():
            yield match.start(), quote[1]


def _is_boundary(text: str, punct_start: int, punct_end: int, floor: int, limit: int,
                 quotes: Quotations) -> bool:
    """Decide whether the punctuation ``text[punct_start:punct_end]`` ends a sentence."""
    following = _NEXT.match(text, punct_end, limit)
    if following is None:
        return True
    opener, word = following.groups()
    first = word[:1]
    if first.islower():
        # "iPhone sales rose" starts a sentence; "etc. at the market" does not.
        return any(char.isupper() for char in word[1:])
    if not first:
        return bool(opener)
    punct = text[punct_start:punct_end]
    core = punct.rstrip(_CLOSERS + " \t\n")
    if "?" in core or "!" in core:
        quoted = len(core) < len(punct)
        return opener != "" or not (quoted and attribution_follows(text, punct_end))
    if "…" in core or ".." in core:
        # A spaced ellipsis marks words left out of a quote ("doing ... It chose"), not an end.
        return not text[punct_start - 1].isspace()
    if core == punct:
        return _period_ends_sentence(text, punct_start, floor, opener, word)
    closes_quote = quotes.closes_at(punct_end)
    # Does the sentence so far hold one quotation and nothing else ('"We will rebuild. ...')?
    whole = quotes.span_from(floor) == (floor, punct_end)
    if not closes_quote and punct[len(core):] in ("'", "’"):
        # An apostrophe after a period is a possessive ("the U.S.' role"), not a closing mark.
        return _period_ends_sentence(text, punct_start, floor, opener, word)
    if whole:
        # '"We will rebuild. It will take years." Ruiz said.' is one unit.
        return not attribution_follows(text, punct_end, short=True)
    return True


def _period_ends_sentence(text: str, dot: int, floor: int, opener: str, word: str) -> bool:
    """Decide a plain period followed by a capitalised word, digit or symbol."""
    before = text[max(floor, dot - 40) : dot]
    if not before or before[-1].isspace():
        return True
    token = before.split()[-1].lstrip(_OPENERS)
    key = token.lower()
    capitalised = token[:1].isupper()
    next_key = word.rstrip(".,;:!?\"'”’)").lower()
    if key in words.CONTINUATIONS or (capitalised and key in words.TITLES):
        return False
    if key in ("a.m", "p.m"):
        return next_key not in words.TIME_FOLLOWERS
    if key in ("no", "nos") and capitalised:
        # "No. 3", "case No. B-4471": a number or a code follows.
        return not any(char.isdigit() for char in word)
    if capitalised and key in words.DATE_WORDS and word[:1].isdigit():
        return False
    is_initial = len(token) == 1 and token.isalpha()
    if is_initial and _INITIAL.fullmatch(word):
        return False  # "L. A. County": a second initial, not the article "A"
    known = (capitalised or key == "etc") and key in words.AMBIGUOUS
    if is_initial or known or _ACRONYM.fullmatch(token):
        return bool(opener) or next_key in words.SENTENCE_STARTERS
    return True


def _join_continued_quotes(text: str, units: list[Span], quotes: Quotations) -> list[Span]:
    """Join a unit that is only a quotation to an attributed quotation just before it.

    '"It is over," Marsh said. "Now we rebuild."': the second quotation names nobody, and news
    style gives it to the speaker just named. A unit that names its own speaker ('"No," Ruiz
    replied.') stays apart, and so does one after a quoted single word ('a "fair" deal').
    """
    joined: list[Span] = []
    for start, end in units:
        if joined and end - joined[-1][0] <= ATTRIBUTED_QUOTE_CAP:
            previous = joined[-1]
            if (is_whole_quotation(text, start, end, quotes)
                    and quotes_a_speaker(text, *previous, quotes)):
                joined[-1] = (previous[0], end)
                continue
        joined.append((start, end))
    return joined


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span longer than ``MAX_SENTENCE_CHARS`` at whitespace (or hard, if none)."""
    while end - start > MAX_SENTENCE_CHARS:
        window_end = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(" ", start, window_end + 1), text.rfind("\n", start, window_end + 1),
                  text.rfind("\t", start, window_end + 1))
        if cut <= start:
            cut = window_end
        chunk_end = start + len(text[start:cut].rstrip())
        yield start, chunk_end
        following = _NON_SPACE.search(text, cut, end)
        if following is None:
            return
        start = following.start()
    yield start, end
