"""Moving through the queue: next and previous item, next unreviewed, filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosscheck.app.review_model import FILTERS

if TYPE_CHECKING:
    from crosscheck.app.screens.review_port import ReviewPort

    _Base = ReviewPort
else:
    _Base = object


class NavigationPart(_Base):
    """j/k (or the link target in link mode), n, f; owns no state beyond the screen's."""

    def action_next_item(self) -> None:
        if self.link.active:
            self.move_link_target(1)
        else:
            self.step(1)

    def action_prev_item(self) -> None:
        if self.link.active:
            self.move_link_target(-1)
        else:
            self.step(-1)

    def action_next_unreviewed(self) -> None:
        if self.model is None:
            return
        key = self.model.next_unreviewed(self.selected, self.filter_name)
        if key is None:
            self.notify("Every item in this filter has a verdict.", title="All reviewed")
        else:
            self.select(key)

    def action_cycle_filter(self) -> None:
        self.filter_name = FILTERS[(FILTERS.index(self.filter_name) + 1) % len(FILTERS)]

    def step(self, offset: int) -> None:
        """Select the item ``offset`` rows away in the current filter."""
        if self.model is None:
            return
        keys = self.model.filtered(self.filter_name)
        if not keys:
            return
        rows = self.model.rows(self.filter_name)
        row = rows.get(self.selected) if self.selected is not None else None
        if row is not None:
            target = min(len(keys) - 1, max(0, row + offset))
        else:
            after = self._row_after(keys)
            target = after if offset > 0 else max(0, after - 1)
        self.select(keys[target])

    def _row_after(self, keys: list[str]) -> int:
        """Where the selected (filtered-out) item would sit in ``keys``."""
        assert self.model is not None
        order = {key: index for index, key in enumerate(self.model.order)}
        mine = order.get(self.selected or "", -1)
        for row, key in enumerate(keys):
            if order.get(key, -1) > mine:
                return row
        return len(keys) - 1
