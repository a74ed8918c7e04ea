"""Word wrapping by terminal cells, for reports that must fit a width.

Lines break between words only; a word is cut only when it alone is wider than a line (a URL,
a run of letters with no space), since otherwise the line could not fit at all. Widths are
counted in cells, so wide (CJK) characters count twice and combining marks not at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size

from crosscheck.textsafe import visible_controls


def words(text: str) -> list[str]:
    """``text``'s words, controls made visible first (so none can hide inside a "space")."""
    # visible_controls before split: str.split also breaks at \x1c-\x1f and \x85, which would
    # otherwise vanish instead of being shown.
    return visible_controls(text).split()


def wrap_chunks(chunks: Sequence[str], width: int, *, first: str = "", rest: str = "",
                sep: str = " ") -> list[str]:
    """Pack ``chunks`` into lines of at most ``width`` cells, ``sep`` between two on a line.

    The first line starts with ``first``, the others with ``rest`` (a hanging indent). A
    chunk is never split unless it alone is wider than a line.
    """
    lines: list[str] = []
    line, filled = first, False
    for chunk in chunks:
        joined = f"{line}{sep}{chunk}" if filled else f"{line}{chunk}"
        if cell_len(joined) <= width:
            line, filled = joined, True
            continue
        if filled:  # the chunk goes to a new line
            lines.append(line)
            line = rest
        while cell_len(line + chunk) > width:  # wider than a line alone: cut it
            head, chunk = _cut(chunk, max(1, width - cell_len(line)))
            lines.append(line + head)
            line = rest
        line, filled = line + chunk, True
    lines.append(line if filled else line.rstrip())
    return lines


def _cut(chunk: str, room: int) -> tuple[str, str]:
    """The longest start of ``chunk`` within ``room`` cells (one character at least), and
    the rest."""
    used = 0
    for index, char in enumerate(chunk):
        used += get_character_cell_size(char)
        if used > room:
            return chunk[:max(index, 1)], chunk[max(index, 1):]
    return chunk, ""
