"""Lines that are page furniture rather than reporting: kept and shown, never aligned.

Each pattern is matched against a whole sentence (stripped). Edit the table, not the code.
"""

from __future__ import annotations

import re

BOILERPLATE_PATTERNS: dict[str, str] = {
    "copyright": r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,160}",
    "rights reserved": r".{0,160}\ball rights reserved\.?",
    "share widget": r"(?:share(?: this(?: article| story)?)?|share on \w+|tweet|email|print"
    r"|copy link)(?:\s*[|/·•]\s*\w+(?: \w+)?)*\s*[.:]?",
    "teaser": r"(?:don['’]t miss|read more|related|see also|more on this|most read"
    r"|recommended)(?:\s*[:›»|-].{0,160})?|advertisement|sponsored(?: content)?",
    "newsletter": r"(?:sign up|subscribe|follow us|click here|download our app)\b.{0,160}",
    "byline": r"[Bb]y\s+(?:[A-Z][\w'’.-]+\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w'’.-]+\s*){1,4})*"
    r"(?:[,|–—-]\s*(?:[A-Z][\w'’.&-]*\s*|(?:staff|senior|chief|reporter|writer|correspondent"
    r"|editor|and|in|for|of|the)\s*){1,6})?",
    "dateline": r"[A-Z][A-Z .'-]{2,40},?\s+(?:\w+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\w+\.?"
    r"(?:\s+\d{4})?)\s*(?:\([\w .'-]+\))?\s*[-–—:]?",
    "updated stamp": r"(?:updated|published|posted)\s*:?\s*.{0,60}\d.{0,40}",
    "photo credit": r"(?:photo|image|file photo)\s*:.{0,120}",
}

_COMPILED = {
    name: re.compile(pattern, re.IGNORECASE if name not in {"byline", "dateline"} else 0)
    for name, pattern in BOILERPLATE_PATTERNS.items()
}
_MAX_LEN = 200


def boilerplate_kind(sentence: str) -> str | None:
    """Return the boilerplate family a whole sentence belongs to, or None for content."""
    text = sentence.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    for name, pattern in _COMPILED.items():
        if name == "byline" and not text.lower().startswith("by "):
            continue
        if pattern.fullmatch(text):
            return name
    return None
