"""The judge as a stage after the engine: questions asked one at a time, as a generator.

``JudgeRun(analysis, config).steps()`` yields a ``JudgeStep`` after each answer (cached or
fresh), so a caller can show progress ("judge: 12 of 40 pairs") and stream findings; raising
``run.cancel.cancel()`` from another thread ends the run at once (the exchange in flight is
cut). It never raises for the server's sake: a failure ends the steps with ``run.status`` set
and ``run.message`` saying what happened in one line, and what was judged before is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from crosscheck.engine.model import Analysis, Document, Link
from crosscheck.judge.client import JudgeServer
from crosscheck.judge.config import JudgeConfig
from crosscheck.judge.errors import InvalidAnswer, JudgeCancelled, JudgeFailure
from crosscheck.judge.findings import Judgement, Source, read_answer
from crosscheck.judge.prompts import PROMPT_VERSION, Question, article_questions, pair_question
from crosscheck.judge.transport import Cancel
from crosscheck.judge.validate import parse_answer, schema_problem
from crosscheck.store.judge_cache import JudgeCache, answer_key

# A server that ignores the schema spoils every answer: stop after this many in a row rather
# than wait out all of them.
INVALID_IN_A_ROW = 3
PHASES = {"pair": "pairs", "article": "article parts"}


@dataclass(frozen=True, slots=True)
class JudgeStep:
    """One question answered: how far the run is, and what this answer found."""

    mode: str  # "pair" or "article"
    done: int
    total: int
    judgements: tuple[Judgement, ...]
    cached: bool

    @property
    def progress(self) -> str:
        """For a status line: "judge: 12 of 40 pairs"."""
        return f"judge: {self.done} of {self.total} {PHASES[self.mode]}"


def select_pairs(analysis: Analysis, count: int) -> list[Link]:
    """The ``count`` links most likely to conflict: by the engine's contradiction score
    (the rules and, with ``--verifier on``, the verifier), then by relatedness."""
    links = [link for link in analysis.links
             if _has_content(analysis.left, link.left) and _has_content(analysis.right,
                                                                         link.right)]
    links.sort(key=lambda link: (-(link.contradiction.score if link.contradiction else 0.0),
                                 -link.score, link.id))
    return links[:count]


def _has_content(doc: Document, ids: tuple[str, ...]) -> bool:
    """Whether a link side holds a claim, not only page furniture (a byline, a caption)."""
    return any(not doc.sentence(sid).boilerplate for sid in ids)


class JudgeRun:
    """The judge over one analysis; iterate ``steps()`` once."""

    def __init__(self, analysis: Analysis, config: JudgeConfig, *,
                 cache: JudgeCache | None = None, cancel: Cancel | None = None,
                 notice: Callable[[str], None] | None = None,
                 server: JudgeServer | None = None) -> None:
        self.analysis, self.config, self.cache = analysis, config, cache
        self.cancel = cancel or Cancel()
        self.server = server or JudgeServer(config, self.cancel)
        self._notice = notice or (lambda message: None)
        self.judgements: list[Judgement] = []
        self.status: str = "pending"
        self.message: str | None = None
        self.chunks_skipped = 0  # article parts over MAX_ARTICLE_REQUESTS, not asked
        self.questions = self._questions()
        self._counts = {mode: {"questions": sum(q.mode == mode for q in self.questions),
                               "answered": 0, "cached": 0, "invalid": 0, "conflicts": 0}
                        for mode in ("pair", "article")}
        self._spans_dropped = 0
        self._invalid_run, self._first_invalid = 0, ""
        self._connected = False
        self._kind: str | None = None  # the API answers came through (cached ones too)
        self._done = 0

    def _questions(self) -> list[Question]:
        left, right = self.analysis.left, self.analysis.right
        questions = []
        if "pair" in self.config.modes:
            questions += [pair_question(left, right, link)
                          for link in select_pairs(self.analysis, self.config.pairs)]
        if "article" in self.config.modes:
            asked, self.chunks_skipped = article_questions(left, right, self.config.context)
            questions += asked
        return questions

    def steps(self) -> Iterator[JudgeStep]:
        """Answer the questions in order, one step each (see the module's docstring)."""
        try:
            for question in self.questions:
                if self.cancel.cancelled:
                    raise JudgeCancelled
                found, cached = self._answer(question)
                self._done += 1
                total = self._counts[question.mode]["questions"]
                position = self._done if question.mode == "pair" else \
                    self._done - self._counts["pair"]["questions"]
                yield JudgeStep(question.mode, position, total, found, cached)
        except JudgeCancelled:
            self.interrupt("cancelled")
        except JudgeFailure as exc:
            self.status = "failed"
            self.message = f"{exc}; {self._kept()}"
        else:
            self.status = "ok"
            invalid = sum(c["invalid"] for c in self._counts.values())
            if invalid:
                self.message = (f"{invalid} of {len(self.questions)} answers were unusable and "
                                f"left out ({self._first_invalid})")

    def interrupt(self, how: str = "interrupted") -> None:
        """Mark the run stopped by the user (the CLI calls it on ctrl+c, which ends the
        generator from outside); what was judged is kept."""
        self.status = "cancelled"
        self.message = (f"{how} after {self._done} of {len(self.questions)} questions; what "
                        "was judged is kept")

    def _kept(self) -> str:
        answered = sum(c["answered"] for c in self._counts.values())
        if not answered:
            return "the analysis is without the judge"
        return f"what it judged before is kept ({answered} answered)"

    def _answer(self, question: Question) -> tuple[tuple[Judgement, ...], bool]:
        counts = self._counts[question.mode]
        kind, answer = self._cached(question)
        cached = answer is not None
        if answer is None:
            kind, answer = self._ask(question)
            if answer is None:
                counts["invalid"] += 1
                return (), False
        self._kind = kind
        source = Source(self.config.model, kind, PROMPT_VERSION)
        reading = read_answer(question, answer, self.analysis.left, self.analysis.right, source)
        counts["answered"] += 1
        counts["cached"] += cached
        counts["conflicts"] += sum(j.finding.relation == "conflict" for j in reading.judgements)
        self._spans_dropped += reading.spans_dropped
        self.judgements.extend(reading.judgements)
        return reading.judgements, cached

    def _ask(self, question: Question) -> tuple[str, dict | None]:
        self._connect()
        kind = self.server.kind or "openai"
        try:
            content = self.server.ask(question.chat(), question.schema, question.schema_name,
                                      question.max_tokens)
            answer = parse_answer(content, question.schema)
        except InvalidAnswer as exc:
            self._invalid_run += 1
            self._first_invalid = self._first_invalid or str(exc)
            if self._invalid_run >= INVALID_IN_A_ROW:
                raise JudgeFailure(f"{INVALID_IN_A_ROW} answers in a row were unusable "
                                   f"({exc})") from None
            return kind, None
        self._invalid_run = 0
        if self.cache is not None:
            self.cache.put(self._key(kind, question), answer)
        return kind, answer

    def _cached(self, question: Question) -> tuple[str, dict | None]:
        """A stored answer; with ``--judge-api auto`` and no server asked yet, one stored
        from either API (the server need not even be up to reopen a judged pair)."""
        if self.cache is None:
            return "", None
        for kind in [self.server.kind] if self.server.kind else ["ollama", "openai"]:
            answer = self.cache.get(self._key(kind, question))
            if answer is not None and schema_problem(answer, question.schema) is None:
                return kind, answer
        return "", None

    def _key(self, kind: str, question: Question) -> str:
        return answer_key(kind, self.config.model, PROMPT_VERSION, self.analysis.left.sha256,
                          self.analysis.right.sha256, question.digest())

    def _connect(self) -> None:
        if self._connected:
            return
        endpoint = self.config.endpoint
        if not endpoint.loopback and (self.cache is None or self.cache.first_use_of(
                endpoint.host)):
            self._notice(f"the articles' text is sent to {endpoint.host}, a remote host "
                         "(--judge-allow-remote)")
        self.server.connect()
        self._connected = True

    def record(self, new_links: int = 0) -> dict[str, object]:
        """The top-level ``judge`` record of the JSON: what was asked, of whom, and counts."""
        pair, article = self._counts["pair"], self._counts["article"]
        return {
            "status": self.status, "message": self.message, "model": self.config.model,
            "server": self.server.kind or self._kind, "url": self.config.endpoint.base,
            "prompt": PROMPT_VERSION, "modes": list(self.config.modes),
            "pairs": dict(pair), "article": {**article, "chunks_skipped": self.chunks_skipped},
            "spans_dropped": self._spans_dropped, "new_links": new_links,
        }
