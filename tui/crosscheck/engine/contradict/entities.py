"""Names of people, organisations and places (capitalised spans), the slot each one fills,
and lists of names ("Apple, Facebook and IBM")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crosscheck.engine.contradict import lexicon as lx
from crosscheck.engine.contradict.substitution import place_code

_CAP = r"[A-Z][\w'’&.-]*\w|[A-Z]"
_NAME_RE = re.compile(rf"(?:{_CAP})(?:\s+(?:(?:of|de|del|van|von|da|for|the|al)\s+)*(?:{_CAP}))*")
_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S+")
_AND = re.compile(r"\b(?:and|or)\b|&")
_LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)$")
_NON_NAME_WORDS = lx.NOT_NAMES | set(lx.MONTHS) | set(lx.WEEKDAYS)
_GLUE = frozenset("of the and for".split())
_RULED_OUT = re.compile(r"(?i)\b(?:not|rather than|instead of|never)(?:\s+\w+){0,2}\s*$")


@dataclass(frozen=True, slots=True)
class Name:
    """A capitalised span; ``key`` holds its distinctive words, ``head`` its kind word."""

    start: int
    end: int
    text: str
    key: frozenset[str]
    head: str | None  # a generic last word such as "center" or "ministry"
    before: str  # the word before the name (lower case), its slot
    after: str  # the word after the name
    negated: bool = False  # "not by the X Center": named only to be ruled out
    titled: bool = False  # carries a title or role ("Fire Chief Darla Menck")


def extract_names(text: str, base: int = 0) -> tuple[Name, ...]:
    """Capitalised spans that look like names; a lone sentence-initial word is not one.

    Offsets are local to ``text`` plus ``base``.
    """
    names = []
    for m in _NAME_RE.finditer(text):
        start, end, words = _trim(text, m.start(), m.end())
        if not words:
            continue
        lowered = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
        key = frozenset(w for w in lowered
                        if w not in lx.GENERIC_NAME_WORDS and w not in lx.ROLE_NOUNS)
        if not key and len(lowered) < 2:
            continue
        if len(words) == 1 and not text[:start].strip(" \"“‘'([") and lowered[0].isalpha():
            continue  # "Residents said ..." - capitalised only because it starts the sentence
        heads = [w for w in lowered if w in lx.GENERIC_NAME_WORDS and w not in _GLUE]
        head = heads[-1] if heads else None
        names.append(Name(start + base, end + base, text[start:end], key or frozenset(lowered),
                          head, _word_before(text, start), _word_after(text, end),
                          bool(_RULED_OUT.search(text[max(0, start - 30):start])),
                          any(w in lx.ROLE_NOUNS for w in lowered)))
    return tuple(names)


def _trim(text: str, start: int, end: int) -> tuple[int, int, list[str]]:
    """Drop leading and trailing words that are not part of a name ("The", "Friday")."""
    if _SPACE.search(text, start, end) is None:  # one word, the usual case
        word = text[start:end]
        if word.lower().strip(".") in _NON_NAME_WORDS:
            return start, start, []
        return start, end, [word.rstrip(".")]
    spans = [m.span() for m in _NON_SPACE.finditer(text, start, end)]
    while spans and text[spans[0][0]:spans[0][1]].lower().strip(".") in _NON_NAME_WORDS:
        spans.pop(0)
    while spans and text[spans[-1][0]:spans[-1][1]].lower().strip(".") in _NON_NAME_WORDS:
        spans.pop()
    if not spans:
        return start, start, []
    start, end = spans[0][0], spans[-1][1]
    return start, end, [text[a:b].rstrip(".") for a, b in spans]


def _word_before(text: str, start: int) -> str:
    for word in reversed(_WORD_RE.findall(text, max(0, start - 40), start)):
        lowered = word.lower()
        if lowered not in ("the", "a", "an"):
            return lowered
    return ""


def _word_after(text: str, end: int) -> str:
    first = _WORD_RE.search(text, end, end + 40)
    return first.group().lower() if first else ""


def name_lists(text: str, names: tuple[Name, ...],
               base: int = 0) -> tuple[tuple[Name, ...], ...]:
    """Runs of two or more names joined by commas and "and" / "or"."""
    runs: list[list[Name]] = []
    for name in names:
        if runs and _LIST_GLUE.match(text[runs[-1][-1].end - base:name.start - base]):
            runs[-1].append(name)
        else:
            runs.append([name])
    # A list names its last item after "and", "or" or "&"; names joined by commas alone are
    # more often an address ("High Street, Banstead, Surrey") than a list.
    return tuple(tuple(run) for run in runs if len(run) >= 2
                 and _AND.search(text[run[-2].end - base:run[-1].start - base]))


def same_entity(a: Name, b: Name) -> bool:
    """Whether two names can denote the same thing ("Smith" and "John Smith")."""
    if a.negated != b.negated:
        return False
    country = place_code(a.text)
    if country is not None and country == place_code(b.text):
        return True  # "U.S." and "United States"; "Beijing" for China's government
    if a.head and b.head and a.head != b.head:
        return False
    if _bare(a.text).replace(" ", "") == _bare(b.text).replace(" ", "") or _acronym(a, b):
        return True
    shared = a.key & b.key
    if len(shared) == 1 and len(a.key) >= 2 and len(b.key) >= 2 and _last(a) != _last(b):
        return False  # "Kristen Bell" and "Kristen Stewart": one shared first name
    return bool(shared)


def _last(name: Name) -> str:
    return _bare(name.text).split()[-1]


@lru_cache(maxsize=16384)
def _bare(text: str) -> str:
    """Case, dots, a possessive and a plural dropped: "U.S" and "US", "Xi's" and "Xi",
    "P. J. Hill" and "PJ Hill", "Jesuit" and "Jesuits"."""
    bare = text.lower().removesuffix("'s").removesuffix("’s").replace(".", "")
    bare = " ".join(bare.split())
    return bare[:-1] if len(bare) > 2 and bare.endswith("s") else bare


def _acronym(a: Name, b: Name) -> bool:
    short, long = (a, b) if len(a.text) < len(b.text) else (b, a)
    if not short.text.isupper() or len(short.text) < 2:
        return False
    initials = "".join(w[0] for w in long.text.split() if w[0].isupper())
    return short.text == initials


def same_slot(a: Name, b: Name) -> bool:
    """Whether two different names fill the same place in their sentences.

    A title standing for a person ("Senior Vice President") is a description, not a
    different name.
    """
    if _mostly_role(a) or _mostly_role(b):
        return False
    if a.head and a.head == b.head:
        return True
    if a.before and a.before == b.before and a.before not in ("and", "or", ""):
        return True
    if a.after == b.after and a.after in lx.SPEECH_VERBS:
        return True
    if a.before in lx.SPEECH_VERBS and b.before in lx.SPEECH_VERBS:
        return True
    return _role(a) and _role(b)


def _mostly_role(name: Name) -> bool:
    words = [w.lower().strip(".") for w in name.text.split()]
    return sum(w in lx.ROLE_NOUNS for w in words) * 2 > len(words)


def _role(name: Name) -> bool:
    """A title or role sits right before the name or inside it ("Fire Chief Darla Menck")."""
    return name.before in lx.ROLE_NOUNS or name.titled
