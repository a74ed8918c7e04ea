"""Where a cue's words are: the clause it stands in, the words it governs, the words beside
it, and the phrase of the other sentence that holds given words, as document spans (``Cue``s:
a start, an end and the text, like the cue words themselves).

The rules compare these spans rather than whole sentences, so a reason names the phrase it
means ("not approved the new housing plan"), and a cue about something else does not count.
"""

from __future__ import annotations

import re

from crosscheck.engine.contradict.features import Cue, Features

# A clause ends at these (punctuation, or a conjunction that starts another claim).
CLAUSE_END = re.compile(r"[,;:()]|\s(?:but|and|while|whereas|although)\s")
# A negator's or hedge's scope: the content words after it, at most this many.
NEGATION_SCOPE = 5
# Words around two opposite predicates that show they are said of the same thing.
SUBJECT_REACH = 4


def whole(f: Features) -> Cue:
    """The whole sentence, where no shorter phrase says it."""
    return Cue(f.span[0], f.span[1], f.text)


def phrase(f: Features, start: int, end: int) -> Cue:
    """The words of a sentence between two document offsets, as a span."""
    return Cue(start, end, " ".join(f.text[start - f.span[0]:end - f.span[0]].split()))


def covering(f: Features, stems: set[str]) -> Cue:
    """The span of a sentence from the first to the last of these stems, each taken at its
    first occurrence."""
    first: dict[str, object] = {}
    for w in f.words:
        if w.stem in stems:
            first.setdefault(w.stem, w)
    if not first:
        return whole(f)
    return phrase(f, min(w.start for w in first.values()), max(w.end for w in first.values()))


def clause_words(f: Features, cue) -> list:
    """The content words of the clause a cue stands in, the cue's own words aside."""
    local = cue.start - f.span[0]
    starts = [m.end() for m in CLAUSE_END.finditer(f.text, 0, local)]
    end = CLAUSE_END.search(f.text, cue.end - f.span[0])
    lo = f.span[0] + (starts[-1] if starts else 0)
    hi = f.span[0] + end.start() if end else f.span[1]
    return [w for w in f.words if lo <= w.start < hi and not cue.start <= w.start < cue.end]


def cue_scope(f: Features, cue) -> list:
    """The content words after a cue, to the end of its clause, at most NEGATION_SCOPE."""
    clause_end = CLAUSE_END.search(f.text, cue.end - f.span[0])
    limit = f.span[0] + clause_end.start() if clause_end else f.span[1]
    return [w for w in f.words if cue.end <= w.start < limit][:NEGATION_SCOPE]


def near(f: Features, cue) -> set[str]:
    """Stems of the content words on either side of a cue."""
    before = [w.stem for w in f.words if w.end <= cue.start][-SUBJECT_REACH:]
    after = [w.stem for w in f.words if w.start >= cue.end][:SUBJECT_REACH]
    return set(before + after)
