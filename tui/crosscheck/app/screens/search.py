"""Search both articles: type, see matching sentences, enter jumps to the highlighted one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from crosscheck.app.review_model import ReviewModel
from crosscheck.app.widgets.mode_footer import ModeFooter
from crosscheck.textsafe import visible_controls

MAX_RESULTS = 200


class SearchScreen(ModalScreen[tuple[str, str] | None]):
    """Returns ``(query, sentence_id)`` of the chosen match, or ``None`` on escape."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel"),
        Binding("down", "move(1)", "Next result", priority=True, show=False),
        Binding("up", "move(-1)", "Previous result", priority=True, show=False),
    ]

    def __init__(self, model: ReviewModel) -> None:
        super().__init__()
        self.model = model

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Label("Search both articles (enter jumps, ↑/↓ choose, escape cancels)")
            yield Input(placeholder="words to find", id="search-input")
            yield OptionList(id="search-results")
        yield ModeFooter()

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False
        field.focus()

    @on(Input.Changed)
    def _update_results(self, event: Input.Changed) -> None:
        results = self.query_one(OptionList)
        results.clear_options()
        for sid in self.model.search(event.value)[:MAX_RESULTS]:
            text = self.model.document(sid[0]).sentence(sid).text
            label = Text(f"{sid:>6}  ", style="bold")
            label.append(visible_controls(" ".join(text.split())))
            results.add_option(Option(label, id=sid))
        if results.option_count:
            results.highlighted = 0

    def action_move(self, offset: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = min(results.option_count - 1, max(0, current + offset))

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is None or not results.option_count:
            self.notify("No sentence matches.", severity="warning")
            return
        option = results.get_option_at_index(results.highlighted)
        self.dismiss((event.value, option.id or ""))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((self.query_one(Input).value, event.option.id or ""))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
