"""The app's structure: no import cycles, a typed store interface, parts that own state."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from app_fixtures import small_analysis
from test_models import items_of

import crosscheck.app as app_package
from crosscheck.app.app import CrosscheckApp
from crosscheck.app.link_picker import LinkPicker
from crosscheck.app.review_model import ReviewModel
from crosscheck.app.search_state import SearchState
from crosscheck.app.session import ReviewStore
from crosscheck.store import VerdictStore

APP_DIR = Path(app_package.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP_DIR.parent).with_suffix("").parts
    return "crosscheck." + ".".join(p for p in parts if p != "__init__")


def _imports(path: Path) -> set[str]:
    """Every crosscheck.app module ``path`` imports, TYPE_CHECKING blocks included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "crosscheck.app"):
            found.add(node.module)
    return found


def test_the_app_package_has_no_import_cycles() -> None:
    graph = {_module_name(p): _imports(p) for p in APP_DIR.rglob("*.py")}
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        if state.get(module) == 2:
            return
        assert state.get(module) != 1, " -> ".join([*trail, module])
        state[module] = 1
        for target in graph.get(module, ()):
            visit(target, [*trail, module])
        state[module] = 2

    for module in graph:
        visit(module, [])
    assert "crosscheck.app.app" not in set().union(*(
        graph[m] for m in graph if m.startswith("crosscheck.app.screens")))


def test_the_app_takes_a_typed_store_and_the_verdict_store_is_one() -> None:
    assert inspect.signature(CrosscheckApp.__init__).parameters["store"].annotation == (
        "ReviewStore")
    wanted = [name for name, member in vars(ReviewStore).items()
              if callable(member) and not name.startswith("_")]
    assert "set_verdict" in wanted and "open_comparison" in wanted
    for name in wanted:
        mine = inspect.signature(getattr(ReviewStore, name)).parameters
        theirs = inspect.signature(getattr(VerdictStore, name)).parameters
        assert list(mine) == list(theirs), name


def test_link_picker_owns_link_mode() -> None:
    analysis = small_analysis()
    model = ReviewModel(analysis, items_of(analysis), {})
    picker = LinkPicker()
    assert not picker.active and picker.pair() is None
    target = picker.start(model, model.items["L4"])
    assert picker.active and target.startswith("R")
    assert picker.accepts("R0") and not picker.accepts("L0")
    picker.target = picker.moved(model, 1)
    assert picker.pair() == (("L4",), (f"R{int(target[1:]) + 1}",))
    assert picker.moved(model, -99) == "R0"
    picker.stop()
    assert not picker.active


def test_search_state_owns_matches_and_spans() -> None:
    analysis = small_analysis()
    model = ReviewModel(analysis, items_of(analysis), {})
    search = SearchState()
    search.run(model, "Terminal", "R0")
    assert search.matches == ["L0", "L3", "R0", "R4"] and search.current == "R0"
    assert [analysis.left.text[a:b] for a, b, _ in search.spans["L"]] == ["terminal"] * 2
    search.advance()
    assert search.current == "R4"
    search.advance()
    assert search.current == "L0"
    search.clear()
    assert not search.active and search.spans == {"L": [], "R": []}
