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

EXTRA_KEYS = (
    ("tab", "Move focus between panes, queue and detail"),
    ("ctrl+p", "Command palette: every action, export, auto-advance, theme"),
    ("click", "Select the item of a sentence (in link mode: pick the target)"),
    ("pgup/pgdn", "Scroll the focused pane"),
)
MARKERS = (
    ("▶ ┃", "selected item (both sides)"),
    ("! ", "likely contradiction"),
    ("= ≈ ~", "identical, paraphrase, related link"),
    ("& ", "manual link"),
    ("+ ", "one-sided: only this article has it"),
    ("✓ ✗ ≠ ?", "reviewed: consistent, contradiction, unrelated, unsure"),
    ("· ", "boilerplate (dim)"),
    ("◎ ", "link target while linking"),
)


class HelpScreen(ModalScreen[None]):
    """Keys and markers; any of escape, q, ? or F1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def __init__(self, bindings: Iterable[BindingType]) -> None:
        super().__init__()
        self._review_bindings = [b for b in bindings if isinstance(b, Binding)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._keys_table(), id="help-keys")
            yield Static(self._markers_table(), id="help-markers")

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "Crosscheck help (escape closes)"

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every binding of the review screen, then the extras."""
        rows = []
        for binding in self._review_bindings:
            keys = binding.key.replace("question_mark", "?").replace("slash", "/")
            rows.append((keys.replace(",", " / "), binding.description))
        return rows + list(EXTRA_KEYS)

    def _keys_table(self) -> Table:
        table = Table(title="Keys", show_header=False, box=None, expand=True)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("action")
        for keys, description in self.key_rows():
            table.add_row(Text(keys), Text(description))
        return table

    def _markers_table(self) -> Table:
        table = Table(title="Markers (gutter of each pane)", show_header=False, box=None,
                      expand=True)
        table.add_column("marker", style="bold", no_wrap=True)
        table.add_column("meaning")
        for marker, meaning in MARKERS:
            table.add_row(Text(marker), Text(meaning))
        return table
