"""Every key of the review screen, declared once: the footer, the help screen, the command
palette and the README's key table all follow from these bindings.

A binding's ``description`` is its short footer label; its ``tooltip`` says what it does, for
the help screen, the palette and the README. Keys that are not bindings of the review screen
(focus, the palette itself, the mouse, scrolling) are in :data:`OTHER_KEYS`.

``python -m crosscheck.app.keymap`` prints the README's key table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.binding import Binding, BindingType

REVIEW_BINDINGS: list[BindingType] = [
    Binding("j,down", "next_item", "Next", key_display="j/↓", tooltip="next item"),
    Binding("k,up", "prev_item", "Prev", key_display="k/↑", tooltip="previous item"),
    Binding("n", "next_unreviewed", "Next unreviewed", tooltip="next unreviewed item"),
    Binding("a", "verdict('consistent')", "Consistent", tooltip="verdict: consistent"),
    Binding("c", "verdict('contradiction')", "Contradiction", tooltip="verdict: contradiction"),
    Binding("u", "verdict('unrelated')", "Unrelated",
            tooltip="verdict: unrelated (the alignment is wrong; its sentences go back to "
                    "one-sided)"),
    Binding("space", "verdict('unsure')", "Unsure", tooltip="verdict: unsure"),
    Binding("d", "verdict('not_claim')", "Not a claim",
            tooltip="verdict: not a claim (dismiss page furniture: a byline, a caption, a "
                    "widget)"),
    # A fact-checker's verdicts (issue 17). Their keys were free on this screen and say what
    # they are: t imeline, v erify, o mitted; x crosses a flag out; y is "yes, checked".
    Binding("x", "verdict('not_conflict')", "False flag",
            tooltip="verdict: not a conflict (a false flag; the pair stays linked; links only)"),
    Binding("t", "verdict('timeline_update')", "Timeline",
            tooltip="verdict: timeline update (written at different times, the later report "
                    "updates the earlier; links only)"),
    Binding("v", "verdict('needs_verification')", "To verify",
            tooltip="verdict: needs verification (check it with another source)"),
    Binding("y", "verdict('checked')", "Checked",
            tooltip="verdict: checked (you verified the sentence on its own; one-sided "
                    "sentences only)"),
    Binding("o", "verdict('omitted')", "Omitted",
            tooltip="verdict: omitted (the other source left it out, and that matters; "
                    "one-sided sentences only)"),
    Binding("backspace", "clear_verdict", "Clear verdict", show=False,
            tooltip="clear the verdict"),
    Binding("ctrl+z", "undo", "Undo", tooltip="undo the last change"),
    Binding("e", "edit_note", "Note",
            tooltip="edit the note: ctrl+s or Save keeps it, escape asks before discarding "
                    "changes (✎ in the queue marks a note)"),
    Binding("l", "link_mode", "Link",
            tooltip="link mode: pick a sentence in the other pane (j/k or click), enter links "
                    "it (the pair is then scored, diffed and checked like the tool's own "
                    "links), escape cancels"),
    Binding("enter", "confirm_link", "Confirm link", show=False,
            tooltip="link the picked sentence (in link mode)"),
    Binding("slash", "search", "Search", key_display="/",
            tooltip="search both articles (↑/↓, enter in the box); matches are highlighted "
                    "in place"),
    Binding("N,shift+n", "next_match", "Next match", show=False, key_display="N",
            tooltip="next search match (after a search)"),
    Binding("escape", "cancel", "Cancel", show=False,
            tooltip="leave link mode, or end a search"),
    Binding("f", "cycle_filter", "Filter",
            tooltip="cycle filters: all, contradictions, unreviewed, one-sided, reviewed"),
    Binding("question_mark,f1", "help", "Help", key_display="?",
            tooltip="help: keys, markers and queue columns"),
    Binding("q", "app.quit", "Quit", tooltip="quit (every verdict is already saved)"),
]

OTHER_KEYS: list[tuple[str, str]] = [
    ("tab", "move focus between panes, queue and detail"),
    ("ctrl+p", "command palette: every action, export, auto-advance, theme"),
    ("pgup / pgdn", "scroll the focused pane, queue or detail"),
    ("click", "select the item of the clicked sentence or queue row (in link mode: pick the "
              "target)"),
]

_KEY_NAMES = {"down": "↓", "up": "↑", "question_mark": "?", "slash": "/", "f1": "F1"}

# Footer plans: (action, label for this mode or None for the binding's own), most used first.
# A link and a one-sided sentence each show the verdicts that fit them; the keys of the other
# set stay listed in the help and the palette (and say which kind they are for).
_MOVES: list[tuple[str, str | None]] = [
    ("next_unreviewed", None), ("undo", None), ("edit_note", None), ("search", None),
    ("link_mode", None), ("cycle_filter", None)]
NORMAL_FOOTER: list[tuple[str, str | None]] = [
    ("verdict('consistent')", None), ("verdict('contradiction')", None),
    ("verdict('not_conflict')", None), ("verdict('unrelated')", None), ("help", None),
    ("verdict('unsure')", None), ("verdict('timeline_update')", None),
    ("verdict('needs_verification')", None), *_MOVES, ("verdict('not_claim')", None),
    ("app.quit", None), ("next_item", None), ("prev_item", None)]
# A one-sided sentence is often a missed link: link mode comes early.
ONE_SIDED_FOOTER: list[tuple[str, str | None]] = [
    ("verdict('checked')", None), ("verdict('omitted')", None),
    ("verdict('needs_verification')", None), ("link_mode", None), ("help", None),
    ("verdict('unsure')", None), ("verdict('not_claim')", None),
    *[move for move in _MOVES if move[0] != "link_mode"],
    ("app.quit", None), ("next_item", None), ("prev_item", None)]
LINK_FOOTER: list[tuple[str, str | None]] = [
    ("confirm_link", "Link to it"), ("next_item", "Next target"), ("prev_item", "Prev target"),
    ("cancel", "Cancel link"), ("help", None), ("app.quit", None)]
SEARCH_FOOTER: list[tuple[str, str | None]] = [("next_match", None), ("cancel", "End search")]


def verdict_keys(bindings: Sequence[BindingType] | None = None) -> dict[str, str]:
    """The key of each verdict as a person types it: ``{"checked": "y", ...}``."""
    found = {}
    for binding in bindings_of(REVIEW_BINDINGS if bindings is None else bindings):
        match = re.fullmatch(r"verdict\('(\w+)'\)", binding.action)
        if match:
            found[match.group(1)] = " / ".join(key_names(binding))
    return found


def key_names(binding: Binding) -> list[str]:
    """The keys of a binding as a person types them: ``j``, ``↓``; a ``shift+n`` alias of
    ``N`` is left out."""
    keys = [key.strip() for key in binding.key.split(",")]
    upper = {key.lower() for key in keys if len(key) == 1 and key.isupper()}
    return [_KEY_NAMES.get(key, key) for key in keys
            if not (key.startswith("shift+") and key[6:] in upper)]


def bindings_of(declared: Sequence[BindingType]) -> list[Binding]:
    """The ``Binding`` objects of a ``BINDINGS`` list (tuples are not used here)."""
    return [b for b in declared if isinstance(b, Binding)]


def help_rows(bindings: Sequence[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) for the help screen: every binding, then the other keys."""
    return [(" / ".join(key_names(b)), b.tooltip or b.description)
            for b in bindings_of(bindings)] + [
        (keys, text) for keys, text in OTHER_KEYS]


