"""A store write that fails in the running app: the user is told, the session and every verdict
saved before it survive (issue 10, the app's side of a full disk)."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import SIZE, build_app


def saved_verdicts(store_path) -> dict[str, str]:
    conn = sqlite3.connect(store_path)
    rows = conn.execute("SELECT i.key, e.verdict FROM events e JOIN items i ON i.id = e.item_id "
                        "WHERE e.id IN (SELECT MAX(id) FROM events GROUP BY item_id)").fetchall()
    conn.close()
    return {key: verdict for key, verdict in rows if verdict is not None}


def capture_notices(app) -> list[tuple[str, str]]:
    notices: list[tuple[str, str]] = []
    real = app.notify

    def notify(message: str, **kwargs) -> None:
        notices.append((message, kwargs.get("severity", "information")))
        real(message, **kwargs)

    app.notify = notify
    return notices


@pytest.mark.parametrize("fault", [sqlite3.OperationalError("database or disk is full"),
                                   OSError(28, "No space left on device")])
async def test_a_failed_verdict_write_is_reported_and_nothing_saved_is_lost(
        tmp_path, analysis, fault) -> None:
    store_path = tmp_path / "faults.db"
    app = build_app(analysis, store_path)
    async with app.run_test(size=SIZE) as pilot:
        notices = capture_notices(app)
        await pilot.press("c", "a")
        first, second, third = app.review.model.order[:3]
        real_set = app.store.set_verdict

        def failing(*args, **kwargs):
            raise fault

        app.store.set_verdict = failing
        await pilot.press("u")
        assert app.is_running and app.review.selected == third  # no advance past a failure
        assert app.review.model.verdict(third) is None
        assert any("was NOT saved" in message and severity == "error"
                   for message, severity in notices)
        progress = str(app.review.query_one("#progress-label").render())
        assert progress.startswith("2 of ")
        app.store.set_verdict = real_set  # the disk has room again: the next verdict is saved
        await pilot.press("space")
    assert saved_verdicts(store_path) == {first: "contradiction", second: "consistent",
                                          third: "unsure"}


async def test_a_really_full_database_keeps_the_session_and_earlier_verdicts(tmp_path,
                                                                           analysis) -> None:
    store_path = tmp_path / "full.db"
    app = build_app(analysis, store_path)
    async with app.run_test(size=SIZE) as pilot:
        notices = capture_notices(app)
        app.toggle_auto_advance()
        pages = app.store.conn.execute("PRAGMA page_count").fetchone()[0]
        app.store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite: disk is full
        for _ in range(400):
            await pilot.press("c", "a")
            if any("NOT saved" in message for message, _ in notices):
                break
        else:
            pytest.fail("the size limit never made a write fail")
        assert app.is_running
        shown = dict(app.review.model.records)
    saved = saved_verdicts(store_path)
    assert saved  # the verdicts written before the disk filled up
    assert saved == {key: record.verdict for key, record in shown.items()
                     if record.verdict is not None}
