"""Choose 16 real ECB+ article pairs of the train topics as a tune set for the combination.

The first gold set's tune half holds only 7 conflicts: too few to choose the combination's
three parameters. These pairs come from the train topics (``splits.TRAIN_TOPICS``), never an
article of either gold set or of the labelled real candidate pairs; the weak negatives leave
their articles out (``make_weak_negatives.py``). Their sentences may be seeds of synthetic
pairs, so figures on them are in-sample. Annotated like the gold sets
(``prompts/gold_annotator.md``), one annotator a pair.

Run: python tools/verifier/make_tune_c_tasks.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

from make_seeds import gold_docs  # noqa: E402
from splits import TRAIN_TOPICS  # noqa: E402
from task_files import task_doc_pairs, write_pair_tasks  # noqa: E402

from real_data import DATA  # noqa: E402

TARGET = 16
OUT = ROOT / "benchmarks" / "tune_articles_c" / "tasks"


def labelled_docs() -> set[str]:
    """The articles of the labelled real candidate pairs."""
    return {doc for pair in task_doc_pairs(HERE / "data" / "real_pairs" / "tasks", "real_*.txt")
            for doc in pair}


def tune_docs() -> set[str]:
    """The articles of the tune set (kept out of the weak negatives)."""
    return {doc for pair in task_doc_pairs(OUT, "pair_*.txt") for doc in pair}


def main() -> None:
    excluded = gold_docs() | labelled_docs()
    ranked: dict[str, list[dict]] = {}
    for line in (DATA / "ecbplus" / "pairs.jsonl").open():
        row = json.loads(line)
        group = row["id"].split(":", 1)[0]
        if int(group.split("-")[1]) not in TRAIN_TOPICS:
            continue
        if {row["left_doc"], row["right_doc"]} & excluded or len(row["links"]) < 3:
            continue
        if 6 <= len(row["left_sentences"]) <= 40 and 6 <= len(row["right_sentences"]) <= 40:
            ranked.setdefault(group, []).append(row)
    for rows in ranked.values():
        rows.sort(key=lambda r: (-len(r["links"]), r["id"]))
    chosen, used = [], set()
    while len(chosen) < TARGET and any(ranked.values()):
        for group in sorted(ranked):
            while ranked[group]:
                row = ranked[group].pop(0)
                if row["left_doc"] not in used and row["right_doc"] not in used:
                    used.update((row["left_doc"], row["right_doc"]))
                    chosen.append(row)
                    break
            if len(chosen) == TARGET:
                break
    write_pair_tasks(OUT, chosen, start=1)


if __name__ == "__main__":
    main()
