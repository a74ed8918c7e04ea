"""Where the app's analysis and manual-link scoring run: in the engine process by default, or
in this process's threads (a loaded NLI scorer, ``in_process=True``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from crosscheck.analysis_client import EngineChild, EngineClient
from crosscheck.analysis_worker import Reply
from crosscheck.app.messages import (
    AnalysisFailed,
    AnalysisProgress,
    AnalysisReady,
    ManualLinkDrawn,
    ManualLinkFailed,
    ManualLinkScored,
)
from crosscheck.app.screens.review import ReviewScreen
from crosscheck.engine.model import Analysis, Document

if TYPE_CHECKING:
    from textual.app import App

    from crosscheck.engine.semantic import TierChoice
    from crosscheck.store.analysis_cache import AnalysisCache

    _Base = App[None]
else:
    _Base = object

ManualLinks = list[tuple[str, tuple[str, ...], tuple[str, ...]]]


class AnalysisPart(_Base):
    """The analysis and the scoring of links drawn by hand, off the UI thread; both answer
    with the messages of ``crosscheck.app.messages`` whichever way they ran."""

    engine: EngineClient | None  # None: threads of this process
    analysis: Analysis | None
    documents: tuple[Document, Document] | None
    sources: tuple[str | None, str | None]
    semantic: TierChoice
    verify: bool
    nli: str | object | None
    cache: AnalysisCache | None
    review: ReviewScreen
    _mounted: bool
    _reading: EngineChild | None  # the child whose replies are being read

    # -- the engine process ---------------------------------------------------------------
    def start_engine(self) -> None:
        """Start the engine process and the analysis (when there is one to run). The CLI calls
        this before Textual starts, so the child's start-up and the analysis overlap it; the
        replies wait in the pipe until the app is mounted and reads them."""
        if self.engine is None or self.analysis is not None or self.engine.asked:
            return
        left, right = self.documents or self.sources
        assert left is not None and right is not None
        folder = str(self.cache.folder) if self.cache is not None else None
        nli = self.nli if isinstance(self.nli, str) else None
        try:
            child = self.engine.analyse(left, right, semantic=self.semantic, verify=self.verify,
                                        nli=nli, cache_folder=folder)
        except OSError as error:  # no process to be had (out of memory, too many processes)
            self.post_message(AnalysisFailed(f"the analysis process could not start: {error}"))
            return
        self._watch(child)

    def close_engine(self) -> None:
        """Kill the engine process (on every way out: quitting must not wait for it)."""
        if self.engine is not None:
            self.engine.close()

    def attach_engine(self) -> None:
        """Read the replies of a child started before the app was mounted."""
        if self.engine is not None and self.engine.child is not None:
            self._watch(self.engine.child)

    def _watch(self, child: EngineChild | None) -> None:
        if child is not None and self._mounted and child is not self._reading:
            self._reading = child
            self._read_engine(child)

    @work(thread=True, group="engine")
    def _read_engine(self, child: EngineChild) -> None:
        """Post the engine process' replies as the app's messages, until the child ends."""
        for reply in child.replies():
            message = reply_message(reply)
            if message is not None:
                self.post_message(message)

    # -- in this process ------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """In this process (``self.engine`` is None): load both sources and analyse them off
        the UI thread, posting progress."""
        from crosscheck.engine.analyze import analyze
        from crosscheck.engine.ingest import load_document
        from crosscheck.store.analysis_cache import analysis_options, cached

        def progress(stage: str, fraction: float) -> None:
            self.post_message(AnalysisProgress(stage, fraction))

        try:
            if self.documents is not None:  # the CLI already read them (and reported errors)
                left, right = self.documents
            else:
                left_source, right_source = self.sources
                assert left_source is not None and right_source is not None
                progress("reading", 0.02)
                left = load_document(left_source, side="L")
                right = load_document(right_source, side="R")
            nli = self._load_nli()
            analysis = cached(
                None if nli is not None else self.cache, left, right,
                analysis_options(self.semantic, self.verify),
                lambda: analyze(left, right, nli=nli, progress=progress,
                                semantic=self.semantic, verify=self.verify))
        except Exception as error:  # noqa: BLE001 - shown to the user, the app stays up
            self.post_message(AnalysisFailed(str(error) or type(error).__name__))
            return
        self.post_message(AnalysisReady(analysis))

    def _load_nli(self) -> object | None:
        if self.nli is None or not isinstance(self.nli, str):
            return self.nli  # None, or a scorer the CLI already loaded
        from crosscheck.engine.nli import load_nli  # optional extra; only when asked for

        return load_nli(self.nli)

    # -- links drawn by hand ----------------------------------------------------------------
    def score_manual_links(self, links: ManualLinks) -> None:
        """Analyse links drawn by hand as the engine analyses its own, off the UI thread (in
        the engine process, which starts now if it is not running)."""
        analysis = self.analysis
        assert analysis is not None
        if self.engine is None:
            self._score_in_thread(links)
            return
        for key, left_ids, right_ids in links:
            try:
                child = self.engine.score(key, left_ids, right_ids,
                                          (analysis.left, analysis.right),
                                          semantic=self.semantic, verify=self.verify)
            except OSError as error:  # no process to be had: the link stays, unscored
                self.post_message(ManualLinkFailed(key, f"no engine process: {error}"))
                continue
            self._watch(child)

    @work(thread=True, group="manual-links")
    def _score_in_thread(self, links: ManualLinks) -> None:
        from crosscheck.engine.link_score import score_link

        analysis = self.analysis
        assert analysis is not None
        for key, left_ids, right_ids in links:
            try:
                link = score_link(analysis.left, analysis.right, left_ids, right_ids,
                                  self.semantic, self.verify)
            except Exception as error:  # noqa: BLE001 - the link stays, unscored
                self.post_message(ManualLinkFailed(key, str(error) or type(error).__name__))
                continue
            self.post_message(ManualLinkScored(key, link))

    # -- messages -------------------------------------------------------------------------
    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self.review.show_analysis_progress(message.stage, message.fraction)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.review.show_analysis_progress(f"failed: {message.error}", 0.0)
        self.notify(message.error, title="Analysis failed", severity="error", timeout=30)

    def on_manual_link_drawn(self, message: ManualLinkDrawn) -> None:
        self.score_manual_links([(message.key, message.left_ids, message.right_ids)])

    def on_manual_link_failed(self, message: ManualLinkFailed) -> None:
        self.notify(f"The link {message.key} stays unscored: {message.error}",
                    title="Link not analysed", severity="warning", markup=False)


def reply_message(reply: Reply) -> Message | None:
    """The app message of one reply of the engine process (None: a reply this app does not
    know, from another version of the worker; the request it answers stays unanswered)."""
    kind = reply[0]
    if kind == "progress":
        return AnalysisProgress(reply[1], reply[2])
    if kind == "ready":
        return AnalysisReady(reply[1])
    if kind == "failed":
        return AnalysisFailed(reply[1])
    if kind == "scored":
        return ManualLinkScored(reply[1], reply[2])
    if kind == "unscored":
        return ManualLinkFailed(reply[1], reply[2])
    return None
