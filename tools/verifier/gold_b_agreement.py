"""Inter-annotator agreement of the second gold set, before adjudication.

Annotators 1 and 2 labelled pairs 15-29, annotators 3 and 4 pairs 30-44, independently. A
contradiction is a sentence pair (left, right); two annotators agree on it when both list it
(the type is compared separately). Prints, per annotator pair and overall: listed by each,
by both, positive specific agreement (2 x both / (a + b)), type agreement on shared ones,
agreement on pairs with no contradiction at all, and Cohen's kappa over every sentence pair of
the content sentences (contradiction or not).

Run: python tools/verifier/gold_b_agreement.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "gold_articles_b"
TEAMS = (("annotator_1", "annotator_2", range(15, 30)), ("annotator_3", "annotator_4",
                                                         range(30, 45)))


def _sizes(n: int) -> tuple[int, int]:
    text = (GOLD / "tasks" / f"pair_{n:02d}.txt").read_text(encoding="utf-8").splitlines()
    return (sum(line.startswith("L") and ":" in line[:4] for line in text),
            sum(line.startswith("R") and ":" in line[:4] for line in text))


def main() -> None:
    grand = [0, 0, 0, 0, 0, 0, 0]  # a, b, both, type_same, none_agree, pairs, cells
    kappa_counts = [0, 0, 0, 0]  # both yes, a only, b only, both no
    for first, second, numbers in TEAMS:
        a_n = b_n = both = same_type = none_agree = 0
        for n in numbers:
            a = json.loads((GOLD / first / f"pair_{n:02d}.json").read_text())
            b = json.loads((GOLD / second / f"pair_{n:02d}.json").read_text())
            ca = {(c["left"], c["right"]): c["type"] for c in a["contradictions"]}
            cb = {(c["left"], c["right"]): c["type"] for c in b["contradictions"]}
            a_n, b_n = a_n + len(ca), b_n + len(cb)
            shared = ca.keys() & cb.keys()
            both += len(shared)
            same_type += sum(ca[k] == cb[k] for k in shared)
            none_agree += (not ca) == (not cb)
            left, right = _sizes(n)
            cells = left * right
            kappa_counts[0] += len(shared)
            kappa_counts[1] += len(ca.keys() - cb.keys())
            kappa_counts[2] += len(cb.keys() - ca.keys())
            kappa_counts[3] += cells - len(ca.keys() | cb.keys())
        psa = 2 * both / (a_n + b_n) if a_n + b_n else 1.0
        print(f"{first} vs {second} (pairs {numbers.start}-{numbers.stop - 1}): listed "
              f"{a_n} / {b_n}, both {both}, positive agreement {psa:.2f}, same type "
              f"{same_type}/{both}, agree on 'any conflict' for {none_agree}/{len(numbers)} pairs")
        for k, v in enumerate((a_n, b_n, both, same_type, none_agree, len(numbers))):
            grand[k] += v
    yy, yn, ny, nn = kappa_counts
    total = yy + yn + ny + nn
    observed = (yy + nn) / total
    expected = ((yy + yn) * (yy + ny) + (nn + yn) * (nn + ny)) / total ** 2
    kappa = (observed - expected) / (1 - expected)
    psa = 2 * grand[2] / (grand[0] + grand[1])
    print(f"overall: listed {grand[0]} + {grand[1]}, both {grand[2]}, positive agreement "
          f"{psa:.2f}, same type {grand[3]}/{grand[2]}, pair-level 'any conflict' agreement "
          f"{grand[4]}/{grand[5]}, Cohen's kappa over all {total} sentence pairs {kappa:.2f}")


if __name__ == "__main__":
    main()
