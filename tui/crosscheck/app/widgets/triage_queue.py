"""The triage queue: a labelled header, then one row per item in priority order, rendered
virtually like the panes (only visible rows are ever built)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from crosscheck.app.messages import ItemClicked
from crosscheck.app.review_model import ReviewItem, ReviewModel
from crosscheck.app.widgets.queue_rows import QueueColumns
from crosscheck.textsafe import visible_controls

HEADER_ROWS = 1  # the column labels stay at the top while the rows scroll


class TriageQueue(ScrollView, can_focus=True, inherit_bindings=False):
    """Items of the current filter; the selected one is marked ``▶`` and highlighted."""

    COMPONENT_CLASSES = {
        "triage-queue--header",
        "triage-queue--cursor",
        "triage-queue--contradiction",
        "triage-queue--reviewed",
        "triage-queue--label",
    }
    BINDINGS = [
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.model: ReviewModel | None = None
        self.keys: list[str] = []
        self._rows: dict[str, int] = {}
        self.cursor: str | None = None
        self.empty = ""
        self._cache: LRUCache[int, Strip] = LRUCache(128)

    def show(self, model: ReviewModel, keys: list[str], cursor: str | None,
             empty: str = "") -> None:
        """Show ``keys`` (already filtered and ordered) with ``cursor`` selected, or the
        ``empty`` message when there are none."""
        self.model = model
        self.empty = empty
        self.keys = keys
        self._rows = {key: row for row, key in enumerate(keys)}
        self.cursor = cursor
        self._cache.clear()
        self._resize_virtual()
        self.refresh()
        self.scroll_to_cursor()

    def set_cursor(self, key: str | None) -> None:
        """Move the highlight to ``key``, repainting the two rows involved."""
        for old_or_new in (self.cursor, key):
            self.refresh_item(old_or_new)
        self.cursor = key
        self.scroll_to_cursor()

    def refresh_item(self, key: str | None) -> None:
        """Repaint the row of ``key`` (its verdict changed)."""
        row = self._rows.get(key) if key is not None else None
        if row is not None:
            self._cache.discard(row)
            self.refresh_line(row + HEADER_ROWS)

    def row_of(self, key: str) -> int | None:
        return self._rows.get(key)

    def scroll_to_cursor(self) -> None:
        row = self._rows.get(self.cursor) if self.cursor is not None else None
        if row is None:
            return
        height = max(1, self.scrollable_content_region.height - HEADER_ROWS)
        top = round(self.scroll_y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + pages * height, animate=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._resize_virtual()
        self.scroll_to_cursor()

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width,
                                 len(self.keys) + HEADER_ROWS)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < HEADER_ROWS:
            return self._render_header(width)
        row = round(self.scroll_y) + y - HEADER_ROWS
        if self.model is not None and not self.keys and row == 0 and self.empty:
            style = self.rich_style + self.get_component_rich_style("triage-queue--reviewed")
            return Strip([Segment(f"  {self.empty}", style)]).crop_extend(0, width, style)
        if self.model is None or row >= len(self.keys):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(row)
        if strip is None or strip.cell_length != width:
            strip = self._cache[row] = self._render_row(self.keys[row], width)
        return strip

    def _render_header(self, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style("triage-queue--header")
        text = QueueColumns.for_width(width).header() if self.model is not None else ""
        return Strip([Segment(text, style)]).crop_extend(0, width, style)

    def _render_row(self, key: str, width: int) -> Strip:
        assert self.model is not None
        item = self.model.items[key]
        verdict = self.model.verdict(key)
        base = self.rich_style
        if key == self.cursor:
            base += self.get_component_rich_style("triage-queue--cursor")
        elif verdict is not None:
            base += self.get_component_rich_style("triage-queue--reviewed")
        elif item.likely_contradiction:
            base += self.get_component_rich_style("triage-queue--contradiction")
        label_style = base + self.get_component_rich_style("triage-queue--label")
        meta = Style.from_meta({"item": key})
        prefix = QueueColumns.for_width(width).prefix(item, key == self.cursor, verdict,
                                                      bool(self.model.note(key)))
        segments = [Segment(prefix[:4], base + meta), Segment(prefix[4:], label_style + meta),
                    Segment(self._snippet(item), base + meta)]
        return Strip(segments).crop_extend(0, width, base)

    def _snippet(self, item: ReviewItem) -> str:
        assert self.model is not None
        sid = (item.left_ids or item.right_ids)[0]
        text = self.model.document(sid[0]).sentence(sid).text
        return f"{sid} " + visible_controls(" ".join(text.split()))[:200]

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("item")
        if key is not None:
            self.post_message(ItemClicked(key))
