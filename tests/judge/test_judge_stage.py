"""The judge as a generator over questions: progress step by step, findings checked against
the text, cancellable, cached, and never raising for the server's sake."""

from __future__ import annotations

import threading
from pathlib import Path

from judge_fixtures import UNLINKED, VOTE, config_for

from crosscheck.judge.config import Endpoint
from crosscheck.judge.merge import apply_judgements
from crosscheck.judge.stage import JudgeRun, select_pairs
from crosscheck.store.judge_cache import JudgeCache


def run_all(run: JudgeRun) -> list:
    return list(run.steps())


def test_steps_come_one_answer_at_a_time_pairs_then_article(judge, analysis) -> None:
    run = JudgeRun(analysis, config_for(judge))
    steps = iter(run.steps())
    first = next(steps)
    assert (first.mode, first.done, first.total) == ("pair", 1, 3)
    assert first.progress == "judge: 1 of 3 pairs"
    assert len(judge.chats()) == 1  # asked lazily: one question per step
    rest = list(steps)
    assert [s.progress for s in rest] == ["judge: 2 of 3 pairs", "judge: 3 of 3 pairs",
                                          "judge: 1 of 1 article parts"]
    assert run.status == "ok" and run.message is None


def test_pairs_are_chosen_by_conflict_score_then_relatedness(analysis) -> None:
    chosen = select_pairs(analysis, 2)
    assert chosen[0].id == "L2~R2"  # the engine's likely contradiction first
    assert len(chosen) == 2


def test_a_pair_conflict_keeps_its_verbatim_spans(judge, analysis) -> None:
    run = JudgeRun(analysis, config_for(judge, modes=("pair",)))
    run_all(run)
    vote = next(j for j in run.judgements if j.left == ("L2",))
    finding = vote.finding
    assert finding.relation == "conflict" and finding.modes == ("pair",)
    (reason,) = finding.reasons
    assert reason.type == "number" and reason.left == VOTE[0] and reason.right == VOTE[1]
    assert analysis.left.text[slice(*reason.left_span)] == VOTE[0]
    assert analysis.right.text[slice(*reason.right_span)] == VOTE[1]
    others = [j.finding.relation for j in run.judgements if j.left != ("L2",)]
    assert others == ["compatible", "compatible"]


def test_quotes_not_in_the_text_are_dropped_and_counted(judge, analysis) -> None:
    judge.behaviour = "bad_quotes"
    run = JudgeRun(analysis, config_for(judge))
    run_all(run)
    judged = apply_judgements(analysis, run.judgements, run.record())
    vote = next(link for link in judged.links if link.id == "L2~R2")
    assert vote.judge.relation == "conflict" and vote.judge.reasons == ()
    record = judged.meta["judge"]
    assert record["spans_dropped"] == 3  # one in pair mode, two article conflicts' right quotes
    assert record["article"]["conflicts"] == 0 and record["new_links"] == 0


def test_hostile_explanations_are_kept_as_plain_one_line_text(judge, analysis) -> None:
    judge.behaviour = "hostile"
    run = JudgeRun(analysis, config_for(judge))
    run_all(run)
    texts = [j.finding.explanation for j in run.judgements]
    texts += [r.explanation for j in run.judgements for r in j.finding.reasons]
    assert texts and all(t == "" or "[bold]markup[/bold]" in t for t in texts)
    for text in texts:
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch == "\u202e" for ch in text)


def test_an_article_conflict_between_unlinked_sentences_becomes_a_new_related_link(
        judge, analysis) -> None:
    run = JudgeRun(analysis, config_for(judge, modes=("article",)))
    run_all(run)
    judged = apply_judgements(analysis, run.judgements, run.record())
    added = next(link for link in judged.links if link.id == "L3~R3")
    assert added.kind == "related" and not added.best and added.judge.added
    assert added.judge.reasons[0].left == UNLINKED[0]
    assert added.diff  # every link has its word diff
    assert "L3" not in judged.left_only and "R3" not in judged.right_only
    vote = next(link for link in judged.links if link.id == "L2~R2")
    assert vote.judge.modes == ("article",) and not vote.judge.added
    assert vote.contradiction == next(
        link for link in analysis.links if link.id == "L2~R2").contradiction  # untouched
    assert judged.meta["judge"]["new_links"] == 1


def test_both_readings_of_a_link_are_one_finding(judge, analysis) -> None:
    run = JudgeRun(analysis, config_for(judge))
    run_all(run)
    judged = apply_judgements(analysis, run.judgements, run.record())
    vote = next(link for link in judged.links if link.id == "L2~R2")
    assert vote.judge.modes == ("pair", "article")
    assert len(vote.judge.reasons) == 1  # the same spans, said twice, kept once


def test_cancel_between_steps_ends_the_run_and_keeps_what_was_judged(judge, analysis) -> None:
    run = JudgeRun(analysis, config_for(judge))
    for step in run.steps():
        if step.done == 1:
            run.cancel.cancel()
    assert run.status == "cancelled" and len(judge.chats()) == 1
    assert run.message == "cancelled after 1 of 4 questions; what was judged is kept"
    assert len(run.judgements) == 1


def test_cancel_cuts_the_answer_in_flight(judge, analysis) -> None:
    judge.behaviour = "slow"  # never answers within the test
    run = JudgeRun(analysis, config_for(judge, timeout=60.0, load_timeout=60.0))
    threading.Timer(0.2, run.cancel.cancel).start()
    assert run_all(run) == []
    assert run.status == "cancelled"


