"""The optional judge on real article pairs annotated by hand, beside the engine alone.

Run: python benchmarks/eval_judge.py --judge URL --judge-model NAME [--judge-api auto]
     [--set a|b|c] [--split tune|report|all] [--mode pair|article|both] [--pairs K]
     [--limit N] [--verifier] [--judge-allow-remote] [-v]

It needs a reachable model server (Ollama, llama-server, vLLM, LM Studio: README, "The
judge"), and says so and exits with status 2 when there is none; it never downloads a model.
Each gold pair (benchmarks/gold_articles*, read as eval_article_pairs.py reads them) is
analysed by the engine, then judged, without the answer cache (every answer is asked, so the
times are the server's). Counted per gold sentence pair, as eval_article_pairs.py counts:

- engine: links flagged (contradiction score >= 0.5);
- judge, pair mode / article mode: the pairs it called a conflict with verbatim quotes (pair
  mode: its relation), each mode on its own;
- engine + judge: a pair flagged by either.

Precision is right pairs / pairs called; recall is gold conflicts covered / gold. Also: spans
dropped (quotes not verbatim in their article), unusable answers, the judge's seconds per
article pair and article pairs per minute.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.engine.analyze import analyze  # noqa: E402
from crosscheck.engine.contradict import THRESHOLD  # noqa: E402
from crosscheck.judge.client import JudgeServer  # noqa: E402
from crosscheck.judge.config import JudgeConfig, JudgeOptionError, parse_endpoint  # noqa: E402
from crosscheck.judge.errors import JudgeFailure  # noqa: E402
from crosscheck.judge.stage import JudgeRun  # noqa: E402
from eval_article_pairs import GOLD_SETS, _articles, _document, split_of  # noqa: E402

METHODS = ("engine", "judge: pair", "judge: article", "engine + judge")


@dataclass
class Tally:
    """Pairs called and gold covered, for one method over the pairs run."""

    called: int = 0
    right: int = 0
    found: int = 0

    def add(self, called: set, gold: set) -> None:
        self.called += len(called)
        self.right += sum(bool(c & gold) for c in called)
        self.found += len(set().union(*called) & gold) if called else 0


@dataclass
class Totals:
    gold: int = 0
    pairs: int = 0
    seconds: float = 0.0
    questions: int = 0
    dropped: int = 0
    invalid: int = 0
    methods: dict[str, Tally] = field(default_factory=lambda: {m: Tally() for m in METHODS})


def judge_config(args: argparse.Namespace) -> JudgeConfig:
    modes = {"pair": ("pair",), "article": ("article",), "both": ("pair", "article")}
    return JudgeConfig(endpoint=parse_endpoint(args.judge, allow_remote=args.allow_remote),
                       model=args.judge_model, api=args.judge_api, modes=modes[args.mode],
                       pairs=args.pairs, context=args.context, timeout=args.timeout)


def fail(message: str) -> None:
    print(f"eval_judge: {message}", file=sys.stderr)
    sys.exit(2)


def check_server(config: JudgeConfig) -> None:
    """Exit 2 with one plain line unless the server answers and serves the model."""
    try:
        JudgeServer(config).connect()
    except JudgeFailure as exc:
        fail(f"cannot run without a reachable model server serving the model: {exc}")


def covered(lowner: list[int], rowner: list[int], left_ids: tuple[str, ...],
            right_ids: tuple[str, ...]) -> frozenset[tuple[int, int]]:
    """The gold sentence pairs a link (or a judged pair) spans."""
    return frozenset((lowner[int(a[1:])], rowner[int(b[1:])]) for a in left_ids
                     for b in right_ids)


def evaluate_pair(path: Path, articles: dict, config: JudgeConfig, args: argparse.Namespace,
                  totals: Totals) -> list[str]:
    import json

    gold = json.loads(path.read_text(encoding="utf-8"))
    left, lowner = _document(articles[gold["group"], gold["left_doc"]], "L")
    right, rowner = _document(articles[gold["group"], gold["right_doc"]], "R")
    conflicts = {(c["left"], c["right"]) for c in gold["contradictions"]}
    analysis = analyze(left, right, semantic=args.semantic, verify=args.verifier)
    engine = {covered(lowner, rowner, link.left, link.right)
              for link in analysis.links
              if link.contradiction and link.contradiction.score >= THRESHOLD}
    run = JudgeRun(analysis, config)
    start = time.perf_counter()
    for _ in run.steps():
        pass
    totals.seconds += time.perf_counter() - start
    called = {"pair": set(), "article": set()}
    for judgement in run.judgements:
        finding = judgement.finding
        if finding.relation == "conflict" and (finding.reasons or "pair" in finding.modes):
            called[finding.modes[0]].add(covered(lowner, rowner, judgement.left,
                                                 judgement.right))
    record = run.record()
    totals.gold += len(conflicts)
    totals.pairs += 1
    totals.questions += len(run.questions)
    totals.dropped += int(record["spans_dropped"])
    totals.invalid += sum(int(record[m]["invalid"]) for m in ("pairs", "article"))
    for method, pairs in (("engine", engine), ("judge: pair", called["pair"]),
                          ("judge: article", called["article"]),
                          ("engine + judge", engine | called["pair"] | called["article"])):
        totals.methods[method].add(pairs, conflicts)
    status = "" if run.status == "ok" else f" ({run.status}: {run.message})"
    return [f"{path.stem}: gold {len(conflicts)}, engine {len(engine)}, pair mode "
            f"{len(called['pair'])}, article mode {len(called['article'])}{status}"]


def report(totals: Totals, config: JudgeConfig) -> None:
    print(f"model {config.model} at {config.endpoint.base}, modes {'+'.join(config.modes)}, "
          f"{totals.pairs} article pairs, {totals.gold} gold conflicts")
    print("| Method | Called | Right | Precision | Recall |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for method, tally in totals.methods.items():
        precision = tally.right / tally.called if tally.called else float("nan")
        recall = tally.found / totals.gold if totals.gold else float("nan")
        print(f"| {method} | {tally.called} | {tally.right} | {precision:.2f} | {recall:.2f} |")
    per_pair = totals.seconds / totals.pairs if totals.pairs else 0.0
    print(f"\njudge: {per_pair:.1f} s per article pair ({60 / per_pair if per_pair else 0:.1f} "
          f"pairs a minute), {totals.questions} questions, {totals.dropped} spans dropped, "
          f"{totals.invalid} unusable answers")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--judge", required=True, metavar="URL")
    parser.add_argument("--judge-model", required=True, metavar="NAME")
    parser.add_argument("--judge-api", choices=("auto", "openai", "ollama"), default="auto")
    parser.add_argument("--judge-allow-remote", dest="allow_remote", action="store_true")
    parser.add_argument("--mode", choices=("pair", "article", "both"), default="both")
    parser.add_argument("--pairs", type=int, default=40, help="pair mode's K")
    parser.add_argument("--context", type=int, default=8192)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--set", dest="gold_set", choices=("a", "b", "c"), default="b")
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--semantic", default="auto")
    parser.add_argument("--verifier", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pairs")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    try:
        config = judge_config(args)
    except JudgeOptionError as exc:
        fail(str(exc))
    check_server(config)
    articles = _articles()
    paths = [p for p in sorted(GOLD_SETS[args.gold_set].glob("pair_*.json"))
             if args.gold_set != "a" or args.split == "all" or split_of(p.stem) == args.split]
    totals = Totals()
    for path in paths[: args.limit or None]:
        lines = evaluate_pair(path, articles, config, args, totals)
        if args.verbose:
            print("\n".join(lines), flush=True)
    report(totals, config)


if __name__ == "__main__":
    main()
