"""Settle the two labellers' real candidate pairs into ``data/real_pairs/settled.jsonl``.

Both labellers labelled every candidate independently (``prompts/real_pair_labeller.md``).
For training, ``unrelated`` counts as ``different`` (another claim: the verifier's third
class). A pair is kept when both give the same class (and, for a conflict, the same type);
a disagreement is settled by leaving the pair out of training, and counted here. Prints the
agreement (raw and Cohen's kappa over the four labels and the three classes).

Run: python tools/verifier/settle_real_pairs.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE / "data" / "real_pairs"
CLASS = {"consistent": "consistent", "conflict": "conflict", "different": "different",
         "unrelated": "different"}


def _task(path: Path) -> tuple[dict, list[str], list[str]]:
    head, left, right, side = {}, [], [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            m = re.match(r"# (\S+): (\S+) topic (\d+)", line)
            head = {"pair": m.group(1), "group": m.group(2), "topic": int(m.group(3))}
        elif line == "## LEFT":
            side = left
        elif line == "## RIGHT":
            side = right
        elif line.startswith("## "):
            side = None
        elif side is not None and re.match(r"[LR]\d+: ", line):
            side.append(line.split(": ", 1)[1])
    return head, left, right


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in ca) / n ** 2
    return (observed - expected) / (1 - expected)


def main() -> None:
    labels4, labels3, kept, dropped = [], [], [], Counter()
    for task in sorted((REAL / "tasks").glob("real_*.txt")):
        head, left, right = _task(task)
        first = {r["c"]: r for r in map(json.loads, (REAL / "labeller_1" / f"{task.stem}.jsonl")
                                        .read_text().splitlines()) if r}
        second = {r["c"]: r for r in map(json.loads, (REAL / "labeller_2" / f"{task.stem}.jsonl")
                                         .read_text().splitlines()) if r}
        for c, a in sorted(first.items()):
            b = second[c]
            labels4.append((a["label"], b["label"]))
            ca, cb = CLASS[a["label"]], CLASS[b["label"]]
            labels3.append((ca, cb))
            same_type = ca != "conflict" or a["type"] == b["type"]
            if ca == cb and same_type:
                kept.append({**head, "c": c, "left": a["left"], "right": a["right"],
                             "a": left[a["left"]], "b": right[a["right"]], "label": ca,
                             "type": a["type"] if ca == "conflict" else "none"})
            else:
                dropped[tuple(sorted((ca, cb)))] += 1
    with (REAL / "settled.jsonl").open("w", encoding="utf-8") as handle:
        for row in kept:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    agree4 = sum(a == b for a, b in labels4) / len(labels4)
    agree3 = sum(a == b for a, b in labels3) / len(labels3)
    print(f"{len(labels4)} candidates; four labels: agreement {agree4:.2f}, kappa "
          f"{kappa(labels4):.2f}; three classes: agreement {agree3:.2f}, kappa "
          f"{kappa(labels3):.2f}")
    print(f"kept {len(kept)} ({Counter(r['label'] for r in kept)}); left out "
          f"{sum(dropped.values())} disagreements: {dict(dropped)}")


if __name__ == "__main__":
    main()
