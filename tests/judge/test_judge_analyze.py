"""``crosscheck analyze --judge URL`` as a user and a script see it: the findings in the JSON,
one stderr line for whatever the server did wrong, exit status 0, and bad options refused
with one line and exit status 2 before any work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_server import assert_no_terminal_controls
from judge_fixtures import UNLINKED, VOTE

from crosscheck.cli import main

ENGINE_ONLY = ["--format", "json", "--semantic", "off"]


def analyze(capsys, pair, *extra: str) -> tuple[int, dict | None, str]:
    code = main(["analyze", *pair, *ENGINE_ONLY, *extra])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out else None, err


def judged(capsys, pair, judge, *extra: str) -> tuple[int, dict, str]:
    code, data, err = analyze(capsys, pair, "--judge", judge.url, "--judge-model", "judge-7b",
                              *extra)
    assert data is not None, err
    return code, data, err


def link(data: dict, link_id: str) -> dict:
    return next(item for item in data["links"] if item["id"] == link_id)


def test_the_judges_findings_and_record_are_in_the_json(capsys, pair, judge, data_dir) -> None:
    code, data, err = judged(capsys, pair, judge)
    assert (code, err) == (0, "")
    vote = link(data, "L2~R2")["judge"]
    assert vote["source"] == "judge" and vote["relation"] == "conflict"
    assert vote["model"] == "judge-7b" and vote["server"] == "ollama"
    assert vote["modes"] == ["pair", "article"] and vote["added"] is False
    (reason,) = vote["reasons"]
    assert (reason["left"], reason["right"], reason["type"]) == VOTE
    start, end = reason["left_span"]
    assert data["left"]["text"][start:end] == VOTE[0]
    added = link(data, "L3~R3")
    assert added["kind"] == "related" and added["best"] is False and added["judge"]["added"]
    assert added["judge"]["reasons"][0]["left"] == UNLINKED[0]
    assert 0.0 < added["score"] <= 1.0  # scored as a hand-drawn link is
    assert "L3" not in data["left_only"]
    record = data["judge"]
    assert record["status"] == "ok" and record["message"] is None
    assert record["url"] == judge.url and record["server"] == "ollama"
    assert record["pairs"] == {"questions": 3, "answered": 3, "cached": 0, "invalid": 0,
                               "conflicts": 1}
    assert record["article"]["conflicts"] == 2 and record["new_links"] == 1
    assert record["spans_dropped"] == 0 and record["prompt"] == "crosscheck-judge/1"


def test_without_a_judge_the_fields_are_null(capsys, pair, data_dir) -> None:
    code, data, err = analyze(capsys, pair)
    assert code == 0 and data["judge"] is None
    assert all(item["judge"] is None for item in data["links"])


def test_the_engines_findings_are_the_same_with_or_without_the_judge(capsys, pair, judge,
                                                                    data_dir) -> None:
    _, alone, _ = analyze(capsys, pair)
    _, both, _ = judged(capsys, pair, judge)
    engine = {item["id"]: {k: v for k, v in item.items() if k != "judge"}
              for item in alone["links"]}
    assert all(engine[item["id"]] == {k: v for k, v in item.items() if k != "judge"}
               for item in both["links"] if not item["judge"] or not item["judge"]["added"])


def test_the_url_and_model_can_come_from_the_environment(capsys, pair, judge, data_dir,
                                                         monkeypatch) -> None:
    monkeypatch.setenv("CROSSCHECK_JUDGE_URL", judge.url)
    monkeypatch.setenv("CROSSCHECK_JUDGE_MODEL", "judge-7b")
    _, data, _ = analyze(capsys, pair)
    assert data["judge"]["status"] == "ok"
    _, data, _ = analyze(capsys, pair, "--no-judge")
    assert data["judge"] is None


def test_answers_are_cached_beside_the_database(capsys, pair, judge, data_dir) -> None:
    _, first, _ = judged(capsys, pair, judge)
    cached = sorted((data_dir / "judge-cache").glob("*.json"))
    assert len(cached) == 4
    asked = len(judge.requests)
    _, again, err = judged(capsys, pair, judge)
    assert len(judge.requests) == asked and err == ""  # reopening asks the server nothing
    assert again["links"] == first["links"]
    assert again["judge"]["pairs"]["cached"] == 3 and again["judge"]["article"]["cached"] == 1


def test_no_cache_neither_reads_nor_writes_the_judge_cache(capsys, pair, judge,
                                                           data_dir) -> None:
    judged(capsys, pair, judge, "--no-cache")
    assert not (data_dir / "judge-cache").exists()


@pytest.mark.parametrize(("behaviour", "said"), [
    ("garbage", "3 answers in a row were unusable (the server's answer is not JSON)"),
    ("ignore_schema", "3 answers in a row were unusable (the answer is not JSON"),
    ("truncated", "3 answers in a row were unusable (the answer was cut short"),
    ("forever", "sent more than 1,048,576 bytes for one answer; cut off"),
])
def test_a_misbehaving_server_is_one_line_and_the_analysis_goes_on(
        capsys, pair, judge, data_dir, behaviour, said) -> None:
    judge.behaviour = behaviour
    code, data, err = judged(capsys, pair, judge)
    assert code == 0 and len(err.splitlines()) == 1, err
    assert err.startswith("crosscheck: judge: ") and said in err
    assert err.rstrip().endswith("the analysis is without the judge")
    assert data["judge"]["status"] == "failed" and said in data["judge"]["message"]
    assert all(item["judge"] is None for item in data["links"])
    assert not list((data_dir / "judge-cache").glob("*.json"))  # nothing bad is kept


def test_an_unreachable_server_is_one_line(capsys, pair, data_dir) -> None:
    code, data, err = analyze(capsys, pair, "--judge", "http://127.0.0.1:9",
                              "--judge-model", "m")
    assert code == 0 and data["links"]
    assert err == ("crosscheck: judge: cannot reach http://127.0.0.1:9 (Connection refused): "
                   "is the server running?; the analysis is without the judge\n")


def test_a_missing_model_is_one_line_with_the_servers_hint(capsys, pair, judge,
                                                           data_dir) -> None:
    judge.apis = {"ollama"}
    code, data, err = analyze(capsys, pair, "--judge", judge.url, "--judge-model",
                              "qwen2.5:7b-instruct")
    assert code == 0 and data["judge"]["status"] == "failed"
    assert err == ("crosscheck: judge: model qwen2.5:7b-instruct is not served there (it "
                   "serves judge-7b): run 'ollama pull qwen2.5:7b-instruct'; the analysis is "
                   "without the judge\n")


def test_a_slow_server_is_given_up_on_at_the_timeout(capsys, pair, judge, data_dir) -> None:
    judge.behaviour = "slow"
    code, _, err = judged(capsys, pair, judge, "--judge-timeout", "0.2",
                          "--judge-load-timeout", "0.2")
    assert code == 0
    assert "no complete answer from" in err and "within 0.2 s (--judge-load-timeout)" in err


def test_an_answer_from_another_model_is_one_line(capsys, pair, judge, data_dir) -> None:
    judge.models, judge.answer_model = ["judge-7b", "small-1b"], "small-1b"
    _, data, err = judged(capsys, pair, judge)
    assert "answered with model small-1b, not judge-7b" in err and len(err.splitlines()) == 1


def test_quotes_not_in_the_articles_are_counted_not_shown(capsys, pair, judge,
                                                          data_dir) -> None:
    judge.behaviour = "bad_quotes"
    code, data, err = judged(capsys, pair, judge)
    assert (code, err) == (0, "")
    assert data["judge"]["spans_dropped"] == 3
    quoted = [r["left"] + r["right"] for item in data["links"] if item["judge"]
              for r in item["judge"]["reasons"]]
    assert "nine members abstained" not in "".join(quoted)


def test_the_text_report_still_prints_with_a_judge(capsys, pair, judge, data_dir) -> None:
    code = main(["analyze", *pair, "--semantic", "off", "--judge", judge.url,
                 "--judge-model", "judge-7b"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and "harbour master" in out


def raw_analyze(pair, data_dir: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "crosscheck", "analyze", *pair,
                           "--semantic", "off", *extra], capture_output=True, env=env,
                          timeout=120)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_no_byte_of_a_hostile_server_reaches_the_terminal(pair, judge, data_dir, fmt) -> None:
    judge.behaviour, judge.apis, judge.owner = "hostile", {"openai"}, "someone"
    result = raw_analyze(pair, data_dir, "--format", fmt, "--judge", judge.url,
                         "--judge-model", "judge-7b")
    assert result.returncode == 0 and result.stderr == b""
    assert_no_terminal_controls(result.stdout)
    if fmt == "json":
        explanations = [item["judge"]["explanation"] for item in
                        json.loads(result.stdout)["links"] if item["judge"]]
        assert "[bold]markup[/bold] <b>tag</b>" in " ".join(explanations)
    missing = raw_analyze(pair, data_dir, "--format", fmt, "--judge", judge.url,
                          "--judge-model", "absent")
    assert missing.returncode == 0 and missing.stderr.count(b"\n") == 1
    assert_no_terminal_controls(missing.stderr)
    assert "␛[31mred".encode() in missing.stderr


def test_ctrl_c_stops_the_judge_and_prints_the_analysis(pair, judge, data_dir) -> None:
    judge.behaviour = "slow"  # the first question is never answered
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "analyze", *pair, *ENGINE_ONLY, "--judge",
         judge.url, "--judge-model", "judge-7b"], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=env)
    for _ in range(1200):  # until the judge waits on its first answer (at most 2 minutes)
        if judge.chats() or process.poll() is not None:
            break
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert err == (b"crosscheck: judge: interrupted after 0 of 4 questions; what was judged is "
                   b"kept\n")
    data = json.loads(out)
    assert data["judge"]["status"] == "cancelled" and data["links"]


@pytest.mark.parametrize(("argv", "said"), [
    (["--judge", "ftp://127.0.0.1/"], "the judge URL must be http:// or https:// with a host"),
    (["--judge", "http://"], "the judge URL must be http:// or https:// with a host"),
    (["--judge", "http://[::1"], "not a server URL"),
    (["--judge", "http://127.0.0.1:99999"], "not a server URL"),
    (["--judge", "http://me:secret@127.0.0.1:8080"], "must not hold credentials"),
    (["--judge", "http://127.0.0.1:8080/?x=1"], "takes no query or fragment"),
    (["--judge", "http://127.0.0.1:80\x1b[2J"], "not a server URL"),
    (["--judge", "http://example.org:8080"],
     "example.org is not this machine: the articles' text would be sent there; pass "
     "--judge-allow-remote to allow it"),
    (["--judge", "http://10.0.0.5:11434"], "10.0.0.5 is not this machine"),
    (["--judge", "http://127.0.0.1:8080"], "the judge needs a model: --judge-model NAME"),
    (["--judge", "http://127.0.0.1:8080", "--judge-model", "a b"], "without spaces"),
    (["--judge", "http://127.0.0.1:8080", "--judge-model", "m", "--judge-timeout", "30",
      "--judge-load-timeout", "10"], "--judge-load-timeout must be at least --judge-timeout"),
    (["--judge", "http://127.0.0.1:8080", "--judge-pairs", "0"], "must be positive"),
])
def test_an_option_that_cannot_work_is_one_line_and_exit_2(capsys, pair, data_dir, argv,
                                                          said) -> None:
    with pytest.raises(SystemExit) if "--judge-pairs" in argv else _no_raise() as exited:
        code = main(["analyze", *pair, *argv])
    code = exited.value.code if exited else code
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert err.startswith("crosscheck: error: ") and said in err
    assert "\x1b" not in err
    assert not (data_dir / "analysis-cache").exists()  # refused before any work


def test_a_key_is_never_sent_over_plain_http_to_another_host(capsys, pair, data_dir,
                                                             monkeypatch) -> None:
    monkeypatch.setenv("CROSSCHECK_JUDGE_KEY", "sk-secret")
    code = main(["analyze", *pair, "--judge", "http://example.org", "--judge-model", "m",
                 "--judge-allow-remote"])
    err = capsys.readouterr().err
    assert code == 2 and "is reached over plain http: use https, or unset the key" in err
    assert "sk-secret" not in err


def test_the_key_is_sent_as_a_bearer_token_from_the_environment(capsys, pair, judge,
                                                                data_dir, monkeypatch) -> None:
    monkeypatch.setenv("CROSSCHECK_JUDGE_KEY", "sk-test")
    judged(capsys, pair, judge, "--judge-mode", "article")
    assert judge.authorizations == ["Bearer sk-test"] * 2  # the model list, the question


class _no_raise:  # noqa: N801 - reads as a context manager name in the test above
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False
