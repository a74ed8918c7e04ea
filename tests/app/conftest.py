"""App test fixtures: a small hand-built analysis and apps wired to a store in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_fixtures import small_analysis

from crosscheck.app import CrosscheckApp, make_app
from crosscheck.engine.model import Analysis

SIZE = (160, 48)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(data))
    monkeypatch.setenv("CROSSCHECK_REVIEWER", "tester")
    monkeypatch.chdir(tmp_path)
    return data


@pytest.fixture
def analysis() -> Analysis:
    return small_analysis()


def build_app(analysis: Analysis, store_path: Path) -> CrosscheckApp:
    """The app as the CLI builds it, over a real store in ``store_path`` (its engine in this
    process: a child process costs a second to start; tests/app/test_engine_process.py tests
    that path)."""
    app = make_app(None, None, reviewer="tester", nli=None, store_path=store_path,
                   analysis=analysis, in_process=True)
    app.theme = "textual-dark"
    return app


@pytest.fixture
def app_factory(tmp_path: Path) -> Callable[..., CrosscheckApp]:
    def factory(analysis_value: Analysis | None = None) -> CrosscheckApp:
        return build_app(analysis_value or small_analysis(), tmp_path / "store.db")

    return factory
