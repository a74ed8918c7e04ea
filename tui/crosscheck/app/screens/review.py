"""The main screen: two article panes, the triage queue, the detail panel and progress.

The screen lays out the widgets, loads a model, keeps the selection and repaints; what the
keys do is split by concern into parts, each in its own module: navigation, verdicts (and
notes), linking and search. The parts reach the screen through ``ReviewPort`` and the store
through the ``ReviewSession`` the app hands down; exports live with the app's commands.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header

from crosscheck.app.emphasis import changed_word_spans
from crosscheck.app.keymap import LINK_FOOTER, REVIEW_BINDINGS, SEARCH_FOOTER
from crosscheck.app.link_picker import LinkPicker
from crosscheck.app.messages import ItemClicked, SentenceClicked
from crosscheck.app.review_model import ReviewModel
from crosscheck.app.screens.help import HelpScreen
from crosscheck.app.screens.review_linking import LinkPart
from crosscheck.app.screens.review_navigation import NavigationPart
from crosscheck.app.screens.review_search import SearchPart
from crosscheck.app.screens.review_verdicts import VerdictPart
from crosscheck.app.search_state import SearchState
from crosscheck.app.session import NotSaved, ReviewSession
from crosscheck.app.widgets.article_pane import ArticlePane
from crosscheck.app.widgets.detail_panel import DetailPanel
from crosscheck.app.widgets.mode_footer import ModeFooter
from crosscheck.app.widgets.progress import ReviewProgress
from crosscheck.app.widgets.triage_queue import TriageQueue
from crosscheck.demo import shown_source
from crosscheck.engine.model import Analysis, Document
from crosscheck.textsafe import visible_controls

EMPTY_FILTER = {
    "all": "Nothing to review: the two articles gave no items.",
    "contradictions": "No likely contradiction, and no item marked as one.",
    "unreviewed": "Every item has a verdict.",
    "one-sided": "No sentence is in one article only.",
    "reviewed": "No verdicts yet.",
}


class ReviewScreen(NavigationPart, VerdictPart, LinkPart, SearchPart, Screen[None]):
    """Side-by-side review; all keys are screen bindings so they work whatever has focus."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = REVIEW_BINDINGS

    selected: reactive[str | None] = reactive(None, init=False, repaint=False)
    filter_name: reactive[str] = reactive("all", init=False, repaint=False)
    auto_advance: reactive[bool] = reactive(True, init=False, repaint=False)

    def __init__(self) -> None:
        super().__init__()
        self.model: ReviewModel | None = None
        self.session: ReviewSession | None = None
        self.link = LinkPicker()
        self.search = SearchState()
        self._queue_order = -1

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="⇄")
        with Horizontal(id="panes"):
            yield ArticlePane("L", id="left-pane")
            yield ArticlePane("R", id="right-pane")
        with Horizontal(id="bottom"):
            yield TriageQueue(id="queue")
            yield DetailPanel(id="detail")
        yield ReviewProgress(id="progress")
        yield ModeFooter()

    def footer_plan(self) -> list[tuple[str, str | None]]:
        """The footer's keys for the current mode, most used first (as many as fit show)."""
        if self.model is None:
            return [("help", None), ("app.quit", None)]
        if self.link.active:
            return LINK_FOOTER
        plan = self.verdict_footer()
        if self.search.active:
            return plan[:4] + SEARCH_FOOTER + plan[4:]
        return plan

    def pane(self, side: str) -> ArticlePane:
        return self.query_one("#left-pane" if side == "L" else "#right-pane", ArticlePane)

    @property
    def queue(self) -> TriageQueue:
        return self.query_one(TriageQueue)

    # -- loading ------------------------------------------------------------------------
    def show_analysis_progress(self, stage: str, fraction: float) -> None:
        self.query_one(ReviewProgress).show_analysis(stage, fraction)

    def preview(self, left: Document, right: Document) -> None:
        """Show both articles to read and scroll while the analysis runs (no items yet)."""
        self._show_articles(ReviewModel(Analysis(left, right, (), (), ()), [], {}))

    def load(self, model: ReviewModel, position: str | None, session: ReviewSession) -> None:
        """Show ``model`` and select ``position`` (or the first item in triage order); every
        change is written through ``session``."""
        self.model = model
        self.session = session
        self.refresh_bindings()  # the footer's plan changes once there are items
        self._show_articles(model)
        first = model.order[0] if model.order else None
        start = position if position is not None and position in model.items else first
        self.refresh_queue(cursor=start)
        self.selected = start
        self.mutate_reactive(ReviewScreen.selected)
        self.query_one(DetailPanel).border_title = "Detail"
        self.pane("L").focus()

    def _show_articles(self, model: ReviewModel) -> None:
        sources = {side: shown_source(model.document(side).source) for side in ("L", "R")}
        for side in ("L", "R"):
            pane = self.pane(side)
            doc = model.document(side)
            pane.border_title = Text(visible_controls(doc.title or sources[side]))
            pane.border_subtitle = Text(visible_controls(sources[side]))
            pane.show(model)
        left, right = model.analysis.left, model.analysis.right
        # Titles and sources come from the articles: control codes are shown, never sent.
        names = (left.title or sources["L"], right.title or sources["R"])
        self.title = visible_controls(" ⇄ ".join(names))
        self.sub_title = visible_controls(f"{sources['L']} | {sources['R']}")

    # -- selection ----------------------------------------------------------------------
    def watch_selected(self, old: str | None, new: str | None) -> None:
        if self.model is None:
            return
        item = self.model.items.get(new) if new else None
        self.repaint_highlight()
        if item is not None:
            self._scroll_to_item(item.left_ids, item.right_ids)
            if self.session is not None:
                self.session.save_position(item.key)
        self.queue.set_cursor(new)
        self.query_one(DetailPanel).show(self.model, new)
        self.refresh_progress()
        self.sync_verdict_keys()

    def _scroll_to_item(self, left_ids: tuple[str, ...], right_ids: tuple[str, ...]) -> None:
        """Bring both sides into view; a one-sided item pulls the other pane to its neighbour."""
        assert self.model is not None
        if not left_ids and right_ids:
            left_ids = tuple(filter(None, [self.model.counterpart(right_ids[0])]))
        if not right_ids and left_ids:
            right_ids = tuple(filter(None, [self.model.counterpart(left_ids[0])]))
        self.pane("L").scroll_to_sentences(left_ids)
        self.pane("R").scroll_to_sentences(right_ids)

    def select(self, key: str | None) -> None:
        self.selected = key

    # -- refreshing ---------------------------------------------------------------------
    def refresh_queue(self, cursor: str | None = None) -> None:
        """Show the current filter's items in the queue (or why there are none)."""
        if self.model is None:
            return
        keys = self.model.filtered(self.filter_name)
        self._queue_order = self.model.order_version
        empty = "" if keys else EMPTY_FILTER[self.filter_name]
        self.queue.show(self.model, keys, cursor if cursor is not None else self.selected,
                        empty)
        self.queue.border_title = f"Queue · {self.filter_name} · {len(keys)}"
        if empty:
            # Nothing to act on: no selection (keys do nothing), and the detail says why.
            self.selected = None
            self.query_one(DetailPanel).show(self.model, None,
                                             f"{empty} Press f for the next filter.")
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """The status line: how many are reviewed, the filter, search or link mode."""
        if self.model is None:
            return
        extra = f"filter: {self.filter_name}"
        if self.search.active:
            extra += f" · match {self.search.index + 1} of {len(self.search.matches)} (N: next)"
        if self.link.active:
            extra = "LINK: pick a sentence with j/k or a click, enter links, escape cancels"
        self.query_one(ReviewProgress).show_review(self.model.reviewed, self.model.total, extra)

    def refresh_item(self, key: str) -> None:
        """Repaint everything that shows item ``key`` after its verdict or note changed."""
        if self.model is None or key not in self.model.items:
            return
        item = self.model.items[key]
        for side in ("L", "R"):
            self.pane(side).refresh_sentences(item.sentence_ids())
        if self.filter_name in ("all", "one-sided") and (
                self.model.order_version == self._queue_order):
            self.queue.refresh_item(key)
        else:
            self.refresh_queue()  # the filter or the items themselves changed
        if key == self.selected:
            self.query_one(DetailPanel).show(self.model, key)
        self.refresh_progress()

    def watch_filter_name(self) -> None:
        if self.model is None:
            return
        keys = self.model.filtered(self.filter_name)
        self.refresh_queue()
        if keys and self.selected not in keys:
            self.select(keys[0])

    # -- mouse --------------------------------------------------------------------------
    def on_sentence_clicked(self, message: SentenceClicked) -> None:
        if self.model is None:
            return
        if self.link.accepts(message.sentence_id):
            self.set_link_target(message.sentence_id)
            return
        key = self.model.item_for_sentence(message.sentence_id)
        if key is not None:
            self.select(key)

    def on_item_clicked(self, message: ItemClicked) -> None:
        self.select(message.key)

    # -- keys the parts share ---------------------------------------------------------------
    def action_cancel(self) -> None:
        """escape: leave link mode first, else end the search."""
        if self.link.active:
            self.end_link_mode()
        elif self.search.active:
            self.end_search()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.BINDINGS))

    def repaint_highlight(self) -> None:
        """Selection, link target and search matches in both panes, and in place the words
        the selected link changes and the search matched."""
        item = self.model.items.get(self.selected or "") if self.model else None
        for side in ("L", "R"):
            emphasis = list(self.search.spans[side])
            if item is not None and item.link is not None and self.model is not None:
                ids = item.left_ids if side == "L" else item.right_ids
                emphasis += [(start, end, "changed") for start, end in changed_word_spans(
                    self.model.document(side), ids, item.link.diff, side)]
            self.pane(side).set_highlight(item.sentence_ids() if item else (),
                                          self.link.target, self.search.matches, emphasis)

    def not_saved(self, error: NotSaved) -> None:
        """Tell the user a change was not written; the session carries on."""
        self.notify(str(error), title="Not saved", severity="error", timeout=20, markup=False)
