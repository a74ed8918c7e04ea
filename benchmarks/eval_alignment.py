"""Alignment quality on sample_corpus: link precision/recall and paraphrase-vs-related accuracy.

IN-SAMPLE figures: the stories were written here and the link head is fitted partly on them
(benchmarks/eval_relatedness.py gives the figures on real data). Scored twice: the best
correspondence (the links the panes highlight) and the whole relatedness graph.

Run: python benchmarks/eval_alignment.py
"""

from __future__ import annotations

from pathlib import Path

from crosscheck.engine.analyze import analyze
from crosscheck.evaluation import AlignmentScore, corpus_stories, score_alignment

CORPUS = Path(__file__).resolve().parents[1] / "sample_corpus"


def evaluate(corpus: Path = CORPUS, *, verbose: bool = False, best_only: bool = True,
             semantic: str = "auto") -> AlignmentScore:
    """Score the aligner on every story; return the pooled score.

    ``best_only`` scores the best correspondence; otherwise every link of the graph.
    """
    total = AlignmentScore()
    for left, right, story in corpus_stories(corpus):
        links = [link for link in analyze(left, right, semantic=semantic).links
                 if link.best or not best_only]
        score = score_alignment(links, story)
        total.add(score)
        if verbose:
            print(f"{story.name:<28} P={score.precision:.3f} R={score.recall:.3f} "
                  f"kind={score.kind_accuracy():.3f} unresolved={len(story.unresolved)}")
            _explain(links, story, left, right)
    return total


def _explain(links, story, left, right) -> None:
    from crosscheck.evaluation import pairs_of

    predicted, gold = pairs_of(links), pairs_of(story.links)
    for label, wrong in (("FP", predicted - gold), ("FN", gold - predicted)):
        for lid, rid in sorted(wrong):
            print(f"   {label} {lid}~{rid}: {left.sentence(lid).text[:70]!r} | "
                  f"{right.sentence(rid).text[:70]!r}")
    kinds = {(lid, rid): link.kind for link in links for lid in link.left for rid in link.right}
    for link in story.links:
        got = next((kinds[(a, b)] for a in link.left for b in link.right if (a, b) in kinds), None)
        if got and got != link.kind:
            a, b = link.left[0], link.right[0]
            print(f"   KIND gold={link.kind} got={got}: {left.sentence(a).text[:60]!r} | "
                  f"{right.sentence(b).text[:60]!r}")


def main() -> None:
    graph = evaluate(best_only=False)
    print(f"graph (every link, in-sample): precision={graph.precision:.3f} "
          f"recall={graph.recall:.3f}")
    total = evaluate(verbose=True)
    print(f"\n{'best links (in-sample)':<28} precision={total.precision:.3f} "
          f"recall={total.recall:.3f} "
          f"paraphrase-vs-related accuracy={total.kind_accuracy():.3f} "
          f"all-kind accuracy={total.kind_accuracy(('identical', 'paraphrase', 'related')):.3f}")
    print("kind confusion (gold -> predicted):")
    for (gold, got), count in sorted(total.kind_confusion.items()):
        print(f"  {gold:>10} -> {got:<10} {count}")


if __name__ == "__main__":
    main()