def palette_entries(bindings: Sequence[BindingType]) -> list[tuple[str, str, str]]:
    """(title, help, action) of a command palette entry for every binding."""
    return [(_title(b.tooltip or b.description),
             f"{_sentence(b.tooltip or b.description)} · {' / '.join(key_names(b))}",
             b.action) for b in bindings_of(bindings)]


def _title(text: str) -> str:
    """A palette title from a tooltip: ``Verdict: unrelated``, ``Link mode``, ``Quit``."""
    head = text.split(" (")[0].split(";")[0]
    if ": " in head and not head.startswith("verdict"):
        head = head.split(": ")[0]
    return _sentence(head)


def readme_table(bindings: Sequence[BindingType] | None = None) -> str:
    """The README's key table (a test checks the README holds exactly this)."""
    rows = ["| key | action |", "| --- | --- |"]
    for binding in bindings_of(REVIEW_BINDINGS if bindings is None else bindings):
        keys = " / ".join(f"`{name}`" for name in key_names(binding))
        rows.append(f"| {keys} | {binding.tooltip or binding.description} |")
    rows += [f"| {' / '.join(f'`{k.strip()}`' for k in keys.split('/'))} | {text} |"
             if keys != "click" else f"| click | {text} |" for keys, text in OTHER_KEYS]
    return "\n".join(rows) + "\n"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


if __name__ == "__main__":
    print(readme_table(), end="")
