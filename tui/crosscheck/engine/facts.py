"""The facts table: every figure, date, name and quote, one row per slot, one cell per source.

Built after the verify stage from what the represent stage extracted (each sentence's
quantities, dates, names and quotes) and the links the match and verify stages made:

- a likely contradiction's figure, date, name or quote reason is a ``conflict`` row whose cells
  are the reason's two spans;
- the other facts of two linked sentences are paired by slot (a figure with a figure of the
  same thing counted, a date with a date of the same field and event, a titled name with the
  same name, a quote with a quote sharing words) into ``agree`` or ``compatible`` rows (a
  rounding, a range that contains the other value);
- the facts of sentences that only one source has are ``one_source`` rows.

Conflicts come first, then one-source facts, then agreements, each in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from crosscheck.engine.contradict import THRESHOLD as LIKELY
from crosscheck.engine.contradict import FeatureCache
from crosscheck.engine.contradict.dates import DateMention, dates_conflict
from crosscheck.engine.contradict.entities import Name, same_entity
from crosscheck.engine.contradict.features import Features, Quote
from crosscheck.engine.contradict.numbers import Quantity, comparable, compare
from crosscheck.engine.contradict.rules import event_dates
from crosscheck.engine.model import Document, FactCell, FactRow, Link

# Reason types that are conflicts of one cell each side, and the fact type they are about.
REASON_FACTS = {"number": "quantity", "date": "date", "entity": "name", "quote": "quote"}
STATUS_ORDER = ("conflict", "one_source", "compatible", "agree")
# Words of a figure that say how much, not what: qualifiers and number words.
_NUMBER_WORDS = frozenset(
    "about around approximately roughly nearly almost some up to at least most more less fewer "
    "than over under just only exactly an a one two three four five six seven eight nine ten "
    "eleven twelve dozen dozens score scores hundred hundreds thousand thousands million "
    "millions billion billions trillion bn m k half".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A quote pairs with a quote of the other side when this share of its words is shared.
QUOTE_SHARED = 0.3


@dataclass(frozen=True, slots=True)
class _Fact:
    type: str
    slot: str
    start: int
    end: int
    text: str
    value: str
    item: object  # the extractor's own value (Quantity, DateMention, Name, Quote)


def tabulate(left: Document, right: Document, links: Iterable[Link],
             left_only: Iterable[str], right_only: Iterable[str],
             facts: tuple[FeatureCache, FeatureCache]) -> tuple[FactRow, ...]:
    """The facts table of one analysis (``facts``: the represent stage's feature caches)."""
    rows: list[tuple[int, FactRow]] = []
    used: set[tuple[str, int, int]] = set()
    for link in links:
        if link.contradiction is None or link.contradiction.score < LIKELY:
            continue
        for reason in link.contradiction.reasons:
            kind = REASON_FACTS.get(reason.type)
            if kind is None or reason.left_span is None or reason.right_span is None:
                continue
            lcell = _cell(left, link.left, reason.left_span)
            rcell = _cell(right, link.right, reason.right_span)
            used.update({("L", *reason.left_span), ("R", *reason.right_span)})
            rows.append((_order(left, link), FactRow(
                _row_id(kind, lcell, rcell), _fact_type(kind, facts, link, reason.left_span),
                reason.explanation, lcell, rcell, "conflict")))
    for link in links:
        if not link.best:  # other counterparts added look-alikes and no conflict (set B)
            continue
        lfacts = [f for f in _facts(facts[0](link.left)) if ("L", f.start, f.end) not in used]
        rfacts = [f for f in _facts(facts[1](link.right)) if ("R", f.start, f.end) not in used]
        for a, b, status in _pairs(lfacts, rfacts):
            used.update({("L", a.start, a.end), ("R", b.start, b.end)})
            lcell = FactCell(_owner(left, link.left, a.start), (a.start, a.end), a.text, a.value)
            rcell = FactCell(_owner(right, link.right, b.start), (b.start, b.end), b.text,
                             b.value)
            rows.append((_order(left, link), FactRow(_row_id(a.type, lcell, rcell), a.type,
                                                     a.slot, lcell, rcell, status)))
    for side, ids, cache in (("L", left_only, facts[0]), ("R", right_only, facts[1])):
        for sid in ids:
            for f in _facts(cache.one(sid)):
                if (side, f.start, f.end) in used:
                    continue
                cell = FactCell(sid, (f.start, f.end), f.text, f.value)
                row = FactRow(_row_id(f.type, cell if side == "L" else None,
                                      cell if side == "R" else None), f.type, f.slot,
                              cell if side == "L" else None, cell if side == "R" else None,
                              "one_source")
                rows.append((int(sid[1:]) if side == "L" else 10**9 + int(sid[1:]), row))
    rows.sort(key=lambda pair: (STATUS_ORDER.index(pair[1].status), pair[0], pair[1].id))
    seen: set[str] = set()
    out = []
    for _, row in rows:
        if row.id not in seen:  # one reason may be found on two links of one sentence
            seen.add(row.id)
            out.append(row)
    return tuple(out)


def _pairs(lfacts: list[_Fact], rfacts: list[_Fact]) -> Iterator[tuple[_Fact, _Fact, str]]:
    """Facts of two linked sentences that fill the same slot, each used once, with a status."""
    taken: set[int] = set()
    for a in lfacts:
        for k, b in enumerate(rfacts):
            if k in taken or a.type != b.type:
                continue
            status = _status(a, b)
            if status is not None:
                taken.add(k)
                yield a, b, status
                break


def _status(a: _Fact, b: _Fact) -> str | None:
    """The status of two facts of one slot; None when they are not one slot. Figures of the
    same thing and event dates of the same field may conflict here; names and quotes only
    through the rules' reasons (two different names are as often two people)."""
    if isinstance(a.item, Quantity) and isinstance(b.item, Quantity):
        if comparable(a.item, b.item) < 2:
            return None
        verdict, _ = compare(a.item, b.item)
        if verdict == "same":
            exact = a.item.low == b.item.low and a.item.high == b.item.high
            return "agree" if exact else "compatible"
        # Two figures of the same thing in the best correspondence that cannot both hold:
        # a conflict cell even where the rules' score stayed low (a different wording).
        return "compatible" if verdict == "close" else "conflict"
    if isinstance(a.item, DateMention) and isinstance(b.item, DateMention):
        if a.item.field != b.item.field or a.slot != b.slot:
            return None
        return "conflict" if dates_conflict(a.item, b.item) else "agree"
    if isinstance(a.item, Name) and isinstance(b.item, Name):
        if not same_entity(a.item, b.item):
            return None
        return "agree" if a.value == b.value else "compatible"
    if isinstance(a.item, Quote) and isinstance(b.item, Quote):
        shared = set(a.item.words) & set(b.item.words)
        if len(shared) < QUOTE_SHARED * max(1, min(len(a.item.words), len(b.item.words))):
            return None
        return "agree" if a.item.words == b.item.words else "compatible"
    return None


def _facts(features: Features) -> list[_Fact]:
    """The facts of one sentence (or of a link side's sentences together)."""
    out = [_Fact(_quantity_type(q), _quantity_slot(q), q.start, q.end, q.text,
                 _quantity_value(q), q) for q in features.quantities]
    event = {id(d) for d, _ in event_dates(features)}
    out += [_Fact("date", "event" if id(d) in event else "reporting", d.start, d.end,
                  " ".join(d.text.split()), f"{d.field}:{d.value}", d)
            for d in features.dates]
    # A name is a fact when it carries a title or has two words or more: a lone capitalised
    # word ("EU", "They're") is too often not a name in a role.
    out += [_Fact("name", n.before if n.titled and n.before else "name", n.start, n.end,
                  n.text, " ".join(n.text.split()), n)
            for n in features.names if n.titled or len(n.text.split()) >= 2]
    out += [_Fact("quote", "quote", q.start, q.end, q.text, " ".join(q.text.split()), q)
            for q in features.quotes]
    return out


def _quantity_type(q: Quantity) -> str:
    if q.unit and q.unit.startswith("money:"):
        return "money"
    return "percent" if q.unit == "percent" else "quantity"


def _quantity_slot(q: Quantity) -> str:
    """What the figure counts or measures: its unit, else the words it counts as written
    ("passengers"), else "figure"."""
    if q.unit:
        return q.unit.removeprefix("money:")
    words = [w for w in _WORD.findall(q.text) if w.lower() not in _NUMBER_WORDS]
    return " ".join(words) or "figure"


def _quantity_value(q: Quantity) -> str:
    def number(x: float) -> str:
        return f"{x:g}" if abs(x) < 1e15 else "more"

    value = number(q.low) if q.low == q.high else f"{number(q.low)}-{number(q.high)}"
    return f"~{value}" if q.approx else value


def _fact_type(kind: str, facts: tuple[FeatureCache, FeatureCache], link: Link,
               span: tuple[int, int]) -> str:
    """A conflict row's fact type; a figure is money or a percent when its unit says so."""
    if kind != "quantity":
        return kind
    for q in facts[0](link.left).quantities:
        if (q.start, q.end) == tuple(span):
            return _quantity_type(q)
    return kind


def _cell(doc: Document, ids: tuple[str, ...], span: tuple[int, int]) -> FactCell:
    start, end = span
    text = " ".join(doc.text[start:end].split())
    return FactCell(_owner(doc, ids, start), (start, end), text, text)


def _owner(doc: Document, ids: tuple[str, ...], offset: int) -> str:
    """The sentence of ``ids`` that holds ``offset``."""
    for sid in ids:
        sentence = doc.sentence(sid)
        if sentence.start <= offset < sentence.end:
            return sid
    return ids[0]


def _order(doc: Document, link: Link) -> int:
    return int(link.left[0][1:])


def _row_id(kind: str, left: FactCell | None, right: FactCell | None) -> str:
    """Stable across runs: the type and both cells' spans ("F:quantity:L3@40-52~R5@10-22")."""
    def part(cell: FactCell | None) -> str:
        return "-" if cell is None else f"{cell.sentence}@{cell.span[0]}-{cell.span[1]}"

    return f"F:{kind}:{part(left)}~{part(right)}"
