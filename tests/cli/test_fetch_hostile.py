"""URLs and servers that misbehave on purpose (issue 10): one error line, exit 2, bounded time.

The server is a raw socket on 127.0.0.1 that answers each path with a specific fault, one
thread per connection; every loop in it stops when the test ends, so nothing outlives a test.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_helpers import assert_no_terminal_controls, assert_one_error_line, run, write_pair

Behaviour = Callable[[socket.socket, threading.Event], None]
PAGE = (b"<html><body><p>The river council voted to close the old ferry on Tuesday.</p>"
        b"</body></html>")


def _send(head: bytes, body: bytes = b"") -> Behaviour:
    def behave(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(head + body)

    return behave


def _drip(prefix: bytes) -> Behaviour:
    """Send ``prefix``, then one byte every 0.2 s until the client goes or the test ends."""

    def behave(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(prefix)
        while not stop.wait(0.2):
            conn.sendall(b"a")

    return behave


OK_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
BEHAVIOURS: dict[str, Behaviour] = {
    "/long-header": _send(OK_HEAD + b"X-Long: " + b"a" * 100_000 + b"\r\n\r\n", PAGE),
    "/many-headers": _send(OK_HEAD + b"".join(b"X-H%d: v\r\n" % i for i in range(150))
                           + b"\r\n", PAGE),
    "/garbage-status": _send(b"HELLO THERE\r\n\r\n", PAGE),
    "/bad-chunk": _send(OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n", b"zz\r\nabc\r\n"),
    "/drip-body": _drip(OK_HEAD + b"Content-Length: 100000\r\n\r\n<p>"),
    "/drip-headers": _drip(b"HTTP/1.1 200 OK\r\nX-Slow: "),
    "/to-ftp": _send(b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/article.html\r\n"
                     b"Content-Length: 0\r\n\r\n"),
    "/to-file": _send(b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\n"
                      b"Content-Length: 0\r\n\r\n"),
    "/empty-html": _send(OK_HEAD + b"Content-Length: 0\r\n\r\n"),
    "/hostile-reason": _send(b"HTTP/1.1 404 Gone\x1b]52;c;cHduZWQ=\x07 away\r\n"
                             b"Content-Length: 0\r\n\r\n"),
}


@pytest.fixture
def server() -> Iterator[str]:
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                request = conn.recv(65536).decode("latin-1")
                path = request.split(" ")[1] if " " in request else "/"
                BEHAVIOURS.get(path, _send(b"HTTP/1.1 404 Not Found\r\n\r\n"))(conn, stop)
            except OSError:
                pass  # the client gave up: that is the point of several tests

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    listener.close()


@pytest.mark.parametrize(("path", "needle"), [
    ("/long-header", "cannot fetch"),
    ("/many-headers", "cannot fetch"),
    ("/garbage-status", "cannot fetch"),
    ("/bad-chunk", "cannot fetch"),
    ("/to-ftp", "only http and https"),
    ("/to-file", "only http and https"),
    ("/empty-html", "no article text"),
])
def test_a_misbehaving_server_is_one_error_line(server: str, tmp_path: Path, path: str,
                                                needle: str) -> None:
    _, right = write_pair(tmp_path)
    assert_one_error_line(run(["analyze", server + path, str(right)]), needle)


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_dripping_server_is_cut_off_at_the_overall_deadline(server: str, tmp_path: Path,
                                                              path: str) -> None:
    _, right = write_pair(tmp_path)
    result = run(["analyze", server + path, str(right), "--timeout", "2"])
    assert_one_error_line(result, "no complete answer within 2 s")


def test_a_reason_phrase_with_escapes_is_shown_harmlessly(server: str, tmp_path: Path) -> None:
    _, right = write_pair(tmp_path)
    line = assert_one_error_line(run(["analyze", server + "/hostile-reason", str(right)]),
                                 "HTTP 404")
    assert_no_terminal_controls(line.encode("utf-8"))


@pytest.mark.parametrize("url", [
    "http://exa mple.com/article.html",
    "http://127.0.0.1/\x1b[31mred",
    "http://127.0.0.1:port/article.html",
    "http://127.0.0.1:99999/article.html",
    "http://[::1",
    "http://",
    "https:///no-host",
], ids=["space", "control", "text-port", "port-range", "open-ipv6", "empty", "no-host"])
def test_a_malformed_url_is_one_error_line(tmp_path: Path, url: str) -> None:
    _, right = write_pair(tmp_path)
    line = assert_one_error_line(run(["analyze", url, str(right)]))
    assert_no_terminal_controls(line.encode("utf-8"))


def test_a_well_behaved_server_still_works(server: str, tmp_path: Path) -> None:
    BEHAVIOURS["/page"] = _send(OK_HEAD + b"Content-Length: %d\r\n\r\n" % len(PAGE), PAGE)
    _, right = write_pair(tmp_path)
    result = run(["analyze", server + "/page", str(right), "--format", "json",
                  "--semantic", "off"])
    assert result.returncode == 0, result.stderr
    assert b"close the old ferry" in result.stdout
