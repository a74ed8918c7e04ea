"""The last search as plain state: its matches, where the reader is, what to highlight."""

from __future__ import annotations

from crosscheck.app.emphasis import match_spans
from crosscheck.app.review_model import ReviewModel


class SearchState:
    """Matching sentence ids in reading order, the current one, and the matched spans."""

    def __init__(self) -> None:
        self.matches: list[str] = []
        self.index = -1
        self.spans: dict[str, list[tuple[int, int, str]]] = {"L": [], "R": []}

    @property
    def active(self) -> bool:
        return bool(self.matches)

    def run(self, model: ReviewModel, query: str, chosen: str) -> None:
        """Search both articles for ``query``, starting at the chosen sentence."""
        self.matches = model.search(query)
        self.index = self.matches.index(chosen) if chosen in self.matches else 0
        for side in ("L", "R"):
            ids = [sid for sid in self.matches if sid[0] == side]
            self.spans[side] = [(start, end, "match") for start, end in match_spans(
                model.document(side), ids, query)]

    def advance(self) -> None:
        if self.matches:
            self.index = (self.index + 1) % len(self.matches)

    @property
    def current(self) -> str | None:
        return self.matches[self.index] if self.matches else None

    def clear(self) -> None:
        self.matches, self.index = [], -1
        self.spans = {"L": [], "R": []}
