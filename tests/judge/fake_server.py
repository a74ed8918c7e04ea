"""A fake model server on 127.0.0.1 that speaks both APIs the judge uses, and misbehaves on
request: slow, wrong, truncated, hostile, schema-blind, another model, endless, or quoting
words that are not in the articles.

It answers like a model that knows the conflicts it was told (``conflicts``): in pair mode a
pair is a conflict when its two sentences hold a known conflict's two quotes; in article mode
it lists every known conflict whose quotes are in the parts it was shown.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOSTILE = "\x1b[31mred\x1b[0m \x07bell \u202ereversed\u202c [bold]markup[/bold] <b>tag</b>\x9b2J"


@dataclass
class FakeJudge:
    """What the fake serves; change the fields between requests to change its behaviour."""

    models: list[str] = field(default_factory=lambda: ["judge-7b"])
    owner: str = "llamacpp"  # owned_by in /v1/models: llama.cpp, vllm, organization_owner
    apis: set[str] = field(default_factory=lambda: {"openai", "ollama"})
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # left, right, type
    behaviour: str = "ok"
    delay: float = 0.0  # seconds before each chat answer ("slow")
    loading: int = 0  # answer 503 "Loading model" to this many chat requests first
    answer_model: str | None = None  # the model the answers say they come from
    refuse: int = 0  # answer every request with this HTTP status (401: a bad key)
    requests: list[tuple[str, str, dict | None]] = field(default_factory=list)
    authorizations: list[str | None] = field(default_factory=list)  # each request's header
    port: int = 0
    _server: ThreadingHTTPServer | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def chats(self) -> list[dict]:
        """The bodies of the chat requests received, in order."""
        return [body for method, _, body in self.requests if method == "POST" and body]

    def start(self) -> FakeJudge:
        fake = self

        class Handler(_Handler):
            judge = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                         daemon=True).start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # What a model "answers", before the behaviour spoils it.
    def content(self, mode: str, prompt: str) -> dict:
        if mode == "pair":
            left = _line(prompt, "LEFT SENTENCE: ")
            right = _line(prompt, "RIGHT SENTENCE: ")
            for lq, rq, kind in self.conflicts:
                if lq in left and rq in right:
                    return {"relation": "conflict", "type": kind, "left_span": lq,
                            "right_span": rq, "explanation": f"{lq} vs {rq}"}
            return {"relation": "compatible", "type": "none", "left_span": "",
                    "right_span": "", "explanation": "consistent"}
        left_part, _, right_part = prompt.partition("RIGHT REPORT:")
        found = [{"type": kind, "left_quote": lq, "right_quote": rq,
                  "explanation": f"{lq} vs {rq}"}
                 for lq, rq, kind in self.conflicts
                 if lq in _folded(left_part) and rq in _folded(right_part)]
        return {"conflicts": found}


def assert_no_terminal_controls(data: bytes) -> None:
    """Nothing a terminal would act on: no ESC, BEL, C1 controls or bidi controls."""
    for char in data.decode("utf-8"):
        code = ord(char)
        assert code >= 32 or char in "\n\t", repr(char)
        assert not 0x7F <= code < 0xA0, repr(char)
        assert not (0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069), repr(char)


def _line(prompt: str, marker: str) -> str:
    match = re.search(re.escape(marker) + "(.*)", prompt)
    return match.group(1) if match else ""


def _folded(text: str) -> str:
    return " ".join(text.split())


class _Handler(BaseHTTPRequestHandler):
    judge: FakeJudge
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet: the tests read their own output
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        fake = self.judge
        fake.requests.append(("GET", self.path, None))
        fake.authorizations.append(self.headers.get("Authorization"))
        if fake.refuse:
            return self._json(fake.refuse, {"error": {"message": "invalid api key"}})
        if self.path == "/v1/models" and "openai" in fake.apis:
            names = fake.models
            if fake.behaviour == "hostile":
                names = [*names, HOSTILE]
            self._json(200, {"object": "list", "data": [
                {"id": name, "object": "model", "owned_by": fake.owner} for name in names]})
        elif self.path == "/api/tags" and "ollama" in fake.apis:
            self._json(200, {"models": [{"name": name, "model": name} for name in fake.models]})
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        fake = self.judge
        size = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(size) or b"null")
        fake.requests.append(("POST", self.path, body))
        fake.authorizations.append(self.headers.get("Authorization"))
        if fake.refuse:
            return self._json(fake.refuse, {"error": {"message": "invalid api key"}})
        api = {"/v1/chat/completions": "openai", "/api/chat": "ollama"}.get(self.path)
        if api is None or api not in fake.apis:
            return self._json(404, {"error": "not found"})
        if fake.loading > 0:
            fake.loading -= 1
            return self._json(503, {"error": {"code": 503, "message": "Loading model"}})
        if body.get("model") not in fake.models:
            return self._json(404, {"error": f"model \"{body.get('model')}\" not found, try "
                                             "pulling it first"})
        if fake.behaviour == "slow" or fake.delay:
            fake._stop.wait(fake.delay or 30)
        if fake.behaviour == "forever":
            return self._forever()
        if fake.behaviour == "garbage":
            return self._raw(200, b"<html>\x1b[2J not json")
        schema = body["format"] if api == "ollama" else \
            body["response_format"]["json_schema"]["schema"]
        mode = "pair" if "relation" in schema["properties"] else "article"
        text, finish = self._spoiled(fake.content(mode, body["messages"][-1]["content"]), mode)
        model = fake.answer_model or body["model"]
        if api == "openai":
            self._json(200, {"id": "x", "object": "chat.completion", "model": model,
                             "choices": [{"index": 0, "finish_reason": finish, "message": {
                                 "role": "assistant", "content": text}}]})
        else:
            self._json(200, {"model": model, "done": True, "done_reason": finish,
                             "message": {"role": "assistant", "content": text}})

    def _spoiled(self, answer: dict, mode: str) -> tuple[str, str]:
        behaviour = self.judge.behaviour
        if behaviour == "truncated":
            return json.dumps(answer)[:25], "length"
        if behaviour == "ignore_schema":
            return "Sure! These two sentences clearly conflict about the vote.", "stop"
        if behaviour == "wrong_keys":
            return json.dumps({"verdict": "conflict", "confidence": 0.9}), "stop"
        if behaviour == "fenced":
            return "```json\n" + json.dumps(answer) + "\n```", "stop"
        if behaviour == "hostile":
            if mode == "pair":
                answer["explanation"] = HOSTILE
            for item in answer.get("conflicts", ()):
                item["explanation"] = HOSTILE
        if behaviour == "bad_quotes":
            if mode == "pair" and answer["relation"] == "conflict":
                answer["left_span"] = "nine members abstained"
            for item in answer.get("conflicts", ()):
                item["right_quote"] = "words that appear nowhere"
        return json.dumps(answer), "stop"

    def _forever(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b'{"padding": "' + b"x" * 65536
        end = time.monotonic() + 30  # bounded, so a broken test cannot leak a busy thread
        try:
            while time.monotonic() < end and not self.judge._stop.is_set():
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass  # the client cut it off, as it should

    def _json(self, status: int, data: object) -> None:
        self._raw(status, json.dumps(data).encode("utf-8"))

    def _raw(self, status: int, payload: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            pass  # the client gave up (a timeout test)
