"""The engine in its own process: keys answer while it works, quitting kills it, its crash is
a message, and its results are the thread path's.

Each app here spawns an engine process (about a second); the rest of the app tests keep the
engine in the test process (``in_process=True`` in conftest).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from app_fixtures import small_analysis
from engine_fakes import STAGE

from crosscheck.analysis_client import EngineClient
from crosscheck.app import CrosscheckApp, make_app
from crosscheck.app.screens.help import HelpScreen
from crosscheck.app.widgets.article_pane import ArticlePane
from crosscheck.app.widgets.triage_queue import TriageQueue
from crosscheck.engine.ingest import document_from_text
from crosscheck.engine.model import Document

SIZE = (160, 48)
LEFT = ("Harbor council approves new ferry terminal.\n\n"
        "The vote passed 7 to 2 on Tuesday night. Construction would begin in March.\n\n"
        "The terminal will cost 40 million dollars.\n")
RIGHT = ("Harbor council approves new ferry terminal.\n\n"
         "Council members voted 7-2 on Tuesday evening. Construction will begin in June.\n\n"
         "The project is expected to cost 45 million dollars.\n")


def pair(paragraphs: int = 1) -> tuple[Document, Document]:
    """The ferry pair; ``paragraphs`` > 1 makes the left article long enough to scroll."""
    extra = "".join(f"Paragraph {n} repeats what the council said.\n\n" for n in range(paragraphs))
    return (document_from_text(LEFT + "\n" + extra, source="left.txt", side="L"),
            document_from_text(RIGHT, source="right.txt", side="R"))


def process_app(tmp_path: Path, function: str = "crosscheck.engine.analyze:analyze",
                paragraphs: int = 1, **options: object) -> CrosscheckApp:
    app = make_app("left.txt", "right.txt", reviewer="tester", nli=None,
                   store_path=tmp_path / "engine.db", documents=pair(paragraphs),
                   analyse_function=function, **options)  # type: ignore[arg-type]
    app.theme = "textual-dark"
    return app


async def until(pilot, condition: Callable[[], object], what: str) -> None:
    """Let the app run until ``condition()`` holds; the bound only stops a broken test from
    hanging (no test asserts on how long anything takes)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 120
    while not condition():
        assert loop.time() < deadline, f"{what} never happened"
        await pilot.pause(0.02)


def status(app: CrosscheckApp) -> str:
    return str(app.review.query_one("#progress-label").render())


async def test_keys_answer_while_a_long_analysis_runs_in_the_child(tmp_path) -> None:
    app = process_app(tmp_path, "engine_fakes:slow_analysis", paragraphs=80)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: STAGE in status(app), "the child's progress")
        process = app.engine.process
        assert process is not None and process.is_alive() and process.pid != os.getpid()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert app.screen is app.review
        pane = app.review.query_one("#left-pane", ArticlePane)
        pane.focus()
        await pilot.press("pagedown")
        assert pane.scroll_target_y > 0
        await pilot.press("tab")
        assert app.focused is not pane
        assert app.review.model is None and STAGE in status(app)  # still analysing


async def test_q_during_the_analysis_quits_and_kills_the_child(tmp_path) -> None:
    app = process_app(tmp_path, "engine_fakes:slow_analysis")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: STAGE in status(app), "the child's progress")
        process = app.engine.process
        assert process is not None and process.is_alive()
        await pilot.press("q")
        assert app.return_code == 0  # q asked the app to exit
    assert not process.is_alive() and process.exitcode == -signal.SIGKILL


async def test_an_error_in_the_app_kills_the_child_too(tmp_path) -> None:
    app = process_app(tmp_path, "engine_fakes:slow_analysis")

    def broken(stage: str, fraction: float) -> None:
        raise RuntimeError("a bug in the progress display")

    with pytest.raises(RuntimeError, match="a bug in the progress display"):
        async with app.run_test(size=SIZE) as pilot:
            process = app.engine.start().process
            app.review.show_analysis_progress = broken  # type: ignore[method-assign]
            await until(pilot, lambda: not app.is_running, "the app's exit")
    assert not process.is_alive()


async def test_a_real_analysis_arrives_from_the_child_as_from_the_thread(tmp_path) -> None:
    queues = {}
    for in_process in (False, True):
        app = process_app(tmp_path, in_process=in_process, cache=not in_process)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda app=app: app.review.model is not None, "the analysis")
            await pilot.pause()
            queues[in_process] = list(app.review.query_one(TriageQueue).keys)
            assert app.review.selected == queues[in_process][0]
            assert (app.engine is None) == in_process
    assert queues[False] and queues[False] == queues[True]
    assert list((tmp_path / "analysis-cache").glob("*.json"))  # the child stored it


async def test_the_child_crashing_is_a_failure_message_and_the_app_stays_up(tmp_path) -> None:
    app = process_app(tmp_path, "engine_fakes:crashing_analysis")
    notices: list[tuple[str, dict]] = []
    app.notify = lambda message, **kw: notices.append((message, kw))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: notices, "a failure notice")
        message, options = notices[0]
        assert options["title"] == "Analysis failed" and options["severity"] == "error"
        assert message == "the analysis process stopped unexpectedly (exit code 1)"
        assert "failed: the analysis process stopped" in status(app)
        await pilot.press("question_mark")  # the app is still up and answering
        assert isinstance(app.screen, HelpScreen) and app.return_code is None


