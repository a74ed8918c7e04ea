"""The judge's answer cache: kept beside the database, checked when read, capped, and never a
reason for the judge to fail."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crosscheck.store.judge_cache import JudgeCache, answer_key

ANSWER = {"relation": "compatible", "type": "none", "left_span": "", "right_span": "",
          "explanation": "same"}


def key(question: str = "q") -> str:
    return answer_key("ollama", "m", "p/1", "a" * 64, "b" * 64, question)


def test_an_answer_is_kept_and_found_again(tmp_path: Path) -> None:
    cache = JudgeCache.beside(tmp_path / "crosscheck.db")
    assert cache.folder == tmp_path / "judge-cache"
    assert cache.get(key()) is None
    cache.put(key(), ANSWER)
    assert cache.get(key()) == ANSWER
    assert key() != key("other") != answer_key("openai", "m", "p/1", "a" * 64, "b" * 64, "q")


@pytest.mark.parametrize("damage", [
    lambda record: "{not json",
    lambda record: json.dumps({**record, "key": "0" * 64}),
    lambda record: json.dumps({**record, "answer": {**ANSWER, "relation": "conflict"}}),
    lambda record: json.dumps({**record, "format": "other/1"}),
    lambda record: json.dumps([record]),
])
def test_a_damaged_or_foreign_entry_is_dropped_never_trusted(tmp_path: Path, damage) -> None:
    cache = JudgeCache(tmp_path)
    cache.put(key(), ANSWER)
    path = tmp_path / f"{key()}.json"
    path.write_text(damage(json.loads(path.read_text())))
    assert cache.get(key()) is None
    assert not path.exists()


def test_the_folder_is_capped_least_recently_used_first(tmp_path: Path) -> None:
    cache = JudgeCache(tmp_path)
    cache.put(key("old"), ANSWER)
    old = tmp_path / f"{key('old')}.json"
    os.utime(old, (1, 1))
    cache.cap_bytes = 2 * old.stat().st_size
    cache.put(key("new"), ANSWER)
    cache.put(key("newer"), ANSWER)
    assert cache.get(key("old")) is None
    assert cache.get(key("new")) == ANSWER and cache.get(key("newer")) == ANSWER


def test_an_unwritable_folder_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = JudgeCache(blocker / "judge-cache")  # under a file: cannot be made
    cache.put(key(), ANSWER)
    assert cache.get(key()) is None
    assert cache.first_use_of("example.org") and cache.first_use_of("example.org")


def test_each_remote_host_is_first_used_once(tmp_path: Path) -> None:
    cache = JudgeCache(tmp_path)
    assert cache.first_use_of("a.example") and not cache.first_use_of("a.example")
    assert JudgeCache(tmp_path).first_use_of("b.example")
    cache.put(key(), ANSWER)
    cache.cap_bytes = 0
    cache.put(key("x"), ANSWER)  # trimming drops answers, never the hosts told
    assert not cache.first_use_of("a.example")
