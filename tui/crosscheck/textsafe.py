"""Make article text safe to print: control characters visible, Markdown syntax literal.

Rich strips only a few control codes, so an ESC inside an article would otherwise reach the
terminal and be interpreted. Mapping C0 controls to Unicode "control pictures" keeps them
literal and visible, and keeps string length (offsets stay valid).
"""

from __future__ import annotations

import re

_TABLE = {code: 0x2400 + code for code in range(32) if code not in (9, 10)}
_TABLE[127] = 0x2421
# C1 controls (0x80-0x9f) include CSI (0x9b), which some terminals honour.
_TABLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})
# Bidi embeddings, overrides and isolates reorder what follows them on screen (a sentence
# can be made to read backwards); line and paragraph separators break lines. Each becomes
# one visible character, so offsets stay valid.
_TABLE.update({code: 0xFFFD for code in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                         *range(0x2066, 0x206A))})
_TABLE.update({0x2028: 0x2424, 0x2029: 0x2424})


def visible_controls(text: str) -> str:
    """Replace control characters (except tab and newline), bidi controls and line
    separators with visible, same-length symbols."""
    return text.translate(_TABLE)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def md_escape(text: str) -> str:
    """Article text for Markdown: syntax escaped, controls visible, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", visible_controls(text)).replace("\n", " ")


def md_code(text: str) -> str:
    """Text for a Markdown code span (a path or URL): controls visible, no backticks."""
    return visible_controls(text).replace("`", "'")


# What a terminal must never receive from data, besides the controls above: bidi embeddings,
# overrides and isolates reorder what follows them on screen ("Trojan Source"), line and
# paragraph separators break lines, and lone surrogates (from undecodable argv or file names)
# cannot even be encoded.
_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNSAFE_FORMAT = re.compile(f"[{_BIDI_AND_SEPARATORS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# DEL too: json.dumps leaves it raw, and it is a control character like the C1 range.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")


def terminal_text(text: str, *, one_line: bool = False) -> str:
    """Text safe to print: controls visible, bidi controls as ``<U+202E>``, no surrogates.

    With ``one_line``, newlines become visible too, so a message stays on its line.
    """
    text = encodable(text)
    # Named first: a printed line has room to say which control it was.
    text = visible_controls(_UNSAFE_FORMAT.sub(lambda m: f"<U+{ord(m.group()):04X}>", text))
    return text.replace("\n", "\u2424") if one_line else text


def encodable(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so it can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def json_safe(json_text: str) -> str:
    """JSON text with DEL, C1 controls, bidi controls, separators and surrogates as
    ``\\uXXXX``.

    json.dumps(ensure_ascii=False) keeps them raw. Outside strings JSON holds only ASCII, so
    escaping these code points anywhere in the text is exact: the parsed value is unchanged.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
