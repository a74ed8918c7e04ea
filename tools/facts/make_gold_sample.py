"""Pick the sentences of the gold fact-extraction set (benchmarks/gold_facts/sentences.jsonl).

Standard library only, deterministic (no randomness; evenly spaced picks over a fixed order).
Nobody on the project wrote these sentences; see ../shared/data/README.md for the licences.

- 70 sentences from ECB+ topics 23, 24, 25 (the report topics): every sentence of every article
  in file order, sentences shorter than 6 words skipped (headlines, bylines, bare datelines),
  a sentence repeated word for word by another article kept once;
- 50 RTE-3 dev premises whose numeric id is even (duplicate premises and premises over 60
  words dropped, so one item stays one annotatable passage);
- 50 MRPC train sentences ``a`` in the report split of benchmarks/real_data.py ``mrpc_split``
  (zlib.crc32(id) % 10 < 2; the rule is copied here so this script needs nothing else).

Each source is split into "marked" sentences (a digit, a month or weekday name, a capitalised
word after the first word, or a quote mark) and "plain" ones (none of these); about 85 % of
the picks come from the marked pool and 15 % from the plain pool, each taken evenly spaced
(every k-th) over the pool's fixed order, so the picks spread over articles and files.

Usage: python tools/facts/make_gold_sample.py [--out benchmarks/gold_facts/sentences.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "benchmarks" / "gold_facts" / "sentences.jsonl"

ECB_SOURCE = "ECB+ (CC BY 3.0, Cybulska & Vossen 2014)"
RTE_SOURCE = "RTE-3 dev (PASCAL RTE research data)"
MRPC_SOURCE = "MRPC train (Microsoft Research Paraphrase Corpus, research terms)"

# (source, total picks, plain picks)
QUOTA = {"ecb": (70, 10), "rte3": (50, 8), "mrpc": (50, 8)}

MONTHS_DAYS = set(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
QUOTE = re.compile(r'["\u201c\u201d\u201e]|``|\'\'')
WORD = re.compile(r"[A-Za-z][\w'-]*")


def mrpc_split(pair_id: str) -> str:
    """Copy of benchmarks/real_data.py mrpc_split: 70 % fit, 10 % tune, 20 % report."""
    bucket = zlib.crc32(pair_id.encode("utf-8")) % 10
    return "report" if bucket < 2 else "tune" if bucket == 2 else "fit"


def marked(text: str) -> bool:
    """Whether a sentence shows a surface sign of a fact (digit, month/weekday, name, quote)."""
    if re.search(r"\d", text) or QUOTE.search(text):
        return True
    words = WORD.findall(text)
    if any(w in MONTHS_DAYS for w in words):
        return True
    return any(w[0].isupper() and w != "I" for w in words[1:])


def evenly(pool: list, n: int) -> list:
    """n items of pool at evenly spaced positions (every k-th), in pool order."""
    if n >= len(pool):
        return list(pool)
    return [pool[(i * len(pool)) // n] for i in range(n)]


def pick(items: list[dict], source_key: str) -> list[dict]:
    total, plain_n = QUOTA[source_key]
    plain = [it for it in items if not marked(it["text"])]
    rich = [it for it in items if marked(it["text"])]
    chosen_plain = evenly(plain, plain_n)
    chosen_rich = evenly(rich, total - len(chosen_plain))
    keep = {id(it) for it in chosen_plain + chosen_rich}
    return [it for it in items if id(it) in keep]


def rows(relative: str):
    with (DATA / relative).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def ecb_items() -> list[dict]:
    items, seen = [], set()
    for group in rows("ecbplus/groups.jsonl"):
        topic = int(group["id"].split("-")[1])
        if topic not in (23, 24, 25):
            continue
        for article in group["articles"]:
            for index, sentence in enumerate(article["sentences"]):
                if len(sentence.split()) < 6 or sentence in seen:
                    continue
                seen.add(sentence)
                items.append({"id": f"ecb:{topic}:{article['doc']}:{index}", "text": sentence,
                              "source": ECB_SOURCE})
    return items


def rte_items() -> list[dict]:
    items, seen = [], set()
    for row in rows("rte3/dev.jsonl"):
        if int(row["id"].rsplit("-", 1)[1]) % 2:
            continue
        text = row["premise"].strip()
        if text in seen or len(text.split()) > 60:
            continue
        seen.add(text)
        items.append({"id": f"rte3:{row['id']}", "text": text, "source": RTE_SOURCE})
    return items


def mrpc_items() -> list[dict]:
    items, seen = [], set()
    for row in rows("mrpc/train.jsonl"):
        if mrpc_split(row["id"]) != "report":
            continue
        text = row["a"].strip()
        if text in seen:
            continue
        seen.add(text)
        items.append({"id": f"mrpc:{row['id']}", "text": text, "source": MRPC_SOURCE})
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    chosen = (pick(ecb_items(), "ecb") + pick(rte_items(), "rte3")
              + pick(mrpc_items(), "mrpc"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for item in chosen:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    plain = sum(not marked(it["text"]) for it in chosen)
    print(f"{len(chosen)} sentences ({plain} plain) -> {args.out}")


if __name__ == "__main__":
    main()
