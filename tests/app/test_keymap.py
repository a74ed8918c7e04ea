"""Keys are declared once: the README table, help, palette and footer follow the bindings."""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

from crosscheck.app.keymap import (
    LINK_FOOTER,
    NORMAL_FOOTER,
    OTHER_KEYS,
    REVIEW_BINDINGS,
    SEARCH_FOOTER,
    key_names,
    readme_table,
)
from crosscheck.app.screens.review import ReviewScreen

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_key_table() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Keys", 1)[1]
    return "".join(line + "\n" for line in section.splitlines() if line.startswith("|"))


def test_the_readme_key_table_is_the_one_the_bindings_give() -> None:
    assert readme_key_table() == readme_table(), (
        "README.md's key table and the bindings disagree: paste the output of "
        "'python -m crosscheck.app.keymap' into README.md")


def test_a_changed_binding_would_fail_the_readme_check() -> None:
    changed = [Binding("x", b.action, b.description, tooltip=b.tooltip) if b.key == "a" else b
               for b in REVIEW_BINDINGS]
    assert readme_table(changed) != readme_key_table()


def test_the_screen_uses_the_declared_bindings_and_each_says_what_it_does() -> None:
    assert ReviewScreen.BINDINGS is REVIEW_BINDINGS
    assert all(binding.description and binding.tooltip for binding in REVIEW_BINDINGS)
    keys = [name for binding in REVIEW_BINDINGS for name in key_names(binding)]
    assert len(keys) == len(set(keys)), "a key is bound twice"


def test_every_footer_entry_is_a_binding() -> None:
    actions = {binding.action for binding in REVIEW_BINDINGS}
    for plan in (NORMAL_FOOTER, LINK_FOOTER, SEARCH_FOOTER):
        assert {action for action, _ in plan} <= actions


async def test_help_and_palette_list_every_binding(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(160, 48)) as pilot:
        commands = {command.help for command in app.get_system_commands(app.review)}
        for binding in REVIEW_BINDINGS:
            shown = " / ".join(key_names(binding))
            assert any(help_text.endswith(f" · {shown}") for help_text in commands), binding
        await pilot.press("question_mark")
        rows = dict(app.screen.key_rows())
        for binding in REVIEW_BINDINGS:
            assert rows[" / ".join(key_names(binding))] == binding.tooltip
        for keys, text in OTHER_KEYS:
            assert rows[keys] == text
        assert re.search(r"\bq\b", " ".join(rows))
