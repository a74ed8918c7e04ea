"""One rule per reason type: each reads two sentences' features and returns weighted reasons.

A weight is the rule's confidence that the pair really conflicts (0..1); score.py combines them.
Weights and thresholds sit in the tables at the top so they can be read and tuned together.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from crosscheck.engine.contradict import lexicon as lx
from crosscheck.engine.contradict.dates import dates_conflict, describe
from crosscheck.engine.contradict.entities import Name, same_entity, same_slot
from crosscheck.engine.contradict.features import Cue, Features, modal_level
from crosscheck.engine.contradict.numbers import comparable, compare
from crosscheck.engine.contradict.spans import (
    clause_words,
    covering,
    cue_scope,
    near,
    phrase,
    whole,
)
from crosscheck.engine.contradict.substitution import (
    Change,
    antonyms,
    change,
    ordinals,
    place_code,
)
from crosscheck.engine.model import Reason
from crosscheck.engine.tokens import STOPWORDS, stem

# How sure each finding is, before combining.
WEIGHTS = {
    "number": 0.8, "number_approx": 0.6, "number_rounding": 0.2,
    "entity_slot": 0.7, "entity_list": 0.75, "entity_loose": 0.4,
    "negation": 0.6, "quote": 0.65, "quote_negated": 0.8, "antonym": 0.65,
    "denial": 0.5, "denial_target": 0.15, "denial_report": 0.15, "reframe": 0.4,
    "antonym_direct": 0.8, "antonym_similar": 0.6, "place": 0.75,
}
# Share of content words two sentences must have in common before the words only one of them
# uses are read as the same slot filled differently.
SUBSTITUTION_COMMON = 0.5
MODALITY_COMMON = 0.5
ENTITY_COMMON = 0.4
ENTITY_CLAIM = 0.3
NUMBER_COMMON = 0.4
NUMBER_CLAIM = 0.25
# The aligner's same-claim probability from which two sentences are taken as one claim.
SAME_CLAIM_PROBABILITY = 0.5
# Words around a date that say which event it dates, and verbs that make it a reporting date.
DATE_REACH = 3
REPORT_REACH = 24
_REPORTING = re.compile(
    r"(?i)\b(?:said|says|say|told|tells|reported|reports|reporting|published|noted|notes|"
    r"wrote|writes|posted|stated|added|quoted|commented|tweeted|interview|statement|"
    r"updated|dated)"
    r"(?:\s+\w+)?(?:\s+(?:on|late|early|last))?\s*$")
# A date followed by these is a page's time stamp ("21 July 2013 Last updated at").
_STAMP = re.compile(r"(?i)\W{0,3}(?:last\s+)?(?:updated|posted|published|modified)\b")
_DATE_WORDS = frozenset({*lx.MONTHS, *lx.WEEKDAYS, "last", "next", "earli", "late", "mid"})
# A denial targets a claim when its clause shares this much with it.
DENIAL_TARGET_SHARED = 2
DENIAL_TARGET_SHARE = 0.3
# A negator's scope: the content words after it, most of which the other side must share.
NEGATION_SCOPE_SHARED = 0.5
NEGATION_SCOPE_STRICT = 0.75
SCOPE_SHARED_MIN = 2
DATE_WEIGHTS = {"monthday": 0.75, "weekday": 0.7, "time": 0.6, "year": 0.6, "month": 0.55,
                "relative": 0.45}
MODAL_WEIGHTS = {
    ("certain", "unknown"): 0.7, ("certain", "possible"): 0.6, ("plain", "unknown"): 0.6,
    ("possible", "unknown"): 0.55, ("plain", "possible"): 0.35,
}
# How much two sentences must share before "the same claim" rules apply.
SAME_CLAIM_OVERLAP = 0.5
SAME_CLAIM_SHARED = 3
QUOTE_MIN_OVERLAP = 0.5
QUOTE_SAME_RATIO = 0.95
QUOTE_FRAME_COMMON = 0.5
QUOTE_INTRO_REACH = 3
# Verbs that introduce what a document or person asks, requires or calls something.
_QUOTING_VERBS = frozenset(stem(w) for w in (
    "asks asked requires required demands demanded calls called describes described urges "
    "urged pledges pledged promises promised commits committed orders ordered states "
    "reads read titled headlined").split())


@dataclass(frozen=True)
class Pair:
    left: Features
    right: Features
    shared: frozenset[str]
    overlap: float  # shared terms / terms of the shorter sentence
    linked: bool = True  # the aligner paired them (False: a candidate pair)
    claim: float = 0.0  # the aligner's probability that both state the same claim
    common: float = 0.0  # shared terms / terms of the longer sentence

    @cached_property
    def diff(self) -> Change:
        """The words only one side uses (computed for the few pairs a rule asks about)."""
        return change(self.left.words, self.right.words)


@dataclass(frozen=True, slots=True)
class Evidence:
    reason: Reason
    weight: float


def make_pair(left: Features, right: Features, linked: bool = True,
              claim: float = 0.0) -> Pair:
    """The two sides of a link (or candidate pair) with what their words share."""
    shared = left.terms & right.terms
    smaller = min(len(left.terms), len(right.terms)) or 1
    larger = max(len(left.terms), len(right.terms)) or 1
    return Pair(left, right, shared, len(shared) / smaller, linked, claim, len(shared) / larger)


def _reason(kind: str, left, right, explanation: str, weight: float) -> Evidence:
    """Evidence from two objects with start/end/text (either may be a whole sentence)."""
    return Evidence(Reason(kind, left.text, right.text, explanation, (left.start, left.end),
                           (right.start, right.end)), round(weight, 3))


def _same_claim(p: Pair) -> bool:
    return p.overlap >= SAME_CLAIM_OVERLAP and len(p.shared) >= SAME_CLAIM_SHARED


def _one_claim(p: Pair, common: float = 0.5, claim: float = 0.5) -> bool:
    """Whether the two sentences state one claim: by their words, or by the aligner.

    A conflicting detail lowers both measures (two versions of a claim are not paraphrases),
    so a rule whose own evidence pins the slot (a name in the same role) asks for less.
    """
    return p.common >= common or p.claim >= claim


def _changed(name, words) -> bool:
    """Whether a span holds a word only its side uses."""
    return any(name.start <= w.start < name.end for w in words)


def number_reasons(p: Pair) -> list[Evidence]:
    """Comparable quantities (same unit or counted noun) with different values.

    Figures that agree (or agree within rounding) are paired off first, one to one, so a
    figure the other side gives elsewhere in the sentence is not reported as a conflict.
    """
    # Figures of the same unit or noun count the same thing only if the words around them
    # meet too ("35 days" of a shutdown is not "three weeks" of a reopening), unless the
    # sentences are one claim with the figure changed. In sentences that make different
    # claims ("missed four games" after surgery, "missed three games" with a broken arm)
    # a figure is compared only when both say it of the same named subject and the same
    # predicate ("Buckley fell about 600 metres" / "Buckley ... fell 700 meters"), or both
    # give that subject's age.
    if not p.left.quantities or not p.right.quantities:
        return []
    if _one_claim(p, NUMBER_COMMON, NUMBER_CLAIM) or _both_votes(p):
        slot = None
    elif _shared_name(p):
        slot = _same_predicate
    else:
        return []
    one_claim = p.common >= SUBSTITUTION_COMMON or p.claim >= SAME_CLAIM_PROBABILITY
    need = 1 if p.linked and (one_claim or slot is not None) else 2
    pairs = sorted(
        ((-strength, verdict, gap, i, j) for i, lq in enumerate(p.left.quantities)
         for j, rq in enumerate(p.right.quantities)
         if (strength := comparable(lq, rq)) >= need and (slot is None or slot(lq, rq))
         for verdict, gap in [compare(lq, rq)]),
        key=lambda t: (t[1] != "same", t[1] != "close", t[0], t[2], t[3], t[4]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    out = []
    for _strength, verdict, _gap, i, j in pairs:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        if verdict == "same":
            continue
        lq, rq = p.left.quantities[i], p.right.quantities[j]
        note = " (within rounding)" if verdict == "close" else ""
        if verdict == "close":
            weight = WEIGHTS["number_rounding"]
        else:
            weight = WEIGHTS["number_approx" if (lq.approx or rq.approx) else "number"]
        kind = "negation" if (lq.zero or rq.zero) and not note else "number"
        out.append(_reason(kind, lq, rq, f"{_tidy(lq.text)} vs {_tidy(rq.text)}{note}", weight))
    return out


def _same_predicate(a, b) -> bool:
    """Two figures said with the same words around them (beyond what they count), or two
    ages ("32-year-old", "31-year-old")."""
    if a.context >= _AGE and b.context >= _AGE:
        return True
    return bool((a.context - a.nouns) & (b.context - b.nouns))


_AGE = frozenset({"year", "old"})


def _shared_name(p: Pair) -> bool:
    """Whether both sentences name the same person or body (places aside).

    A name that opens a sentence is not told from an ordinary capitalised word, so the
    extractor skips it; the same such word opening both sentences ("Page was married...",
    "Page married...") is taken as a shared subject.
    """
    if any(same_entity(a, b) for a in p.left.names for b in p.right.names
           if a.key and not place_code(a.text)):
        return True
    first_l, first_r = _opening_word(p.left.text), _opening_word(p.right.text)
    return first_l is not None and first_l == first_r


_OPENING = re.compile(r"\W*([A-Z][a-z]+)\b")


def _opening_word(text: str) -> str | None:
    m = _OPENING.match(text)
    if m is None or m.group(1).lower() in STOPWORDS | lx.NOT_NAMES:
        return None
    return m.group(1)


def _both_votes(p: Pair) -> bool:
    """Both sentences give a vote tally: the result of the same vote, whatever else differs."""
    def voted(f: Features) -> bool:
        return any(q.unit == "tally" and "vote" in q.context for q in f.quantities)
    return voted(p.left) and voted(p.right)


def date_reasons(p: Pair) -> list[Evidence]:
    """The same kind of date (weekday, day, time...) of the same event, different values.

    A date belongs to the words around it ("sent on Friday"): two dates conflict only when
    those words meet, and a date of the reporting ("said on Thursday", "published on
    Wednesday") is not the date of the event.
    """
    if not p.left.dates or not p.right.dates or (not p.linked and not _same_claim(p)):
        return []
    out = []
    lwords, rwords = event_dates(p.left), event_dates(p.right)
    for field, weight in DATE_WEIGHTS.items():
        mine = [d for d, ctx in lwords if d.field == field
                and any(ctx & c for e, c in rwords if e.field == field)]
        theirs = [d for d, ctx in rwords if d.field == field
                  and any(ctx & c for e, c in lwords if e.field == field)]
        if not mine or not theirs:
            continue
        if any(not dates_conflict(a, b) for a in mine for b in theirs):
            continue
        a, b = mine[0], theirs[0]
        out.append(_reason("date", a, b, f"{describe(a)} vs {describe(b)}", weight))
    return out


def event_dates(f: Features) -> list[tuple[object, frozenset[str]]]:
    """Each date that is not the date of a report, with the stems of the words around it."""
    out = []
    for d in f.dates:
        local_start = d.start - f.span[0]
        local_end = d.end - f.span[0]
        if _REPORTING.search(f.text[max(0, local_start - REPORT_REACH):local_start]) or \
                _STAMP.match(f.text, local_end):
            continue
        # The event a date belongs to is named before it ("convicted in June"), or after it
        # when the date leads ("On Friday, the museum reopened").
        before = [w.stem for w in f.words if w.end <= d.start and w.start >= d.start - 40]
        words = before[-DATE_REACH:] or [w.stem for w in f.words if w.start >= d.end][:DATE_REACH]
        out.append((d, frozenset(words) - _DATE_WORDS))
    return out


def entity_reasons(p: Pair) -> list[Evidence]:
    """A different name in the same role of one claim, or lists of names that differ."""
    if not _one_claim(p, ENTITY_COMMON, ENTITY_CLAIM):
        return []
    out = []
    listed: set[int] = set()
    for mine in p.left.lists:
        for theirs in p.right.lists:
            if _lists_differ(mine, theirs):
                a, b = Cue(mine[0].start, mine[-1].end, ""), Cue(theirs[0].start,
                                                                       theirs[-1].end, "")
                text_a, text_b = ", ".join(n.text for n in mine), ", ".join(n.text for n in theirs)
                out.append(Evidence(Reason("entity", text_a, text_b, f"{text_a} vs {text_b}",
                                           (a.start, a.end), (b.start, b.end)),
                                    WEIGHTS["entity_list"]))
                listed.update(n.start for n in mine + theirs)
    only_left = [n for n in p.left.names if n.start not in listed and not n.negated
                 and not any(same_entity(n, m) for m in p.right.names)]
    only_right = [n for n in p.right.names if n.start not in listed and not n.negated
                  and not any(same_entity(n, m) for m in p.left.names)]
    slotted = [(a, b) for a in only_left for b in only_right if same_slot(a, b)
               and _changed(a, p.diff.left) and _changed(b, p.diff.right)]
    if slotted:
        a, b = slotted[0]
        out.append(_reason("entity", a, b, f"{a.text} vs {b.text}", WEIGHTS["entity_slot"]))
    return out


def _lists_differ(mine: tuple[Name, ...], theirs: tuple[Name, ...]) -> bool:
    unmatched = [n for n in mine if not any(same_entity(n, m) for m in theirs)]
    unmatched += [n for n in theirs if not any(same_entity(n, m) for m in mine)]
    overlap = len(mine) + len(theirs) - len(unmatched)
    return bool(unmatched) and overlap > 0


def _claim_negations(f: Features) -> list:
    """Negators that negate a claim, not ones ruling out a name ("not by the X Center")."""
    ruled_out = [n.start for n in f.names if n.negated]
    return [c for c in f.negations if not any(0 <= s - c.end <= 12 for s in ruled_out)]


def negation_reasons(p: Pair) -> list[Evidence]:
    """One side negates the claim the other asserts.

    What a negator denies is what follows it ("did not approve the budget"): most of those
    words must be in the other sentence, and there not under a negator of their own. Each
    sentence may negate other things: only the negated words are compared.
    """
    lneg, rneg = _claim_negations(p.left), _claim_negations(p.right)
    if not lneg and not rneg:
        return []
    one_claim = _one_claim(p)
    for negating, other, cues, neg_left in ((p.left, p.right, lneg, True),
                                            (p.right, p.left, rneg, False)):
        negated_there = {w.stem for c in (rneg if neg_left else lneg)
                         for w in cue_scope(other, c)}
        theirs = {w.stem for w in other.words} - negated_there
        for cue in cues:
            scope = cue_scope(negating, cue)
            shared = sum(w.stem in theirs for w in scope)
            if not scope or shared < (min(2, len(scope)) if one_claim else 2):
                continue
            # On one claim, half the negated words must meet; elsewhere, most of them.
            need = NEGATION_SCOPE_SHARED if one_claim else NEGATION_SCOPE_STRICT
            if shared / len(scope) < need:
                continue
            weight = WEIGHTS["negation"] + 0.3 * shared / len(scope)
            said = phrase(negating, cue.start, max(w.end for w in scope))
            asserted = covering(other, {w.stem for w in scope} & theirs)
            left, right = (said, asserted) if neg_left else (asserted, said)
            return [_reason("negation", left, right, f"“{said.text}” vs “{asserted.text}”",
                            weight)]
    return []


def denial_reasons(p: Pair) -> list[Evidence]:
    """One side disputes or reframes what the other reports."""
    out = []
    for denier, other, on_left in ((p.left, p.right, True), (p.right, p.left, False)):
        cues = denier.denials or denier.reframes
        if not cues or other.denials or (not denier.denials and other.reframes):
            continue
        names = any(same_entity(a, b) for a in denier.names for b in other.names)
        if len(p.shared) < (1 if p.linked else 2) and not names:
            continue
        if not _one_claim(p) and not _targets(denier, cues[0], other):
            continue
        weight = WEIGHTS["denial"] if denier.denials else WEIGHTS["reframe"]
        if p.overlap >= 0.35 or len(p.shared) >= 4:
            weight += WEIGHTS["denial_target"]
        if other.reports and (names or len(p.shared) >= 3):
            weight += WEIGHTS["denial_report"]
        cue = cues[0]
        clause = clause_words(denier, cue)
        target = covering(other, {w.stem for w in clause})
        left, right = (cue, target) if on_left else (target, cue)
        out.append(_reason("denial", left, right,
                           f"“{cue.text}” disputes “{_short(target.text)}”", weight))
    return out


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _targets(denier: Features, cue, other: Features) -> bool:
    """Whether the clause around a denial cue speaks of what the other sentence says."""
    clause = {w.stem for w in clause_words(denier, cue)}
    shared = clause & {w.stem for w in other.words}
    return len(shared) >= DENIAL_TARGET_SHARED and len(shared) / len(clause) >= DENIAL_TARGET_SHARE


def modality_reasons(p: Pair) -> list[Evidence]:
    """One side states as certain what the other hedges or calls unknown.

    A hedge is a conflict only about one claim: the two sentences state one claim (then
    their strongest stances are compared), or two cues govern the same words ("is
    negotiating to direct the sequel", "confirmed that Weitz will direct the sequel").
    """
    (lv, lcue), (rv, rcue) = modal_level(p.left), modal_level(p.right)
    weight = MODAL_WEIGHTS.get((lv, rv)) or MODAL_WEIGHTS.get((rv, lv))
    if weight and (_one_claim(p, MODALITY_COMMON) or (
            _governs_shared(p.left, lcue, p.right) and _governs_shared(p.right, rcue, p.left))):
        return [_modal_reason(lv, lcue, rv, rcue, p, weight)]
    # A sentence can hedge one thing and be sure of another: compare cue with cue, each
    # a cue the other sentence does not use.
    lstances, rstances = _stances(p.left), _stances(p.right)
    lwords = {c.text.lower() for _, c in lstances}
    rwords = {c.text.lower() for _, c in rstances}
    for lv, lcue in lstances:
        for rv, rcue in rstances:
            if lcue.text.lower() in rwords or rcue.text.lower() in lwords:
                continue
            weight = MODAL_WEIGHTS.get((lv, rv)) or MODAL_WEIGHTS.get((rv, lv))
            if weight and len(
                    {w.stem for w in cue_scope(p.left, lcue)}
                    & {w.stem for w in cue_scope(p.right, rcue)}) >= SCOPE_SHARED_MIN:
                return [_modal_reason(lv, lcue, rv, rcue, p, weight)]
    return []


def _stances(f: Features) -> list[tuple[str, object]]:
    return [(level, cue) for level in ("unknown", "possible", "certain")
            for cue in f.modal[level]]


def _modal_reason(lv: str, lcue, rv: str, rcue, p: Pair, weight: float) -> Evidence:
    left = lcue or whole(p.left)
    right = rcue or whole(p.right)
    return _reason("modality", left, right, f"{lv} ({_cue_text(lcue)}) vs {rv} "
                   f"({_cue_text(rcue)})", weight)


def _governs_shared(f: Features, cue, other: Features) -> bool:
    """Whether the words a cue governs (to the end of its clause) are the other side's too.

    A sentence without a cue asserts all of it, so only its overlap is asked for.
    """
    theirs = {w.stem for w in other.words}
    if cue is None:
        return len({w.stem for w in f.words} & theirs) >= SCOPE_SHARED_MIN
    scope = cue_scope(f, cue)
    shared = sum(w.stem in theirs for w in scope)
    return shared >= SCOPE_SHARED_MIN and shared / len(scope) >= NEGATION_SCOPE_SHARED


def _cue_text(cue) -> str:
    return f"“{cue.text}”" if cue else "stated as fact"


def quote_reasons(p: Pair) -> list[Evidence]:
    """The same quotation given in different words (trimming is not a change).

    Quotes that share words are the same quotation; in aligned sentences that share a speaker
    or most of their words, the quotes are taken to render the same utterance.
    """
    if not p.left.quotes or not p.right.quotes:
        return []
    scored = []
    for lq in p.left.quotes:
        for rq in p.right.quotes:
            if _changed_words(lq.words, rq.words) is None:
                return []  # one side repeats the other's quotation
            mine, theirs = _quote_terms(lq), _quote_terms(rq)
            scored.append((len(mine & theirs) / (min(len(mine), len(theirs)) or 1), lq, rq))
    share, lq, rq = max(scored, key=lambda s: (s[0], -s[1].start, -s[2].start))
    if not one_speaker(p.left, p.right):
        return []  # two people quoted: two remarks, however alike
    # Different remarks are not one quotation worded differently: the quotes' words must
    # meet, or the same speaker must be quoted in an otherwise matching sentence.
    if share < QUOTE_MIN_OVERLAP:
        speaker = any(same_entity(a, b) for a in p.left.names for b in p.right.names)
        frame = p.common
        same_intro = bool(_intro(p.left, lq) & _intro(p.right, rq))
        if frame < QUOTE_FRAME_COMMON + (0 if speaker else 0.15) and not same_intro:
            return []
    a, b = _changed_words(lq.words, rq.words) or ([], [])
    negated = any(w in lx.NEGATORS or w.endswith(("n't", "n’t")) for w in a + b)
    weight = WEIGHTS["quote_negated" if negated else "quote"]
    return [_reason("quote", lq, rq, f"“{' '.join(a) or '…'}” vs “{' '.join(b) or '…'}”",
                    weight)]


def _speakers(f: Features) -> list[Name]:
    """Names outside the quotations: who speaks, or who is spoken of."""
    return [n for n in f.names if not any(q.start - 1 <= n.start < q.end + 1 for q in f.quotes)]


def one_speaker(left: Features, right: Features) -> bool:
    """Whether two sides' quotations can be one person's words: where both name people
    outside their quotations, some name is on both sides (two speakers' quotes are two
    statements, however differently worded)."""
    lnames, rnames = _speakers(left), _speakers(right)
    if not lnames or not rnames:
        return True
    return any(same_entity(a, b) for a in lnames for b in rnames)


def _quote_terms(quote) -> set[str]:
    return {stem(w) for w in quote.words if w not in STOPWORDS}


def _intro(f: Features, quote) -> set[str]:
    """The verb that introduces a quotation ("asks firms to" -> "ask"), if it says more than
    "said": two different texts introduced by the same such verb render one document."""
    before = [w.stem for w in f.words if w.end <= quote.start][-QUOTE_INTRO_REACH:]
    return set(before) & _QUOTING_VERBS


def _changed_words(left: tuple[str, ...], right: tuple[str, ...]):
    """Words replaced between two quotes; None when one is the other trimmed or the same."""
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    if matcher.ratio() >= QUOTE_SAME_RATIO:
        return None
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    negators = lx.NEGATORS | {"n't"}
    if all(op[0] in ("delete", "insert") for op in ops):
        dropped = [w for op in ops for w in left[op[1]:op[2]] + right[op[3]:op[4]]]
        if not any(w in negators or w.endswith("n't") for w in dropped):
            return None
    a = [w for op in ops for w in left[op[1]:op[2]]]
    b = [w for op in ops for w in right[op[3]:op[4]]]
    return a[:6], b[:6]


def antonym_reasons(p: Pair) -> list[Evidence]:
    """Opposite predicates (rose/fell, approved/rejected) said of the same thing: the two
    sentences state one claim, or the words next to each predicate meet ("sales of lasers
    rose" / "sales of lasers fell"; not "fired the coach" / "hired a new trainer")."""
    if p.overlap < 0.3 or len(p.shared) < 2:
        return []
    out = []
    for label, (lside, lcue) in p.left.antonyms.items():
        other = p.right.antonyms.get(label)
        if other is None or lside < 0 or other[0] < 0 or other[0] == lside:
            continue
        rcue = other[1]
        if not _one_claim(p) and len(near(p.left, lcue) & near(p.right, rcue)) < 2:
            continue
        out.append(_reason("antonym", lcue, rcue, f"{lcue.text} vs {rcue.text}",
                           WEIGHTS["antonym"]))
    return out


def substitution_reasons(p: Pair) -> list[Evidence]:
    """One claim with a slot filled differently: antonyms, or two different countries."""
    if p.common < SUBSTITUTION_COMMON:
        return []
    diff = p.diff
    if not diff.left or not diff.right:
        return []
    out = []
    found = antonyms(diff)
    if found:
        a, b, how = found[0]
        weight = WEIGHTS[f"antonym_{how}"] * min(1.0, p.common / 0.7)
        out.append(_reason("antonym", a, b, f"{a.text} vs {b.text}", weight))
    ranks = ordinals(diff)
    if ranks:
        a, b = ranks[0]
        out.append(_reason("number", a, b, f"{a.text} vs {b.text}", WEIGHTS["number"]))
    if not any(w.text[0].isupper() for w in diff.left) or \
            not any(w.text[0].isupper() for w in diff.right):
        return out  # a country is named with a capital letter on both sides
    lcodes, rcodes = {x.code for x in p.left.places}, {x.code for x in p.right.places}
    only_l = [x for x in p.left.places if x.code not in rcodes and _changed(x, diff.left)]
    only_r = [x for x in p.right.places if x.code not in lcodes and _changed(x, diff.right)]
    if only_l and only_r:
        a, b = only_l[0], only_r[0]
        out.append(_reason("entity", a, b, f"{a.text} vs {b.text}", WEIGHTS["place"]))
    return out


def vote_reasons(p: Pair) -> list[Evidence]:
    """A split vote on one side ("5-2") and a unanimous one on the other."""
    out = []
    for split, unanimous_side, on_left in ((p.left, p.right, True), (p.right, p.left, False)):
        tallies = [q for q in split.quantities if q.unit == "tally" and q.low % 1000 > 0]
        if not tallies:
            continue
        unanimous = _UNANIMOUS.search(unanimous_side.text)
        if not tallies or not unanimous or _UNANIMOUS.search(split.text):
            continue
        start = unanimous_side.span[0] + unanimous.start()
        cue = Cue(start, start + len(unanimous.group()), unanimous.group())
        tally = tallies[0]
        a, b = (tally, cue) if on_left else (cue, tally)
        out.append(_reason("number", a, b, f"votes: {a.text} vs {b.text}", WEIGHTS["number"]))
    return out


_UNANIMOUS = re.compile(r"(?i)\b(?:unanimous(?:ly)?|without (?:a )?dissent|no one voted against)\b")


def _tidy(text: str) -> str:
    return " ".join(text.split())


RULES: tuple[Callable[[Pair], list[Evidence]], ...] = (
    number_reasons, date_reasons, entity_reasons, negation_reasons, denial_reasons,
    modality_reasons, quote_reasons, antonym_reasons, substitution_reasons, vote_reasons,
)
