"""Fetch an article over http(s): the only network access, and only when the user asks.

urllib keeps proxies and redirects working; three things are added around it. Every redirect
hop must stay on http or https. The whole fetch has a deadline, not only each read: a watchdog
shuts the sockets down when it passes, so a server that drips a byte a second, or never ends
its headers, cannot keep the command running. And every way a server or a URL can be malformed
(``http.client`` raises its own exception family, not ``OSError``) ends as one line.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from crosscheck.errors import CrosscheckError

USER_AGENT = "crosscheck/0.1 (+article comparison)"
SCHEMES = ("http", "https")


def fetch_url(url: str, *, max_bytes: int, timeout: float = 15.0,
              deadline: float = 60.0) -> tuple[bytes, str]:
    """Return (body, content type) of ``url``; refuse bodies over ``max_bytes``.

    ``timeout`` bounds each network wait, ``deadline`` the whole fetch in seconds.
    """
    watchdog = _Watchdog(deadline)
    try:
        _check_url(url)
        opener = urllib.request.build_opener(
            _http_handler(watchdog), _https_handler(watchdog), _RedirectHandler())
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with watchdog, opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise CrosscheckError(f"{url}: larger than the {max_bytes}-byte limit")
            body = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "")
    except CrosscheckError:
        raise
    except urllib.error.HTTPError as exc:
        raise CrosscheckError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        if watchdog.expired:
            raise CrosscheckError(f"{url}: no complete answer within {deadline:g} s "
                                  "(--timeout)") from None
        reason = getattr(exc, "reason", None) or exc or type(exc).__name__
        raise CrosscheckError(f"{url}: cannot fetch ({reason})") from None
    if watchdog.expired:  # the body was cut short by the watchdog
        raise CrosscheckError(f"{url}: no complete answer within {deadline:g} s (--timeout)")
    if len(body) > max_bytes:
        raise CrosscheckError(f"{url}: larger than the {max_bytes}-byte limit")
    return body, content_type


def _check_url(url: str) -> None:
    """Refuse what urllib would send anyway or fail on with a traceback (spaces, controls)."""
    if any(ch.isspace() or ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in url):
        raise CrosscheckError(f"{url}: not a valid URL (spaces or control characters)")
    parts = urlsplit(url)  # ValueError for a broken IPv6 host such as http://[::1
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise CrosscheckError(f"{url}: only http and https URLs with a host can be fetched")
    _ = parts.port  # ValueError for a non-numeric or out-of-range port


class _Watchdog:
    """Shuts down every registered socket once ``seconds`` have passed since ``__enter__``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def __enter__(self) -> _Watchdog:
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):  # already closed
                    sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked recv with EOF


def _connection(base: type[http.client.HTTPConnection], watchdog: _Watchdog) -> type:
    class WatchedConnection(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            if watchdog.expired:
                raise TimeoutError("deadline passed")
            super().connect()
            watchdog.register(self.sock)

    return WatchedConnection


def _http_handler(watchdog: _Watchdog) -> urllib.request.HTTPHandler:
    connection = _connection(http.client.HTTPConnection, watchdog)

    class Handler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(connection, req)

    return Handler()


def _https_handler(watchdog: _Watchdog) -> urllib.request.HTTPSHandler:
    connection = _connection(http.client.HTTPSConnection, watchdog)

    class Handler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(connection, req, context=self._context)

    return Handler()


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """urllib follows ``ftp://`` targets; only http(s) is allowed, checked on every hop."""

    max_redirections = 5

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001, ANN201
        target = headers.get("location") or headers.get("uri") or ""
        scheme = urlsplit(urljoin(req.full_url, target)).scheme.lower()
        if target and scheme not in SCHEMES:
            raise CrosscheckError(f"{req.full_url}: redirected to a {scheme}: URL; only "
                                  "http and https are followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302