def test_three_unusable_answers_in_a_row_stop_the_judge(judge, analysis) -> None:
    judge.behaviour = "ignore_schema"
    run = JudgeRun(analysis, config_for(judge))
    assert [s.judgements for s in run.steps()] == [(), ()]
    assert run.status == "failed" and len(judge.chats()) == 3
    assert run.message == ("3 answers in a row were unusable (the answer is not JSON (the "
                           "server may ignore the schema)); the analysis is without the judge")


def test_one_unusable_answer_is_left_out_and_counted(judge, analysis) -> None:
    judge.behaviour = "wrong_keys"
    run = JudgeRun(analysis, config_for(judge, modes=("article",)))
    run_all(run)
    assert run.status == "ok"
    assert run.message == ("1 of 1 answers were unusable and left out (the answer does not "
                           "follow the schema (answer lacks conflicts))")
    assert run.record()["article"]["invalid"] == 1


def test_a_server_gone_midway_keeps_the_answers_before(judge, analysis) -> None:
    run = JudgeRun(analysis, config_for(judge))
    steps = iter(run.steps())
    next(steps)
    judge.stop()
    assert list(steps) == []
    assert run.status == "failed"
    assert run.message.endswith("; what it judged before is kept (1 answered)")
    assert "cannot reach" in run.message or "broke off" in run.message


def test_answers_are_cached_and_reopening_asks_nothing(judge, analysis, tmp_path) -> None:
    cache = JudgeCache(tmp_path / "judge-cache")
    first = JudgeRun(analysis, config_for(judge), cache=cache)
    run_all(first)
    asked = len(judge.requests)
    assert len(list(cache.folder.glob("*.json"))) == 4
    judge.stop()  # the server need not even be up
    again = JudgeRun(analysis, config_for(judge), cache=cache)
    steps = run_all(again)
    assert all(step.cached for step in steps) and len(judge.requests) == asked
    assert again.judgements == first.judgements
    record = again.record()
    assert record["server"] == "ollama" and record["pairs"]["cached"] == 3


def test_a_damaged_cached_answer_is_asked_again(judge, analysis, tmp_path) -> None:
    cache = JudgeCache(tmp_path / "judge-cache")
    run_all(JudgeRun(analysis, config_for(judge), cache=cache))
    for path in cache.folder.glob("*.json"):
        path.write_text('{"format": "crosscheck.judge-cache/1", "answer": {"relation": ')
    chats = len(judge.chats())
    run = JudgeRun(analysis, config_for(judge), cache=cache)
    run_all(run)
    assert len(judge.chats()) == chats + 4 and run.status == "ok"


def test_another_model_or_api_misses_the_cache(judge, analysis, tmp_path) -> None:
    cache = JudgeCache(tmp_path / "judge-cache")
    run_all(JudgeRun(analysis, config_for(judge), cache=cache))
    judge.models = ["judge-7b", "judge-13b"]
    chats = len(judge.chats())
    run_all(JudgeRun(analysis, config_for(judge, model="judge-13b"), cache=cache))
    run_all(JudgeRun(analysis, config_for(judge, api="openai"), cache=cache))
    assert len(judge.chats()) == chats + 8


def test_a_remote_host_is_told_of_on_first_use_only(judge, analysis, tmp_path: Path) -> None:
    cache = JudgeCache(tmp_path / "judge-cache")
    remote = Endpoint("http", "127.0.0.1", judge.port, "", loopback=False)
    said: list[str] = []
    for _ in range(2):
        run_all(JudgeRun(analysis, config_for(judge, endpoint=remote, modes=("article",)),
                         cache=JudgeCache(cache.folder), notice=said.append))
        judge.conflicts = [*judge.conflicts, ("Ferry to close", "Council shuts", "other")]
    assert said == ["the articles' text is sent to 127.0.0.1, a remote host "
                    "(--judge-allow-remote)"]


def long_pair():
    from crosscheck.engine.ingest import document_from_text

    def article(side: str, word: str) -> str:
        return "\n\n".join(f"Paragraph {n} says the {word} count was {n * 7}. " * 4
                             for n in range(12))

    return (document_from_text(article("L", "left"), source="l", side="L"),
            document_from_text(article("R", "right"), source="r", side="R"))


def test_articles_over_the_context_are_cut_between_paragraphs() -> None:
    from crosscheck.judge.prompts import article_questions, chunk_ranges

    left, right = long_pair()
    chunks = chunk_ranges(left, 500)
    assert len(chunks) > 2 and all(end - start <= 500 for start, end in chunks)
    starts = {start for start, _ in left.paragraphs}
    assert all(start in starts for start, _ in chunks)  # never inside a paragraph
    questions, skipped = article_questions(left, right, context_tokens=2048)
    pairs = len(chunks) * len(chunk_ranges(right, 500))
    assert len(questions) == 16 and skipped == pairs - 16 > 0
    whole, none_skipped = article_questions(left, right, context_tokens=32768)
    assert len(whole) == 1 and none_skipped == 0


def test_a_conflict_found_in_a_part_is_placed_in_its_sentences(judge) -> None:
    from crosscheck.engine.model import Analysis

    left, right = long_pair()
    # Paragraph 5 is in the second left part, paragraph 2 in the first right part.
    judge.conflicts = [("the left count was 35.", "the right count was 14.", "number")]
    analysis = Analysis(left, right, (), (), ())
    run = JudgeRun(analysis, config_for(judge, modes=("article",), context=2048))
    run_all(run)
    assert run.record()["article"]["chunks_skipped"] > 0
    found = {(j.left, j.right) for j in run.judgements}
    lid = next(s.id for s in left.sentences if "left count was 35." in s.text)
    rid = next(s.id for s in right.sentences if "right count was 14." in s.text)
    assert found == {((lid,), (rid,))}
