"""The analysis cache beside the verdict database: used, keyed, capped, never trusted when
damaged, skipped with --no-cache."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import ARTICLE, OTHER, run  # noqa: E402

from crosscheck.engine.analyze import analyze  # noqa: E402
from crosscheck.engine.ingest import document_from_text  # noqa: E402
from crosscheck.store.analysis_cache import AnalysisCache, cache_key, cached  # noqa: E402


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(ARTICLE)
    right.write_text(OTHER)
    return left, right


def _analyze_json(tmp_path: Path, *extra: str) -> dict:
    left, right = _pair(tmp_path)
    result = run(["analyze", str(left), str(right), "--format", "json", *extra],
                 data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "data" / "analysis-cache").glob("*.json"))


def test_a_second_analysis_of_the_same_pair_comes_from_the_cache(tmp_path):
    first = _analyze_json(tmp_path)
    (entry,) = _entries(tmp_path)
    # Make the stored analysis say something the engine never would (with a valid checksum):
    # the next run must show it, so it was read rather than recomputed.
    stored = json.loads(entry.read_text())
    stored["analysis"]["links"][0]["score"] = 0.123
    body = json.dumps(stored["analysis"], sort_keys=True, ensure_ascii=False)
    stored["sha256"] = hashlib.sha256(body.encode()).hexdigest()
    entry.write_text(json.dumps(stored))
    second = _analyze_json(tmp_path)
    assert second["links"][0]["score"] == 0.123
    assert {k: v for k, v in second.items() if k != "links"} == {
        k: v for k, v in first.items() if k != "links"}


def test_a_damaged_cache_file_is_recomputed_and_replaced(tmp_path):
    first = _analyze_json(tmp_path)
    (entry,) = _entries(tmp_path)
    for damage in (b"\x00garbage{", entry.read_bytes()[:-40]):
        entry.write_bytes(damage)
        assert _analyze_json(tmp_path) == first
        assert json.loads(entry.read_text())["analysis"] == first


def test_a_tampered_entry_without_its_checksum_is_not_trusted(tmp_path):
    first = _analyze_json(tmp_path)
    (entry,) = _entries(tmp_path)
    stored = json.loads(entry.read_text())
    stored["analysis"]["links"][0]["score"] = 0.123  # checksum left as it was
    entry.write_text(json.dumps(stored))
    assert _analyze_json(tmp_path) == first


def test_options_are_part_of_the_key_and_no_cache_skips_it(tmp_path):
    _analyze_json(tmp_path, "--semantic", "off")
    _analyze_json(tmp_path, "--semantic", "fast")
    assert len(_entries(tmp_path)) == 2
    other = tmp_path / "other"
    other.mkdir()
    _analyze_json(other, "--no-cache")
    assert not (other / "data" / "analysis-cache").exists()


def test_the_same_texts_from_other_files_reuse_the_analysis_with_todays_sources(tmp_path):
    first = _analyze_json(tmp_path)
    moved = tmp_path / "moved"
    moved.mkdir()
    left, right = moved / "a.txt", moved / "b.txt"
    left.write_text(ARTICLE)
    right.write_text(OTHER)
    result = run(["analyze", str(left), str(right), "--format", "json"],
                 data_dir=tmp_path / "data")
    again = json.loads(result.stdout)
    assert len(_entries(tmp_path)) == 1
    assert again["left"]["source"].endswith("a.txt") and again["links"] == first["links"]


def test_the_folder_stays_under_its_cap_dropping_the_least_recently_used(tmp_path):
    cache = AnalysisCache(tmp_path / "cache")
    docs = []
    for n in range(3):
        left = document_from_text(f"Story {n}\n\nThe council met {n} times.", source="l",
                                  side="L")
        right = document_from_text(f"Story {n}\n\nThe council met twice.", source="r", side="R")
        docs.append((left, right))
        cached(cache, left, right, {}, lambda left=left, right=right: analyze(
            left, right, semantic="off"))
        os.utime(cache.folder / f"{cache_key(left, right, {})}.json", (n, n))
    # Reading the oldest makes it the most recently used; the next put then trims the second.
    assert cache.get(cache_key(*docs[0], {}), *docs[0]) is not None
    sizes = [p.stat().st_size for p in cache.folder.glob("*.json")]
    cache.cap_bytes = sum(sizes) - 1
    cache._trim()
    kept = {p.name for p in cache.folder.glob("*.json")}
    assert f"{cache_key(*docs[1], {})}.json" not in kept
    assert {f"{cache_key(*docs[0], {})}.json", f"{cache_key(*docs[2], {})}.json"} == kept
    cache.cap_bytes = 1  # below one entry: nothing is kept, and nothing fails
    cached(cache, *docs[1], {}, lambda: analyze(*docs[1], semantic="off"))
    assert list(cache.folder.glob("*.json")) == []
