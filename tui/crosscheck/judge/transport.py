"""One HTTP exchange with the judge's server, bounded in every direction.

http.client, not urllib: urllib would honour ``$http_proxy`` (sending the articles to a proxy
the user never named) and follow redirects (to any host). Every exchange has a connect
timeout, a deadline for the whole answer (a watchdog shuts the socket down, so a server that
drips a byte a minute cannot hold it), and a cap on the answer's bytes (a server that streams
forever is cut off). ``Cancel`` lets another thread abort the exchange in flight.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from crosscheck.judge.config import Endpoint
from crosscheck.judge.errors import JudgeCancelled

USER_AGENT = "crosscheck-judge/1"


class TransportError(Exception):
    """The exchange did not complete; ``kind`` says how (the client words the message)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind  # "unreachable", "timeout", "too-large", "broken"
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: bytes

    def json(self) -> object:
        """The body parsed as JSON (ValueError if it is not)."""
        return json.loads(self.body.decode("utf-8"))


class Cancel:
    """A cancel flag another thread can raise; it also shuts the socket in use down."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        """Stop the run: the exchange in flight ends at once, no further one starts."""
        with self._lock:
            self._event.set()
            for sock in self._sockets:
                _shut(sock)

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, waking early (True) if cancelled meanwhile."""
        return self._event.wait(seconds)

    @contextlib.contextmanager
    def watching(self, sock: socket.socket, deadline: float) -> Iterator[_Deadline]:
        """Shut ``sock`` down on cancel or once ``deadline`` seconds have passed."""
        timer = _Deadline(sock, deadline)
        with self._lock:
            if self._event.is_set():
                raise JudgeCancelled
            self._sockets.add(sock)
        timer.start()
        try:
            yield timer
        finally:
            timer.stop()
            with self._lock:
                self._sockets.discard(sock)


class _Deadline:
    def __init__(self, sock: socket.socket, seconds: float) -> None:
        self.expired = False
        self._sock = sock
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        self.expired = True
        _shut(self._sock)  # wakes a blocked recv with EOF


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def exchange(endpoint: Endpoint, method: str, path: str, payload: object | None = None, *,
             connect_timeout: float, deadline: float, max_bytes: int, cancel: Cancel,
             headers: Mapping[str, str] | None = None) -> Reply:
    """Send one request to ``endpoint`` and read its whole answer, or raise TransportError
    (JudgeCancelled if ``cancel`` was raised)."""
    kind = http.client.HTTPSConnection if endpoint.scheme == "https" else \
        http.client.HTTPConnection
    connection = kind(endpoint.host, endpoint.port, timeout=connect_timeout)
    body = None if payload is None else json.dumps(payload).encode("utf-8")
    sent = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    if body is not None:
        sent["Content-Type"] = "application/json"
    try:
        try:
            connection.connect()
        except OSError as exc:
            raise TransportError("unreachable", _reason(exc)) from None
        assert connection.sock is not None
        connection.sock.settimeout(deadline)
        with cancel.watching(connection.sock, deadline) as timer:
            try:
                connection.request(method, endpoint.prefix + path, body=body, headers=sent)
                response = connection.getresponse()
                data = _read_capped(response, max_bytes)
            except (OSError, http.client.HTTPException) as exc:
                if cancel.cancelled:
                    raise JudgeCancelled from None
                if timer.expired or isinstance(exc, TimeoutError):
                    raise TransportError("timeout") from None
                raise TransportError("broken", _reason(exc)) from None
            if cancel.cancelled:
                raise JudgeCancelled
            if timer.expired:  # the watchdog cut the body short
                raise TransportError("timeout")
        return Reply(response.status, data)
    finally:
        connection.close()


def _read_capped(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise TransportError("too-large")
    chunks, total = [], 0
    while True:
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise TransportError("too-large")
        chunks.append(chunk)


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
