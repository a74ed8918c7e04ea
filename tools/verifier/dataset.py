"""The verifier's training rows, from every source, each with its split and provenance.

Sources (licences in the model card, ``tui/crosscheck/engine/verify/assets/MODEL_CARD.md``):
- ``synthetic``: pairs written by helper annotators from real seed sentences
  (``data/synthetic/*.jsonl``, instructions in ``prompts/synthetic_writer.md``);
- ``real``: candidate pairs the relatedness graph proposed on ECB+ train-topic article pairs,
  labelled by two independent annotators, disagreements settled (``data/real_pairs/``);
- ``mrpc``: MRPC fit-split pairs (1 = same claim, consistent; 0 = another claim);
- ``recombined``: for each seed, the conflicting versions written for it paired with the
  "another claim of the story" versions written for the same seed (label ``different``): the
  cue of a conflict (a negation, a denial, a hedge, a figure) then appears in a pair that does
  not conflict, so the model must read both sides, not the cue alone (measured: without them
  it flagged "declined to describe the bomb" against any sentence of the story);
- ``weak``: more real candidate pairs of train-topic ECB+ article pairs, unlabelled and taken
  as "not a conflict" (``make_weak_negatives.py`` says why); ``relation`` is ``NOT_CONFLICT``;
- ``bnli``: Breaking NLI's tune half (CC BY-SA 4.0), minus any pair sharing a sentence with
  its report half.
Splits follow ``splits.seed_split`` (by seed article / topic), never by pair. A row that holds
an evaluation sentence (``check_leakage.evaluation_sentences``: MRPC's report and tune
splits share some sentences with its fit split, for one) is left out, and so is every
synthetic row made from such a seed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

from splits import seed_split  # noqa: E402

from real_data import DATA, mrpc_split  # noqa: E402

RELATIONS = ("consistent", "conflict", "different")
NOT_CONFLICT = -1  # a weak negative: consistent or different, not said which
TYPES = ("none", "number", "date", "entity", "negation", "antonym", "modality", "denial",
         "quote")
# Breaking NLI categories as conflict types (the rest are colours, drinks, rooms...: a slot
# filled with an incompatible value, which is what an antonym conflict is).
BNLI_TYPES = {"cardinals": "number", "ordinals": "number", "nationalities": "entity",
              "countries": "entity"}
BNLI_LIMIT = 1500  # captions, not news: enough to teach substitution, not to dominate


@dataclass(frozen=True)
class Row:
    a: str
    b: str
    relation: int
    type: int
    source: str
    split: str
    seed: str


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def synthetic_rows() -> list[Row]:
    rows = []
    for path in sorted((HERE / "data" / "synthetic").glob("*.jsonl")):
        for r in _jsonl(path):
            if r.get("label") not in RELATIONS or r.get("type") not in TYPES:
                continue
            kind = r["type"] if r["label"] == "conflict" else "none"
            rows.append(Row(r["a"], r["b"], RELATIONS.index(r["label"]), TYPES.index(kind),
                            "synthetic", seed_split(r["seed_id"]), r["seed_id"]))
    return rows


def recombined_rows(synthetic: list[Row], seeds: dict[str, str]) -> list[Row]:
    """Each seed's written conflicts against its written other claims (see the docstring)."""
    by_seed: dict[str, tuple[list[str], list[str]]] = {}
    for r in synthetic:
        seed = seeds.get(r.seed)
        if seed is None or seed not in (r.a, r.b):
            continue  # which side is the writer's own text is unknown
        other = r.b if r.a == seed else r.a
        conflicts, others = by_seed.setdefault(r.seed, ([], []))
        if r.relation == RELATIONS.index("conflict"):
            conflicts.append(other)
        elif r.relation == RELATIONS.index("different"):
            others.append(other)
    rows = []
    for seed_id, (conflicts, others) in sorted(by_seed.items()):
        for k, text in enumerate(conflicts):
            if others:
                rows.append(Row(others[k % len(others)], text, RELATIONS.index("different"), 0,
                                "recombined", seed_split(seed_id), seed_id))
    return rows


def real_rows() -> list[Row]:
    path = HERE / "data" / "real_pairs" / "settled.jsonl"
    if not path.is_file():
        return []
    rows = []
    for r in _jsonl(path):
        kind = r["type"] if r["label"] == "conflict" else "none"
        seed = f"ecb:{r['topic']}:{r['pair']}:0"
        rows.append(Row(r["a"], r["b"], RELATIONS.index(r["label"]), TYPES.index(kind),
                        "real", seed_split(seed), seed))
    return rows


def weak_rows() -> list[Row]:
    """Weak negatives, and the verifier's mined false alarms (``mine_hard_negatives.py``)."""
    rows = []
    for name, source in (("weak.jsonl", "weak"), ("mined.jsonl", "mined")):
        path = HERE / "data" / "weak" / name
        if not path.is_file():
            continue
        for r in _jsonl(path):
            seed = f"ecb:{r['topic']}:{r['pair']}:0"
            rows.append(Row(r["a"], r["b"], NOT_CONFLICT, 0, source, seed_split(seed), seed))
    return rows


def mrpc_rows() -> list[Row]:
    rows = []
    for r in _jsonl(DATA / "mrpc" / "train.jsonl"):
        if mrpc_split(r["id"]) != "fit":
            continue
        seed = f"mrpc:{r['id']}:a"
        relation = "consistent" if int(r["label"]) == 1 else "different"
        rows.append(Row(r["a"], r["b"], RELATIONS.index(relation), 0, "mrpc", seed_split(seed),
                        seed))
    return rows


def bnli_rows() -> list[Row]:
    from eval_contradictions_nli import nli_split

    every = list(_jsonl(DATA / "breaking_nli" / "all.jsonl"))
    held = {s for r in every if nli_split(r["id"]) == "report"
            for s in (r["premise"], r["hypothesis"])}
    rows = []
    for r in every:
        if nli_split(r["id"]) != "tune" or r["premise"] in held or r["hypothesis"] in held:
            continue
        if r["label"] == "contradiction":
            relation, kind = "conflict", BNLI_TYPES.get(r["category"], "antonym")
        elif r["label"] == "entailment":
            relation, kind = "consistent", "none"
        else:
            continue
        seed = f"bnli:{r['id']}:0"
        rows.append(Row(r["premise"], r["hypothesis"], RELATIONS.index(relation),
                        TYPES.index(kind), "bnli", seed_split(seed), seed))
    rows.sort(key=lambda row: row.seed)
    return rows[:BNLI_LIMIT]


def _seed_texts() -> dict[str, str]:
    texts = {}
    for path in (HERE / "data" / "seeds").glob("*.jsonl"):
        for seed in _jsonl(path):
            texts[seed["seed_id"]] = seed["text"]
    return texts


def all_rows() -> list[Row]:
    """Every training row, minus any that holds (or was made from) an evaluation sentence."""
    from check_leakage import evaluation_sentences, normalise

    held = set().union(*evaluation_sentences(include_tune=True).values())
    seeds = _seed_texts()
    synthetic = synthetic_rows()
    rows = (synthetic + recombined_rows(synthetic, seeds) + real_rows() + weak_rows()
            + mrpc_rows() + bnli_rows())
    return [r for r in rows if normalise(r.a) not in held and normalise(r.b) not in held
            and normalise(seeds.get(r.seed, "")) not in held]


if __name__ == "__main__":
    from collections import Counter

    rows = all_rows()
    print(Counter((r.source, r.split) for r in rows))
    print(Counter((RELATIONS[r.relation], TYPES[r.type]) for r in rows if r.split == "fit"))
