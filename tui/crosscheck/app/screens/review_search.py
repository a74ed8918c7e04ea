"""Search both articles: the dialog, then N through the matches; escape ends it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosscheck.app.screens.search import SearchScreen

if TYPE_CHECKING:
    from crosscheck.app.screens.review_port import ReviewPort

    _Base = ReviewPort
else:
    _Base = object


class SearchPart(_Base):
    """/ and N; the state (matches, the current one, spans to highlight) is ``self.search``."""

    @property
    def search_matches(self) -> list[str]:
        return self.search.matches

    @property
    def search_index(self) -> int:
        return self.search.index

    def action_search(self) -> None:
        if self.model is not None:
            self.app.push_screen(SearchScreen(self.model), callback=self._search_done)

    def _search_done(self, result: tuple[str, str] | None) -> None:
        if result is None or self.model is None:
            return
        query, chosen = result
        self.search.run(self.model, query, chosen)
        self.refresh_bindings()  # the footer shows N and escape
        self._jump_to_match()

    def action_next_match(self) -> None:
        if self.search.active:
            self.search.advance()
            self._jump_to_match()

    def end_search(self) -> None:
        self.search.clear()
        self.refresh_bindings()
        self.repaint_highlight()
        self.refresh_progress()

    def _jump_to_match(self) -> None:
        sid = self.search.current
        if self.model is None or sid is None:
            self.refresh_progress()
            return
        key = self.model.item_for_sentence(sid)
        if key is not None and key != self.selected:
            self.select(key)
        self.repaint_highlight()
        self.pane(sid[0]).scroll_to_sentences([sid])
        self.refresh_progress()
