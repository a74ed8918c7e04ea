"""Main-text extraction from HTML: trafilatura first, a tag-stripping fallback for short pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BLOCKS = ("script style noscript nav header footer aside form iframe svg template button"
           .split())


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return (main text with paragraphs separated by blank lines, title or None)."""
    import trafilatura

    tree = _parse(markup)
    if tree is None or _lost_text(tree, markup):
        # libxml2 stops at its nesting limit (2048 even with huge_tree) and refuses empty
        # documents; the text is still in the markup, so strip the tags instead.
        return _blank_line_paragraphs(strip_tags(markup)), None
    title = _title(tree)
    text = trafilatura.extract(
        markup,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
        output_format="txt",
    )
    fallback = _fallback_text(tree)
    # trafilatura drops very short pages and sometimes the headline; prefer whichever
    # keeps more of the article body.
    if not text or len(text) < 0.6 * len(fallback):
        text = fallback
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    return _blank_line_paragraphs(text), title


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself: the outlet's name and its publication times."""

    name: str | None = None
    published: str | None = None
    updated: str | None = None


def page_meta(markup: str, url: str | None = None) -> PageMeta:
    """The site name (og:site_name, publisher, application name; else the URL's host) and the
    published and updated times the page states (meta tags, JSON-LD, ``<time>``), by
    trafilatura's metadata reader (htmldate), without searching the text for dates."""
    from trafilatura.metadata import extract_metadata

    times = []
    for original in (True, False):
        try:
            found = extract_metadata(markup, default_url=url, extensive=False, date_config={
                "outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": original,
                "extensive_search": False})
        except Exception:  # noqa: BLE001 - a page it cannot read simply states nothing
            return PageMeta(host_name(url))
        times.append(_iso(found.date))
    # Printable characters only: the name is shown in titles and reports.
    name = " ".join("".join(c for c in found.sitename or "" if c.isprintable()).split())[:80]
    name = name or host_name(url)
    published, updated = times
    return PageMeta(name, published, updated if updated != published else None)


def host_name(url: str | None) -> str | None:
    """``www.harbourpost.example`` -> ``harbourpost.example`` (None for a path)."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or None


def _iso(value: str | None) -> str | None:
    """htmldate's time stamp, cut to the date when the page gave no time of day."""
    if not value:
        return None
    if value.endswith("T00:00:00"):
        return value[:10]
    if len(value) > 19 and value[19] in "+-":  # +0000 -> +00:00, as ISO 8601 writes it
        value = f"{value[:22]}:{value[22:]}"
    return value


def _parse(markup: str) -> HtmlElement | None:
    from lxml import etree, html

    if not markup.strip():
        return None
    # huge_tree lifts libxml2's 256-level nesting limit; the input is already size-capped.
    parser = html.HTMLParser(huge_tree=True)
    try:
        return html.fromstring(markup, parser=parser)
    except (ValueError, SyntaxError, etree.LxmlError):
        return None  # "Document is empty" (only a comment, BOM or <?xml?>), bad declarations


def _lost_text(tree: HtmlElement, markup: str) -> bool:
    parsed = len("".join(tree.text_content().split()))
    return parsed < 0.5 * len("".join(strip_tags(markup).split()))


# Every pattern stops at the next "<", so hostile markup ("<<<<...") stays linear.
_OPEN_INVISIBLE = re.compile(r"<(script|style|noscript|template)\b|<!--")
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|br|tr|blockquote|pre|article|section)\b[^<>]*>",
                        re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


def strip_tags(markup: str) -> str:
    """The visible text of ``markup`` without a parser: the path for markup lxml cannot take."""
    import html as entities

    text = _BLOCK_TAG.sub("\n\n", _drop_invisible(markup))
    return entities.unescape(_TAG.sub(" ", text))


def _drop_invisible(markup: str) -> str:
    """Markup without scripts, styles and comments (an unclosed one hides the rest)."""
    lower = markup.lower()
    kept, pos = [], 0
    while (match := _OPEN_INVISIBLE.search(lower, pos)) is not None:
        kept.append(markup[pos:match.start()])
        close = "-->" if match.group(1) is None else f"</{match.group(1)}"
        end = lower.find(close, match.end())
        if end == -1:
            return " ".join(kept)
        pos = end + len(close)
        if close != "-->":
            pos = lower.find(">", pos) + 1 or len(markup)
        kept.append(" ")
    kept.append(markup[pos:])
    return "".join(kept)


def _title(tree: HtmlElement | None) -> str | None:
    if tree is None:
        return None
    for xpath in ("//h1", "//title"):
        for node in tree.xpath(xpath):
            value = " ".join(node.text_content().split())
            if value:
                return value
    return None


def _fallback_text(tree: HtmlElement | None) -> str:
    """Visible block text without page furniture (this drops nodes from ``tree``)."""
    if tree is None:
        return ""
    for node in tree.xpath("|".join(f"//{tag}" for tag in _BLOCKS) + "|//title"):
        node.drop_tree()
    blocks = []
    for node in tree.xpath("//h1|//h2|//h3|//h4|//p|//li|//blockquote|//pre|//td|//figcaption"):
        value = " ".join(node.text_content().split())
        if value and not node.xpath("ancestor::p|ancestor::li|ancestor::blockquote"):
            blocks.append(value)
    return "\n\n".join(blocks)


def _blank_line_paragraphs(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(line for line in lines if line)).strip()
