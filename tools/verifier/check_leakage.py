"""Check that no evaluation sentence appears in the verifier's training data.

Evaluation sentences: both gold article sets (set A's report half and, for information, its
tune half; all of set B), the report halves of RTE-3 and Breaking NLI, SICK trial, and MRPC's
report split. Training sentences: every row of ``dataset.all_rows()`` in any split (fit, dev,
test) and every seed. Sentences are compared normalised (case, spacing, the spaced
punctuation of ECB+ and MRPC), so a copy with other spacing still counts.

Run: python tools/verifier/check_leakage.py   (exit 1 when an evaluation sentence leaks)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

from dataset import all_rows  # noqa: E402

from real_data import DATA, mrpc_split  # noqa: E402


def normalise(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _jsonl(relative: str):
    with (DATA / relative).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def evaluation_sentences(include_tune: bool = False) -> dict[str, set[str]]:
    """Normalised evaluation sentences per set; ``include_tune`` adds MRPC's tune split
    (thresholds are chosen on it, so training leaves it out too)."""
    from eval_article_pairs import TUNE
    from eval_contradictions_nli import nli_split

    articles = {}
    for group in _jsonl("ecbplus/groups.jsonl"):
        for article in group["articles"]:
            articles[article["doc"]] = article["sentences"]
    sets: dict[str, set[str]] = {"gold A report": set(), "gold A tune": set(), "gold B": set(),
                                 "RTE-3 report": set(), "Breaking NLI report": set(),
                                 "SICK trial": set(), "MRPC report": set()}
    for folder, name in (("gold_articles", "gold A"), ("gold_articles_b", "gold B")):
        for path in (ROOT / "benchmarks" / folder).glob("pair_*.json"):
            gold = json.loads(path.read_text())
            key = name if name == "gold B" else (
                "gold A tune" if path.stem in TUNE else "gold A report")
            for doc in (gold["left_doc"], gold["right_doc"]):
                sets[key].update(normalise(s) for s in articles[doc])
    for row in _jsonl("rte3/dev.jsonl"):
        if nli_split(row["id"]) == "report":
            sets["RTE-3 report"].update((normalise(row["premise"]), normalise(row["hypothesis"])))
    for row in _jsonl("breaking_nli/all.jsonl"):
        if nli_split(row["id"]) == "report":
            sets["Breaking NLI report"].update((normalise(row["premise"]),
                                                normalise(row["hypothesis"])))
    for row in _jsonl("sick/trial.jsonl"):
        for key in ("premise", "hypothesis", "a", "b", "sentence_A", "sentence_B"):
            if key in row:
                sets["SICK trial"].add(normalise(row[key]))
    for row in _jsonl("mrpc/train.jsonl"):
        if mrpc_split(row["id"]) == "report":
            sets["MRPC report"].update((normalise(row["a"]), normalise(row["b"])))
        elif include_tune and mrpc_split(row["id"]) == "tune":
            sets.setdefault("MRPC tune", set()).update((normalise(row["a"]),
                                                        normalise(row["b"])))
    for found in sets.values():
        found.discard("")
    return sets


def raw_rows() -> list:
    """Every row of every source, before ``all_rows`` leaves out those with an evaluation
    sentence."""
    from dataset import (
        _seed_texts,
        bnli_rows,
        mrpc_rows,
        real_rows,
        recombined_rows,
        synthetic_rows,
        weak_rows,
    )

    synthetic = synthetic_rows()
    return (synthetic + recombined_rows(synthetic, _seed_texts()) + real_rows() + weak_rows()
            + mrpc_rows() + bnli_rows())


def training_sentences(rows: list | None = None) -> set[str]:
    """Every sentence of ``rows`` (default: the training rows), and the seeds they came from."""
    from dataset import _seed_texts

    rows = all_rows() if rows is None else rows
    seeds = _seed_texts()
    found = {normalise(t) for row in rows for t in (row.a, row.b)}
    found |= {normalise(seeds[row.seed]) for row in rows if row.seed in seeds}
    found.discard("")
    return found


def leaks(rows: list | None = None) -> dict[str, list[str]]:
    """Evaluation sentences found in ``rows`` (default: the training data), per set."""
    train = training_sentences(rows)
    return {name: sorted(sents & train) for name, sents in evaluation_sentences().items()}


def main() -> int:
    found = leaks()
    bad = False
    for name, sentences in found.items():
        informational = name == "gold A tune"
        print(f"{name}: {len(sentences)} sentences in the training data"
              + (" (tune half: information only)" if informational else ""))
        for s in sentences[:5]:
            print(f"    {s[:100]}")
        bad |= bool(sentences) and not informational
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
