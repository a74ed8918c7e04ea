"""Multi-line note editor for one item: ctrl+s or Save keeps it, escape asks before it discards."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from crosscheck.app.screens.confirm import ConfirmScreen
from crosscheck.app.widgets.mode_footer import ModeFooter


class NoteEditor(ModalScreen[str | None]):
    """Returns the note to save (ctrl+s or the Save button), or None to keep the stored one
    (escape: at once when nothing changed, after asking when something did)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, key: str, note: str) -> None:
        super().__init__()
        self.key = key
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Label(f"Note for {self.key} — ctrl+s saves, escape closes", id="note-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            with Horizontal(id="note-buttons"):
                yield Button("Save (ctrl+s)", id="note-save", variant="primary")
                yield Button("Cancel (esc)", id="note-cancel")
        yield ModeFooter()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_close(self) -> None:
        if self.text == self.note:
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmScreen("Discard the changes to this note?", "Discard",
                                           "Keep editing"), callback=self._discard)

    def _discard(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)

    @on(Button.Pressed, "#note-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-cancel")
    def _cancel_pressed(self) -> None:
        self.action_close()
