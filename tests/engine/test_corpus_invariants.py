"""Every corpus article segments with exact offsets, and every gold sentence is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.engine.ingest import load_document
from crosscheck.evaluation import resolve_gold, story_files

CORPUS = Path(__file__).resolve().parents[2] / "sample_corpus"
STORIES = sorted(p for p in CORPUS.iterdir() if (p / "gold.json").is_file())


@pytest.fixture(scope="module", params=STORIES, ids=lambda p: p.name)
def story(request):
    left_path, right_path, gold = story_files(request.param)
    left = load_document(str(left_path), side="L")
    right = load_document(str(right_path), side="R")
    return request.param.name, gold, left, right


def test_every_sentence_offset_round_trips(story):
    _, _, left, right = story
    for doc in (left, right):
        for sentence in doc.sentences:
            assert doc.text[sentence.start : sentence.end] == sentence.text


def test_every_gold_sentence_resolves_to_segmented_sentences(story):
    name, gold, left, right = story
    resolved = resolve_gold(name, gold, left, right)
    assert resolved.unresolved == []


def test_gold_boilerplate_is_marked_and_content_is_not(story):
    name, gold, left, right = story
    for side, doc in (("left", left), ("right", right)):
        marked = {s.id for s in doc.sentences if s.boilerplate}
        for text in gold.get("boilerplate", {}).get(side, []):
            ids = resolve_gold(name, {"left_only": [text]} if side == "left" else
                               {"right_only": [text]}, left, right)
            found = ids.left_only if side == "left" else ids.right_only
            assert found and found <= marked, text
        content = {i for link in resolve_gold(name, gold, left, right).links
                   for i in (link.left if side == "left" else link.right)}
        assert not content & marked
