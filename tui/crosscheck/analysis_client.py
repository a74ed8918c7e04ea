"""The app's side of the engine process (``crosscheck.analysis_worker``): start it, send it
requests, read its replies, kill it.

The analysis runs in a child process so that it never holds the UI's interpreter lock: keys
answer while it works, and quitting kills the child at once instead of waiting for it. The
child is started with ``spawn`` (a fresh interpreter: no copy of Textual's threads and
terminal state, and it imports nothing heavy until asked). Requests are written by a sender
thread, so the UI thread never waits on a full pipe while the child is busy; the app reads
the replies in one thread worker per child (``EngineChild.replies``). Every request gets
exactly one answer: if the child dies, what it had not answered is answered with a failure.

No Textual here: the CLI starts the child and its analysis before Textual is imported.
"""

from __future__ import annotations

import contextlib
import queue
import signal
import sys
import threading
from collections.abc import Iterator
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any

from crosscheck.analysis_worker import (
    DEFAULT_ANALYSE,
    AnalyseRequest,
    Reply,
    ScoreRequest,
    child_main,
    one_line,
)

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from crosscheck.engine.model import Document

_ANALYSIS = "analysis"  # the pending-work key of the analysis; a link's is its item key
_JOIN_SECONDS = 2.0


class EngineChild:
    """One engine process, its two pipes and what it has not answered yet."""

    def __init__(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        request_reader, self._requests = context.Pipe(duplex=False)
        self._replies, reply_writer = context.Pipe(duplex=False)
        self.process: BaseProcess = context.Process(
            target=child_main, args=(request_reader, reply_writer), name="crosscheck-engine",
            daemon=True)
        with _stderr_with_a_file():
            self.process.start()
        # The child's ends: closed here, so its death reads as the end of the reply pipe.
        request_reader.close()
        reply_writer.close()
        self.pair: tuple[str, str] | None = None  # the documents' sha256 the child holds
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._ended = False  # killed by close(), or found dead by the reader
        self._outbox: queue.SimpleQueue[tuple[str, Any] | None] = queue.SimpleQueue()
        threading.Thread(target=self._send_loop, name="crosscheck-engine-send",
                         daemon=True).start()

    @property
    def alive(self) -> bool:
        """Whether requests sent now will be answered by this child."""
        return not self._ended and self.process.is_alive()

    def send(self, kind: str, body: object, pending: str) -> None:
        """Queue a request; ``pending`` names the answer it waits for."""
        with self._lock:
            self._pending.add(pending)
            self._outbox.put((kind, body))

    def replies(self) -> Iterator[Reply]:
        """The child's replies, as they come (blocking); when it dies, a failure for each
        request it had not answered. Ends when the child ends."""
        unreadable = None
        try:
            while True:
                ready = wait([self._replies, self.process.sentinel])
                if self._replies not in ready:
                    break  # dead, and nothing left unread
                try:
                    reply = self._replies.recv()
                except (EOFError, OSError):
                    break
                except Exception as error:  # noqa: BLE001 - e.g. the package changed under it
                    unreadable = f"its answer could not be read: {one_line(error)}"
                    break
                self._settle(reply)
                yield reply
        finally:
            self._replies.close()
        with self._lock:
            if self._ended:
                return  # killed on purpose: nobody waits for an answer
            self._ended = True
            unanswered, self._pending = self._pending, set()
        if unreadable is not None:  # no later answer can be trusted either
            self.process.kill()
            self.process.join(_JOIN_SECONDS)
            reason = f"the analysis process stopped: {unreadable}"
        else:
            reason = self._death_reason()
        for key in sorted(unanswered):
            yield ("failed", reason) if key == _ANALYSIS else ("unscored", key, reason)

    def kill(self) -> None:
        """Stop the child now, whatever it is doing."""
        with self._lock:
            self._ended = True
            self._pending.clear()
        self._outbox.put(None)
        self.process.kill()
        self.process.join(_JOIN_SECONDS)

    def _settle(self, reply: Reply) -> None:
        kind = reply[0]
        with self._lock:
            if kind in ("ready", "failed"):
                self._pending.discard(_ANALYSIS)
            elif kind in ("scored", "unscored"):
                self._pending.discard(reply[1])

    def _send_loop(self) -> None:
        try:
            while (request := self._outbox.get()) is not None:
                self._requests.send(request)
        except OSError:
            pass  # the child is gone: the reader answers what it was asked
        finally:
            self._requests.close()

    def _death_reason(self) -> str:
        self.process.join(_JOIN_SECONDS)
        code = self.process.exitcode
        if code is None:  # the pipe closed but the process lives on: end it
            self.process.kill()
            self.process.join(_JOIN_SECONDS)
            return "the analysis process stopped answering"
        if code < 0:
            name = signal.Signals(-code).name
            hint = " (out of memory?)" if -code == signal.SIGKILL else ""
            return f"the analysis process was killed by {name}{hint}"
        return f"the analysis process stopped unexpectedly (exit code {code})"


class EngineClient:
    """Requests to the engine process, restarted on the next request if it died."""

    def __init__(self, analyse_function: str = DEFAULT_ANALYSE) -> None:
        self.analyse_function = analyse_function
        self.child: EngineChild | None = None
        self.asked = False  # the analysis was asked for (once: a reopen is a new app)
        self.closed = False  # the app is ending: no child is started any more

    @property
    def process(self) -> BaseProcess | None:
        """The current child process (None before the first request)."""
        return self.child.process if self.child is not None else None

    def start(self) -> EngineChild | None:
        """The live child, started now if there is none (None once closed). Raises OSError
        if no process can be started."""
        if self.closed:
            return None
        if self.child is None or not self.child.alive:
            self.child = EngineChild()
        return self.child

    def analyse(self, left: Document | str, right: Document | str, *, semantic: str,
                verify: bool, nli: str | None, cache_folder: str | None) -> EngineChild | None:
        """Ask for the analysis of ``left`` and ``right`` (documents, or sources to read)."""
        child = self.start()
        if child is None:
            return None
        self.asked = True
        if not isinstance(left, str) and not isinstance(right, str):
            child.pair = (left.sha256, right.sha256)
        child.send("analyse", AnalyseRequest(left, right, semantic, verify, nli, cache_folder,
                                             self.analyse_function), _ANALYSIS)
        return child

    def score(self, key: str, left_ids: tuple[str, ...], right_ids: tuple[str, ...],
              documents: tuple[Document, Document], *, semantic: str,
              verify: bool) -> EngineChild | None:
        """Ask for the scores of the link ``key`` drawn by hand on ``documents``."""
        child = self.start()
        if child is None:
            return None
        pair = (documents[0].sha256, documents[1].sha256)
        sent = None if child.pair == pair else documents  # a long pair crosses once
        child.pair = pair
        child.send("score", ScoreRequest(key, left_ids, right_ids, pair, semantic, verify,
                                         sent), key)
        return child

    def close(self) -> None:
        """Kill the child (quitting must not wait for an analysis)."""
        self.closed = True
        if self.child is not None:
            self.child.kill()


@contextlib.contextmanager
def _stderr_with_a_file() -> Iterator[None]:
    """The interpreter's own stderr while a child starts, if ``sys.stderr`` has no file.

    The first spawn starts multiprocessing's resource tracker with ``sys.stderr.fileno()``
    among the descriptors it keeps; while Textual runs, that is its print capture, whose
    fileno is -1, and the start fails ("bad value(s) in fds_to_keep").
    """
    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # no fileno at all: the tracker goes without, as it does by design
    if usable:
        yield
        return
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = captured
