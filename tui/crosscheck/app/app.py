"""The Textual application: owns the store, the reviewer and the engine (analysis_part)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from crosscheck.analysis_client import EngineClient
from crosscheck.analysis_worker import DEFAULT_ANALYSE
from crosscheck.app.analysis_part import AnalysisPart
from crosscheck.app.keymap import palette_entries
from crosscheck.app.messages import AnalysisReady, ManualLinkScored
from crosscheck.app.review_model import FILTERS, ReviewModel
from crosscheck.app.screens.review import ReviewScreen
from crosscheck.app.session import NotSaved, ReviewSession, ReviewStore
from crosscheck.engine.model import Analysis, Document
from crosscheck.errors import CrosscheckError
from crosscheck.resources import resource_dir

if TYPE_CHECKING:
    from crosscheck.engine.semantic import TierChoice
    from crosscheck.store.analysis_cache import AnalysisCache

_STYLES = resource_dir("styles")


class CrosscheckApp(AnalysisPart, App[None]):
    """Review two articles side by side; every verdict is written to the store at once."""

    CSS_PATH = [_STYLES / "app.tcss", _STYLES / "panes.tcss", _STYLES / "modals.tcss"]
    TITLE = "crosscheck"

    def __init__(self, left_source: str | None, right_source: str | None, *,
                 store: ReviewStore,
                 reviewer: str, nli: str | object | None = None,
                 analysis: Analysis | None = None,
                 documents: tuple[Document, Document] | None = None,
                 semantic: TierChoice = "auto", verify: bool = False,
                 cache: AnalysisCache | None = None, in_process: bool = False,
                 analyse_function: str = DEFAULT_ANALYSE,
                 engine: EngineClient | None = None) -> None:
        super().__init__()
        self.cache = cache
        self.semantic = semantic
        self.verify = verify
        self.sources = (left_source, right_source)
        self.documents = documents
        self.store = store
        self.reviewer = reviewer
        self.nli = nli
        self.analysis = analysis
        self.comparison_id: int | None = None
        self.session: ReviewSession | None = None
        self.fatal_error: str | None = None
        self.last_export: Path | None = None
        self.review = ReviewScreen()
        # The engine works in a child process (keys answer while it runs; quitting kills it),
        # perhaps one the CLI started before Textual was imported, unless it must stay here:
        # an NLI scorer already loaded in this process cannot cross a pipe, and in_process
        # keeps a patched engine in reach (tests).
        stay = in_process or (nli is not None and not isinstance(nli, str))
        self.engine = None if stay else engine or EngineClient(analyse_function)
        self._mounted = False
        self._reading = None
        self._restore_theme()

    def _restore_theme(self) -> None:
        """The theme last chosen in the palette (issue 17): set before mount, so a caller that
        sets ``theme`` after construction (tests, snapshots) still decides."""
        from crosscheck.store.settings import read_settings

        saved = read_settings(self.data_path()).get("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved

    def _remember_theme(self, theme: Any) -> None:
        from crosscheck.store.settings import write_setting

        write_setting(self.data_path(), "theme", getattr(theme, "name", str(theme)))

    async def on_mount(self) -> None:
        self._mounted = True
        # Only a change made while the app runs is a choice worth remembering.
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        await self.push_screen(self.review)
        if self.analysis is not None:
            self.open_analysis(self.analysis)
        else:
            if self.documents is not None:
                self.review.preview(*self.documents)
            if self.engine is None:
                self.run_analysis()
            else:
                self.start_engine()
        self.attach_engine()

    def on_unmount(self) -> None:
        try:
            self.close_engine()
        finally:
            self.store.close()

    # -- analysis -----------------------------------------------------------------------
    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.open_analysis(message.analysis)

    def open_analysis(self, analysis: Analysis) -> None:
        """Register the pair with the store and show it with this reviewer's verdicts."""
        self.analysis = analysis
        try:
            comparison = self.store.open_comparison(analysis)
        except CrosscheckError as error:
            # Nothing to review without a stored comparison (a full disk, a damaged file):
            # leave the screen, and the CLI prints this as its one error line, exit 2.
            self.fatal_error = str(error)
            self.exit(return_code=int(error.exit_code))
            return
        self.comparison_id = comparison.id
        self.session = ReviewSession(self.store, comparison.id, self.reviewer)
        records = self.store.verdicts(comparison.id, self.reviewer)
        model = ReviewModel(analysis, list(comparison.items), records)
        self.review.load(model, self.store.position(comparison.id, self.reviewer), self.session)
        manual = [(i.key, i.left_ids, i.right_ids) for i in model.items.values()
                  if i.kind == "manual"]
        if manual:
            self.score_manual_links(manual)  # this version of the text may score them anew
        # The analysis and its model live until exit: move them out of the collector's sight,
        # or every full collection rescans ~10^5 objects and a key press stalls 50-100 ms.
        self.call_after_refresh(_freeze_heap)
        if comparison.unplaced:
            self.notify(f"{len(comparison.unplaced)} earlier verdicts no longer match an item "
                        "(the text changed); they are kept in the store.",
                        title="Unplaced verdicts", severity="warning")

    def on_manual_link_scored(self, message: ManualLinkScored) -> None:
        if self.session is None:
            return
        try:
            self.session.set_manual_evidence(message.key, message.link)
        except NotSaved as error:
            self.review.not_saved(error)
        self.review.manual_link_scored(message.key, message.link)

    @property
    def auto_advance(self) -> bool:
        """Whether a verdict moves the selection to the next item (the review screen's)."""
        return self.review.auto_advance

    # -- commands -----------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        review = self.review
        for title, help_text, action in palette_entries(review.BINDINGS):
            yield SystemCommand(title, help_text, _runner(review, action))
        state = "on" if self.auto_advance else "off"
        yield SystemCommand(f"Toggle auto-advance (now {state})",
                            "Move to the next item after each verdict", self.toggle_auto_advance)
        for name in FILTERS:
            yield SystemCommand(f"Filter: {name}", f"Show {name} items in the queue",
                                _filter_setter(review, name))
        yield from self._export_commands()

    def _export_commands(self) -> Iterable[SystemCommand]:
        from crosscheck.app.export import FORMATS, export_path

        directory = self.export_dir()
        for fmt, (name, suffix) in FORMATS.items():
            target = (export_path(directory, fmt, self._export_stem()).name
                      if self.comparison_id is not None else f"<outlets>-<date>.{suffix}")
            yield SystemCommand(f"Export verdicts: {name}",
                                f"Write {target} in {directory}", _exporter(self, fmt))

    def data_path(self) -> Path:
        """The data dir: the verdict database's folder (``$CROSSCHECK_DATA_DIR`` or the
        platform's), where exports and settings live."""
        from crosscheck.store import data_dir

        path = getattr(self.store, "path", None)
        return path.parent if path is not None else data_dir()

    def export_dir(self) -> Path:
        """Where the palette's exports go: ``exports/`` beside the verdict database."""
        return self.data_path() / "exports"

    def _export_stem(self) -> str:
        from crosscheck.app.export import export_stem
        from crosscheck.store.catalog import comparison_refs

        assert self.comparison_id is not None
        return export_stem(*comparison_refs(self.store.conn, self.comparison_id))

    def toggle_auto_advance(self) -> None:
        self.review.auto_advance = not self.review.auto_advance
        self.notify(f"Auto-advance {'on' if self.auto_advance else 'off'}")

    def export(self, fmt: str) -> None:
        """Export this comparison's verdicts to a file in :meth:`export_dir`."""
        if self.comparison_id is None:
            self.notify("Nothing to export yet: the analysis is still running.")
            return
        # Read here: the store's connection belongs to this thread; the worker only writes.
        records = self.store.export_records(self.comparison_id)
        coverage = self.store.coverage([self.comparison_id])
        self.write_export(records, fmt, self.export_dir(), self._export_stem(), coverage)

    @work(thread=True, group="export")
    def write_export(self, records: list[dict[str, Any]], fmt: str, directory: Path,
                     stem: str, coverage: dict[str, Any] | None = None) -> None:
        """Format and write the export off the UI thread, then say where it went."""
        from crosscheck.app.export import write_export

        try:
            path = write_export(records, fmt, directory, stem, coverage)
        except OSError as error:
            self.call_from_thread(self.notify, f"Nothing written: {error}",
                                  title="Export failed", severity="error")
            return
        self.last_export = path
        self.call_from_thread(self.notify, f"Wrote {path.name} ({len(records)} verdicts and "
                              f"notes) in {path.parent}", title="Exported", timeout=8)


