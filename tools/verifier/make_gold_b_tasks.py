"""Choose the 30 real ECB+ article pairs of the second gold set and write annotation tasks.

Pairs come only from ``splits.GOLD_B_TOPICS`` (topics the verifier never trains on), two
articles of one event (one ECB+ group) from different outlets, each 6-40 sentences, ranked by
how many event-coreference links ECB+ itself records between them (so the two articles tell
the same event in some detail), at most four pairs a group and no article twice.

Each task file shows the two articles' sentences, numbered from 0, and nothing else: no tool
output exists for annotators to see. Run: python tools/verifier/make_gold_b_tasks.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

from splits import GOLD_B_TOPICS  # noqa: E402
from task_files import write_pair_tasks  # noqa: E402

from real_data import DATA  # noqa: E402

TARGET = 30
OUT = ROOT / "benchmarks" / "gold_articles_b" / "tasks"


def main() -> None:
    candidates: dict[str, list[tuple[int, dict]]] = {}
    for line in (DATA / "ecbplus" / "pairs.jsonl").open():
        row = json.loads(line)
        group, _ = row["id"].split(":", 1)
        topic = int(group.split("-")[1])
        if topic not in GOLD_B_TOPICS:
            continue
        n_left, n_right = len(row["left_sentences"]), len(row["right_sentences"])
        if not (6 <= n_left <= 40 and 6 <= n_right <= 40):
            continue
        candidates.setdefault(group, []).append((len(row["links"]), row))
    chosen: list[dict] = []
    used: set[str] = set()
    # Round robin over groups, best-linked pair first, until 30.
    ranked = {g: sorted(c, key=lambda x: (-x[0], x[1]["id"])) for g, c in candidates.items()}
    for _round in range(4):
        for group in sorted(ranked):
            for links, row in ranked[group]:
                if links < 2 or row["left_doc"] in used or row["right_doc"] in used:
                    continue
                used.update((row["left_doc"], row["right_doc"]))
                chosen.append(row)
                ranked[group] = [x for x in ranked[group] if x[1] is not row]
                break
            if len(chosen) == TARGET:
                break
    write_pair_tasks(OUT, chosen, start=15)


if __name__ == "__main__":
    main()
