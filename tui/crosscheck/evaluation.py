"""Score an analysis against a sample-corpus gold file (sentences named by their text)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.engine.boilerplate import boilerplate_kind
from crosscheck.engine.model import Document, Link, Sentence

Pair = tuple[str, str]


@dataclass(frozen=True)
class GoldLink:
    left: tuple[str, ...]
    right: tuple[str, ...]
    kind: str


@dataclass
class GoldStory:
    """A story's gold annotations, resolved to the sentence ids of two documents."""

    name: str
    links: list[GoldLink]
    left_only: set[str]
    right_only: set[str]
    contradictions: list[dict[str, Any]]
    non_contradictions: list[dict[str, Any]]
    unresolved: list[str] = field(default_factory=list)


def story_files(story_dir: Path) -> tuple[Path, Path, dict[str, Any]]:
    """(left path, right path, raw gold dict) of one corpus story."""
    gold = json.loads((story_dir / "gold.json").read_text(encoding="utf-8"))
    return story_dir / gold["left"], story_dir / gold["right"], gold


def corpus_stories(corpus: Path) -> Iterator[tuple[Document, Document, GoldStory]]:
    """Every story of a corpus folder with gold: both documents loaded and the gold resolved."""
    from crosscheck.engine.ingest import load_document

    for story_dir in sorted(p for p in corpus.iterdir() if (p / "gold.json").is_file()):
        left_path, right_path, gold = story_files(story_dir)
        left = load_document(str(left_path), side="L")
        right = load_document(str(right_path), side="R")
        yield left, right, resolve_gold(story_dir.name, gold, left, right)


def resolve_gold(name: str, gold: dict[str, Any], left: Document, right: Document) -> GoldStory:
    """Map every gold sentence text to the ids of the segmented sentences it covers."""
    story = GoldStory(name, [], set(), set(), [], [])

    def ids(doc: Document, text: str) -> tuple[str, ...]:
        found = sentence_ids_for(doc, text)
        if not found:
            story.unresolved.append(text)
        return found

    for link in gold.get("links", []):
        lids = tuple(i for t in link["left"] for i in ids(left, t))
        rids = tuple(i for t in link["right"] for i in ids(right, t))
        story.links.append(GoldLink(lids, rids, link["kind"]))
    story.left_only = {i for t in gold.get("left_only", []) for i in ids(left, t)}
    story.right_only = {i for t in gold.get("right_only", []) for i in ids(right, t)}
    for key in ("contradictions", "non_contradictions"):
        for item in gold.get(key, []):
            resolved = dict(item, left_ids=ids(left, item["left"]),
                            right_ids=ids(right, item["right"]))
            getattr(story, key).append(resolved)
    return story


def sentence_ids_for(doc: Document, text: str) -> tuple[str, ...]:
    """Ids of the sentences that hold most of ``text`` (whitespace-insensitive lookup)."""
    start = doc.text.find(text)
    if start < 0:
        pattern = r"\s+".join(re.escape(part) for part in text.split())
        match = re.search(pattern, doc.text)
        if not match:
            return ()
        start, end = match.span()
    else:
        end = start + len(text)
    found = []
    for sentence in doc.sentences:
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if overlap > 0 and overlap >= 0.5 * min(sentence.end - sentence.start, end - start):
            found.append(sentence.id)
    return tuple(found)


def pairs_of(links) -> set[Pair]:
    """Every (left id, right id) a set of links asserts."""
    return {(lid, rid) for link in links for lid in link.left for rid in link.right}


@dataclass
class AlignmentScore:
    true_pos: int = 0
    predicted: int = 0
    gold: int = 0
    kind_confusion: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.gold if self.gold else 1.0

    def kind_accuracy(self, kinds: tuple[str, ...] = ("paraphrase", "related")) -> float:
        """Share of matched gold links of these kinds whose predicted kind agrees."""
        relevant = {k: n for k, n in self.kind_confusion.items() if k[0] in kinds}
        total = sum(relevant.values())
        return sum(n for (g, p), n in relevant.items() if g == p) / total if total else 1.0

    def add(self, other: AlignmentScore) -> None:
        self.true_pos += other.true_pos
        self.predicted += other.predicted
        self.gold += other.gold
        self.kind_confusion.update(other.kind_confusion)


def score_alignment(links: list[Link] | tuple[Link, ...], story: GoldStory) -> AlignmentScore:
    """Pair-level precision/recall of links, and the gold-vs-predicted kind of matched links."""
    predicted = pairs_of(links)
    gold = pairs_of(story.links)
    score = AlignmentScore(len(predicted & gold), len(predicted), len(gold))
    by_pair = {(lid, rid): link.kind for link in links for lid in link.left for rid in link.right}
    for link in story.links:
        kinds = [by_pair.get((lid, rid)) for lid in link.left for rid in link.right]
        hit = next((k for k in kinds if k), None)
        if hit:
            score.kind_confusion[(link.kind, hit)] += 1
    return score


def document_from_sentences(sentences: Sequence[str], *, side: str,
                            source: str = "") -> Document:
    """A ``Document`` whose sentences are given (real data comes pre-segmented)."""
    spans, start = [], 0
    for text in sentences:
        spans.append((start, start + len(text)))
        start += len(text) + 1
    text = " ".join(sentences)
    return Document(
        source=source, title=None, text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), paragraphs=((0, len(text)),),
        sentences=tuple(
            Sentence(f"{side}{k}", a, b, text[a:b], 0, boilerplate_kind(text[a:b]) is not None)
            for k, (a, b) in enumerate(spans)),
    )