def _freeze_heap() -> None:
    gc.collect()
    gc.freeze()


def _runner(screen: ReviewScreen, action: str) -> Any:
    async def run() -> None:
        await screen.run_action(action)

    return run


def _exporter(app: CrosscheckApp, fmt: str) -> Any:
    def run() -> None:
        app.export(fmt)

    return run


def _filter_setter(screen: ReviewScreen, name: str) -> Any:
    def run() -> None:
        screen.filter_name = name

    return run


def make_app(left_source: str | None, right_source: str | None, *, reviewer: str | None,
             nli: str | object | None, store_path: Path | None,
             analysis: Analysis | None = None,
             documents: tuple[Document, Document] | None = None,
             semantic: TierChoice = "auto", verify: bool = False,
             cache: bool = True, in_process: bool = False,
             analyse_function: str = DEFAULT_ANALYSE,
             engine: EngineClient | None = None) -> CrosscheckApp:
    """Open the store and build the app (the CLI and tests both come through here);
    ``cache``: keep analyses beside the verdict database (``--no-cache`` turns it off);
    ``in_process``: run the engine in this process's threads, not in a child process;
    ``analyse_function``: what the child calls to analyse ("module:function", for tests);
    ``engine``: an engine process already started (and perhaps analysing) by the caller."""
    from crosscheck.store import VerdictStore, default_reviewer
    from crosscheck.store.analysis_cache import AnalysisCache
    from crosscheck.store.db import default_db_path

    store = VerdictStore.open(store_path)
    folder = AnalysisCache.beside(store_path or default_db_path()) if cache else None
    return CrosscheckApp(left_source, right_source, store=store,
                         reviewer=reviewer or default_reviewer(), nli=nli, analysis=analysis,
                         documents=documents, semantic=semantic, verify=verify, cache=folder,
                         in_process=in_process, analyse_function=analyse_function,
                         engine=engine)
