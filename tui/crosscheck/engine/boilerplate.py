"""Lines that are page furniture rather than reporting: kept and shown, never aligned.

Each pattern is matched against a whole sentence (stripped), so a reporting sentence that only
mentions the same words ("Reuters reported...", "officials declined to share...") stays
content. Edit the tables, not the code.
"""

from __future__ import annotations

import re

# Words of share / print / save / text-size widgets, in the languages news sites use most.
_WIDGET_WORDS = (
    r"share(?: this(?: article| story| page)?)?|share on \w+|tweet|e-?mail|print(?: this)?"
    r"|copy link|save(?: article)?|comments?(?: \(\d+\))?|facebook|twitter|whatsapp|linkedin"
    r"|reddit|telegram|weibo|wechat|x|mail|large|medium|small|larger|smaller"
    r"|partager|imprimer|teilen|drucken|compartir|imprimir|condividi|stampa|delen|printen"
    r"|поделиться|печать|分享|打印|收藏|评论|转发|微信|微博|シェア|印刷|공유|인쇄"
)
_WIDGET = rf"(?:{_WIDGET_WORDS})"
_SEPARATOR = r"\s*[|/·•,]?\s*"
# A widget row may end in one button label in another script ("... Small 中文"): a short word
# with no ASCII letter, after at least three widget words.
_FOREIGN_LABEL = r"[^\x00-\x7f\s]{1,12}"
# "10:32 AM EST", "3:15 p.m. ET", "May 3, 2013 at 1:10PM": the time stamp after a byline.
_TIME_STAMP = (r"(?:[,|–—-]\s*)?(?:(?i:updated|published|posted)\s*:?\s*)?"
               r"(?:\w+\.?\s+\d{1,2},?\s+\d{4},?\s*(?:(?i:at)\s*)?)?"
               r"\d{1,2}\s*:\s*\d{2}\s*(?i:[ap]\.?\s*m\.?)?\s*(?:[A-Z]{2,4})?")
# Photo agencies and credit words that end a caption ("... | Getty Images").
_PHOTO_AGENCIES = (
    r"Getty Images|AFP|Reuters|AP|AP Photo|Associated Press|EPA|EPA-EFE|Xinhua|Bloomberg"
    r"|Shutterstock|Alamy|iStock|Pool|Handout|Wikimedia Commons|Anadolu|Sipa|dpa|ANP|PA Media"
    r"|PA|NurPhoto|Zuma|Imago|VCG|IC Photo|CFP|Kyodo|Yonhap"
)
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}"
_CAPITALISED = r"[A-Z][A-Za-z.&'’-]*(?: [A-Z][A-Za-z.&'’-]*){0,4}"

BOILERPLATE_PATTERNS: dict[str, str] = {
    "copyright": r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,160}",
    "rights reserved": r".{0,160}\ball rights reserved\.?",
    "share widget": rf"{_WIDGET}(?:{_SEPARATOR}{_WIDGET})*\s*[.:]?"
    rf"|{_WIDGET}(?:{_SEPARATOR}{_WIDGET}){{2,}}\s+{_FOREIGN_LABEL}",
    "text size": r"(?:(?:font size|text size|字号|字体|字體)\s*[:：]?\s*)?"
    r"(?:(?:[大中小]|a\s*[-+]?)\s*){2,}|(?:font size|text size|字号|字体|字體)\s*[:：]?",
    "teaser": r"(?:don['’]t miss|read more|related|see also|more on this|most read"
    r"|recommended)(?:\s*[:›»|-].{0,160})?|advertisement|sponsored(?: content)?",
    "newsletter": r"(?:sign up|subscribe|follow us|click here|download our app)\b.{0,160}",
    "byline": r"[Bb]y\s+(?:[A-Z][\w'’.-]+\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w'’.-]+\s*){1,4})*"
    r"(?:[,|–—-]\s*(?:[A-Z][\w'’.&-]*\s*|(?:staff|senior|chief|reporter|writer|correspondent"
    r"|editor|and|in|for|of|the)\s*){1,6})?"
    rf"(?:\s*{_TIME_STAMP})?",
    # "Reporting by Jane Doe; Editing by John Roe", "(Additional reporting by ...)".
    "credit line": rf"\(?(?:(?i:additional\s+)?(?i:reporting|writing|editing|compiled|produced"
    rf"|translated|graphics|research)\s+by\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
    rf"(?:\s+in\s+{_NAME})?\s*[;,.]?\s*)+\)?",
    # "Jane Doe | Reuters", "Staff Reporter", "Jane Doe, Staff Writer".
    "author line": rf"{_NAME}\s*\|\s*[A-Z][\w&'’. -]{{1,40}}"
    rf"|(?:{_NAME},\s*)?(?i:staff\s+(?:reporter|writer)|special\s+correspondent)",
    "dateline": r"[A-Z][A-Z .'-]{2,40},?\s+(?:\w+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\w+\.?"
    r"(?:\s+\d{4})?)\s*(?:\([\w .'-]+\))?\s*[-–—:]*"
    r"|[A-Z][A-Z .'-]{2,40},?\s*\([A-Z][\w .&'-]{1,30}\)\s*[-–—:]+",
    # "(Reuters)", "Source: Xinhua", "Editor: Li Ming": every word a capitalised name.
    "outlet line": rf"\(\s*{_CAPITALISED}\s*\)\.?"
    rf"|(?i:source|editor|responsible editor|chief editor|web editor)\s*[:：]\s*{_CAPITALISED}"
    r"|(?:来源|编辑|责任编辑|責任編輯)\s*[:：].{1,40}",
    "updated stamp": r"(?:updated|published|posted)\s*:?\s*.{0,60}\d.{0,40}",
    "photo credit": r"(?:photo|image|picture|photograph|file photo|credit|image copyright"
    r"|image caption|photo illustration)\s*:.{0,160}|\(?photo(?:graph)? by .{1,80}\)?\.?"
    r"|image copyright .{1,80}|(?:REUTERS|AFP|AP|EPA)/[A-Z][\w'’. -]{1,40}",
    # A caption: a line that ends with a photo credit ("... | Getty Images", "... (Photo: AFP)",
    # "... (AFP/Jane Doe)"); a bare "(AFP)" after a sentence is too often reporting.
    "caption": rf".{{0,240}}?(?:\s[|/]\s*|\s[—–-]\s+)(?:photo:?\s*)?(?:{_PHOTO_AGENCIES})"
    r"(?:/[\w .'’-]{1,40})?\.?"
    r"|.{0,240}?\((?i:photo|picture|image|photograph)\s*:?\s*[^)]{1,60}\)\.?"
    rf"|.{{0,240}}?\((?:{_PHOTO_AGENCIES})/[^)]{{1,40}}\)\.?",
}

# Names (bylines, datelines) depend on capitals; the rest ignore case.
_CASE_SENSITIVE = {"byline", "dateline", "credit line", "author line", "caption", "outlet line"}
_COMPILED = {
    name: re.compile(pattern, 0 if name in _CASE_SENSITIVE else re.IGNORECASE)
    for name, pattern in BOILERPLATE_PATTERNS.items()
}
_MAX_LEN = 260


def boilerplate_kind(sentence: str) -> str | None:
    """Return the boilerplate family a whole sentence belongs to, or None for content."""
    text = sentence.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    for name, pattern in _COMPILED.items():
        if name == "byline" and not text.lower().startswith("by "):
            continue
        if pattern.fullmatch(text):
            return name
    return None
