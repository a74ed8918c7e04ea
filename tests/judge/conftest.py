"""Fixtures of every judge test: the fake model server, the pair on disk, its analysis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_server import FakeJudge
from judge_fixtures import LEFT, RIGHT, UNLINKED, VOTE


@pytest.fixture
def judge() -> Iterator[FakeJudge]:
    fake = FakeJudge(conflicts=[VOTE, UNLINKED]).start()
    yield fake
    fake.stop()


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    return str(left), str(right)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(folder))
    for name in ("CROSSCHECK_JUDGE_URL", "CROSSCHECK_JUDGE_MODEL", "CROSSCHECK_JUDGE_KEY"):
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture(scope="session")
def analysis():
    """The engine's analysis of the pair (words only: quick, and the same on every machine)."""
    from crosscheck.engine.analyze import analyze
    from crosscheck.engine.ingest import document_from_text

    return analyze(document_from_text(LEFT, source="left.txt", side="L"),
                   document_from_text(RIGHT, source="right.txt", side="R"), semantic="off")
