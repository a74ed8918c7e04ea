"""Every custom message of the app, in one place (widgets post upward, screens react)."""

from __future__ import annotations

from textual.message import Message

from crosscheck.engine.model import Analysis, Link


class AnalysisProgress(Message):
    """The analysis worker reached ``stage``; ``fraction`` of the work is done."""

    def __init__(self, stage: str, fraction: float) -> None:
        super().__init__()
        self.stage = stage
        self.fraction = fraction


class AnalysisReady(Message):
    """The analysis worker finished."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis


class AnalysisFailed(Message):
    """The analysis worker stopped with an error the user should see."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class SentenceClicked(Message):
    """The user clicked sentence ``sentence_id`` in an article pane."""

    def __init__(self, sentence_id: str) -> None:
        super().__init__()
        self.sentence_id = sentence_id


class ItemClicked(Message):
    """The user clicked item ``key`` in the triage queue."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class ManualLinkScored(Message):
    """The engine analysed the manual link ``key``: scores, kind, diff and reasons."""

    def __init__(self, key: str, link: Link) -> None:
        super().__init__()
        self.key = key
        self.link = link


class ManualLinkDrawn(Message):
    """The reviewer linked ``left_ids`` and ``right_ids`` by hand (item ``key``): analyse it."""

    def __init__(self, key: str, left_ids: tuple[str, ...], right_ids: tuple[str, ...]) -> None:
        super().__init__()
        self.key = key
        self.left_ids = left_ids
        self.right_ids = right_ids


class ManualLinkFailed(Message):
    """The engine could not analyse the manual link ``key``: it stays, unscored."""

    def __init__(self, key: str, error: str) -> None:
        super().__init__()
        self.key = key
        self.error = error
