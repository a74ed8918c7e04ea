"""Real candidate pairs for the verifier: what the relatedness graph proposes on ECB+ article
pairs of the train topics, written as labelling tasks for two independent annotators.

For each chosen article pair (train topics, no gold-set article, 6-30 sentences a side, at
least three ECB+ event links between them), every content sentence's three most probable
counterparts by the link model, in either direction, become candidates (the pairs the
verifier reads in the pipeline). Task files show both articles and the numbered candidates.

Run: python tools/verifier/make_real_candidates.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

from make_seeds import gold_docs  # noqa: E402
from splits import TRAIN_TOPICS  # noqa: E402
from task_files import article_pair_lines  # noqa: E402

from crosscheck.engine.ingest import document_from_text  # noqa: E402
from crosscheck.engine.pair_model import probability  # noqa: E402
from crosscheck.engine.relate import candidate_pairs  # noqa: E402
from real_data import DATA  # noqa: E402

PAIRS = 20
PER_SENTENCE = 3
OUT = HERE / "data" / "real_pairs" / "tasks"


def choose() -> list[dict]:
    excluded = gold_docs()
    chosen, used = [], set()
    rows = [json.loads(line) for line in (DATA / "ecbplus" / "pairs.jsonl").open()]
    rows.sort(key=lambda r: (-len(r["links"]), r["id"]))
    per_group: dict[str, int] = {}
    for row in rows:
        group = row["id"].split(":", 1)[0]
        topic = int(group.split("-")[1])
        if topic not in TRAIN_TOPICS or row["left_doc"] in excluded or row[
                "right_doc"] in excluded or row["left_doc"] in used or row["right_doc"] in used:
            continue
        if not (6 <= len(row["left_sentences"]) <= 30 and 6 <= len(row["right_sentences"]) <= 30):
            continue
        if len(row["links"]) < 3 or per_group.get(group, 0) >= 2:
            continue
        per_group[group] = per_group.get(group, 0) + 1
        used.update((row["left_doc"], row["right_doc"]))
        chosen.append(row)
        if len(chosen) == PAIRS:
            break
    return chosen


def candidates(row: dict, per_sentence: int = PER_SENTENCE) -> list[tuple[int, int]]:
    left = document_from_text("\n\n".join(row["left_sentences"]), source="L", side="L")
    right = document_from_text("\n\n".join(row["right_sentences"]), source="R", side="R")
    scored = candidate_pairs(left, right, "full")
    scores = probability("link", scored.tier, scored.features)
    found: set[tuple[int, int]] = set()
    for axis in (scored.rows, scored.cols):
        for k in np.unique(axis):
            at = np.flatnonzero(axis == k)
            for m in at[np.argsort(-scores[at])][:per_sentence]:
                found.add((scored.rows[m], scored.cols[m]))

    def index(doc, sentences, local):
        # ECB+ sentence index of a segmented sentence (one paragraph per ECB+ sentence).
        return doc.sentences[local].paragraph if doc.sentences[local].paragraph < len(
            sentences) else local

    out = set()
    for i, j in found:
        li = int(scored.lsents[i].id[1:])
        rj = int(scored.rsents[j].id[1:])
        out.add((index(left, row["left_sentences"], li), index(right, row["right_sentences"], rj)))
    return sorted(out)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    for n, row in enumerate(choose(), start=1):
        pairs = candidates(row)
        total += len(pairs)
        group = row["id"].split(":", 1)[0]
        lines = article_pair_lines(f"# real_{n:02d}: {group} topic {group.split('-')[1]}", row)
        lines += ["", "## CANDIDATES (label each)"]
        lines += [f"C{k}: L{i} ~ R{j}" for k, (i, j) in enumerate(pairs)]
        (OUT / f"real_{n:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{total} candidate pairs")


if __name__ == "__main__":
    main()
