"""Weak negatives: real candidate pairs from more ECB+ article pairs of the train topics,
taken as "not a conflict" without a label of their own.

Why: on real article pairs the verifier reads most related sentences of one story as a
conflict, because the synthetic pairs hold conflicts at a rate real copy never has. The two
labellers of ``data/real_pairs`` found 2 conflicts among 755 such candidates (0.26 %), so
treating unlabelled candidates as non-conflicts is nearly always right. They train only the
"not a conflict" side (the loss asks for consistent-or-different, not which), keep the
split of their topic, and exclude every gold and tune-set article and every labelled article
pair.

Run: python tools/verifier/make_weak_negatives.py  (writes data/weak/weak.jsonl)
     python tools/verifier/make_weak_negatives.py --pool  (more article pairs a group, for
     mining the verifier's false alarms: data/weak/pool.jsonl, see mine_hard_negatives.py)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

from make_real_candidates import candidates  # noqa: E402
from make_seeds import gold_docs  # noqa: E402
from make_tune_c_tasks import tune_docs  # noqa: E402
from splits import TRAIN_TOPICS  # noqa: E402
from task_files import task_doc_pairs  # noqa: E402

from crosscheck.engine.match import NEARBY_RANK  # noqa: E402
from real_data import DATA  # noqa: E402

PER_GROUP = 14
# As many counterparts a sentence as the verify stage reads.
PER_SENTENCE = NEARBY_RANK
OUT = HERE / "data" / "weak" / "weak.jsonl"


def labelled_pairs() -> set[tuple[str, str]]:
    """The article pairs whose candidates the two labellers labelled."""
    return task_doc_pairs(HERE / "data" / "real_pairs" / "tasks", "real_*.txt")


def main() -> None:
    pool = "--pool" in sys.argv
    limit = 60 if pool else PER_GROUP
    out = OUT.with_name("pool.jsonl") if pool else OUT
    excluded, labelled = gold_docs() | tune_docs(), labelled_pairs()
    rows = [json.loads(line) for line in (DATA / "ecbplus" / "pairs.jsonl").open()]
    rows.sort(key=lambda r: (-len(r["links"]), r["id"]))
    per_group: dict[str, int] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            group = row["id"].split(":", 1)[0]
            topic = int(group.split("-")[1])
            docs = (row["left_doc"], row["right_doc"])
            if topic not in TRAIN_TOPICS or set(docs) & excluded or docs in labelled:
                continue
            if not (4 <= len(row["left_sentences"]) <= 40 and 4 <= len(row["right_sentences"])
                    <= 40) or len(row["links"]) < 2 or per_group.get(group, 0) >= limit:
                continue
            per_group[group] = per_group.get(group, 0) + 1
            for i, j in candidates(row, PER_SENTENCE):
                handle.write(json.dumps({"topic": topic, "pair": row["id"], "left": i,
                                         "right": j, "a": row["left_sentences"][i],
                                         "b": row["right_sentences"][j]},
                                        ensure_ascii=False) + "\n")
                written += 1
    print(f"{written} weak negatives from {sum(per_group.values())} article pairs")


if __name__ == "__main__":
    main()
