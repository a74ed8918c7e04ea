"""The declared schema of a ``crosscheck.verdict/1`` record, checked with msgspec.

Every field a later query or export relies on has a type here, checked strictly (no "0.8"
for a score, no 5 for a kind): a record that would break the CSV export of the whole store is
refused at the door instead. msgspec parses and validates in one pass, rejects numbers out of
range (``1e400``), lone surrogates and over-deep nesting, and reports the path of the bad field.
A verdict that does not fit the record's kind of item (``checked`` on a link) is refused too.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

from crosscheck.store.queries import SCHEMA
from crosscheck.store.verdict_kinds import VERDICTS, misfit

# Offsets end up in SQLite's 64-bit integers and in Python slices: keep them sane.
Offset = Annotated[int, msgspec.Meta(ge=0, le=2**53)]
NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
Verdict = Literal[VERDICTS]  # type: ignore[valid-type]


class DocumentRef(msgspec.Struct, frozen=True):
    source: str
    sha256: NonEmpty
    title: str | None = None
    # Schema 6 (issue 17): the outlet and its publication times; older exports lack them.
    name: str | None = None
    published: str | None = None
    updated: str | None = None


class ComparisonRef(msgspec.Struct, frozen=True):
    left: DocumentRef
    right: DocumentRef


class SelectorRecord(msgspec.Struct, frozen=True):
    exact: str
    start: Offset
    end: Offset
    prefix: str = ""
    suffix: str = ""


class ReasonRecord(msgspec.Struct, frozen=True):
    type: str
    left: str = ""
    right: str = ""
    explanation: str = ""


class MachineRecord(msgspec.Struct, frozen=True):
    """The machine evidence fields the exports read; other keys pass through unchecked."""

    kind: str | None = None
    score: float | None = None
    contradiction: float | None = None
    reasons: list[ReasonRecord] = []
    by: str | None = None


class ItemRecord(msgspec.Struct, frozen=True):
    key: NonEmpty
    kind: Literal["link", "left_only", "right_only", "manual"]
    machine: dict[str, Any]
    left_ids: list[str] = []
    right_ids: list[str] = []


class VerdictRecordIn(msgspec.Struct, frozen=True):
    schema: Literal[SCHEMA]  # type: ignore[valid-type]
    comparison: ComparisonRef
    item: ItemRecord
    reviewer: NonEmpty
    note: str
    created: str
    updated: str
    verdict: Verdict | None = None
    left: SelectorRecord | None = None
    right: SelectorRecord | None = None


_DECODER = msgspec.json.Decoder(VerdictRecordIn)


def parse_record(line: str | bytes) -> dict[str, Any]:
    """One checked record as plain dicts; raises ``ValueError`` with a one-line reason."""
    try:
        record = _DECODER.decode(line)
        msgspec.convert(record.item.machine, MachineRecord)  # the declared keys, strictly
    except msgspec.ValidationError as exc:
        message = str(exc)
        if "`schema`" in message or "`$.schema`" in message or message.startswith("Expected `obj"):
            message = f"not a {SCHEMA} record"  # another file altogether, not a bad field
        raise ValueError(message) from None
    except msgspec.DecodeError as exc:
        raise ValueError(f"not JSON ({exc})") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    why = misfit(record.verdict, record.item.kind) if record.verdict is not None else None
    if why is not None:
        raise ValueError(why)
    return msgspec.to_builtins(record)
