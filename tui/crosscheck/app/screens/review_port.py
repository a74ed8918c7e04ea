"""What the parts of the review screen may use of it, typed, without importing the screen.

Each part (navigation, verdicts, linking, search) is a mixin. For the type checker it derives
from :class:`ReviewPort`, a ``Screen`` that declares the attributes and methods the parts
share; at run time it derives from ``object``, so no part imports the screen and the screen
imports no app: the app hands a :class:`~crosscheck.app.session.ReviewSession` down (the
store behind its ``ReviewStore`` protocol) and hears back through messages.
"""

from __future__ import annotations

from textual.screen import Screen

from crosscheck.app.link_picker import LinkPicker
from crosscheck.app.review_model import ReviewModel
from crosscheck.app.search_state import SearchState
from crosscheck.app.session import NotSaved, ReviewSession
from crosscheck.app.widgets.article_pane import ArticlePane


class ReviewPort(Screen[None]):
    """The review screen as its parts see it (declarations only; ``ReviewScreen`` has them)."""

    model: ReviewModel | None
    selected: str | None
    filter_name: str
    session: ReviewSession | None
    auto_advance: bool
    link: LinkPicker
    search: SearchState

    def select(self, key: str | None) -> None:
        raise NotImplementedError

    def step(self, offset: int) -> None:
        raise NotImplementedError

    def refresh_item(self, key: str) -> None:
        raise NotImplementedError

    def refresh_queue(self, cursor: str | None = None) -> None:
        raise NotImplementedError

    def refresh_progress(self) -> None:
        raise NotImplementedError

    def repaint_highlight(self) -> None:
        raise NotImplementedError

    def pane(self, side: str) -> ArticlePane:
        raise NotImplementedError

    def not_saved(self, error: NotSaved) -> None:
        raise NotImplementedError

    def move_link_target(self, offset: int) -> None:
        raise NotImplementedError

    def set_link_target(self, sid: str) -> None:
        raise NotImplementedError
