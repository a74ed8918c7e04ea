"""Make article text safe to print: control characters become visible symbols.

Rich strips only a few control codes, so an ESC inside an article would otherwise reach the
terminal and be interpreted. Mapping C0 controls to Unicode "control pictures" keeps them
literal and visible, and keeps string length (offsets stay valid).
"""

from __future__ import annotations

_TABLE = {code: 0x2400 + code for code in range(32) if code not in (9, 10)}
_TABLE[127] = 0x2421
# C1 controls (0x80-0x9f) include CSI (0x9b), which some terminals honour.
_TABLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})


def visible_controls(text: str) -> str:
    """Replace control characters (except tab and newline) with visible, same-length symbols."""
    return text.translate(_TABLE)
