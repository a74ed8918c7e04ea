"""Link mode: pick a sentence in the other pane and link it by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosscheck.app.messages import ManualLinkDrawn
from crosscheck.app.session import NotSaved
from crosscheck.engine.model import Link

if TYPE_CHECKING:
    from crosscheck.app.screens.review_port import ReviewPort

    _Base = ReviewPort
else:
    _Base = object


class LinkPart(_Base):
    """l, then j/k or a click, enter or escape; the state lives in ``self.link``."""

    @property
    def link_source(self) -> tuple[str, tuple[str, ...]] | None:
        return self.link.source

    @property
    def link_target(self) -> str | None:
        return self.link.target

    def action_link_mode(self) -> None:
        if self.model is None or self.selected is None:
            return
        target = self.link.start(self.model, self.model.items[self.selected])
        self.refresh_bindings()  # the footer shows link mode's keys
        self.set_link_target(target)

    def set_link_target(self, sid: str) -> None:
        """Pick ``sid`` as the sentence to link to."""
        self.link.target = sid
        self.repaint_highlight()
        self.pane(sid[0]).scroll_to_sentences([sid])
        self.refresh_progress()

    def move_link_target(self, offset: int) -> None:
        target = self.link.moved(self.model, offset) if self.model is not None else None
        if target is not None:
            self.set_link_target(target)

    def action_confirm_link(self) -> None:
        pair = self.link.pair()
        if self.model is None or self.session is None or pair is None:
            return
        left, right = pair
        try:
            item = self.session.add_manual_link(left, right)
        except NotSaved as error:
            self.not_saved(error)
            return
        self.model.add_item(item)
        self.end_link_mode()
        self.refresh_queue()
        self.select(item.key)
        self.post_message(ManualLinkDrawn(item.key, item.left_ids, item.right_ids))
        self.notify(f"Linked {' + '.join(left)} ↔ {' + '.join(right)}; analysing the pair",
                    title="Manual link")

    def manual_link_scored(self, key: str, link: Link) -> None:
        """Show the engine's analysis of a manual link: scores, diff, reasons, its place."""
        if self.model is None or key not in self.model.items:
            return
        self.model.set_link(key, link)
        self.refresh_queue()
        self.refresh_item(key)
        if key == self.selected:
            self.repaint_highlight()

    def end_link_mode(self) -> None:
        self.link.stop()
        self.refresh_bindings()
        self.repaint_highlight()
        self.refresh_progress()
