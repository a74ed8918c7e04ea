"""Word tokens for matching: NFC, case-folded, lightly stemmed, with stopwords marked."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

# Function words carry no evidence that two sentences make the same claim. Negators are here
# too: retrieval ignores them, while the diff and the contradiction rules still see them.
STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say told according mr mrs
ms dr its it's also upon per via
""".split()
)
WORD_RE = re.compile(r"\d+(?:[.,:]\d+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_STEMMER = Stemmer.Stemmer("english")


def normalise(text: str) -> str:
    """NFC-normalise and case-fold, so matching ignores form differences the reader ignores."""
    return unicodedata.normalize("NFC", text).casefold()


def words(text: str) -> list[str]:
    """All word and number tokens of ``text``, normalised."""
    return WORD_RE.findall(normalise(text))


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem, so 'reported' and 'reports' meet; numbers lose separators."""
    if word[0].isdigit():
        return word.replace(",", "")
    return _STEMMER.stemWord(word)


def stem_all(words: list[str]) -> list[str]:
    """``stem`` of each of many lower-case words at once (letters only; no numbers)."""
    return _STEMMER.stemWords(words)


@lru_cache(maxsize=32768)
def content_terms(text: str) -> tuple[str, ...]:
    """Stemmed non-stopword tokens: the terms similarity is computed over.

    Cached because the aligner and the contradiction rules both ask for every sentence.
    """
    return tuple(stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit()))


_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{8,})[\"“”]")


def rare_markers(text: str) -> frozenset[str]:
    """Numbers, capitalised names (not sentence-initial) and quoted phrases in ``text``."""
    markers = {f"#{m}" for m in re.findall(r"\d+(?:[.,]\d+)*", text)}
    markers.update(f"@{normalise(m)}" for m in _NAME_RE.findall(text))
    markers.update(f'"{" ".join(content_terms(q))}' for q in _QUOTE_RE.findall(text))
    return frozenset(markers)
