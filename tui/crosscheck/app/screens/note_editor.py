"""Multi-line note editor for one item; whatever is typed is saved when it closes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from crosscheck.app.widgets.mode_footer import ModeFooter


class NoteEditor(ModalScreen[str]):
    """Returns the note text on close (escape or ctrl+s both save)."""

    BINDINGS = [
        Binding("escape", "close", "Save and close"),
        Binding("ctrl+s", "close", "Save and close", show=False),
    ]

    def __init__(self, key: str, note: str) -> None:
        super().__init__()
        self.key = key
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Label(f"Note for {self.key} — escape saves and closes", id="note-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
        yield ModeFooter()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.focus()
        area.move_cursor(area.document.end)

    def action_close(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
