"""Pure functions from ``crosscheck.verdict/1`` records to text: JSONL, CSV, Markdown, W3C.

The bytes are the contract (golden-file tests): keys are sorted where order is free, and
nothing depends on the clock or the machine. Every format carries the tool's finding: the
match score, the contradiction score and each reason (type, both spans, explanation).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from crosscheck.store.findings import (
    contradiction_score,
    match_score,
    reason_text,
    reasons,
    span_text,
    tool_summary,
)
from crosscheck.store.markdown_export import to_markdown
from crosscheck.store.newsroom_report import Coverage, to_report
from crosscheck.store.sources import source_label
from crosscheck.textsafe import json_safe

Record = dict[str, Any]
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("left_source", "right_source", "item", "kind", "machine_kind", "match_score",
               "contradiction_score", "reason_types", "reasons", "reason_spans", "verdict",
               "note", "reviewer", "created", "updated", "left_text", "right_text",
               # Appended (issue 17), so a sheet reading the earlier columns by place still works.
               "left_name", "right_name")
W3C_CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"sha256": "https://schema.org/sha256",
                                                     "outlet": "https://schema.org/publisher"}]
TOOL = {"type": "Software", "name": "crosscheck"}


def to_jsonl(records: Iterable[Record]) -> str:
    """One JSON object per line, keys in schema order, UTF-8 text kept literal."""
    # json_safe: C1 and bidi controls escaped, so the file is safe to print (issue 10).
    return "".join(json_safe(json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def to_csv(records: Iterable[Record]) -> str:
    """One row per verdict with both sentences; cells a spreadsheet would run are defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        machine = r["item"]["machine"]
        found = reasons(machine)
        row = [r["comparison"]["left"]["source"], r["comparison"]["right"]["source"],
               r["item"]["key"], r["item"]["kind"], str(machine.get("kind", "")),
               _number(match_score(machine)), _number(contradiction_score(machine)),
               "; ".join(str(reason.get("type", "")) for reason in found),
               "; ".join(reason_text(reason) for reason in found),
               "; ".join(f"{span_text(reason.get('left_span'))} / "
                         f"{span_text(reason.get('right_span'))}" for reason in found
                         if reason.get("left_span") or reason.get("right_span")),
               r["verdict"] or "", r["note"], r["reviewer"], r["created"], r["updated"],
               _exact(r["left"]), _exact(r["right"]),
               source_label(r["comparison"]["left"]), source_label(r["comparison"]["right"])]
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def safe_cell(value: str) -> str:
    """Prefix ``'`` to text a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def to_w3c(records: Iterable[Record]) -> str:
    """A W3C Web Annotation ``AnnotationCollection`` (JSON-LD), one annotation per verdict."""
    annotations = [_annotation(r) for r in records]
    collection = {"@context": W3C_CONTEXT, "type": "AnnotationCollection",
                  "label": "Crosscheck verdicts", "total": len(annotations),
                  "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations}}
    return json_safe(json.dumps(collection, ensure_ascii=False, indent=2)) + "\n"


FORMATS: dict[str, Callable[[Iterable[Record]], str]] = {
    "jsonl": to_jsonl, "csv": to_csv, "markdown": to_report, "w3c": to_w3c}


def render(fmt: str, records: list[Record], *, full: bool = False,
           coverage: Mapping[str, Coverage] | None = None) -> str:
    """``records`` as ``fmt``; Markdown is the newsroom report unless ``full`` (every verdict
    group, ids and scores: the report as it was before issue 17)."""
    if fmt == "markdown":
        return to_markdown(records) if full else to_report(records, coverage)
    return FORMATS[fmt](records)


def _annotation(r: Record) -> Record:
    comparison = r["comparison"]
    body = [{"type": "TextualBody", "purpose": "assessing", "value": r["verdict"] or "none"}]
    if r["note"]:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": r["note"],
                     "format": "text/plain"})
    body.append(_finding_body(r["item"]))
    targets = [_target(comparison[side], r[side]) for side in ("left", "right") if r[side]]
    ident = f"{comparison['left']['sha256'][:16]}-{comparison['right']['sha256'][:16]}"
    return {"id": f"urn:crosscheck:{ident}:{r['item']['key']}:{r['reviewer']}",
            "type": "Annotation", "motivation": "assessing",
            "creator": {"type": "Person", "nickname": r["reviewer"]},
            "created": r["created"], "modified": r["updated"], "body": body, "target": targets}


def _finding_body(item: Record) -> Record:
    """The tool's finding as a describing body: kind, both scores and reasons, labelled."""
    machine = item["machine"]
    lines = [f"Tool: {tool_summary(machine, item['kind'])}"]
    lines += [f"Reason: {reason_text(reason)}" for reason in reasons(machine)]
    return {"type": "TextualBody", "purpose": "describing", "value": "\n".join(lines),
            "format": "text/plain", "creator": TOOL}


def source_uri(doc: Record) -> str:
    """The article as a URI: a URL as it is, a path as ``file:///abs/path``, standard input
    (neither) as its sha256 URN. Web Annotation's ``source`` is an IRI, not a bare path."""
    source = str(doc.get("source") or "")
    if not source or source == "-":
        return f"urn:sha256:{doc['sha256']}"
    if "://" in source:
        return source
    # The stored locator is the absolute path at the time; resolve as ``locator`` does.
    return Path(os.path.abspath(os.path.expanduser(source))).as_uri()


def _target(doc: Record, selector: Record) -> Record:
    """The article by its URI (:func:`source_uri`), its outlet name when known."""
    target: Record = {"source": source_uri(doc), "sha256": doc["sha256"]}
    if doc.get("name"):
        target["outlet"] = doc["name"]
    return {**target, "selector": [
        {"type": "TextQuoteSelector", "exact": selector["exact"], "prefix": selector["prefix"],
         "suffix": selector["suffix"]},
        {"type": "TextPositionSelector", "start": selector["start"], "end": selector["end"]}]}


def _exact(selector: Record | None) -> str:
    return "" if selector is None else selector["exact"]


def _number(value: Any) -> str:
    return "" if value is None else f"{value:g}"
