"""A footer that shows the keys of the current mode, most used first, as many as fit.

Textual's ``Footer`` shows every binding with ``show=True`` in declaration order and runs off
the right edge when they do not fit. This one asks its screen for a plan (``footer_plan()``:
actions in priority order, each with an optional label for the mode) and keeps the longest
prefix of it that fits the width, with the command palette key on the right as before.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PALETTE_CELLS = 14  # "^p palette" with its divider and padding, docked right


def key_cells(key_display: str, description: str, compact: bool) -> int:
    """Cells one footer key takes (see FooterKey's CSS: padding, and margin when compact)."""
    return len(key_display) + len(description) + (2 if compact else 3)


class ModeFooter(Footer):
    """``Footer`` with a per-mode plan; recomposes when the bindings or the width change."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            # One key per action: the first shown one (escape, not its ctrl+s twin).
            if binding.action not in active or (binding.show
                                                and not active[binding.action][0].show):
                active[binding.action] = (binding, enabled, tooltip)
        plan = getattr(self.screen, "footer_plan", None)
        entries = plan() if plan is not None else [
            (action, None) for action, (binding, _, _) in active.items() if binding.show]
        keys = []
        for action, label in entries:
            if action in active:
                binding, enabled, tooltip = active[action]
                keys.append((binding, enabled, tooltip, self.app.get_key_display(binding),
                             label or binding.description))
        # The roomy style only when every planned key fits in it; else compact, as many as fit.
        room = self.app.size.width - PALETTE_CELLS
        self.compact = sum(key_cells(k[3], k[4], False) for k in keys) > room
        for binding, enabled, tooltip, display, description in keys:
            room -= key_cells(display, description, self.compact)
            if room < 0:
                break
            yield FooterKey(binding.key, display, description, binding.action,
                            disabled=not enabled, tooltip=tooltip or description
                            ).data_bind(compact=Footer.compact)
        yield from self._palette_key()

    def _palette_key(self) -> ComposeResult:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return
        _node, binding, enabled, tooltip = found
        assert isinstance(binding, Binding)
        yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                        binding.action, classes="-command-palette", disabled=not enabled,
                        tooltip=binding.tooltip or binding.description)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)
