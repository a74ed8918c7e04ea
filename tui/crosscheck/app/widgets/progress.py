"""One line at the bottom: analysis progress first, then review progress ("12 of 40 reviewed")."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, ProgressBar


class ReviewProgress(Horizontal):
    """A label and a progress bar bound to ``done``/``total``."""

    done: reactive[float] = reactive(0.0)
    total: reactive[float] = reactive(1.0)
    status: reactive[str] = reactive("Analysing…")

    def compose(self) -> ComposeResult:
        yield Label(id="progress-label")
        yield ProgressBar(total=1, show_eta=False, id="progress-bar")

    def on_mount(self) -> None:
        self._update()

    def watch_done(self) -> None:
        self._update()

    def watch_total(self) -> None:
        self._update()

    def watch_status(self) -> None:
        self._update()

    def _update(self) -> None:
        if not self.is_mounted:
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=max(self.total, 1), progress=self.done)
        self.query_one("#progress-label", Label).update(Text(self.status), layout=False)

    def show_analysis(self, stage: str, fraction: float) -> None:
        """Show the analysis worker's stage and how far it got."""
        self.total, self.done = 100, round(fraction * 100)
        self.status = f"Analysing: {stage}"

    def show_review(self, reviewed: int, total: int, extra: str = "") -> None:
        """Show how many items have a verdict, plus context such as the filter."""
        self.total, self.done = max(total, 1), reviewed
        self.status = f"{reviewed} of {total} reviewed" + (f" · {extra}" if extra else "")
