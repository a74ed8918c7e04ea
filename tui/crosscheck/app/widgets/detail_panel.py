"""The selected item in full: both sides with the word diff, reasons and their spans, verdict."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget

from crosscheck.app.review_model import ReviewItem, ReviewModel
from crosscheck.engine.model import DiffPiece, Document, Reason, says_more_than_spans
from crosscheck.store.verdict_kinds import VERDICT_LABELS
from crosscheck.textsafe import visible_controls


class DetailPanel(Widget, can_focus=True):
    """Shows one ``ReviewItem``; article text only ever enters as ``rich.text.Text``.

    A fixed-size Line API widget with its own scroll offset: changing the item repaints this
    panel only, never the screen layout (a Static would re-layout on every key press).
    """

    COMPONENT_CLASSES = {
        "detail-panel--heading",
        "detail-panel--left-only",
        "detail-panel--right-only",
        "detail-panel--span",
        "detail-panel--dim",
        "detail-panel--verdict",
        "detail-panel--more",
    }
    BINDINGS = [
        Binding("pagedown", "scroll_detail(1)", "Scroll detail down", show=False),
        Binding("pageup", "scroll_detail(-1)", "Scroll detail up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.model: ReviewModel | None = None
        self.key: str | None = None
        self.top = 0
        self._lines: list[Strip] | None = None
        self._lines_width = 0
        self.empty: str | None = None

    def show(self, model: ReviewModel | None, key: str | None,
             empty: str | None = None) -> None:
        """Show item ``key`` of ``model``, or ``empty`` (why there is nothing) when ``key`` is
        None."""
        if key != self.key:
            self.top = 0
        self.model, self.key, self.empty = model, key, empty
        self._lines = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines = None

    def on_resize(self) -> None:
        self._lines = None
        self.refresh()

    def _wrapped(self) -> list[Strip]:
        # Keyed by width too: a paint may come before the Resize event, and lines wrapped to
        # the old width would be cut instead of re-wrapped.
        if self._lines is None or self._lines_width != self.size.width:
            width = max(1, self.size.width)
            self._lines_width = width
            options = self.app.console.options.update_width(width)
            text = self.render_item()
            text.no_wrap = False
            rendered = self.app.console.render_lines(text, options, style=self.rich_style,
                                                     pad=True)
            self._lines = [Strip(line, width) for line in rendered]
        return self._lines

    def render_line(self, y: int) -> Strip:
        lines = self._wrapped()
        height = self.size.height
        index = self.top + y
        if y == height - 1 and len(lines) > self.top + height:
            more = f" ↓ {len(lines) - self.top - height + 1} more lines (pgdn, wheel)"
            style = self.rich_style + self.get_component_rich_style("detail-panel--more")
            return Strip([Segment(more, style)]).crop_extend(0, self.size.width, style)
        if index >= len(lines):
            return Strip.blank(self.size.width, self.rich_style)
        return lines[index]

    def action_scroll_detail(self, pages: int) -> None:
        self.scroll_lines(pages * max(1, self.size.height - 1))

    def scroll_lines(self, count: int) -> None:
        limit = max(0, len(self._wrapped()) - self.size.height + 1)
        self.top = min(limit, max(0, self.top + count))
        self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.scroll_lines(2)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.scroll_lines(-2)
        event.stop()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"detail-panel--{name}")

    def render_item(self) -> Text:
        """The panel's text for the current item."""
        if self.model is None or self.key is None or self.key not in self.model.items:
            return Text(self.empty or "No item selected.", style=self._style("dim"))
        item = self.model.items[self.key]
        text = Text()
        text.append_text(self._heading(item))
        reasons = item.link.contradiction.reasons if item.link and item.link.contradiction else ()
        diff = item.link.diff if item.link else ()
        for side, ids in (("L", item.left_ids), ("R", item.right_ids)):
            if ids:
                text.append("\n")
                text.append_text(self._side(side, ids, diff, reasons))
        if reasons:
            text.append("\nReasons\n", style=self._style("heading"))
            for number, reason in enumerate(reasons, 1):
                text.append_text(self._reason(number, reason))
        text.append_text(self._also_linked(item.key))
        text.append_text(self._verdict(item.key))
        return text

    def _heading(self, item: ReviewItem) -> Text:
        parts = [item.label]
        if item.kind == "manual":
            parts[0] = (f"manual link, scored as {item.link.kind}" if item.link is not None
                        else "manual link, being analysed")
        if item.link is not None:
            parts.append(f"match {item.link.score:.2f}")
            if item.link.same_claim is not None:
                parts.append(f"same claim {item.link.same_claim:.2f}")
            if not item.link.best:
                parts.append("another counterpart")
        if item.likely_contradiction:
            parts.insert(0, f"! likely contradiction {item.contradiction_score:.2f}")
        elif item.contradiction_score is not None:
            parts.insert(0, f"weak conflict signal {item.contradiction_score:.2f}")
        heading = Text()
        heading.append(" · ".join(parts), style=self._style("heading"))
        heading.append(f"   {item.key}", style=self._style("dim"))
        return heading

    def _side(self, side: str, ids: tuple[str, ...], diff: tuple[DiffPiece, ...],
              reasons: tuple[Reason, ...]) -> Text:
        assert self.model is not None
        doc = self.model.document(side)
        body = Text(visible_controls(" ".join(doc.sentence(sid).text for sid in ids)))
        op = "left" if side == "L" else "right"
        _mark_diff(body, diff, op, self._style(f"{op}-only"))
        for reason in reasons:
            span = reason.left_span if side == "L" else reason.right_span
            if span is not None:
                _mark_span(body, doc, ids, span, self._style("span"))
        line = Text()
        line.append(f"{'+'.join(ids)}: ", style=self._style("heading"))
        line.append_text(body)
        return line

    def _reason(self, number: int, reason: Reason) -> Text:
        line = Text()
        line.append(f" {number}. {reason.type}: ", style=self._style("heading"))
        line.append(visible_controls(reason.left), style=self._style("left-only"))
        line.append(" ≠ ")
        line.append(visible_controls(reason.right), style=self._style("right-only"))
        if says_more_than_spans(reason.explanation, reason.left, reason.right):
            line.append(" — " + visible_controls(reason.explanation), style=self._style("dim"))
        line.append("\n")
        return line

    def _also_linked(self, key: str) -> Text:
        """The other links of this item's sentences, so every counterpart is in view."""
        assert self.model is not None
        others = self.model.other_links(key)
        text = Text()
        if not others:
            return text
        text.append("\nAlso linked\n", style=self._style("heading"))
        for other in others:
            item = self.model.items[other]
            score = f" match {item.link.score:.2f}" if item.link is not None else ""
            text.append(f" {'+'.join(item.left_ids)} ~ {'+'.join(item.right_ids)}: ")
            text.append(f"{item.label}{score}\n", style=self._style("dim"))
        return text

    def _verdict(self, key: str) -> Text:
        assert self.model is not None
        verdict = self.model.verdict(key)
        line = Text()
        line.append("\nVerdict: ", style=self._style("heading"))
        shown = VERDICT_LABELS.get(verdict, verdict) if verdict else "not reviewed"
        line.append(shown, style=self._style("verdict" if verdict else "dim"))
        note = self.model.note(key)
        if note:
            line.append("\nNote: ", style=self._style("heading"))
            line.append(visible_controls(note))
        return line


def _mark_diff(body: Text, diff: tuple[DiffPiece, ...], op: str, style: Style) -> None:
    """Style the words of ``body`` that only this side has, walking the diff in order."""
    plain = body.plain
    cursor = 0
    for piece in diff:
        if piece.op not in ("common", op):
            continue
        words = piece.text.strip()
        found = plain.find(words, cursor) if words else -1
        if found < 0:
            continue
        if piece.op == op:
            body.stylize(style, found, found + len(words))
        cursor = found + len(words)


def _mark_span(body: Text, doc: Document, ids: tuple[str, ...], span: tuple[int, int],
               style: Style) -> None:
    """Style the document span ``span`` where it falls inside the sentences ``ids``."""
    base = 0
    for sid in ids:
        sentence = doc.sentence(sid)
        start, end = max(span[0], sentence.start), min(span[1], sentence.end)
        if start < end:
            body.stylize(style, base + start - sentence.start, base + end - sentence.start)
        base += len(sentence.text) + 1
