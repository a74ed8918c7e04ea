"""What the judge is asked, and the JSON schema its answers must follow.

``PROMPT_VERSION`` is part of every cached answer's key: change a word of a prompt or a schema
here and bump it, so no answer to the old question is served for the new one. Article text
goes into the prompts as it is; whitespace inside a sentence is folded to single spaces for
the model, which is why quotes are matched with any run of whitespace standing for another.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from crosscheck.engine.model import Document, Link

PROMPT_VERSION = "crosscheck-judge/1"
RELATIONS = ("conflict", "compatible", "different_claims")
TYPES = ("number", "date", "entity", "negation", "antonym", "modality", "denial", "quote",
         "other", "none")
_SPAN = {"type": "string", "maxLength": 600}
_LINE = {"type": "string", "maxLength": 400}
PAIR_SCHEMA: dict = {
    "type": "object",
    "properties": {"relation": {"type": "string", "enum": list(RELATIONS)},
                   "type": {"type": "string", "enum": list(TYPES)},
                   "left_span": _SPAN, "right_span": _SPAN, "explanation": _LINE},
    "required": ["relation", "type", "left_span", "right_span", "explanation"],
    "additionalProperties": False,
}
ARTICLE_SCHEMA: dict = {
    "type": "object",
    "properties": {"conflicts": {"type": "array", "maxItems": 40, "items": {
        "type": "object",
        "properties": {"type": {"type": "string", "enum": list(TYPES[:-1])},
                       "left_quote": _SPAN, "right_quote": _SPAN, "explanation": _LINE},
        "required": ["type", "left_quote", "right_quote", "explanation"],
        "additionalProperties": False}}},
    "required": ["conflicts"],
    "additionalProperties": False,
}
PAIR_ANSWER_TOKENS = 400
ARTICLE_ANSWER_TOKENS = 2500
CHARS_PER_TOKEN = 3  # conservative: English news runs about 4; other scripts fewer
PROMPT_TOKENS = 600  # the instructions around the articles
MAX_ARTICLE_REQUESTS = 16  # chunk pairs of two very long articles: the rest are skipped

SYSTEM = (
    "You are a careful fact-checker comparing two news reports of the same event. Two "
    "statements conflict when they cannot both be true of that event. A difference of detail, "
    "emphasis or wording is not a conflict, nor is one report saying more than the other. "
    "Copy every quote exactly, character for character, from the text it comes from. Answer "
    "with JSON only.")
_TYPES_HELP = (
    "type: number, date, entity (another person, place or organisation in the same role), "
    "negation, antonym (opposite words), modality (certain vs hedged), denial, quote (the same "
    "speaker's words differ) or other")


@dataclass(frozen=True, slots=True)
class Question:
    """One request to the judge and what its answer is about.

    Pair mode: ``left``/``right`` are the link's sentence ids. Article mode: ``left_range``
    and ``right_range`` are the character ranges of the two texts shown.
    """

    mode: str
    messages: tuple[tuple[str, str], ...]
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    left_range: tuple[int, int] = (0, 0)
    right_range: tuple[int, int] = (0, 0)

    @property
    def schema(self) -> dict:
        return PAIR_SCHEMA if self.mode == "pair" else ARTICLE_SCHEMA

    @property
    def schema_name(self) -> str:
        return f"crosscheck_{self.mode}"

    @property
    def max_tokens(self) -> int:
        return PAIR_ANSWER_TOKENS if self.mode == "pair" else ARTICLE_ANSWER_TOKENS

    def chat(self) -> list[dict[str, str]]:
        """The messages as both chat APIs take them."""
        return [{"role": role, "content": content} for role, content in self.messages]

    def digest(self) -> str:
        """sha256 of everything the server is given, for the answer cache's key."""
        text = json.dumps([PROMPT_VERSION, self.messages, self.schema, self.max_tokens])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pair_question(left: Document, right: Document, link: Link) -> Question:
    """Ask whether the two sides of ``link`` conflict, each shown with its neighbours."""
    user = "\n".join([
        _sentence_block("Left", left, link.left),
        "",
        _sentence_block("Right", right, link.right),
        "",
        "Do the LEFT SENTENCE and the RIGHT SENTENCE conflict?",
        'relation: "conflict" (they cannot both be true of this event), "compatible" (the '
        'same claim, or consistent details) or "different_claims" (about different things).',
        f'{_TYPES_HELP}; "none" when they do not conflict.',
        "left_span, right_span: for a conflict, the words of each sentence that conflict, "
        'copied exactly; otherwise "".',
        "explanation: one short line.",
    ])
    return Question("pair", (("system", SYSTEM), ("user", user)), link.left, link.right)


