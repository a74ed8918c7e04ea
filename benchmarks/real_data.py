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


def ecb_cross_pairs(split: Split, per_topic: int = 40) -> list[ArticlePair]:
    """Hard negatives: articles on two different events of the same kind (ECB+ subtopics).

    Each ECB+ topic holds two events of one type (two jewellery heists, two climbing deaths);
    an article on one and an article on the other share topic words but no event, so none of
    their sentence pairs is a link (every sentence counts as annotated). ``per_topic`` article
    pairs a topic, in a fixed order.
    """
    groups: dict[int, list[list[dict]]] = {}
    for row in _rows("ecbplus/groups.jsonl"):
        if ecb_split(int(row["topic"])) == split:
            groups.setdefault(int(row["topic"]), []).append(row["articles"])
    found = []
    for topic, sides in sorted(groups.items()):
        if len(sides) != 2:
            continue
        combos = [(a, b) for a in sides[0] for b in sides[1]]
        for a, b in combos[:: max(1, len(combos) // per_topic)][:per_topic]:
            found.append(ArticlePair(f"{a['doc']}|{b['doc']}", topic, tuple(a["sentences"]),
                                     tuple(b["sentences"]), frozenset(),
                                     frozenset(range(len(a["sentences"]))),
                                     frozenset(range(len(b["sentences"])))))
    return found


def sts_news() -> list[tuple[str, str, float]]:
    """STS news pairs (a, b, similarity 0-5)."""
    return [(r["a"], r["b"], float(r["score"])) for r in _rows("sts_news/all.jsonl")]


def real_article_pair(n: int) -> tuple[str, str]:
    """Two long 'articles' of ``n`` real news sentences each (MRPC pairs, then ECB+ sentences).

    The left has each MRPC pair's first sentence and the right its second, so about two thirds
    of the pairs are paraphrases and the rest same-story sentences; the right is shuffled
    within blocks of ten, as a second outlet reorders. Paragraphs of four sentences.
    """
    import random

    pairs = [(r["a"], r["b"]) for r in _rows("mrpc/train.jsonl")]
    extra = [s for r in _rows("ecbplus/groups.jsonl") for a in r["articles"]
             for s in a["sentences"]]
    while len(pairs) < n:
        pairs.extend(zip(extra[0::2], extra[1::2], strict=False))
    left, right = [a for a, _ in pairs[:n]], [b for _, b in pairs[:n]]
    rng = random.Random(7)
    for start in range(0, n, 10):
        block = right[start:start + 10]
        rng.shuffle(block)
        right[start:start + 10] = block

    def article(sentences: list[str]) -> str:
        return "\n\n".join(" ".join(sentences[k:k + 4]) for k in range(0, len(sentences), 4))

    return article(left), article(right)
