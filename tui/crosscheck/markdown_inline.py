"""Text for one line of Markdown, escaped only where a renderer would change it.

A report pasted into a chat or a document is read raw as often as rendered, so plain prose must
stay plain: ``7-2 (narrowly).`` needs no backslash. What is escaped is what a CommonMark or
GitHub renderer would turn into something else: code spans, emphasis and strike-through that
could actually pair up, link and image brackets, raw HTML and autolinks, entities, and a
backslash that would escape the next character. Control characters are made visible and line
breaks become spaces, so each value stays on its line.
"""

from __future__ import annotations

import re

from crosscheck.textsafe import visible_controls

_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_LINK_CLOSE = re.compile(r"\](?=[(\[])")
_TRAILING_HASHES = re.compile(r"(^|\s)(#+)\s*$")
_DELIMITERS = "*_~"


def md_inline(text: str) -> str:
    """``text`` on one line, with only the Markdown syntax that would take effect escaped."""
    text = " ".join(visible_controls(text).split())
    out: list[str] = []
    pairable = {char for char in _DELIMITERS if text.count(char) >= 2}
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if _needs_escape(char, before, after, pairable):
            out.append("\\")
        out.append(char)
    escaped = "".join(out)
    escaped = _ENTITY.sub(r"\\&\1;", escaped)
    escaped = _TAG_START.sub(r"\\<", escaped)
    return _LINK_CLOSE.sub(r"\\]", escaped)


def md_heading(text: str) -> str:
    """Inline text for an ATX heading: a closing run of ``#`` would be dropped, so escape it."""
    escaped = md_inline(text)
    return _TRAILING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def md_code(text: str) -> str:
    """A code span holding ``text`` literally (keys, ids), whatever backticks it contains."""
    text = " ".join(visible_controls(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_link(url: str) -> str:
    """An http(s) URL as an autolink ``<url>``; characters an autolink cannot hold are encoded."""
    url = visible_controls(url)
    safe = "".join(f"%{ord(c):02X}" if c in " <>\n\t" else c for c in url)
    return f"<{safe}>"


def _needs_escape(char: str, before: str, after: str, pairable: set[str]) -> bool:
    if char == "`":
        return True
    if char == "\\":
        return after in _PUNCTUATION
    if char not in pairable:
        return False
    if char == "_" and before.isalnum() and after.isalnum():
        return False  # intraword underscores never open or close emphasis
    return not (before.isspace() and after.isspace())  # "5 * 3" cannot open or close
