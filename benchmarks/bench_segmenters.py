"""Sentence segmenters compared (not a test): ``python benchmarks/bench_segmenters.py``.

Scores each candidate on the gold cases of ``tests/engine/segment_gold.py`` (exact-match
accuracy per case, boundary precision/recall/F1) and times it on two texts of about 5,000
sentences: the gold texts repeated, and a ~700 KB synthetic article (``synthetic.py``).
"Corpus sentences" is a held-out check (text written by others, not used to tune the rules):
the share of sentences named in ``sample_corpus/*/gold.json`` that a candidate yields exactly.
Library candidates run twice: on the raw text, and per paragraph of ``split_paragraphs``
(the way production would wrap them).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "engine"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import blingfire  # noqa: E402
import pysbd  # noqa: E402
import syntok.segmenter as syntok_segmenter  # noqa: E402
from segment_gold import GOLD  # noqa: E402

from crosscheck.engine.ingest import load_document  # noqa: E402
from crosscheck.engine.segment import segment, split_paragraphs  # noqa: E402
from synthetic import article_pair  # noqa: E402

Spans = list[tuple[int, int]]
Segmenter = Callable[[str], Spans]
_PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)


def rules(text: str) -> Spans:
    """The production rule-based segmenter (paragraph rules built in)."""
    return [(start, end) for start, end, _ in segment(text)]


def pysbd_spans(text: str) -> Spans:
    return [(span.start, span.end) for span in _PYSBD.segment(text)]


def syntok_spans(text: str) -> Spans:
    spans = []
    for paragraph in syntok_segmenter.analyze(text):
        for sentence in paragraph:
            last = sentence[-1]
            spans.append((sentence[0].offset, last.offset + len(last.value)))
    return spans


def blingfire_spans(text: str) -> Spans:
    return [tuple(pair) for pair in blingfire.text_to_sentences_and_offsets(text)[1]]


def per_paragraph(inner: Segmenter) -> Segmenter:
    """Run ``inner`` on each paragraph of ``split_paragraphs`` and shift its offsets back."""

    def run(text: str) -> Spans:
        spans = []
        for start, end in split_paragraphs(text):
            spans.extend((start + s, start + e) for s, e in inner(text[start:end]))
        return spans

    return run


def trimmed(text: str, spans: Spans) -> list[tuple[int, int]]:
    """Spans shrunk to their non-whitespace content; empty ones dropped."""
    out = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            left = start + len(piece) - len(piece.lstrip())
            out.append((left, start + len(piece.rstrip())))
    return out


def gold_spans(text: str, sentences: tuple[str, ...]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for sentence in sentences:
        start = text.index(sentence, cursor)
        cursor = start + len(sentence)
        spans.append((start, cursor))
    return spans


def score(segmenter: Segmenter) -> tuple[float, float, float, float, list[str]]:
    """Exact-match accuracy, boundary precision, recall, F1 and the ids of failed cases."""
    exact = true_pos = predicted = expected = 0
    failed = []
    for case in GOLD:
        got = trimmed(case.text, segmenter(case.text))
        want = gold_spans(case.text, case.sentences)
        if [case.text[s:e] for s, e in got] == list(case.sentences):
            exact += 1
        else:
            failed.append(case.id)
        got_starts = {s for s, _ in got[1:]}
        want_starts = {s for s, _ in want[1:]}
        true_pos += len(got_starts & want_starts)
        predicted += len(got_starts)
        expected += len(want_starts)
    precision = true_pos / predicted if predicted else 1.0
    recall = true_pos / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return exact / len(GOLD), precision, recall, f1, failed


def corpus_texts() -> list[tuple[str, list[str]]]:
    """Each sample-corpus article's text with every sentence its gold file names."""
    out = []
    for gold_path in sorted((ROOT / "sample_corpus").glob("*/gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for side in ("left", "right"):
            named = list(gold["boilerplate"][side]) + list(gold[f"{side}_only"])
            named += [text for link in gold["links"] for text in link[side]]
            doc = load_document(str(gold_path.parent / gold[side]), side="L")
            out.append((doc.text, named))
    return out


def corpus_score(segmenter: Segmenter, corpus: list[tuple[str, list[str]]]) -> float:
    """Share of the corpus gold sentences that come out as exactly one segmented sentence."""
    hits = total = 0
    for text, named in corpus:
        produced = {text[s:e] for s, e in trimmed(text, segmenter(text))}
        hits += sum(sentence in produced for sentence in set(named))
        total += len(set(named))
    return hits / total


def timed(segmenter: Segmenter, text: str) -> tuple[int, float]:
    """Sentence count and best-of-3 seconds (one run when a run takes over 2 s)."""
    best, count = float("inf"), 0
    for _ in range(3):
        start = time.perf_counter()
        count = len(trimmed(text, segmenter(text)))
        best = min(best, time.perf_counter() - start)
        if best > 2:
            break
    return count, best


def speed_texts() -> tuple[str, str]:
    gold_text = "\n\n".join(case.text for case in GOLD)
    per_copy = sum(len(case.sentences) for case in GOLD)
    repeated = "\n\n".join([gold_text] * -(-5000 // per_copy))
    return repeated, article_pair(5000)[0]


def main() -> None:
    """Print the comparison table (markdown) and the failed gold cases per candidate."""
    candidates: dict[str, Segmenter] = {"rules (crosscheck.engine.segment)": rules}
    for name, func in (("pysbd", pysbd_spans), ("syntok", syntok_spans),
                       ("blingfire", blingfire_spans)):
        candidates[f"{name}, raw text"] = func
        candidates[f"{name} + split_paragraphs"] = per_paragraph(func)
    repeated, synthetic = speed_texts()
    corpus = corpus_texts()
    print(f"gold cases: {len(GOLD)}; speed texts: gold x{len(repeated) // 10**3} KB, "
          f"synthetic {len(synthetic) // 10**3} KB")
    print("| Segmenter | Exact cases | Boundary P / R / F1 | Corpus sentences | "
          "Gold x N: sent/s | Synthetic 700 KB: ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    failures = {}
    for name, func in candidates.items():
        accuracy, precision, recall, f1, failed = score(func)
        failures[name] = failed
        count, seconds = timed(func, repeated)
        _, synthetic_seconds = timed(func, synthetic)
        corpus_share = corpus_score(func, corpus)
        print(f"| {name} | {accuracy:.1%} ({len(GOLD) - len(failed)}/{len(GOLD)}) | "
              f"{precision:.3f} / {recall:.3f} / {f1:.3f} | {corpus_share:.1%} | "
              f"{count / seconds:,.0f} | {synthetic_seconds * 1000:,.0f} |")
    for name, failed in failures.items():
        print(f"\n{name} fails: {', '.join(failed) or 'none'}")


if __name__ == "__main__":
    main()
