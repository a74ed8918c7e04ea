"""The engine's side of the app's analysis process: requests in on one pipe, replies out on
another.

The review app runs the analysis in a child process (``crosscheck.analysis_client`` starts it
with the ``spawn`` method) so that the engine's work never holds the UI's interpreter lock:
keys answer at once however long the analysis takes, and quitting kills the child. Nothing
here imports Textual, and the engine is imported only when a request needs it, so the child
starts in a few tens of milliseconds.

Requests (tuples, pickled by the pipe):

- ``("analyse", AnalyseRequest)``: replies ``("progress", stage, fraction)`` as ``analyze``
  reports them, then ``("ready", analysis)`` or ``("failed", one-line message)``.
- ``("score", ScoreRequest)``: a link drawn by hand; replies ``("scored", key, link)`` or
  ``("unscored", key, one-line message)``.

The child serves requests one at a time until its request pipe closes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosscheck.engine.model import Analysis, Document

DEFAULT_ANALYSE = "crosscheck.engine.analyze:analyze"


@dataclass(frozen=True)
class AnalyseRequest:
    """Analyse ``left`` and ``right`` (documents, or sources the child reads itself).

    ``function`` ("module:function") is called like ``crosscheck.engine.analyze.analyze``;
    tests name a fake of their own. ``cache_folder``: the analysis cache beside the verdict
    database, or None.
    """

    left: Document | str
    right: Document | str
    semantic: str = "auto"
    verify: bool = False
    nli: str | None = None
    cache_folder: str | None = None
    function: str = DEFAULT_ANALYSE


@dataclass(frozen=True)
class ScoreRequest:
    """Score the link ``left_ids`` ~ ``right_ids`` (item ``key``) in the pair ``sha256``.

    ``documents`` is None when the child already holds that pair (it keeps the last pair it
    analysed or was sent), so a pair of long articles crosses the pipe once.
    """

    key: str
    left_ids: tuple[str, ...]
    right_ids: tuple[str, ...]
    sha256: tuple[str, str]
    semantic: str = "auto"
    verify: bool = False
    documents: tuple[Document, Document] | None = None


Reply = tuple[Any, ...]
Send = Callable[[Reply], None]


class Worker:
    """Answers requests; keeps the pair it last saw for the links drawn on it."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.documents: tuple[Document, Document] | None = None

    def handle(self, request: tuple[Any, ...]) -> None:
        """Answer one request (every failure is a reply: the child never dies of one)."""
        kind, body = request
        if kind == "analyse":
            self.analyse(body)
        elif kind == "score":
            self.score(body)
        else:
            raise ValueError(f"unknown request {kind!r}")

    def analyse(self, request: AnalyseRequest) -> None:
        try:
            analysis = self._analysis(request)
        except Exception as error:  # noqa: BLE001 - reported to the user, the child goes on
            self.send(("failed", one_line(error)))
            return
        self._reply(("ready", analysis), ("failed",))

    def _analysis(self, request: AnalyseRequest) -> Analysis:
        from crosscheck.store.analysis_cache import AnalysisCache, analysis_options, cached

        def progress(stage: str, fraction: float) -> None:
            self.send(("progress", stage, fraction))

        left, right = request.left, request.right
        if isinstance(left, str) or isinstance(right, str):
            from crosscheck.engine.ingest import load_document

            progress("reading", 0.02)
            left = load_document(left, side="L") if isinstance(left, str) else left
            right = load_document(right, side="R") if isinstance(right, str) else right
        self.documents = (left, right)
        engine = request.function == DEFAULT_ANALYSE
        nli = _load_nli(request.nli)

        def compute() -> Analysis:
            # Imported on a miss only: a cached pair never loads the aligner or a model.
            function = resolve(request.function)
            return function(left, right, nli=nli, progress=progress, semantic=request.semantic,
                            verify=request.verify)

        # A user's NLI model is not part of the cache key, and a replaced function is not the
        # engine the key's fingerprint names: neither reads nor writes the cache.
        use_cache = request.cache_folder is not None and nli is None and engine
        cache = AnalysisCache(Path(request.cache_folder)) if use_cache else None
        return cached(cache, left, right, analysis_options(request.semantic, request.verify),
                      compute)

    def score(self, request: ScoreRequest) -> None:
        try:
            if request.documents is not None:
                self.documents = request.documents
            if self.documents is None or _shas(self.documents) != request.sha256:
                raise RuntimeError("the engine process does not hold this pair")
            from crosscheck.engine.link_score import score_link

            left, right = self.documents
            link = score_link(left, right, request.left_ids, request.right_ids,
                              request.semantic, request.verify)  # type: ignore[arg-type]
        except Exception as error:  # noqa: BLE001 - the link stays, unscored
            self.send(("unscored", request.key, one_line(error)))
            return
        self._reply(("scored", request.key, link), ("unscored", request.key))

    def _reply(self, reply: Reply, failure: Reply) -> None:
        """Send ``reply``; if it cannot be pickled, say so as ``failure`` + (message,)."""
        try:
            self.send(reply)
        except (BrokenPipeError, EOFError):
            raise
        except Exception as error:  # noqa: BLE001 - pickled before anything is written
            self.send((*failure, f"the result could not be passed to the app: "
                                 f"{one_line(error)}"))


def serve(requests: Connection, replies: Connection) -> None:
    """Answer requests until the request pipe closes (the app quit or died)."""
    worker = Worker(replies.send)
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            return
        try:
            worker.handle(request)
        except (BrokenPipeError, EOFError):
            return  # nobody reads the replies any more


def child_main(requests: Connection, replies: Connection) -> None:
    """The child process' entry point: detach from the terminal, then serve."""
    _detach()
    serve(requests, replies)


def _detach() -> None:
    import os
    import signal

    # The terminal belongs to the app: a warning or a stray print from a model library would
    # draw over its screen, and ctrl+c at a prompt would print a KeyboardInterrupt here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    os.close(quiet)
    _exit_with_parent()


def _exit_with_parent() -> None:
    """End this process when the app's dies (SIGKILL, a crash): an analysis then never runs
    on for nobody."""
    import multiprocessing
    import os
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="crosscheck-parent-watch", daemon=True).start()


def resolve(dotted: str) -> Callable[..., Analysis]:
    """The function named ``module:function``."""
    module, _, name = dotted.partition(":")
    if not module or not name:
        raise ValueError(f"not a module:function name: {dotted!r}")
    return getattr(importlib.import_module(module), name)


def one_line(error: BaseException) -> str:
    """The error as the one line the user is shown."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _load_nli(name: str | None) -> object | None:
    if name is None:
        return None
    from crosscheck.engine.nli import load_nli  # optional extra; only when asked for

    return load_nli(name)


def _shas(documents: tuple[Document, Document]) -> tuple[str, str]:
    return documents[0].sha256, documents[1].sha256
