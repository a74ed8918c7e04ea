"""Contradiction detection quality on sample_corpus: precision/recall per reason type and overall.

Run: python benchmarks/eval_contradictions.py [--gold-only] [-v]

A predicted contradiction is a link whose contradiction score is at least 0.5; it is right when
it covers a gold contradiction's (left, right) sentences, and right in type when the gold type is
among its reason types. False alarms on the gold look-alikes (non_contradictions) are counted too.
By default the full pipeline runs (ingest + analyze). With --gold-only (or while the pipeline is
not importable) documents are built from the gold sentence texts and every pair sharing words is
offered as a candidate, which tests the rules alone.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.engine.analyze import analyze
from crosscheck.engine.contradict import THRESHOLD, find_contradictions
from crosscheck.engine.ingest import load_document
from crosscheck.engine.model import Document, Link, Sentence, link_id
from crosscheck.engine.tokens import content_terms
from crosscheck.evaluation import sentence_ids_for

CORPUS = Path(__file__).resolve().parents[1] / "sample_corpus"
TYPES = ("number", "date", "entity", "negation", "denial", "modality", "quote", "antonym")


@dataclass
class Tally:
    """Counts for one reason type (or overall)."""

    gold: int = 0
    found: int = 0  # gold contradictions detected (with this type, for a type row)
    predicted: int = 0
    correct: int = 0  # predictions that match a gold contradiction (of this type)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    by_type: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TYPES})
    overall: Tally = field(default_factory=Tally)
    look_alikes: int = 0
    false_alarms: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    gold_per_type: Counter = field(default_factory=Counter)


def _stories(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "gold.json").is_file())


def evaluate(corpus: Path = CORPUS, *, gold_only: bool = False) -> Report:
    """Score contradiction detection over every story of ``corpus``."""
    report = Report()
    for story_dir in _stories(corpus):
        gold = json.loads((story_dir / "gold.json").read_text(encoding="utf-8"))
        if gold_only:
            left, right, links = _gold_documents(gold)
        else:
            left, right, links = _run_pipeline(story_dir, gold)
        _score_story(story_dir.name, gold, left, right, links, report)
    return report


def _run_pipeline(story_dir: Path, gold: dict):
    left = load_document(str(story_dir / gold["left"]), side="L")
    right = load_document(str(story_dir / gold["right"]), side="R")
    return left, right, list(analyze(left, right).links)


def _gold_texts(gold: dict, side: str) -> list[str]:
    texts: list[str] = []
    for link in gold.get("links", []):
        texts.extend(link[side])
    texts.extend(gold.get(f"{side}_only", []))
    for key in ("contradictions", "non_contradictions"):
        texts.extend(item[side] for item in gold.get(key, []))
    return list(dict.fromkeys(texts))


def _document(texts: list[str], side: str) -> Document:
    sentences, start = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(f"{side}{index}", start, start + len(text), text, index))
        start += len(text) + 2
    body = "\n\n".join(texts)
    return Document(side, None, body, "", tuple((s.start, s.end) for s in sentences),
                    tuple(sentences))


def _gold_documents(gold: dict) -> tuple[Document, Document, list[Link]]:
    """Documents made of the gold sentences; gold links plus word-sharing candidate pairs."""
    left, right = _document(_gold_texts(gold, "left"), "L"), _document(_gold_texts(gold, "right"),
                                                                       "R")
    lid = {s.text: s.id for s in left.sentences}
    rid = {s.text: s.id for s in right.sentences}
    links = []
    for link in gold.get("links", []):
        ls, rs = tuple(lid[t] for t in link["left"]), tuple(rid[t] for t in link["right"])
        links.append(Link(link_id(ls, rs), ls, rs, link["kind"], 0.5))
    lterms = {s.id: set(content_terms(s.text)) for s in left.sentences}
    rterms = {s.id: set(content_terms(s.text)) for s in right.sentences}
    candidates = []
    for a, ta in lterms.items():
        for b, tb in rterms.items():
            union = ta | tb
            similarity = len(ta & tb) / len(union) if union else 0.0
            if similarity >= 0.1:
                candidates.append((a, b, round(similarity, 4)))
    return left, right, find_contradictions(left, right, links, candidates)


def _ids(doc: Document, text: str) -> set[str]:
    return set(sentence_ids_for(doc, text))


def _covers(link: Link, lids: set[str], rids: set[str]) -> bool:
    return bool(lids & set(link.left)) and bool(rids & set(link.right))


def _score_story(name: str, gold: dict, left: Document, right: Document, links: list[Link],
                 report: Report) -> None:
    flagged = [k for k in links if k.contradiction and k.contradiction.score >= THRESHOLD]
    golds = [(item, _ids(left, item["left"]), _ids(right, item["right"]))
             for item in gold.get("contradictions", [])]
    for item, lids, rids in golds:
        hits = [k for k in flagged if _covers(k, lids, rids)]
        types = {r.type for k in hits for r in k.contradiction.reasons}
        report.overall.gold += 1
        report.overall.found += bool(hits)
        for kind in item["types"]:
            report.gold_per_type[kind] += 1
            tally = report.by_type.setdefault(kind, Tally())
            tally.gold += 1
            tally.found += kind in types
        if not hits or not set(item["types"]) <= types:
            report.misses.append(f"{name}: {item['types']} got {sorted(types)}: "
                                 f"{item['left'][:60]!r} | {item['right'][:60]!r}")
    for link in flagged:
        matched = [item for item, lids, rids in golds if _covers(link, lids, rids)]
        gold_types = {t for item in matched for t in item["types"]}
        report.overall.predicted += 1
        report.overall.correct += bool(matched)
        for reason_type in {r.type for r in link.contradiction.reasons}:
            tally = report.by_type.setdefault(reason_type, Tally())
            tally.predicted += 1
            tally.correct += reason_type in gold_types
        if not matched:
            report.extras.append(f"{name}: {link.id} {link.contradiction.score:.2f} "
                                 f"{[r.explanation for r in link.contradiction.reasons]}")
    for item in gold.get("non_contradictions", []):
        lids, rids = _ids(left, item["left"]), _ids(right, item["right"])
        report.look_alikes += 1
        report.false_alarms += any(_covers(k, lids, rids) for k in flagged)


def format_table(report: Report) -> str:
    """The per-type table as Markdown."""
    rows = ["| Type | Gold | Found | Predicted | Precision | Recall | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for kind, t in sorted(report.by_type.items(), key=lambda kv: (kv[0] not in TYPES, kv[0])):
        rows.append(f"| {kind} | {t.gold} | {t.found} | {t.predicted} | {t.precision:.2f} | "
                    f"{t.recall:.2f} | {t.f1:.2f} |")
    o = report.overall
    rows.append(f"| **overall** | {o.gold} | {o.found} | {o.predicted} | {o.precision:.2f} | "
                f"{o.recall:.2f} | {o.f1:.2f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold-only", action="store_true", help="skip the aligner")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    report = evaluate(gold_only=args.gold_only)
    print(format_table(report))
    print(f"\nlook-alikes flagged (false alarms): {report.false_alarms} of {report.look_alikes}")
    if args.verbose:
        for line in report.misses:
            print("MISS ", line)
        for line in report.extras:
            print("EXTRA", line)


if __name__ == "__main__":
    main()
