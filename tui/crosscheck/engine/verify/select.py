"""Which sentence pairs the verifier reads: a cheap prefilter, then a budget in priority order.

The verifier costs about three milliseconds a pair on one core (two pairs at once on two
cores); rules cost a fraction of that. So every link of the relatedness graph and each
sentence's nearest candidates are considered, but a pair is read only when it can hold a
conflict (the two sides share a slot type: both state a figure, a date, a name or a quote, or
either side hedges, denies or negates), and at most ``BUDGET`` pairs an analysis are read, in
this order: the best correspondence, other graph links, then candidates, each by relatedness
probability. At 2 x 5,000 sentences the budget keeps the pairs most likely to conflict (best
links with a shared slot first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from crosscheck.engine.contradict.features import Features

# No real article pair measured needs more: over the 59 pairs of gold sets A, B and C the
# prefilter keeps at most 196 (of at most 237 offered), so the budget changes none of their
# results; it bounds a book-length pair's reading to about a second on two cores.
BUDGET = 250
# Slot types both sides must state to be compared, and cues one side is enough for.
SHARED_SLOTS = ("figure", "date", "name", "quote")
ONE_SIDED_SLOTS = ("hedge", "denial", "negation", "antonym")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair the verifier may read: sentence ids, relatedness, and where it came from."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    related: float
    tier: int  # 0 best correspondence, 1 other graph link, 2 candidate outside the graph
    forced: bool = False  # a link the reviewer drew: always read


def slots(features: Features) -> frozenset[str]:
    """The slot types a sentence states."""
    found = set()
    if features.quantities:
        found.add("figure")
    if features.dates:
        found.add("date")
    if features.names:
        found.add("name")
    if features.quotes:
        found.add("quote")
    if any(features.modal.get(level) for level in ("unknown", "possible")):
        found.add("hedge")
    if features.denials:
        found.add("denial")
    if features.negations:
        found.add("negation")
    if features.antonyms:
        found.add("antonym")  # a word of the antonym table: "rose", "acquitted", "standing"
    return frozenset(found)


# The slot a conflict of each type is about: both sides must state it (figures, dates, names,
# quotes), or one side must carry the cue (a negation, a denial, a hedge) for the verifier's
# reading to count. An antonym needs no slot of its own.
TYPE_SLOTS = {"number": ("figure", True), "date": ("date", True), "entity": ("name", True),
              "quote": ("quote", True), "negation": ("negation", False),
              "denial": ("denial", False), "modality": ("hedge", False)}


def holds_slot(kind: str, left: frozenset[str], right: frozenset[str]) -> bool:
    """Whether a pair holds the slot a conflict of type ``kind`` is about."""
    if kind not in TYPE_SLOTS:
        return True
    slot, both = TYPE_SLOTS[kind]
    return (slot in left and slot in right) if both else (slot in left or slot in right)


def can_conflict(left: frozenset[str], right: frozenset[str]) -> bool:
    """The prefilter: a shared slot type, or a hedge, denial or negation on either side."""
    if any(s in left and s in right for s in SHARED_SLOTS):
        return True
    return any(s in left or s in right for s in ONE_SIDED_SLOTS)


def slots_of(ids: tuple[str, ...], table: dict[str, frozenset[str]]) -> frozenset[str]:
    """The slot types of one side of a link (its sentences' together)."""
    return frozenset().union(*(table[i] for i in ids))


def choose(candidates: Sequence[Candidate], left_slots: Mapping[str, frozenset[str]],
           right_slots: Mapping[str, frozenset[str]], budget: int = BUDGET) -> list[Candidate]:
    """The candidates to read, in priority order, at most ``budget`` of them (every forced
    one however many).

    Candidates are tested in priority order and the test stops when the budget is full, so
    slot tables that compute on lookup (``SlotTable``) only read the sentences it reached.
    """
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (not c.forced, c.tier, -c.related, c.left,
                                               c.right)):
        if len(chosen) >= budget and not c.forced:
            break
        if c.forced or can_conflict(slots_of(c.left, left_slots),
                                    slots_of(c.right, right_slots)):
            chosen.append(c)
    return chosen


class SlotTable(dict):
    """Slot types by sentence id, each computed from its features on first lookup."""

    def __init__(self, features: Callable[[str], Features]) -> None:
        super().__init__()
        self._features = features

    def __missing__(self, sid: str) -> frozenset[str]:
        found = self[sid] = slots(self._features(sid))
        return found
