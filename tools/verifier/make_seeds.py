"""Pick the seed sentences the synthetic-pair writers start from, in fixed batches.

Seeds are real news sentences nobody on the project wrote:
- ECB+ (CC BY 3.0, Cybulska & Vossen 2014), train topics only (``splits.TRAIN_TOPICS``),
  never an article of either gold set;
- MRPC (Microsoft's research terms; recorded in the model card), its ``fit`` split only.
A seed must carry something a second outlet could get wrong: a figure, a date or day, a
name, a quote, a hedge or an attribution, and be 8-45 words long.

Run: python tools/verifier/make_seeds.py  (writes tools/verifier/data/seeds/batch_NN.jsonl)
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

from splits import TRAIN_TOPICS  # noqa: E402

from real_data import DATA, mrpc_split  # noqa: E402

BATCHES = 8
PER_BATCH = 200
EXTRA_BATCHES = 5
_FACT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|said|says|told|denied|may|"
    r"might|could|expected|reportedly|not|never|no)\b|[\"“”`]")


def gold_docs() -> set[str]:
    docs = set()
    for folder in ("gold_articles", "gold_articles_b"):
        for path in (ROOT / "benchmarks" / folder).glob("pair_*.json"):
            row = json.loads(path.read_text())
            docs.update((row["left_doc"], row["right_doc"]))
    return docs


def usable(text: str) -> bool:
    words = text.split()
    return 8 <= len(words) <= 45 and bool(_FACT.search(text)) and sum(
        w[:1].isupper() for w in words[1:]) >= 1


def main() -> None:
    excluded = gold_docs()
    ecb: list[dict] = []
    for line in (DATA / "ecbplus" / "groups.jsonl").open():
        group = json.loads(line)
        if group["topic"] not in TRAIN_TOPICS:
            continue
        for article in group["articles"]:
            if article["doc"] in excluded:
                continue
            for k, text in enumerate(article["sentences"]):
                if usable(text):
                    ecb.append({"seed_id": f"ecb:{group['topic']}:{article['doc']}:{k}",
                                "source": "ECB+ (CC BY 3.0)", "text": text})
    mrpc: list[dict] = []
    for line in (DATA / "mrpc" / "train.jsonl").open():
        row = json.loads(line)
        if mrpc_split(row["id"]) != "fit":
            continue
        for side in ("a", "b"):
            text = re.sub(r" ([,.;:!?%')])", r"\1", row[side]).replace("( ", "(").replace(
                "$ ", "$")
            if usable(text):
                mrpc.append({"seed_id": f"mrpc:{row['id']}:{side}",
                             "source": "MRPC (Microsoft research terms)", "text": text})
                break  # one sentence per MRPC pair: its twin says the same thing
    rng = random.Random(15)
    # Distinct texts only (ECB+ repeats wire copy across articles).
    seen: set[str] = set()
    pools = []
    for pool in (ecb, mrpc):
        unique = [s for s in pool if not (s["text"] in seen or seen.add(s["text"]))]
        rng.shuffle(unique)
        pools.append(unique)
    half = BATCHES * PER_BATCH // 2
    chosen = pools[0][:half] + pools[1][: BATCHES * PER_BATCH - min(half, len(pools[0]))]
    rng.shuffle(chosen)
    out = HERE / "data" / "seeds"
    out.mkdir(parents=True, exist_ok=True)
    for b in range(BATCHES):
        batch = chosen[b * PER_BATCH:(b + 1) * PER_BATCH]
        with (out / f"batch_{b + 1:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for seed in batch:
                handle.write(json.dumps(seed, ensure_ascii=False) + "\n")
    # Later batches (written when the first eight were under way): the seeds left over, ECB+
    # first, so the first eight batches stay exactly as they were handed out.
    taken = {s["seed_id"] for s in chosen}
    rest = [s for pool in pools for s in pool if s["seed_id"] not in taken]
    for b in range(EXTRA_BATCHES):
        batch = rest[b * PER_BATCH:(b + 1) * PER_BATCH]
        with (out / f"batch_{BATCHES + b + 1:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for seed in batch:
                handle.write(json.dumps(seed, ensure_ascii=False) + "\n")
    print(f"{len(pools[0])} ECB+ and {len(pools[1])} MRPC seeds available; "
          f"wrote {BATCHES} batches of {PER_BATCH}")


if __name__ == "__main__":
    main()
