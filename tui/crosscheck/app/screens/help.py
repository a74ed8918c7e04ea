"""The key map, on ``?`` and F1: generated from the review screen's bindings."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from crosscheck.app.keymap import help_rows
from crosscheck.app.review_items import VERDICT_GLYPHS
from crosscheck.app.widgets.mode_footer import ModeFooter
from crosscheck.store.verdict_kinds import VERDICT_LABELS

MARKERS = (
    ("", "each sentence is marked on the line where it starts; two marks: two sentences "
     "start on that line, in order"),
    ("▶ ┃", "selected item (both sides); ┃ its further lines"),
    ("! ", "likely contradiction"),
    ("= ≈ ~", "identical, paraphrase, related link"),
    ("& ", "manual link"),
    ("+ ", "one-sided: only this article has it"),
    (" ".join(VERDICT_GLYPHS.values()),
     "reviewed: " + ", ".join(VERDICT_LABELS[verdict] for verdict in VERDICT_GLYPHS)),
    ("· ", "boilerplate (dim)"),
    ("◎ ", "link target while linking"),
)

QUEUE_COLUMNS = (
    ("conflict", "contradiction score of a link, 0-1 (! likely contradiction); conf when narrow"),
    ("match", "match score: how likely both sides concern the same event or claim; mtch"),
    ("kind", "identical, paraphrase, related, manual, left/right only; k: = ≈ ~ & +"),
    ("✓ ✗ … ✎", "your verdict (as in the panes), and ✎ when the item has a note"),
)


class HelpScreen(ModalScreen[None]):
    """Keys and markers; any of escape, q, ? or F1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", key_display="esc")]

    def __init__(self, bindings: Iterable[BindingType]) -> None:
        super().__init__()
        self._review_bindings = [b for b in bindings if isinstance(b, Binding)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._keys_table(), id="help-keys")
            yield Static(self._markers_table(), id="help-markers")
            yield Static(_table("Queue columns", QUEUE_COLUMNS), id="help-queue")
        yield ModeFooter()

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "Crosscheck help (escape closes)"

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every binding of the review screen, then the other keys."""
        return help_rows(self._review_bindings)

    def _keys_table(self) -> Table:
        return _table("Keys", self.key_rows())

    def _markers_table(self) -> Table:
        return _table("Markers (gutter of each pane)", MARKERS)


def _table(title: str, rows: Iterable[tuple[str, str]]) -> Table:
    table = Table(title=title, show_header=False, box=None, expand=True)
    table.add_column("name", style="bold", no_wrap=True)
    table.add_column("meaning")
    for name, meaning in rows:
        table.add_row(Text(name), Text(meaning))
    return table
