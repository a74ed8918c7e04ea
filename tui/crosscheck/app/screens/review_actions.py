"""Key actions of the review screen: verdicts, undo, notes, links, search, filters."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from crosscheck.app.emphasis import changed_word_spans, match_spans
from crosscheck.app.screens.help import HelpScreen
from crosscheck.app.screens.note_editor import NoteEditor
from crosscheck.app.screens.search import SearchScreen
from crosscheck.engine.model import Link
from crosscheck.store.records import VERDICTS

if TYPE_CHECKING:
    from crosscheck.app.screens.review import ReviewScreen

    _Base = ReviewScreen
else:
    _Base = object


class ReviewActions(_Base):
    """Mixed into ``ReviewScreen``; every change goes through the app's store at once."""

    # -- moving -------------------------------------------------------------------------
    def action_next_item(self) -> None:
        if self.link_source is not None:
            self.move_link_target(1)
        else:
            self.step(1)

    def action_prev_item(self) -> None:
        if self.link_source is not None:
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
        self.filter_name = self.next_filter()

    # -- verdicts -----------------------------------------------------------------------
    def action_verdict(self, verdict: str) -> None:
        if self.model is None or self.selected is None or self.link_source is not None:
            return
        key = self.selected
        app = self.crosscheck
        saved, record = app.store_write(f"The verdict {verdict!r} on {key}", lambda: (
            app.store.set_verdict(app.comparison_id, key, verdict, app.reviewer)))
        if not saved:
            return
        was_done = self.model.reviewed == self.model.total
        self.model.set_record(key, record)
        if verdict == "unrelated":
            self._return_to_one_sided(key)
        self.refresh_item(key)
        if not was_done and self.model.reviewed == self.model.total:
            self._announce_complete()
        if self.crosscheck.auto_advance:
            self.step(1)

    def _announce_complete(self) -> None:
        """Every item has a verdict: say so, with the counts and how to export."""
        assert self.model is not None
        counts: dict[str, int] = {}
        for key in self.model.order:
            verdict = self.model.verdict(key) or ""
            counts[verdict] = counts.get(verdict, 0) + 1
        summary = ", ".join(f"{counts[v]} {v.replace('_', ' ')}" for v in VERDICTS if v in counts)
        cmp_id = self.crosscheck.comparison_id
        self.notify(f"All {self.model.total} items reviewed: {summary}. Export the report with "
                    f"crosscheck export --comparison {cmp_id} --format markdown -o "
                    f"crosscheck-{cmp_id}.md (or ctrl+p, Export).", title="Review complete",
                    timeout=30, markup=False)

    def _return_to_one_sided(self, key: str) -> None:
        """Sentences of a link judged unrelated that nothing else holds become one-sided
        items again (stored, so a verdict on them is kept)."""
        assert self.model is not None
        app = self.crosscheck
        for sid in self.model.orphans(key):
            saved, item = app.store_write(
                f"Returning {sid} to the one-sided list",
                lambda sid=sid: app.store.return_to_one_sided(app.comparison_id, sid, key))
            if saved and item is not None:
                self.model.add_item(item)

    def action_clear_verdict(self) -> None:
        if self.model is None or self.selected is None:
            return
        app = self.crosscheck
        key = self.selected
        saved, _ = app.store_write(f"Clearing the verdict on {key}", lambda: (
            app.store.clear_verdict(app.comparison_id, key, app.reviewer)))
        if not saved:
            return
        old = self.model.records.get(key)  # the store keeps the note; mirror that
        self.model.set_record(key, replace(old, verdict=None) if old is not None else None)
        self.refresh_item(key)

    def action_undo(self) -> None:
        if self.model is None:
            return
        app = self.crosscheck
        saved, key = app.store_write("The undo", lambda: app.store.undo(app.comparison_id,
                                                                         app.reviewer))
        if not saved:
            return
        if key is None:
            self.notify("Nothing to undo.")
            return
        self.model.set_record(key, app.reload_record(key))
        self.refresh_item(key)
        if key in self.model.items:
            self.select(key)

    # -- notes --------------------------------------------------------------------------
    def action_edit_note(self) -> None:
        if self.model is None or self.selected is None:
            return
        key = self.selected
        self.app.push_screen(NoteEditor(key, self.model.note(key)),
                             callback=lambda note: self._save_note(key, note))

    def _save_note(self, key: str, note: str | None) -> None:
        if self.model is None or note is None or note == self.model.note(key):
            return
        app = self.crosscheck
        saved, record = app.store_write(f"The note on {key}", lambda: (
            app.store.set_note(app.comparison_id, key, note, app.reviewer)))
        if not saved:
            return
        self.model.set_record(key, record)
        self.refresh_item(key)

    # -- manual links -------------------------------------------------------------------
    def action_link_mode(self) -> None:
        if self.model is None or self.selected is None:
            return
        item = self.model.items[self.selected]
        source = ("R", item.right_ids) if not item.left_ids else ("L", item.left_ids)
        self.link_source = source
        self.refresh_bindings()  # the footer shows link mode's keys
        other = "R" if source[0] == "L" else "L"
        self.set_link_target(self.model.counterpart(source[1][0]) or f"{other}0")

    def set_link_target(self, sid: str) -> None:
        self.link_target = sid
        self._repaint_highlight()
        self.pane(sid[0]).scroll_to_sentences([sid])
        self._refresh_progress()

    def move_link_target(self, offset: int) -> None:
        if self.model is None or self.link_target is None:
            return
        doc = self.model.document(self.link_target[0])
        index = min(len(doc.sentences) - 1, max(0, int(self.link_target[1:]) + offset))
        self.set_link_target(f"{self.link_target[0]}{index}")

    def action_confirm_link(self) -> None:
        if self.model is None or self.link_source is None or self.link_target is None:
            return
        side, ids = self.link_source
        left, right = (ids, (self.link_target,)) if side == "L" else ((self.link_target,), ids)
        app = self.crosscheck
        saved, item = app.store_write("The link", lambda: (
            app.store.add_manual_link(app.comparison_id, left, right, app.reviewer)))
        if not saved or item is None:
            return
        self.model.add_item(item)
        self._end_link_mode()
        self._refresh_queue()
        self.select(item.key)
        app.score_manual_links([(item.key, item.left_ids, item.right_ids)])
        self.notify(f"Linked {' + '.join(left)} ↔ {' + '.join(right)}; analysing the pair",
                    title="Manual link")

    def manual_link_scored(self, key: str, link: Link) -> None:
        """Show the engine's analysis of a manual link: scores, diff, reasons, its place."""
        if self.model is None or key not in self.model.items:
            return
        self.model.set_link(key, link)
        self._refresh_queue()
        self.refresh_item(key)
        if key == self.selected:
            self._repaint_highlight()

    def _end_link_mode(self) -> None:
        self.link_source = None
        self.refresh_bindings()
        self.link_target = None
        self._repaint_highlight()
        self._refresh_progress()

    def action_cancel(self) -> None:
        if self.link_source is not None:
            self._end_link_mode()
        elif self.search_matches:
            self.search_matches, self.search_index = [], -1
            self.refresh_bindings()
            self.search_spans = {"L": [], "R": []}
            self._repaint_highlight()
            self._refresh_progress()

    def _repaint_highlight(self) -> None:
        """Selection, link target and search matches in both panes, and in place the words
        the selected link changes and the search matched."""
        item = self.model.items.get(self.selected or "") if self.model else None
        for side in ("L", "R"):
            emphasis = list(self.search_spans[side])
            if item is not None and item.link is not None and self.model is not None:
                ids = item.left_ids if side == "L" else item.right_ids
                emphasis += [(start, end, "changed") for start, end in changed_word_spans(
                    self.model.document(side), ids, item.link.diff, side)]
            self.pane(side).set_highlight(item.sentence_ids() if item else (),
                                          self.link_target, self.search_matches, emphasis)

    # -- search -------------------------------------------------------------------------
    def action_search(self) -> None:
        if self.model is not None:
            self.app.push_screen(SearchScreen(self.model), callback=self._search_done)

    def _search_done(self, result: tuple[str, str] | None) -> None:
        if result is None or self.model is None:
            return
        query, sid = result
        self.search_matches = self.model.search(query)
        self.refresh_bindings()
        for side in ("L", "R"):
            ids = [sid for sid in self.search_matches if sid[0] == side]
            self.search_spans[side] = [(start, end, "match") for start, end in match_spans(
                self.model.document(side), ids, query)]
        self.search_index = self.search_matches.index(sid) if sid in self.search_matches else 0
        self._jump_to_match()

    def action_next_match(self) -> None:
        if self.search_matches:
            self.search_index = (self.search_index + 1) % len(self.search_matches)
            self._jump_to_match()

    def _jump_to_match(self) -> None:
        if self.model is None or not self.search_matches:
            self._refresh_progress()
            return
        sid = self.search_matches[self.search_index]
        key = self.model.item_for_sentence(sid)
        if key is not None and key != self.selected:
            self.select(key)
        self._repaint_highlight()
        self.pane(sid[0]).scroll_to_sentences([sid])
        self._refresh_progress()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.BINDINGS))