async def test_an_engine_error_is_its_first_line_and_the_child_lives_on(tmp_path) -> None:
    app = process_app(tmp_path, "engine_fakes:failing_analysis")
    notices: list[tuple[str, dict]] = []
    app.notify = lambda message, **kw: notices.append((message, kw))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: notices, "a failure notice")
        assert notices[0][0] == "the pair could not be aligned"
        assert notices[0][1]["title"] == "Analysis failed"
        assert app.engine.process.is_alive()


async def test_a_manual_link_is_scored_in_the_child(tmp_path) -> None:
    from crosscheck.engine.link_score import score_link

    analysis = small_analysis()
    app = make_app(None, None, reviewer="tester", nli=None, store_path=tmp_path / "m.db",
                   analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        assert app.engine.process is None  # nothing to analyse: no child yet
        app.review.select("L4")
        await pilot.press("l")
        app.review.set_link_target("R4")
        await pilot.press("enter")
        key = "M:L4~R4"
        await until(pilot, lambda: app.review.model.items[key].link is not None, "the scores")
        item = app.review.model.items[key]
        assert app.engine.process.is_alive() and item.label == "manual"
        assert item.link == score_link(analysis.left, analysis.right, ("L4",), ("R4",))
        assert key in app.review.query_one(TriageQueue).keys


def test_what_a_dead_child_had_not_answered_is_answered_with_failures() -> None:
    client = EngineClient("engine_fakes:crashing_analysis")
    left, right = pair()
    child = client.analyse(left, right, semantic="off", verify=False, nli=None,
                           cache_folder=None)
    assert child is not None
    client.score("M:L0~R0", ("L0",), ("R0",), (left, right), semantic="off", verify=False)
    replies = list(child.replies())  # ends with the child
    reason = "the analysis process stopped unexpectedly (exit code 1)"
    assert replies[0] == ("progress", "about to crash", 0.1)
    assert set(replies[1:]) == {("failed", reason), ("unscored", "M:L0~R0", reason)}
    again = client.start()  # the next request gets a new child
    assert again is not None and again is not child and again.alive
    client.close()
    assert not again.process.is_alive() and client.start() is None


def test_an_answer_the_app_cannot_read_fails_the_request_and_ends_the_child() -> None:
    client = EngineClient("engine_fakes:unreadable_analysis")
    left, right = pair()
    child = client.analyse(left, right, semantic="off", verify=False, nli=None,
                           cache_folder=None)
    assert child is not None
    assert list(child.replies()) == [("failed", "the analysis process stopped: its answer "
                                                "could not be read: this answer cannot be "
                                                "rebuilt")]
    assert not child.process.is_alive()
    client.close()


# Run in a fresh interpreter: the real `crosscheck open`, its app headless, which waits for
# the analysis, draws a link, waits for its scores, quits, and lists the heavy modules loaded.
_UI_PROCESS = textwrap.dedent("""
    import sys
    from textual.app import App
    from crosscheck import cli
    from crosscheck.app.app import CrosscheckApp

    async def review(pilot):
        app = pilot.app
        while app.review.model is None:
            await pilot.pause(0.02)
        one_sided = [k for k, i in app.review.model.items.items() if i.kind != "link"]
        left = next(k for k in one_sided if k.startswith("L"))
        right = next(k for k in one_sided if k.startswith("R"))
        app.review.select(left)
        await pilot.press("l")
        app.review.set_link_target(right)
        await pilot.press("enter")
        key = f"M:{left}~{right}"
        while app.review.model.items[key].link is None:
            await pilot.pause(0.02)
        print("items", len(app.review.model.items), "scored", key)
        app.exit()

    CrosscheckApp.run = lambda self: App.run(self, headless=True, size=(160, 48),
                                             auto_pilot=review)
    code = cli.main(["open", sys.argv[1], sys.argv[2], "--reviewer", "tester"])
    heavy = ("crosscheck.engine.align", "crosscheck.engine.link_score", "scipy", "onnxruntime")
    print("heavy:", ",".join(m for m in heavy if m in sys.modules) or "none", "exit", code)
""")


def test_the_ui_process_never_imports_the_engine_or_a_model(tmp_path) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT + "\nThe mayor thanked the harbor staff.\n", encoding="utf-8")
    right.write_text(RIGHT + "\nTickets will be sold online.\n", encoding="utf-8")
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", _UI_PROCESS, str(left), str(right)], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("items ") and " scored M:L" in line for line in lines), lines
    assert lines[-1] == "heavy: none exit 0", done.stdout


def test_an_app_refused_after_the_engine_started_is_one_error_line(tmp_path) -> None:
    # The store cannot open (its folder is a file) after the engine process is analysing:
    # the child is killed and the exit is the one line and status 2 (a model still loading
    # in a thread of this process used to end it with SIGABRT instead).
    data = tmp_path / "not-a-folder"
    data.write_text("", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "crosscheck", "demo"], capture_output=True,
                          text=True, env={**os.environ, "CROSSCHECK_DATA_DIR": str(data)},
                          timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("crosscheck: error: ") and done.stderr.count("\n") == 1
