"""Everything the rules read about one sentence, extracted once and cached by sentence id.

All spans here are offsets into the document text (sentence start + local offset), so a
reason can point at them directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from crosscheck.engine.contradict import lexicon as lx
from crosscheck.engine.contradict.dates import DateMention, extract_dates
from crosscheck.engine.contradict.entities import Name, extract_names, name_lists
from crosscheck.engine.contradict.numbers import Quantity, extract_quantities
from crosscheck.engine.contradict.substitution import Place, Word, places, sentence_words
from crosscheck.engine.model import Sentence
from crosscheck.engine.tokens import content_terms

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Family:
    """A compiled cue list plus the first words of its phrases, to skip sentences quickly."""

    pattern: re.Pattern[str]
    first_words: frozenset[str]


def _phrases(entries: Iterable[str]) -> _Family:
    ordered = sorted(set(entries), key=len, reverse=True)
    # "won" in "won't" is not the verb: a cue may not run on into a contraction.
    pattern = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(e) for e in ordered)
                         + r")(?!\w)(?!['’]t\b)")
    first = frozenset(e.split()[0] for e in ordered)
    # Matches are looked for only where a word starts, so a first word must be a plain word.
    assert all(_WORDS_RE.fullmatch(w) for w in first), first
    return _Family(pattern, first)


_WORDS_RE = re.compile(r"[^\W\d_]+")
_NEGATION = _Family(re.compile(
    r"(?i)(?<![\w-])(?:" + "|".join(sorted(lx.NEGATORS, key=len, reverse=True)) + r")(?!\w)"
    r"|\w+(?:n't|n’t)\b"), lx.NEGATORS | {"n't", "n’t"})
_DENIAL = _phrases(lx.DENIAL_STRONG)
_REFRAME = _phrases(lx.DENIAL_REFRAME)
_REPORT = _phrases(lx.REPORT_CUES)
_UNKNOWN = _phrases(lx.UNKNOWN_CUES)
_POSSIBLE = _phrases(lx.POSSIBLE_CUES)
_CERTAIN = _phrases(lx.CERTAIN_CUES)
_ANTONYM_WORDS = {word: (label, side) for label, *sides in lx.ANTONYMS
                  for side, words in enumerate(sides) for word in words.split()}
_ANTONYM = _phrases(_ANTONYM_WORDS)
_FAMILIES = (_UNKNOWN, _DENIAL, _POSSIBLE, _CERTAIN, _REFRAME, _REPORT, _ANTONYM)
# Every word that starts some cue phrase: one set lookup per word finds where cues may begin.
_STARTS = frozenset().union(*(f.first_words for f in _FAMILIES))
_QUOTE = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]|(?<!\w)‘([^‘’]{8,}?)’(?!\w)")
_QUOTE_MARKS = re.compile("[\"“‘]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

MODAL_LEVELS = ("unknown", "possible", "certain", "plain")
# Terms are compared on their first letters so "penalties" meets "penalised".
TERM_PREFIX = 5


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Features:
    """One sentence (or a link's sentences merged) as the rules see it.

    ``words`` and ``places`` are read by few rules on few pairs, so they are computed on
    first use (a merged link's from its parts, which hold their own offsets).
    """

    span: Span
    text: str
    terms: frozenset[str]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    names: tuple[Name, ...]
    lists: tuple[tuple[Name, ...], ...]
    quotes: tuple[Quote, ...]
    negations: tuple[Cue, ...]
    denials: tuple[Cue, ...]
    reframes: tuple[Cue, ...]
    reports: tuple[Cue, ...]
    modal: dict[str, tuple[Cue, ...]]
    antonyms: dict[str, tuple[int, Cue]]  # label -> (side, cue); side -1 means both sides used
    parts: tuple[Features, ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """Content words with document offsets and stems."""
        if self.parts:
            return _join(p.words for p in self.parts)
        return sentence_words(self.text, self.span[0])

    @cached_property
    def places(self) -> tuple[Place, ...]:
        """Countries, capitals and demonyms, with document offsets."""
        if self.parts:
            return _join(p.places for p in self.parts)
        return places(self.text, self.span[0])


def _cues(family: _Family, text: str, base: int, starts: Sequence[tuple[int, str]],
          skip: Sequence[Span] = ()) -> tuple[Cue, ...]:
    """The family's matches, tried only where one of its first words starts.

    Trying the pattern at those places in order, resuming after each match, finds what
    ``finditer`` finds (a match can only begin where its first word does) without scanning
    every character.
    """
    found = []
    resume = 0
    match = family.pattern.match
    for pos, word in starts:
        if pos < resume or word not in family.first_words:
            continue
        m = match(text, pos)
        if m is None:
            continue
        resume = m.end()
        start, end = pos + base, resume + base
        if not any(a <= start < b for a, b in skip):
            found.append(Cue(start, end, m.group()))
    return tuple(found)


_IMPLICATIVE = re.compile(r"(?i)\b(?:" + "|".join(
    re.escape(v) for v in sorted(lx.NEGATIVE_IMPLICATIVES, key=len, reverse=True)) + r")\b")


_IMPLICATIVE_VERBS = frozenset(v.split()[0] for v in lx.NEGATIVE_IMPLICATIVES)


def _implicatives(text: str, base: int, skip: Sequence[Span]) -> tuple[Cue, ...]:
    """"Failed to", "refused to", "pretended to": a denial of what follows."""
    return tuple(Cue(m.start() + base, m.end() + base, m.group())
                 for m in _IMPLICATIVE.finditer(text)
                 if not any(a <= m.start() + base < b for a, b in skip))


_IDIOM = re.compile(r"(?i)(?:" + "|".join(re.escape(i) for i in lx.NEGATION_IDIOMS) + r")\b")
_TIMING = re.compile(r"(?i)^(?:\W+\w+){0,8}?\W+(?:" + "|".join(lx.NEGATION_TIMING) + r")\b")


_MODAL_BEFORE = re.compile(r"(?i)\b(?:would|could|should|might)\s+$")
_MODAL_CONTRACTED = re.compile(r"(?i)(?:would|could|should|might)n['’]t$")
_HAVE_AFTER = re.compile(r"\s+have\b")


def _counterfactual(text: str, m: re.Match[str]) -> bool:
    """ "would not have placed him ... if": what did not happen in another world."""
    modal = _MODAL_BEFORE.search(text, 0, m.start()) or _MODAL_CONTRACTED.search(m.group())
    return bool(modal) and _HAVE_AFTER.match(text, m.end()) is not None


def _negations(text: str, lowered: str, words: list[str], base: int,
               skip: Sequence[Span]) -> tuple[Cue, ...]:
    """Negators that deny a claim: not inside an idiom, not "not ... until" (timing)."""
    if lx.NEGATORS.isdisjoint(words) and "n't" not in lowered and "n’t" not in lowered:
        return ()
    found = []
    for m in _NEGATION.pattern.finditer(text):
        start, end = m.start() + base, m.end() + base
        if any(a <= start < b for a, b in skip):
            continue
        # "didn't" starts at "did"; the idiom and timing checks read from the negator itself.
        head = m.start() if not m.group().endswith(("n't", "n’t")) else m.end() - 3
        if _IDIOM.match(text, head) or _IDIOM.match(text, m.end() - 3) or \
                _TIMING.match(text[m.end():]) or _counterfactual(text, m):
            continue
        found.append(Cue(start, end, m.group()))
    return tuple(found)


def sentence_features(sentence: Sentence) -> Features:
    """Extract the features of one sentence (document offsets)."""
    text, base = sentence.text, sentence.start
    dates = extract_dates(text, base)
    quantities = extract_quantities(text, [(d.start - base, d.end - base) for d in dates], base)
    names = extract_names(text, base)
    lowered = text.lower()
    words = _WORDS_RE.findall(lowered)
    starts = _cue_starts(text) if not _STARTS.isdisjoint(words) else []
    unknown = _cues(_UNKNOWN, text, base, starts)
    denials = _cues(_DENIAL, text, base, starts)
    # A date's words are never cues: "May 2, 2013" is not a hedge.
    phrase_spans = [(c.start, c.end) for c in unknown + denials] + [
        (d.start, d.end) for d in dates]
    possible = _cues(_POSSIBLE, text, base, starts, phrase_spans)
    modal = {"unknown": unknown, "possible": possible,
             "certain": _cues(_CERTAIN, text, base, starts, phrase_spans)}
    phrase_spans += [(c.start, c.end) for c in possible]
    return Features(
        span=(sentence.start, sentence.end), text=text,
        terms=frozenset(t[:TERM_PREFIX] for t in content_terms(text)), quantities=quantities,
        dates=dates, names=names,
        lists=name_lists(text, names, base) if len(names) > 1 else (),
        quotes=_quotes(text, base) if _QUOTE_MARKS.search(text) else (),
        negations=tuple(sorted(
            _negations(text, lowered, words, base, phrase_spans)
            + (_implicatives(text, base, phrase_spans)
               if not _IMPLICATIVE_VERBS.isdisjoint(words) else ()),
            key=lambda c: c.start)), denials=denials,
        reframes=_reframes(text, base, starts),
        reports=_cues(_REPORT, text, base, starts), modal=modal,
        antonyms=_antonyms(text, base, starts) if starts else {},
    )


_REFRAME_IDIOM = re.compile(r"(?i)\b(?:" + "|".join(re.escape(i) for i in lx.REFRAME_IDIOMS)
                            + r")\b")


def _reframes(text: str, base: int, starts: Sequence[tuple[int, str]]) -> tuple[Cue, ...]:
    """Reframing cues, except inside idioms such as "not only a"."""
    cues = _cues(_REFRAME, text, base, starts)
    if not cues:
        return cues
    idioms = [(m.start() + base, m.end() + base) for m in _REFRAME_IDIOM.finditer(text)]
    return tuple(c for c in cues if not any(a <= c.start < b for a, b in idioms))


def _cue_starts(text: str) -> list[tuple[int, str]]:
    """(offset, lower-case word) of each word that begins some cue phrase."""
    return [(m.start(), word) for m in _WORDS_RE.finditer(text)
            if (word := m.group().lower()) in _STARTS]


def _antonyms(text: str, base: int,
              starts: Sequence[tuple[int, str]]) -> dict[str, tuple[int, Cue]]:
    found: dict[str, tuple[int, Cue]] = {}
    for cue in _cues(_ANTONYM, text, base, starts):
        label, side = _ANTONYM_WORDS[cue.text.lower()]
        if label in found and found[label][0] != side:
            found[label] = (-1, found[label][1])
        elif label not in found:
            found[label] = (side, cue)
    return found


def _quotes(text: str, base: int) -> tuple[Quote, ...]:
    found = []
    for m in _QUOTE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        inner = m.group(group)
        words = tuple(w.lower() for w in _WORD.findall(inner))
        if len(words) >= 2:
            found.append(Quote(m.start(group) + base, m.end(group) + base, inner, words))
    return tuple(found)


def merge(parts: Sequence[Features]) -> Features:
    """The features of several sentences read as one (a link of two sentences)."""
    if len(parts) == 1:
        return parts[0]
    modal = {level: tuple(c for p in parts for c in p.modal[level]) for level in parts[0].modal}
    antonyms: dict[str, tuple[int, Cue]] = {}
    for part in parts:
        for label, (side, cue) in part.antonyms.items():
            if label in antonyms and antonyms[label][0] != side:
                antonyms[label] = (-1, antonyms[label][1])
            else:
                antonyms.setdefault(label, (side, cue))
    return Features(
        span=(parts[0].span[0], parts[-1].span[1]), text=" ".join(p.text for p in parts),
        terms=frozenset().union(*(p.terms for p in parts)),
        quantities=_join(p.quantities for p in parts), dates=_join(p.dates for p in parts),
        names=_join(p.names for p in parts), lists=_join(p.lists for p in parts),
        quotes=_join(p.quotes for p in parts), negations=_join(p.negations for p in parts),
        denials=_join(p.denials for p in parts), reframes=_join(p.reframes for p in parts),
        reports=_join(p.reports for p in parts), modal=modal, antonyms=antonyms,
        parts=tuple(parts),
    )


def _join(groups: Iterable[tuple]) -> tuple:
    return tuple(item for group in groups for item in group)


def modal_level(features: Features) -> tuple[str, Cue | None]:
    """The sentence's strongest stance: unknown, possible, certain, or plain (no cue)."""
    for level in ("unknown", "possible", "certain"):
        if features.modal[level]:
            return level, features.modal[level][0]
    return "plain", None
