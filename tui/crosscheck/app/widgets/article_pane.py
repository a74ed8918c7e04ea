"""One article, rendered line by line (Line API): only visible lines are ever built."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from crosscheck.app.messages import SentenceClicked
from crosscheck.app.review_model import ReviewModel
from crosscheck.app.widgets.wrap_model import MAX_STARTS, WrapModel
from crosscheck.engine.model import Document
from crosscheck.store.sources import minute_time
from crosscheck.textsafe import visible_controls

GUTTER = 3  # a mark cell for each of up to two sentences starting on a line, then a space
SELECTED_GLYPH = "▶"
SELECTED_CONTINUATION = "┃"
TARGET_GLYPH = "◎"


class ArticlePane(ScrollView, can_focus=True, inherit_bindings=False):
    """An article wrapped to the pane width, each sentence styled and marked by its state."""

    COMPONENT_CLASSES = {
        "article-pane--gutter",
        "article-pane--aligned",
        "article-pane--related",
        "article-pane--contradiction",
        "article-pane--one-sided",
        "article-pane--reviewed",
        "article-pane--boilerplate",
        "article-pane--selected",
        "article-pane--target",
        "article-pane--match",
        "article-pane--changed",
    }
    # The screen owns j/k/up/down (items); the pane keeps only page scrolling.
    BINDINGS = [
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "Top", show=False),
        Binding("end", "edge(1)", "Bottom", show=False),
    ]

    def __init__(self, side: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.side = side
        self.model: ReviewModel | None = None
        self.doc: Document | None = None
        self._text = ""
        self._wrap: WrapModel | None = None
        self._cache: LRUCache[int, Strip] = LRUCache(256)
        self._meta: dict[int, Style] = {}
        self._selected: frozenset[int] = frozenset()
        self._target: int | None = None
        self._matches: frozenset[int] = frozenset()
        self._emphasis: dict[int, tuple[tuple[int, int, str], ...]] = {}
        self._starts: list[int] = []

    # -- data in ----------------------------------------------------------------------
    def show(self, model: ReviewModel) -> None:
        """Show the article of this pane's side from ``model``."""
        self.model = model
        self.doc = model.document(self.side)
        self._text = visible_controls(self.doc.text).replace("\t", " ")
        self._starts = [sentence.start for sentence in self.doc.sentences]
        self._emphasis = {}
        self._wrap = None
        self._meta.clear()
        self._ensure_wrap()
        self.refresh_all()
        if self.doc.name:
            # The outlet names the pane (issue 17) and its headline moves to the subtitle; a
            # source without a name keeps the screen's title (headline, else path).
            self.border_title = Text(pane_title(self.doc))
            self.border_subtitle = Text(visible_controls(
                " · ".join(part for part in (self.doc.title, self.doc.source) if part)))

    def set_highlight(self, selected: Iterable[str], target: str | None = None,
                      matches: Iterable[str] = (),
                      emphasis: Iterable[tuple[int, int, str]] = ()) -> None:
        """Mark the selected, link-target and search-match sentences, and emphasise spans
        (document offsets with ``changed`` or ``match``) in place; repaint only changes."""
        new_selected = frozenset(self._index(sid) for sid in selected if sid[0] == self.side)
        new_target = self._index(target) if target and target[0] == self.side else None
        new_matches = frozenset(self._index(sid) for sid in matches if sid[0] == self.side)
        new_emphasis = self._by_sentence(emphasis)
        changed = (new_selected ^ self._selected) | (new_matches ^ self._matches)
        changed |= {index for index in (self._target, new_target) if index is not None}
        if new_target == self._target:
            changed -= {new_target} if new_target is not None else set()
        changed |= {index for index in new_emphasis.keys() | self._emphasis.keys()
                    if new_emphasis.get(index) != self._emphasis.get(index)}
        self._selected, self._target, self._matches = new_selected, new_target, new_matches
        self._emphasis = new_emphasis
        self._refresh_indices(changed)

    def _by_sentence(self, spans: Iterable[tuple[int, int, str]]
                     ) -> dict[int, tuple[tuple[int, int, str], ...]]:
        if self.doc is None:
            return {}
        starts = self._starts
        grouped: dict[int, list[tuple[int, int, str]]] = {}
        for span in spans:
            index = max(0, bisect_right(starts, span[0]) - 1)
            grouped.setdefault(index, []).append(span)
        return {index: tuple(sorted(found)) for index, found in grouped.items()}

    def refresh_sentences(self, sentence_ids: Iterable[str]) -> None:
        """Repaint the lines of these sentences (their state changed)."""
        self._refresh_indices({self._index(sid) for sid in sentence_ids if sid[0] == self.side})

    def refresh_all(self) -> None:
        """Drop every cached line and repaint (theme or global state changed)."""
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    @staticmethod
    def _index(sid: str) -> int:
        return int(sid[1:])

    def _refresh_indices(self, indices: Iterable[int]) -> None:
        if self._wrap is None:
            return
        for index in indices:
            first, last = self._wrap.sentence_lines(index)
            for y in range(first, last + 1):
                self._cache.discard(y)
            self.refresh_lines(first, last - first + 1)

    # -- geometry ---------------------------------------------------------------------
    def _ensure_wrap(self) -> None:
        if self.doc is None:
            return
        width = max(10, self.scrollable_content_region.width - GUTTER)
        if self._wrap is not None and self._wrap.width == width:
            return
        self._wrap = WrapModel(self.doc, width)
        self._cache.clear()
        self.virtual_size = Size(width + GUTTER, len(self._wrap))

    def on_resize(self, event: events.Resize) -> None:
        anchor = min(self._selected) if self._selected else None
        self._ensure_wrap()
        if anchor is not None:
            self.scroll_to_sentences([f"{self.side}{anchor}"], force_center=True)

    def sentence_span(self, sid: str) -> tuple[int, int]:
        """First and last line of sentence ``sid`` in the current wrapping."""
        self._ensure_wrap()
        assert self._wrap is not None
        return self._wrap.sentence_lines(self._index(sid))

    def scroll_to_sentences(self, sentence_ids: Iterable[str], *,
                            force_center: bool = False) -> None:
        """Scroll so these sentences are visible, centring them when they are off screen."""
        ids = tuple(sentence_ids)
        self._scroll_now(ids, force_center)
        # Checked again after the next layout: a pane that was just wrapped or resized (the
        # first selection, a stacked layout) reports its old height and scroll range until then.
        self.call_after_refresh(self._scroll_now, ids, False)

    def _scroll_now(self, sentence_ids: tuple[str, ...], force_center: bool) -> None:
        spans = [self.sentence_span(sid) for sid in sentence_ids if sid[0] == self.side]
        if not spans or self._wrap is None:
            return
        first = min(span[0] for span in spans)
        last = max(span[1] for span in spans)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if not force_center and top <= first and last < top + height:
            return
        target = first - max(0, (height - (last - first + 1)) // 2)
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + pages * height, animate=False)

    def action_edge(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False)

    # -- rendering --------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        if self._wrap is None or line >= len(self._wrap):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(line)
        if strip is None or strip.cell_length != width:
            strip = self._render_wrapped_line(line).adjust_cell_length(width, self.rich_style)
            self._cache[line] = strip
        return strip

    def _render_wrapped_line(self, y: int) -> Strip:
        assert self._wrap is not None and self.model is not None and self.doc is not None
        base = self.rich_style
        pieces = self._wrap.pieces(y)
        segments = self._gutter(y, pieces, base)
        for piece in pieces:
            text = self._text[piece.start:piece.end]
            if piece.sentence < 0:
                segments.append(Segment(text, base))
                continue
            style = base + self._sentence_style(piece.sentence)
            spans = self._emphasis.get(piece.sentence)
            if spans:
                segments += self._emphasised(piece.start, piece.end, spans, style)
            else:
                segments.append(Segment(text, style))
        return Strip(segments)

    def _emphasised(self, start: int, end: int, spans: tuple[tuple[int, int, str], ...],
                    style: Style) -> list[Segment]:
        """The text ``[start, end)`` cut at the emphasised spans, each styled on top."""
        segments = []
        cursor = start
        for span_start, span_end, name in spans:
            lo, hi = max(cursor, span_start), min(end, span_end)
            if lo >= hi:
                continue
            if lo > cursor:
                segments.append(Segment(self._text[cursor:lo], style))
            extra = self.get_component_rich_style(f"article-pane--{name}")
            segments.append(Segment(self._text[lo:hi], style + extra))
            cursor = hi
        if cursor < end:
            segments.append(Segment(self._text[cursor:end], style))
        return segments

    def _state_style(self, index: int) -> tuple[str, str]:
        assert self.model is not None and self.doc is not None
        sentence = self.doc.sentences[index]
        if index in self._selected:
            return SELECTED_GLYPH, "selected"
        if index == self._target:
            return TARGET_GLYPH, "target"
        mark = self.model.mark(sentence.id, sentence.boilerplate)
        return mark.glyph, mark.state

    def _sentence_style(self, index: int) -> Style:
        _glyph, state = self._state_style(index)
        style = self.get_component_rich_style(f"article-pane--{state}")
        return style + self._meta_style(index)

    def _meta_style(self, index: int) -> Style:
        style = self._meta.get(index)
        if style is None:
            style = self._meta[index] = Style.from_meta({"sentence": f"{self.side}{index}"})
        return style

    def _gutter(self, y: int, pieces: list, base: Style) -> list[Segment]:
        """The marker cells: the glyph of each sentence that starts on this line, in order.

        Lines are wrapped so at most two sentences start on one, so every sentence has its
        mark on the line where it starts; a line inside the selection shows ``┃``.
        """
        assert self._wrap is not None
        gutter_style = base + self.get_component_rich_style("article-pane--gutter")
        cells: list[Segment] = []
        for index in self._wrap.starts_on(y)[:MAX_STARTS]:
            glyph, state = self._state_style(index)
            style = self.get_component_rich_style(f"article-pane--{state}")
            cells.append(Segment(glyph, gutter_style + style + self._meta_style(index)))
        if not cells:
            selected = next((p.sentence for p in pieces if p.sentence in self._selected), None)
            if selected is not None:
                style = self.get_component_rich_style("article-pane--selected")
                cells.append(Segment(SELECTED_CONTINUATION,
                                     gutter_style + style + self._meta_style(selected)))
        used = len(cells)
        cells.append(Segment(" " * (GUTTER - used), gutter_style))
        return cells

    def on_click(self, event: events.Click) -> None:
        sentence = event.style.meta.get("sentence")
        if sentence is not None:
            self.post_message(SentenceClicked(sentence))


def pane_title(doc: Document) -> str:
    """``Harbour Gazette · 2025-02-28 18:05 +01:00`` (updated time when the page has one), the
    outlet's name alone when the page states no time; article text shown, never run."""
    when = doc.updated or doc.published
    label = "updated " if doc.updated else ""
    stamp = f" · {label}{minute_time(when)}" if when else ""
    return visible_controls(f"{doc.name or doc.source}{stamp}")
