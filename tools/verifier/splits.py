"""The fixed splits of the verifier's data, by topic and seed article (never by pair).

- ECB+ topics are split three ways for the verifier:
  * ``TRAIN_TOPICS``: seeds for synthetic pairs and real candidate pairs come from here only
    (minus the 28 articles of the first gold set, which are never seeds);
  * the first gold set (``benchmarks/gold_articles``) keeps its own tune / report halves:
    its tune half (pairs 01-06) lies in train topics, its report half (pairs 07-14, topics
    9, 12, 13, 16, 19, 20, 23, 24) in topics the verifier never sees;
  * ``GOLD_B_TOPICS``: the second gold set (``benchmarks/gold_articles_b``), 30 article pairs
    annotated for this issue, all from topics the verifier never sees.
- MRPC seeds come only from the MRPC ``fit`` split of ``benchmarks/real_data.py`` (its tune
  and report splits stay out of training).
- Synthetic pairs inherit their seed's split: a seed article's pairs all land in one split.
"""

from __future__ import annotations

import zlib
from typing import Literal

Split = Literal["fit", "dev", "test"]

TRAIN_TOPICS = frozenset({1, 2, 3, 4, 6, 8})
GOLD_A_REPORT_TOPICS = frozenset({9, 12, 13, 16, 19, 20, 23, 24})
GOLD_B_TOPICS = frozenset({5, 7, 10, 11, 14, 18, 21, 22, 25})
# Within the train topics, one topic is the synthetic test split and one the dev split, so a
# test pair never shares a topic (let alone a seed) with a fit pair.
ECB_TEST_TOPIC = 6
ECB_DEV_TOPIC = 8


def seed_split(seed_id: str) -> Split:
    """The split of every pair made from one seed.

    ``seed_id`` is ``ecb:<topic>:<doc>:<sentence>`` or ``mrpc:<pair id>:<side>``. ECB+ seeds
    split by topic; MRPC seeds by a hash of the MRPC pair id, so both sentences of one MRPC
    pair land in the same split.
    """
    kind, rest = seed_id.split(":", 1)
    if kind == "ecb":
        topic = int(rest.split(":", 1)[0])
        return "test" if topic == ECB_TEST_TOPIC else "dev" if topic == ECB_DEV_TOPIC else "fit"
    pair_id = rest.rsplit(":", 1)[0]
    bucket = zlib.crc32(("verifier:" + pair_id).encode("utf-8")) % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "fit"
