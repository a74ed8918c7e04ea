"""Deterministic synthetic article pairs of any size, for the benchmarks.

Sentences are news-shaped (function words, Zipf-distributed content words, names and numbers);
the right article paraphrases, reorders, drops and adds sentences, like a second outlet would.
"""

from __future__ import annotations

import random

_FUNCTION = [
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "that",
    "on",
    "for",
    "with",
    "as",
    "by",
    "at",
    "from",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "will",
    "would",
    "said",
    "after",
    "before",
    "during",
    "about",
    "their",
    "its",
    "this",
    "an",
    "also",
]
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "dor",
    "vas",
    "tel",
    "un",
    "pri",
    "sto",
    "ham",
    "bel",
    "cor",
    "dun",
    "fen",
    "gar",
    "hil",
    "jor",
    "kim",
    "lan",
    "mor",
    "nel",
    "pas",
    "quin",
    "ros",
    "sal",
    "tam",
    "vir",
    "wen",
    "yar",
    "zel",
]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random, vocab: list[str], names: list[str]) -> list[str]:
    length = rng.randint(12, 28)
    out = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.45:
            out.append(rng.choice(_FUNCTION))
        elif roll < 0.50:
            out.append(str(rng.randint(2, 5000)))
        elif roll < 0.56:
            out.append(rng.choice(names))
        else:
            out.append(vocab[min(int(rng.paretovariate(0.9)) - 1, len(vocab) - 1)])
    return out


def _paraphrase(rng: random.Random, words: list[str], vocab: list[str]) -> list[str]:
    out = [w for w in words if rng.random() > 0.15]
    for k in range(len(out)):
        if rng.random() < 0.15:
            out[k] = rng.choice(vocab[:3000])
    if len(out) > 6 and rng.random() < 0.5:
        cut = rng.randint(2, len(out) - 2)
        out = out[cut:] + out[:cut]
    return out


def _render(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def article_pair(n_sentences: int, seed: int = 7) -> tuple[str, str]:
    """Two article texts of about ``n_sentences`` sentences each, sharing most content."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, 20000)
    names = [w.capitalize() for w in vocab[-800:]]
    left = [_sentence(rng, vocab, names) for _ in range(n_sentences)]
    right = []
    for words in left:
        roll = rng.random()
        if roll < 0.15:
            right.append(list(words))
        elif roll < 0.75:
            right.append(_paraphrase(rng, words, vocab))
        elif roll < 0.90:
            right.append(_sentence(rng, vocab, names))
    while len(right) < n_sentences:
        right.append(_sentence(rng, vocab, names))
    for start in range(0, len(right), 12):  # the second outlet reorders within sections
        block = right[start : start + 12]
        rng.shuffle(block)
        right[start : start + 12] = block
    return _paragraphs(left), _paragraphs(right)


def _paragraphs(sentences: list[list[str]]) -> str:
    rendered = [_render(s) for s in sentences]
    return "\n\n".join(" ".join(rendered[i : i + 4]) for i in range(0, len(rendered), 4)) + "\n"
