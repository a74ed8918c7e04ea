"""Agreement between reviewers: Cohen's kappa over the items both judged."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True)
class PairAgreement:
    """Two reviewers' agreement on the items they both gave a verdict."""

    first: str
    second: str
    shared: int
    kappa: float | None
    disagreements: tuple[tuple[str, str, str], ...]  # (item key, first's, second's)


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two equal-length label lists; ``None`` when there are no items.

    When chance agreement is total (both used one and the same label throughout), kappa is
    undefined; we report 1.0 since the reviewers agree on everything.
    """
    if len(first) != len(second):
        raise ValueError("both reviewers must label the same items")
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1 - expected)


def pairwise(table: dict[str, dict[str, str]]) -> list[PairAgreement]:
    """Kappa and disagreements for every pair of reviewers in ``{reviewer: {key: verdict}}``."""
    result = []
    for a, b in combinations(sorted(table), 2):
        shared = [key for key in table[a] if key in table[b]]
        first = [table[a][k] for k in shared]
        second = [table[b][k] for k in shared]
        disagreements = tuple((k, table[a][k], table[b][k]) for k in shared
                              if table[a][k] != table[b][k])
        result.append(PairAgreement(a, b, len(shared), cohen_kappa(first, second),
                                    disagreements))
    return result
