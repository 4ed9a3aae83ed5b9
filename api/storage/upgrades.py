"""Bringing documents written by earlier versions up to the current shape, on load or move."""

from __future__ import annotations

from core.calendar import upgrade_calendar
from core.text import WORD_RULE, word_count
from storage.schema import SPEC_BY_NAME


def upgrade_document(table: str, doc: dict) -> dict:
    """The document with the fields this version relies on (unchanged when it has them)."""
    spec = SPEC_BY_NAME[table]
    if spec.versioned and not doc.get("version"):
        doc = {**doc, "version": 1}
    if table == "events" and "connection_target_ids" not in doc:
        targets = sorted({c["target_event_id"] for c in doc.get("connections") or ()})
        doc = {**doc, "connection_target_ids": targets}
    if table == "worlds" and "months" not in (doc.get("calendar") or {}):
        doc = {**doc, "calendar": upgrade_calendar(doc.get("calendar"))}
    if table == "stories" and doc.get("word_rule") != WORD_RULE:
        doc = {**doc, "word_count": word_count(doc.get("content") or ""), "word_rule": WORD_RULE}
    return doc


def upgrade_tables(tables: dict) -> None:
    """Upgrade every document of {table: {id: doc}} in place."""
    for table, docs in tables.items():
        if table not in SPEC_BY_NAME:
            continue
        for doc_id, doc in docs.items():
            upgraded = upgrade_document(table, doc)
            if upgraded is not doc:
                docs[doc_id] = upgraded