def _sentence_block(side: str, doc: Document, ids: tuple[str, ...]) -> str:
    first, last = int(ids[0][1:]), int(ids[-1][1:])
    lines = [f"{side} report: {_folded(doc.title or '(untitled)')}"
             + (f" ({_folded(doc.name)})" if doc.name else "")]
    if first > 0:
        lines.append(f"  before: {_folded(doc.sentences[first - 1].text)}")
    said = " ".join(doc.sentence(sid).text for sid in ids)
    lines.append(f"  {side.upper()} SENTENCE: {_folded(said)}")
    if last + 1 < len(doc.sentences):
        lines.append(f"  after: {_folded(doc.sentences[last + 1].text)}")
    return "\n".join(lines)


def article_questions(left: Document, right: Document,
                      context_tokens: int) -> tuple[list[Question], int]:
    """Both articles in one question where they fit the model's context, else chunked by
    paragraph (every left chunk with every right chunk); also how many chunk pairs were
    left out over ``MAX_ARTICLE_REQUESTS``."""
    room = max(1000, (context_tokens - ARTICLE_ANSWER_TOKENS - PROMPT_TOKENS) * CHARS_PER_TOKEN)
    if len(left.text) + len(right.text) <= room:
        pairs = [((0, len(left.text)), (0, len(right.text)))]
    else:
        pairs = [(lc, rc) for lc in chunk_ranges(left, room // 2)
                 for rc in chunk_ranges(right, room // 2)]
    asked = pairs[:MAX_ARTICLE_REQUESTS]
    total = len(asked)
    questions = [_article_question(left, right, lr, rr, n, total)
                 for n, (lr, rr) in enumerate(asked, 1)]
    return questions, len(pairs) - len(asked)


def _article_question(left: Document, right: Document, lrange: tuple[int, int],
                      rrange: tuple[int, int], number: int, total: int) -> Question:
    part = f" (part {number} of {total} of the pair)" if total > 1 else ""
    user = "\n".join([
        f"LEFT REPORT: {_folded(left.title or '(untitled)')}{part}", "<<<",
        left.text[slice(*lrange)].strip(), ">>>", "",
        f"RIGHT REPORT: {_folded(right.title or '(untitled)')}", "<<<",
        right.text[slice(*rrange)].strip(), ">>>", "",
        "List every pair of statements, one from each report, that cannot both be true of "
        "this event. For each: left_quote, copied exactly from the LEFT REPORT, and "
        "right_quote, copied exactly from the RIGHT REPORT (a few words to one sentence "
        f"each); {_TYPES_HELP}; explanation, one short line. An empty list if none conflict.",
    ])
    return Question("article", (("system", SYSTEM), ("user", user)),
                    left_range=lrange, right_range=rrange)


def chunk_ranges(doc: Document, limit: int) -> list[tuple[int, int]]:
    """``doc``'s text as consecutive ranges of at most ``limit`` characters, cut between
    paragraphs (between sentences inside a paragraph longer than the limit)."""
    units: list[tuple[int, int]] = []
    for start, end in doc.paragraphs or ((0, len(doc.text)),):
        if end - start <= limit:
            units.append((start, end))
        else:
            units += [(s.start, s.end) for s in doc.sentences if start <= s.start < end]
    chunks: list[tuple[int, int]] = []
    for start, end in units:
        if chunks and end - chunks[-1][0] <= limit:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    return chunks


def _folded(text: str) -> str:
    return " ".join(text.split())
