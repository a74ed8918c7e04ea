"""Loaders and the fixed fit / tune / report splits of the real data in ../shared/data.

Nobody on the project wrote these texts (see ../shared/data/README.md for licences):
- MRPC train (Dolan & Brockett 2005): pairs of news sentences on one story, 1 = same claim.
  Split by a hash of the pair id: 20 % is held out for reporting (``mrpc_split(...) ==
  "report"``), 10 % tunes thresholds, the rest fits.
- ECB+ topics 1-25 (Cybulska & Vossen, LREC 2014, CC BY 3.0): sentence pairs of articles from
  different outlets that mention the same event. Topics 1-19 fit, 20-22 tune, 23-25 report
  (the corpus' own dev topics).
- STS news headlines (SemEval 2013-2016): graded similarity, evaluation only.

The splits are functions of the data, fixed here so every script and test uses the same ones.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
Split = Literal["fit", "tune", "report"]


def data_available() -> bool:
    """Whether ../shared/data is beside the project (it is in CI and development)."""
    return (DATA / "mrpc" / "train.jsonl").is_file()


def _rows(relative: str) -> Iterator[dict]:
    with (DATA / relative).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def mrpc_split(pair_id: str) -> Split:
    """The fixed split of an MRPC pair: 70 % fit, 10 % tune, 20 % report."""
    bucket = zlib.crc32(pair_id.encode("utf-8")) % 10
    return "report" if bucket < 2 else "tune" if bucket == 2 else "fit"


@dataclass(frozen=True)
class SentencePair:
    a: str
    b: str
    label: int


def mrpc(split: Split) -> list[SentencePair]:
    """MRPC train pairs of one split (label 1 = paraphrase, 0 = same story, other claim)."""
    return [SentencePair(r["a"], r["b"], int(r["label"])) for r in _rows("mrpc/train.jsonl")
            if mrpc_split(r["id"]) == split]


def ecb_split(topic: int) -> Split:
    """The fixed split of an ECB+ topic."""
    return "report" if topic >= 23 else "tune" if topic >= 20 else "fit"


@dataclass(frozen=True)
class ArticlePair:
    """Two articles as sentence lists, gold same-event links among the annotated sentences."""

    id: str
    topic: int
    left: tuple[str, ...]
    right: tuple[str, ...]
    links: frozenset[tuple[int, int]]
    left_gold: frozenset[int]
    right_gold: frozenset[int]


def ecb_pairs(split: Split) -> list[ArticlePair]:
    """ECB+ article pairs of one split."""
    found = []
    for row in _rows("ecbplus/pairs.jsonl"):
        topic = int(row["id"].split(":")[0].split("-")[1])
        if ecb_split(topic) != split:
            continue
        found.append(ArticlePair(
            row["id"], topic, tuple(row["left_sentences"]), tuple(row["right_sentences"]),
            frozenset((int(i), int(j)) for i, j in row["links"]),
            frozenset(row["left_gold_sentences"]), frozenset(row["right_gold_sentences"])))
    return found


def sts_news() -> list[tuple[str, str, float]]:
    """STS news pairs (a, b, similarity 0-5)."""
    return [(r["a"], r["b"], float(r["score"])) for r in _rows("sts_news/all.jsonl")]
