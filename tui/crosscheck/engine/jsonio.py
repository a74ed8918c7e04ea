"""The one place an ``Analysis`` becomes JSON (schema ``crosscheck.analysis/1``) and back."""

from __future__ import annotations

from typing import Any

from crosscheck.engine.model import (
    Analysis,
    Contradiction,
    DiffPiece,
    Document,
    FactCell,
    FactRow,
    JudgeFinding,
    Link,
    Reason,
    Sentence,
)

SCHEMA = "crosscheck.analysis/1"


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """A JSON-ready dict; key order and values are deterministic."""
    return {
        "schema": SCHEMA,
        "left": _document(analysis.left),
        "right": _document(analysis.right),
        "links": [_link(link) for link in analysis.links],
        "left_only": list(analysis.left_only),
        "right_only": list(analysis.right_only),
        # Whether the learned conflict verifier read the pairs (--verifier on), so a script
        # can tell two runs of the same pair apart.
        "verifier": bool(analysis.meta.get("verifier", False)),
        # The optional judge's record (model, server, counts, status), or None when no judge
        # was asked: README, "The judge".
        "judge": analysis.meta.get("judge"),
        # The facts table: one row per slot, a cell per source (null: not stated there).
        "facts": [_fact_row(row) for row in analysis.facts],
    }


def _fact_row(row: FactRow) -> dict[str, Any]:
    return {"id": row.id, "type": row.type, "slot": row.slot, "status": row.status,
            "left": _fact_cell(row.left), "right": _fact_cell(row.right)}


def _fact_cell(cell: FactCell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {"sentence": cell.sentence, "start": cell.span[0], "end": cell.span[1],
            "text": cell.text, "value": cell.value}


def _fact_row_from(data: dict[str, Any]) -> FactRow:
    def cell(part: dict[str, Any] | None) -> FactCell | None:
        if part is None:
            return None
        return FactCell(str(part["sentence"]), (int(part["start"]), int(part["end"])),
                        str(part["text"]), str(part["value"]))

    return FactRow(str(data["id"]), str(data["type"]), str(data["slot"]), cell(data["left"]),
                   cell(data["right"]), data["status"])


def _document(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "title": doc.title,
        # The outlet and the page's publication times (None when unknown).
        "name": doc.name,
        "published": doc.published,
        "updated": doc.updated,
        "sha256": doc.sha256,
        "text": doc.text,
        "paragraphs": [list(p) for p in doc.paragraphs],
        "sentences": [
            {"id": s.id, "start": s.start, "end": s.end, "text": s.text,
             "paragraph": s.paragraph, "boilerplate": s.boilerplate}
            for s in doc.sentences
        ],
    }


def _link(link: Link) -> dict[str, Any]:
    return {
        "id": link.id,
        "left": list(link.left),
        "right": list(link.right),
        "kind": link.kind,
        "score": link.score,
        "same_claim": link.same_claim,
        "best": link.best,
        "diff": [{"op": p.op, "text": p.text} for p in link.diff],
        "contradiction": None if link.contradiction is None else {
            "score": link.contradiction.score,
            "reasons": [_reason(r) for r in link.contradiction.reasons],
        },
        "judge": None if link.judge is None else _judge(link.judge),
    }


def _judge(finding: JudgeFinding) -> dict[str, Any]:
    return {
        "source": "judge", "relation": finding.relation, "model": finding.model,
        "server": finding.server, "prompt": finding.prompt,
        "explanation": finding.explanation, "modes": list(finding.modes),
        "added": finding.added, "reasons": [_reason(r) for r in finding.reasons],
    }


def _reason(reason: Reason) -> dict[str, Any]:
    return {
        "type": reason.type, "left": reason.left, "right": reason.right,
        "explanation": reason.explanation,
        "left_span": list(reason.left_span) if reason.left_span else None,
        "right_span": list(reason.right_span) if reason.right_span else None,
    }


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Inverse of :func:`analysis_to_dict`."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document")
    return Analysis(
        left=_document_from(data["left"]),
        right=_document_from(data["right"]),
        links=tuple(_link_from(item) for item in data["links"]),
        left_only=tuple(data["left_only"]),
        right_only=tuple(data["right_only"]),
        meta=_meta_from(data),
        facts=tuple(_fact_row_from(row) for row in data.get("facts", [])),
    )


def _meta_from(data: dict[str, Any]) -> dict[str, object]:
    meta: dict[str, object] = {"verifier": bool(data.get("verifier", False))}
    if data.get("judge") is not None:
        meta["judge"] = data["judge"]
    return meta


def _document_from(data: dict[str, Any]) -> Document:
    return Document(
        source=data["source"], title=data["title"], text=data["text"], sha256=data["sha256"],
        name=data.get("name"), published=data.get("published"), updated=data.get("updated"),
        paragraphs=tuple(tuple(p) for p in data.get("paragraphs", [])),
        sentences=tuple(Sentence(**s) for s in data["sentences"]),
    )


def _reason_from(r: dict[str, Any]) -> Reason:
    return Reason(r["type"], r["left"], r["right"], r["explanation"],
                  tuple(r["left_span"]) if r.get("left_span") else None,
                  tuple(r["right_span"]) if r.get("right_span") else None)


def _judge_from(data: dict[str, Any] | None) -> JudgeFinding | None:
    if data is None:
        return None
    return JudgeFinding(
        relation=data["relation"], reasons=tuple(_reason_from(r) for r in data["reasons"]),
        model=data["model"], server=data["server"], prompt=data["prompt"],
        explanation=data.get("explanation", ""), modes=tuple(data.get("modes", ("pair",))),
        added=bool(data.get("added", False)))


def _link_from(data: dict[str, Any]) -> Link:
    contradiction = data.get("contradiction")
    return Link(
        id=data["id"], left=tuple(data["left"]), right=tuple(data["right"]),
        kind=data["kind"], score=data["score"],
        same_claim=data.get("same_claim"), best=bool(data.get("best", True)),
        diff=tuple(DiffPiece(p["op"], p["text"]) for p in data.get("diff", [])),
        contradiction=None if contradiction is None else Contradiction(
            score=contradiction["score"],
            reasons=tuple(_reason_from(r) for r in contradiction["reasons"]),
        ),
        judge=_judge_from(data.get("judge")),
    )
