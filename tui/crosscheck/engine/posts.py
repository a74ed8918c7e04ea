"""Social posts embedded in a story: a tweet's text and its signature line are one unit.

An embedded tweet reaches the text as the post's words (often with ``#tags``, ``@handles`` and a
``pic.twitter.com/...`` link) and then a signature line, ``— Display Name (@handle) Month D,
YYYY``; Instagram's reads ``A post shared by Name (@handle) on ...``. Split like prose, one post
became several one-sided items and only the last said who wrote it. The signature joins the
paragraph above it (with any lines of tags, handles or links between them) when that paragraph
is short enough to be a post; the segmenter keeps a paragraph that ends in a signature whole.
"""

from __future__ import annotations

import re

POST_CAP = 400
"""A post's text is at most this long (a tweet holds 280 characters, plus link text)."""

_MONTH = r"[A-Z][a-z]{2,8}\.?"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
         r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,4})?)?")
SIGNATURE = re.compile(
    r"(?:[—–-]{1,2}\s*|A post shared by\s+)"  # the dash a tweet's author line starts with
    r"[^\n()@]{1,60}?\s*\(@\w{1,30}\)"  # display name, then (@handle)
    rf"(?:\s+(?:on\s+)?{_DATE})?\s*"
)
"""The author line of an embedded post (matched against a whole line)."""

# A line made only of hashtags, @handles and links: the tail of a post, not a sentence.
_SOCIAL_TOKEN = r"(?:#\w+|@\w{1,30}|(?:https?://)?(?:pic\.twitter\.com|t\.co|bit\.ly)/\S+)"
SOCIAL_LINE = re.compile(rf"{_SOCIAL_TOKEN}(?:\s+{_SOCIAL_TOKEN})*")

Span = tuple[int, int]


def is_signature(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (one trimmed line or paragraph) is a post's author line."""
    return SIGNATURE.fullmatch(text, start, end) is not None


def join_posts(text: str, paragraphs: list[Span]) -> list[Span]:
    """Merge each signature paragraph with the post above it: lines of tags, handles or links,
    then one paragraph of at most ``POST_CAP`` characters (a longer one is not a post)."""
    joined: list[Span] = []
    for start, end in paragraphs:
        if not is_signature(text, start, end):
            joined.append((start, end))
            continue
        signature_start = start
        while (joined and SOCIAL_LINE.fullmatch(text, *joined[-1])
               and signature_start - joined[-1][0] <= POST_CAP):
            start = joined.pop()[0]
        if joined and signature_start - joined[-1][0] <= POST_CAP:
            start = joined.pop()[0]
        joined.append((start, end))
    return joined


def ends_with_signature(text: str, start: int, end: int) -> bool:
    """Whether the last line of the paragraph ``text[start:end]`` is a post's author line."""
    line_start = max(start, text.rfind("\n", start, end) + 1)
    while line_start < end and text[line_start].isspace():
        line_start += 1
    return is_signature(text, line_start, end)
