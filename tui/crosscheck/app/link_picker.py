"""Link mode as plain state: the sentences to link from and the target in the other pane."""

from __future__ import annotations

from crosscheck.app.review_model import ReviewItem, ReviewModel


class LinkPicker:
    """Where link mode is: ``source`` (side and sentence ids) and the picked ``target``."""

    def __init__(self) -> None:
        self.source: tuple[str, tuple[str, ...]] | None = None
        self.target: str | None = None

    @property
    def active(self) -> bool:
        return self.source is not None

    def start(self, model: ReviewModel, item: ReviewItem) -> str:
        """Link from ``item``'s sentences; the first target is its nearest counterpart."""
        self.source = ("R", item.right_ids) if not item.left_ids else ("L", item.left_ids)
        other = "R" if self.source[0] == "L" else "L"
        self.target = model.counterpart(self.source[1][0]) or f"{other}0"
        return self.target

    def accepts(self, sid: str) -> bool:
        """Whether a click on sentence ``sid`` picks it (it is in the other pane)."""
        return self.source is not None and sid[0] != self.source[0]

    def moved(self, model: ReviewModel, offset: int) -> str | None:
        """The target ``offset`` sentences away, clamped to the article."""
        if self.target is None:
            return None
        doc = model.document(self.target[0])
        index = min(len(doc.sentences) - 1, max(0, int(self.target[1:]) + offset))
        return f"{self.target[0]}{index}"

    def pair(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """``(left ids, right ids)`` to link, or None outside link mode."""
        if self.source is None or self.target is None:
            return None
        side, ids = self.source
        return (ids, (self.target,)) if side == "L" else ((self.target,), ids)

    def stop(self) -> None:
        self.source = self.target = None
