"""The client against the fake server: which API, which model, and every way a server fails
becoming one message (never a traceback, never a hang)."""

from __future__ import annotations

import socket

import pytest
from judge_fixtures import config_for

from crosscheck.judge.client import JudgeServer
from crosscheck.judge.errors import InvalidAnswer, JudgeFailure
from crosscheck.judge.prompts import PAIR_SCHEMA

QUESTION = [{"role": "user", "content": "LEFT SENTENCE: a\nRIGHT SENTENCE: b"}]


def ask(server: JudgeServer) -> str:
    server.connect()
    return server.ask(QUESTION, PAIR_SCHEMA, "crosscheck_pair", 100)


def test_probing_prefers_the_native_ollama_api(judge) -> None:
    server = JudgeServer(config_for(judge))
    ask(server)
    assert server.kind == "ollama"
    body = judge.chats()[-1]
    assert body["format"] == PAIR_SCHEMA and body["stream"] is False
    assert body["options"]["temperature"] == 0 and body["options"]["num_ctx"] == 8192


def test_an_openai_compatible_server_gets_a_json_schema_response_format(judge) -> None:
    judge.apis = {"openai"}
    server = JudgeServer(config_for(judge))
    ask(server)
    assert server.kind == "openai" and server.software == "llama.cpp"
    body = judge.chats()[-1]
    assert body["response_format"] == {"type": "json_schema", "json_schema": {
        "name": "crosscheck_pair", "strict": True, "schema": PAIR_SCHEMA}}
    assert body["temperature"] == 0 and isinstance(body["seed"], int)


def test_the_api_can_be_named_instead_of_probed(judge) -> None:
    server = JudgeServer(config_for(judge, api="openai"))
    ask(server)
    assert [path for _, path, _ in judge.requests] == ["/v1/models", "/v1/chat/completions"]


@pytest.mark.parametrize(("owner", "apis", "hint"), [
    ("llamacpp", {"openai"}, "llama-server serves the model it was started with"),
    ("vllm", {"openai"}, "--served-model-name"),
    ("organization_owner", {"openai"}, "load qwen2.5:7b in LM Studio"),
    ("library", {"ollama"}, "run 'ollama pull qwen2.5:7b'"),
    ("someone", {"openai"}, "pass one of the served names as --judge-model"),
])
def test_a_missing_model_names_what_is_served_and_how_to_get_it(judge, owner, apis,
                                                                 hint) -> None:
    judge.owner, judge.apis = owner, apis
    with pytest.raises(JudgeFailure) as failure:
        JudgeServer(config_for(judge, model="qwen2.5:7b")).connect()
    assert "model qwen2.5:7b is not served there (it serves judge-7b)" in str(failure.value)
    assert hint in str(failure.value)
    assert not judge.chats()  # nothing was sent before the model was known


def test_ollama_latest_tag_and_a_file_path_name_the_same_model(judge) -> None:
    judge.models = ["judge-7b:latest", "/models/other-3b.gguf"]
    JudgeServer(config_for(judge, model="judge-7b")).connect()
    JudgeServer(config_for(judge, model="other-3b")).connect()


def test_an_unreachable_server_is_one_message() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    from fake_server import FakeJudge

    with pytest.raises(JudgeFailure, match=r"cannot reach http://127\.0\.0\.1:\d+ .*running"):
        JudgeServer(config_for(FakeJudge(port=port))).connect()


def test_a_server_speaking_neither_api_is_named(judge) -> None:
    judge.apis = set()
    with pytest.raises(JudgeFailure, match="answers neither the Ollama"):
        JudgeServer(config_for(judge)).connect()


def test_a_loading_model_is_waited_for(judge) -> None:
    judge.loading = 3
    assert '"relation"' in ask(JudgeServer(config_for(judge)))
    assert len(judge.chats()) == 4


def test_a_model_still_loading_after_the_load_timeout_is_one_message(judge) -> None:
    judge.loading = 10_000
    with pytest.raises(JudgeFailure, match="still loading after 0.05 s"):
        ask(JudgeServer(config_for(judge, timeout=0.05, load_timeout=0.05)))


def test_a_slow_first_answer_gets_the_load_timeout_and_later_ones_the_timeout(judge) -> None:
    judge.delay = 0.3
    server = JudgeServer(config_for(judge, timeout=0.05, load_timeout=10.0))
    ask(server)  # the cold load is waited for
    with pytest.raises(JudgeFailure, match=r"within 0.05 s \(--judge-timeout\)"):
        server.ask(QUESTION, PAIR_SCHEMA, "crosscheck_pair", 100)


def test_a_server_that_streams_forever_is_cut_off(judge) -> None:
    judge.behaviour = "forever"
    with pytest.raises(JudgeFailure, match="sent more than 1,048,576 bytes"):
        ask(JudgeServer(config_for(judge)))


def test_an_answer_still_streaming_at_the_deadline_is_cut_off(judge) -> None:
    judge.behaviour = "forever"
    server = JudgeServer(config_for(judge, timeout=0.2, load_timeout=0.2,
                                    max_answer_bytes=1 << 40))
    with pytest.raises(JudgeFailure, match="no complete answer"):
        ask(server)


def test_an_answer_that_is_not_json_spoils_only_that_answer(judge) -> None:
    judge.behaviour = "garbage"
    with pytest.raises(InvalidAnswer, match="not JSON"):
        ask(JudgeServer(config_for(judge)))


def test_a_truncated_answer_is_invalid(judge) -> None:
    judge.behaviour = "truncated"
    with pytest.raises(InvalidAnswer, match="cut short"):
        ask(JudgeServer(config_for(judge)))


def test_an_answer_from_another_served_model_is_refused(judge) -> None:
    judge.models, judge.answer_model = ["judge-7b", "tiny-1b"], "tiny-1b"
    with pytest.raises(JudgeFailure, match="answered with model tiny-1b, not judge-7b"):
        ask(JudgeServer(config_for(judge)))


def test_a_refused_key_says_where_a_key_goes(judge) -> None:
    judge.refuse = 401
    with pytest.raises(JudgeFailure) as failure:
        JudgeServer(config_for(judge, api="openai")).connect()
    assert str(failure.value).endswith("refused the model list: HTTP 401 (invalid api key); "
                                       "a hosted endpoint's key goes in $CROSSCHECK_JUDGE_KEY")


def test_hostile_model_names_reach_a_message_only_as_visible_text(judge) -> None:
    judge.behaviour, judge.owner, judge.apis = "hostile", "someone", {"openai"}
    with pytest.raises(JudgeFailure) as failure:
        JudgeServer(config_for(judge, model="absent")).connect()
    message = str(failure.value)
    assert "\x1b" not in message and "\x07" not in message and "\u202e" not in message
    assert "\x9b" not in message
    assert "␛[31mred" in message
