"""Pure functions from ``crosscheck.verdict/1`` records to text: JSONL, CSV, Markdown, W3C.

The bytes are the contract (golden-file tests): keys are sorted where order is free, and
nothing depends on the clock or the machine.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Any

from crosscheck.store.records import VERDICTS
from crosscheck.textsafe import md_code, md_escape

Record = dict[str, Any]
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("left_source", "right_source", "item", "kind", "machine_kind", "machine_score",
               "contradiction_score", "verdict", "note", "reviewer", "created", "updated",
               "left_text", "right_text")
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def to_jsonl(records: Iterable[Record]) -> str:
    """One JSON object per line, keys in schema order, UTF-8 text kept literal."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def to_csv(records: Iterable[Record]) -> str:
    """One row per verdict with both sentences; cells a spreadsheet would run are defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        machine = r["item"]["machine"]
        row = [r["comparison"]["left"]["source"], r["comparison"]["right"]["source"],
               r["item"]["key"], r["item"]["kind"], machine.get("kind", ""),
               _number(machine.get("score")), _number(machine.get("contradiction")),
               r["verdict"] or "", r["note"], r["reviewer"], r["created"], r["updated"],
               _exact(r["left"]), _exact(r["right"])]
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def safe_cell(value: str) -> str:
    """Prefix ``'`` to text a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def to_markdown(records: Iterable[Record]) -> str:
    """A report per comparison, grouped by verdict with counts, both sentences quoted."""
    lines = ["# Crosscheck verdicts", ""]
    for comparison, group in _by_comparison(records):
        left, right = comparison["left"], comparison["right"]
        lines += [f"## {md_escape(_title(left))} / {md_escape(_title(right))}", "",
                  f"- Left: `{md_code(left['source'])}` (sha256 {left['sha256'][:12]})",
                  f"- Right: `{md_code(right['source'])}` (sha256 {right['sha256'][:12]})", ""]
        buckets = {v: [r for r in group if r["verdict"] == v] for v in (*VERDICTS, None)}
        lines += ["| Verdict | Count |", "| --- | ---: |"]
        lines += [f"| {v or 'note only'} | {len(rs)} |" for v, rs in buckets.items() if rs]
        lines.append("")
        for verdict, rs in buckets.items():
            if rs:
                lines += [f"### {(verdict or 'note only').capitalize()} ({len(rs)})", ""]
                for r in rs:
                    lines += _markdown_entry(r)
    return "\n".join(lines).rstrip("\n") + "\n"


def to_w3c(records: Iterable[Record]) -> str:
    """A W3C Web Annotation ``AnnotationCollection`` (JSON-LD), one annotation per verdict."""
    annotations = [_annotation(r) for r in records]
    collection = {"@context": W3C_CONTEXT, "type": "AnnotationCollection",
                  "label": "Crosscheck verdicts", "total": len(annotations),
                  "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations}}
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Iterable[Record]], str]] = {
    "jsonl": to_jsonl, "csv": to_csv, "markdown": to_markdown, "w3c": to_w3c}


def _markdown_entry(r: Record) -> list[str]:
    machine = r["item"]["machine"]
    score = f" {machine['score']:.2f}" if isinstance(machine.get("score"), float | int) else ""
    lines = [f"- **{r['item']['key']}** ({machine.get('kind', r['item']['kind'])}{score}) "
             f"by {md_escape(r['reviewer'])}, {r['updated']}"]
    for side in ("left", "right"):
        if r[side] is not None:
            quoted = md_escape(" ".join(r[side]["exact"].split()))
            lines.append(f"  > {side.capitalize()}: {quoted}")
    if r["note"]:
        lines.append(f"  - Note: {md_escape(' '.join(r['note'].split()))}")
    return [*lines, ""]


def _annotation(r: Record) -> Record:
    comparison = r["comparison"]
    body = [{"type": "TextualBody", "purpose": "assessing", "value": r["verdict"] or "none"}]
    if r["note"]:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": r["note"],
                     "format": "text/plain"})
    targets = [_target(comparison[side], r[side]) for side in ("left", "right") if r[side]]
    ident = f"{comparison['left']['sha256'][:16]}-{comparison['right']['sha256'][:16]}"
    return {"id": f"urn:crosscheck:{ident}:{r['item']['key']}:{r['reviewer']}",
            "type": "Annotation", "motivation": "assessing",
            "creator": {"type": "Person", "nickname": r["reviewer"]},
            "created": r["created"], "modified": r["updated"], "body": body, "target": targets}


def _target(doc: Record, selector: Record) -> Record:
    source = doc["source"]
    iri = source if source.startswith(("http://", "https://")) else f"urn:sha256:{doc['sha256']}"
    return {"source": iri, "selector": [
        {"type": "TextQuoteSelector", "exact": selector["exact"], "prefix": selector["prefix"],
         "suffix": selector["suffix"]},
        {"type": "TextPositionSelector", "start": selector["start"], "end": selector["end"]}]}


def _by_comparison(records: Iterable[Record]) -> list[tuple[Record, list[Record]]]:
    groups: dict[str, tuple[Record, list[Record]]] = {}
    for r in records:
        key = r["comparison"]["left"]["sha256"] + r["comparison"]["right"]["sha256"]
        groups.setdefault(key, (r["comparison"], []))[1].append(r)
    return list(groups.values())


def _title(doc: Record) -> str:
    return doc.get("title") or doc["source"]


def _exact(selector: Record | None) -> str:
    return "" if selector is None else selector["exact"]


def _number(value: Any) -> str:
    return "" if value is None else f"{value:g}"
