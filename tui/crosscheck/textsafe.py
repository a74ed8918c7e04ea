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


def visible_controls(text: str) -> str:
    """Replace control characters (except tab and newline) with visible, same-length symbols."""
    return text.translate(_TABLE)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def md_escape(text: str) -> str:
    """Article text for Markdown: syntax escaped, controls visible, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", visible_controls(text)).replace("\n", " ")


def md_code(text: str) -> str:
    """Text for a Markdown code span (a path or URL): controls visible, no backticks."""
    return visible_controls(text).replace("`", "'")
