"""Fixtures of the store tests: a database in a temporary data dir, a small analysis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_fixtures import FixedClock, make_analysis

from crosscheck.engine.model import Analysis
from crosscheck.store import VerdictStore


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "crosscheck.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[VerdictStore]:
    opened = VerdictStore.open(db_path, clock=FixedClock())
    yield opened
    opened.close()
