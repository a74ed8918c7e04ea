"""Mine the verifier's false alarms on real copy, to train it again on them.

The pool (``make_weak_negatives.py --pool``) holds real candidate pairs of train-topic ECB+
article pairs, unlabelled; conflicts among such pairs are rare (2 in 755 labelled). The
shipped verifier reads each; the pairs it calls a conflict with probability >= ``CUT`` are
nearly all false alarms of the kind seen on the tune sets (a negation or denial in one
sentence read as a conflict with any sentence of the story). They are written to
``data/weak/mined.jsonl`` with the sha256 of the model that found them, and train the next
model as weak negatives, counted twice (``train.py``).

Run: python tools/verifier/mine_hard_negatives.py
"""

from __future__ import annotations

import json
from pathlib import Path

from crosscheck.engine.verify import load_verifier
from crosscheck.engine.verify.model import _meta

HERE = Path(__file__).resolve().parent
POOL = HERE / "data" / "weak" / "pool.jsonl"
OUT = HERE / "data" / "weak" / "mined.jsonl"
CUT = 0.2


def main() -> None:
    rows = [json.loads(line) for line in POOL.read_text(encoding="utf-8").splitlines() if line]
    verdicts = load_verifier().verify([(r["a"], r["b"]) for r in rows])
    model = _meta()["sha256"]
    kept = 0
    with OUT.open("w", encoding="utf-8") as handle:
        for row, verdict in zip(rows, verdicts, strict=True):
            if verdict.conflict >= CUT:
                kept += 1
                handle.write(json.dumps({**row, "conflict": verdict.conflict,
                                         "type": verdict.type, "mined_by": model},
                                        ensure_ascii=False) + "\n")
    print(f"{kept} of {len(rows)} pool pairs read as conflicts (>= {CUT}) by {model[:12]}")


if __name__ == "__main__":
    main()
