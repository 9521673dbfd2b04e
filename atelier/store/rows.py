"""Rows and records, both ways, written once: a table's row becomes its domain record (and a
record its row) field by field, the fields kept as JSON or as enum values converted on the way.

Each record's fields are its table's columns (store/schema.py); a column a file of an older
format lacks (`workshops.contact` before format 6) leaves the record's default.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any, TypeVar

from atelier.domain import (
    FollowUp,
    FollowUpStep,
    GlossaryEntry,
    GlossaryKind,
    Item,
    ItemKind,
    Match,
    MatchStatus,
    Participant,
    Reason,
    SynthesisSection,
    Workshop,
)

Record = TypeVar("Record", Workshop, Participant, Item, Match, SynthesisSection, GlossaryEntry)


def json_list(text: str) -> list[str]:
    value = json.loads(text) if text else []
    return [str(v) for v in value] if isinstance(value, list) else []


def json_dict(text: str) -> dict[str, str]:
    value = json.loads(text) if text else {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def json_object(text: str) -> dict[str, Any]:
    """A JSON object as stored (anything else, or unreadable: empty)."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def dump_object(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def dump(values: Sequence[str] | dict[str, str]) -> str:
    return json.dumps(values if isinstance(values, dict) else list(values), ensure_ascii=False)


def reasons(text: str) -> list[Reason]:
    """Stored reasons: objects since format 5, sentences before (kept as written)."""
    value = json.loads(text) if text else []
    return [Reason.from_json(v) for v in value] if isinstance(value, list) else []


def dump_reasons(values: Sequence[Reason | str]) -> str:
    return json.dumps(
        [r.as_json() if isinstance(r, Reason) else Reason.from_json(r).as_json() for r in values],
        ensure_ascii=False,
    )


def steps(text: str) -> list[FollowUpStep]:
    """Stored follow-up steps (format 9); what is not a step is left out, never raised on."""
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    found = [FollowUpStep.from_json(v) for v in value] if isinstance(value, list) else []
    return [step for step in found if step is not None]


def dump_steps(values: Sequence[FollowUpStep]) -> str:
    return json.dumps([step.as_json() for step in values], ensure_ascii=False)


# (to the row, from the row) for the fields that are not kept as they are.
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]
_AS_JSON: Codec = (dump, json_list)
_CODECS: dict[type, dict[str, Codec]] = {
    Workshop: {"themes": _AS_JSON},
    Participant: {
        "names": _AS_JSON,
        "source_cells": (dump, json_dict),
        "unlisted": (int, bool),
        "imported": (dump_object, json_object),
    },
    Item: {"kind": (str, ItemKind)},
    Match: {
        "status": (str, MatchStatus),
        "follow_up": (str, FollowUp),
        "score": (float, float),
        "reasons": (dump_reasons, reasons),
        "follow_up_steps": (dump_steps, steps),
    },
    SynthesisSection: {"drafted": (dump_object, json_object)},
    GlossaryEntry: {"kind": (str, GlossaryKind), "words": _AS_JSON},
}


def from_row(record: type[Record], row: sqlite3.Row) -> Record:
    """The record a row of its table holds."""
    codecs = _CODECS[record]
    present = set(row.keys())
    values: dict[str, Any] = {}
    for name in (f.name for f in fields(record)):
        if name in present:
            value = row[name]
            values[name] = codecs[name][1](value) if name in codecs else value
    return record(**values)


AnyRecord = Workshop | Participant | Item | Match | SynthesisSection | GlossaryEntry


def to_row(record: AnyRecord) -> dict[str, Any]:
    """The row that keeps a record in its table."""
    codecs = _CODECS[type(record)]
    row: dict[str, Any] = {}
    for name in (f.name for f in fields(record) if f.metadata.get("stored", True)):
        value = getattr(record, name)
        row[name] = codecs[name][0](value) if name in codecs else value
    return row


def encoded(record: type, changes: dict[str, Any]) -> dict[str, Any]:
    """Some fields of a record (an update), as the row keeps them."""
    codecs = _CODECS[record]
    return {name: codecs[name][0](value) if name in codecs else value for name, value in changes.items()}
