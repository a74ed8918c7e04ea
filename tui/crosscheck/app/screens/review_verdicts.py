"""Verdicts, undo and notes: every change is written to the store before it is shown."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from crosscheck.app.keymap import NORMAL_FOOTER, ONE_SIDED_FOOTER, verdict_keys
from crosscheck.app.screens.note_editor import NoteEditor
from crosscheck.app.session import NotSaved
from crosscheck.store.verdict_kinds import (
    LINK_ONLY,
    ONE_SIDED_ONLY,
    VERDICT_LABELS,
    VERDICTS,
    fits,
    is_one_sided,
)

if TYPE_CHECKING:
    from crosscheck.app.screens.review_port import ReviewPort

    _Base = ReviewPort
else:
    _Base = object


class VerdictPart(_Base):
    """The verdict keys, backspace, ctrl+z and e; a failed write is reported, never shown.

    A link and a one-sided sentence take different verdicts (:mod:`crosscheck.store.
    verdict_kinds`): the footer shows the set that fits the selected item, and a key of the
    other set says so instead of writing anything.
    """

    _footer_one_sided = False  # which set the footer shows now

    def verdict_footer(self) -> list[tuple[str, str | None]]:
        """The footer plan for the selected item: the verdicts that fit its kind first."""
        return ONE_SIDED_FOOTER if self._footer_one_sided else NORMAL_FOOTER

    def sync_verdict_keys(self) -> None:
        """Switch the footer's verdict set when the selection moves between a link and a
        one-sided sentence (only then: recomposing the footer on every key costs a frame).
        With nothing selected it shows the links' set, as at the start."""
        item = self.model.items.get(self.selected or "") if self.model is not None else None
        one_sided = item is not None and is_one_sided(item.kind)
        if one_sided != self._footer_one_sided:
            self._footer_one_sided = one_sided
            self.refresh_bindings()

    def action_verdict(self, verdict: str) -> None:
        if self.model is None or self.session is None or self.selected is None \
                or self.link.active:
            return
        key = self.selected
        item = self.model.items.get(key)
        if item is not None and not fits(verdict, item.kind):
            self._refuse(verdict, key, is_one_sided(item.kind))
            return
        try:
            record = self.session.set_verdict(key, verdict)
        except NotSaved as error:
            self.not_saved(error)
            return
        was_done = self.model.reviewed == self.model.total
        self.model.set_record(key, record)
        if verdict == "unrelated":
            self._return_to_one_sided(key)
        self.refresh_item(key)
        if not was_done and self.model.reviewed == self.model.total:
            self._announce_complete()
        if self.auto_advance:
            self._advance(key)

    def _advance(self, key: str) -> None:
        """After a verdict, the next item still to review (issue 17: the next row may already
        have a verdict); when none is left in the filter, stay where the reviewer is."""
        assert self.model is not None
        following = self.model.next_unreviewed(key, self.filter_name)
        if following is not None:
            self.select(following)

    def _refuse(self, verdict: str, key: str, one_sided: bool) -> None:
        """A verdict of the other item kind: say which kind it is for and which keys fit."""
        keys = verdict_keys()
        here = ONE_SIDED_ONLY if one_sided else LINK_ONLY
        hint = ", ".join(f"{keys[v]} {VERDICT_LABELS[v]}" for v in here if v in keys)
        kind, other = ("a one-sided sentence", "a link") if one_sided else (
            "a link", "a one-sided sentence")
        self.notify(f"{VERDICT_LABELS[verdict].capitalize()} is a verdict for {other}, and "
                    f"{key} is {kind}; nothing was saved. For {kind}: {hint}.",
                    title="Verdict does not fit", severity="warning", markup=False)

    def _announce_complete(self) -> None:
        """Every item has a verdict: say so, with the counts and how to export."""
        assert self.model is not None and self.session is not None
        counts: dict[str, int] = {}
        for key in self.model.order:
            verdict = self.model.verdict(key) or ""
            counts[verdict] = counts.get(verdict, 0) + 1
        summary = ", ".join(f"{counts[v]} {VERDICT_LABELS[v]}" for v in VERDICTS if v in counts)
        cmp_id = self.session.comparison_id
        self.notify(f"All {self.model.total} items reviewed: {summary}. Export the report with "
                    f"crosscheck export --comparison {cmp_id} --format markdown -o "
                    f"crosscheck-{cmp_id}.md (or ctrl+p, Export).", title="Review complete",
                    timeout=30, markup=False)

    def _return_to_one_sided(self, key: str) -> None:
        """Sentences of a link judged unrelated that nothing else holds become one-sided
        items again (stored, so a verdict on them is kept)."""
        assert self.model is not None and self.session is not None
        for sid in self.model.orphans(key):
            try:
                self.model.add_item(self.session.return_to_one_sided(sid, key))
            except NotSaved as error:
                self.not_saved(error)

    def action_clear_verdict(self) -> None:
        if self.model is None or self.session is None or self.selected is None:
            return
        key = self.selected
        try:
            self.session.clear_verdict(key)
        except NotSaved as error:
            self.not_saved(error)
            return
        old = self.model.records.get(key)  # the store keeps the note; mirror that
        self.model.set_record(key, replace(old, verdict=None) if old is not None else None)
        self.refresh_item(key)

    def action_undo(self) -> None:
        if self.model is None or self.session is None:
            return
        try:
            key = self.session.undo()
        except NotSaved as error:
            self.not_saved(error)
            return
        if key is None:
            self.notify("Nothing to undo.")
            return
        self.model.set_record(key, self.session.record(key))
        self.refresh_item(key)
        if key in self.model.items:
            self.select(key)

    def action_edit_note(self) -> None:
        if self.model is None or self.selected is None:
            return
        key = self.selected
        self.app.push_screen(NoteEditor(key, self.model.note(key)),
                             callback=lambda note: self._save_note(key, note))

    def _save_note(self, key: str, note: str | None) -> None:
        if self.model is None or self.session is None or note is None \
                or note == self.model.note(key):
            return
        try:
            record = self.session.set_note(key, note)
        except NotSaved as error:
            self.not_saved(error)
            return
        self.model.set_record(key, record)
        self.refresh_item(key)
