"""The judge's server: which API it speaks, whether it has the model, and one question asked.

Two APIs: ``openai`` (``POST /v1/chat/completions``: llama.cpp, vLLM, LM Studio, Ollama's
compatibility route, hosted endpoints) and ``ollama`` (``POST /api/chat``). Both are asked for
structured output with the same JSON schema, temperature 0 and a fixed seed; a server may
ignore the schema silently, so the caller validates every answer itself. The model is checked
against the server's own list before the first question, and an answer from another model
(LM Studio answers with whatever it has loaded) is refused.
"""

from __future__ import annotations

import time

from crosscheck.judge.config import JudgeConfig
from crosscheck.judge.errors import InvalidAnswer, JudgeFailure
from crosscheck.judge.servers import (
    CHAT_PATHS,
    MODEL_LISTS,
    is_loading,
    missing_model_hint,
    same_model,
    served_models,
    server_message,
    shown,
)
from crosscheck.judge.transport import Cancel, Reply, TransportError, exchange

SEED = 7  # fixed, so the same question gets the same answer where the server honours it


class JudgeServer:
    """A connection to the judge's server; ``connect`` before ``ask``."""

    def __init__(self, config: JudgeConfig, cancel: Cancel | None = None) -> None:
        self.config = config
        self.cancel = cancel or Cancel()
        self.kind: str | None = None if config.api == "auto" else config.api
        self.software: str | None = None
        self.served: list[str] = []
        self._loaded = False  # after the first answer the model is warm: the shorter timeout

    def connect(self) -> None:
        """Find the API (``--judge-api auto``) and check that the server lists the model."""
        kinds = [self.kind] if self.kind else ["ollama", "openai"]
        for kind in kinds:
            found = self._model_list(kind, probing=len(kinds) > 1)
            if found is not None:
                self.kind, (self.served, self.software) = kind, found
                break
        else:
            raise JudgeFailure(f"{self._base} answers neither the Ollama (/api/tags) nor the "
                               "OpenAI (/v1/models) API")
        if not any(same_model(self.config.model, name) for name in self.served):
            raise JudgeFailure(missing_model_hint(self.config.model, self.served,
                                                  self.software))

    def ask(self, messages: list[dict[str, str]], schema: dict, name: str,
            max_tokens: int) -> str:
        """The model's answer text to ``messages``, asked to follow ``schema``."""
        assert self.kind is not None, "connect() first"
        first = not self._loaded
        reply = self._send("POST", CHAT_PATHS[self.kind],
                           self._chat_body(messages, schema, name, max_tokens),
                           seconds=self.config.load_timeout if first else self.config.timeout,
                           option="--judge-load-timeout" if first else "--judge-timeout")
        if reply.status != 200:
            raise JudgeFailure(self._refused("the question", reply))
        try:
            data = reply.json()
        except (ValueError, UnicodeDecodeError):
            raise InvalidAnswer("the server's answer is not JSON") from None
        content, model, finish = _openai_answer(data) if self.kind == "openai" else \
            _ollama_answer(data)
        self._loaded = True
        if model and not same_model(self.config.model, model) and any(
                same_model(model, other) for other in self.served):
            raise JudgeFailure(f"the server answered with model {_safe(model)}, not "
                               f"{_safe(self.config.model)} (LM Studio answers with the model "
                               "it has loaded: load the one named)")
        if finish == "length":
            raise InvalidAnswer("the answer was cut short (the model ran out of tokens)")
        return content

    @property
    def _base(self) -> str:
        return self.config.endpoint.base

    def _chat_body(self, messages: list[dict[str, str]], schema: dict, name: str,
                   max_tokens: int) -> dict:
        if self.kind == "ollama":
            # num_ctx: Ollama otherwise truncates a long prompt to its small default, silently.
            return {"model": self.config.model, "messages": messages, "stream": False,
                    "format": schema, "options": {"temperature": 0, "seed": SEED,
                                                  "num_ctx": self.config.context,
                                                  "num_predict": max_tokens}}
        return {"model": self.config.model, "messages": messages, "stream": False,
                "temperature": 0, "seed": SEED, "max_tokens": max_tokens,
                "response_format": {"type": "json_schema", "json_schema": {
                    "name": name, "strict": True, "schema": schema}}}

    def _model_list(self, kind: str, *, probing: bool) -> tuple[list[str], str | None] | None:
        path = MODEL_LISTS[kind][0]
        reply = self._send("GET", path, None, seconds=self.config.timeout,
                           option="--judge-timeout")
        if reply.status == 200:
            try:
                found = served_models(kind, reply.json())
            except (ValueError, UnicodeDecodeError):
                found = None
            if found is not None or probing:
                return found
            raise JudgeFailure(f"{self._base}{path} does not answer with a model list: is it "
                               f"an {'Ollama' if kind == 'ollama' else 'OpenAI-compatible'} "
                               "server? (--judge-api)")
        if probing and reply.status in (404, 405):
            return None
        raise JudgeFailure(self._refused("the model list", reply))

    def _send(self, method: str, path: str, payload: object | None, *, seconds: float,
              option: str) -> Reply:
        """One exchange; while the server says its model is loading, try again until the
        load timeout has passed."""
        headers = {"Authorization": f"Bearer {self.config.key}"} if self.config.key else {}
        give_up = time.monotonic() + max(seconds, self.config.load_timeout)
        while True:
            try:
                reply = exchange(self.config.endpoint, method, path, payload,
                                 connect_timeout=self.config.connect_timeout, deadline=seconds,
                                 max_bytes=self.config.max_answer_bytes, cancel=self.cancel,
                                 headers=headers)
            except TransportError as exc:
                raise JudgeFailure(self._transport_message(exc, seconds, option)) from None
            if not is_loading(reply.status, reply.body) or time.monotonic() >= give_up:
                return reply
            self.cancel.wait(self.config.retry_interval)

    def _transport_message(self, exc: TransportError, seconds: float, option: str) -> str:
        if exc.kind == "unreachable":
            return f"cannot reach {self._base} ({_safe(exc.detail)}): is the server running?"
        if exc.kind == "timeout":
            return f"no complete answer from {self._base} within {seconds:g} s ({option})"
        if exc.kind == "too-large":
            return (f"{self._base} sent more than {self.config.max_answer_bytes:,} bytes for "
                    "one answer; cut off")
        return f"{self._base} broke off the answer ({_safe(exc.detail)})"

    def _refused(self, what: str, reply: Reply) -> str:
        said = server_message(reply.body)
        line = f"{self._base} refused {what}: HTTP {reply.status}" + (f" ({said})" if said
                                                                        else "")
        if reply.status in (401, 403):
            line += "; a hosted endpoint's key goes in $CROSSCHECK_JUDGE_KEY"
        elif reply.status == 404 and self.kind == "ollama" and "not found" in said:
            line += f"; run 'ollama pull {_safe(self.config.model)}'"
        elif is_loading(reply.status, reply.body):
            line += f"; still loading after {self.config.load_timeout:g} s (--judge-load-timeout)"
        return line


def _openai_answer(data: object) -> tuple[str, str | None, str | None]:
    try:
        choice = data["choices"][0]  # type: ignore[index]
        content = choice["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise InvalidAnswer("the answer has no choices[0].message.content") from None
    if not isinstance(content, str):
        raise InvalidAnswer("the answer's content is not text")
    model = data.get("model") if isinstance(data, dict) else None  # type: ignore[union-attr]
    finish = choice.get("finish_reason") if isinstance(choice, dict) else None
    return content, model if isinstance(model, str) else None, finish


def _ollama_answer(data: object) -> tuple[str, str | None, str | None]:
    try:
        content = data["message"]["content"]  # type: ignore[index]
    except (KeyError, TypeError):
        raise InvalidAnswer("the answer has no message.content") from None
    if not isinstance(content, str):
        raise InvalidAnswer("the answer's content is not text")
    model = data.get("model")  # type: ignore[union-attr]
    finish = data.get("done_reason")  # type: ignore[union-attr]
    return content, model if isinstance(model, str) else None, finish


def _safe(text: str) -> str:
    return shown(text)
