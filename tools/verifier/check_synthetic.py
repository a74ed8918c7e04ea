"""Check a synthetic-pair file: fields, labels, types, spans. Prints counts; exits 1 on errors.

Run: python3 tools/verifier/check_synthetic.py FILE [FILE ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter

LABELS = {"consistent", "conflict", "different"}
TYPES = {"number", "date", "entity", "negation", "antonym", "modality", "denial", "quote", "none"}
FAMILIES = {"paraphrase", "conflict", "hard_negative"}


def problems(row: dict) -> list[str]:
    found = []
    for key in ("seed_id", "a", "b", "label", "type", "family"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            found.append(f"missing {key}")
    if found:
        return found
    if row["label"] not in LABELS:
        found.append(f"label {row['label']!r}")
    if row["type"] not in TYPES:
        found.append(f"type {row['type']!r}")
    if row["family"] not in FAMILIES:
        found.append(f"family {row['family']!r}")
    if row["label"] == "conflict":
        if row["type"] == "none":
            found.append("a conflict needs a type")
        for side in ("a", "b"):
            span = row.get(f"{side}_span") or ""
            if not span or span not in row[side]:
                found.append(f"{side}_span is not a substring of {side}")
    if row["a"].strip() == row["b"].strip():
        found.append("a and b are the same")
    return found


def main(paths: list[str]) -> int:
    bad = 0
    counts: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    print(f"{path}:{number}: not JSON ({error})")
                    bad += 1
                    continue
                issues = problems(row)
                if issues:
                    bad += 1
                    print(f"{path}:{number}: {'; '.join(issues)}")
                else:
                    counts[(row["label"], row["type"])] += 1
    for (label, kind), n in sorted(counts.items()):
        print(f"{label:10} {kind:9} {n}")
    print(f"{sum(counts.values())} good rows, {bad} bad")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
