"""The ordinary columns each table keeps beside its JSONB document, and the unique claims.

Every table is `id, doc` plus the document fields its queries filter and sort on; the code
writes them from the document on every insert and update (migrations create them). Text
columns use the "C" collation so PostgreSQL sorts them by code point, as Python does.
"""

from __future__ import annotations

import json

from psycopg.types.json import Jsonb

from core.search_text import KIND_OF_TABLE, index_text
from storage.schema import TableSpec, unique_values

# (field, SQL type) per table; the column is named after the document field.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "users": (("username_key", "text"), ("email_key", "text"), ("role", "text"),
              ("banned", "boolean"), ("created_at", "text")),
    "worlds": (("owner_id", "text"), ("visibility", "text"), ("updated_at", "text"),
               ("name_key", "text"), ("editor_ids", "text[]"), ("viewer_ids", "text[]"),
               ("version", "bigint")),
    "stories": (("world_id", "text"), ("owner_id", "text"), ("visibility", "text"),
                ("updated_at", "text"), ("order", "bigint"), ("entity_ids", "text[]"),
                ("location_ids", "text[]"), ("linked_story_ids", "text[]"),
                ("version", "bigint"), ("title", "text"), ("world_time", "jsonb")),
    "entities": (("world_id", "text"), ("entity_type", "text"), ("name_key", "text"),
                 ("search_key", "text"), ("relationship_target_ids", "text[]"),
                 ("version", "bigint")),
    "locations": (("world_id", "text"), ("location_type", "text"), ("name_key", "text"),
                  ("search_key", "text"), ("parent_location_id", "text"),
                  ("version", "bigint")),
    "events": (("world_id", "text"), ("day_number", "bigint"), ("updated_at", "text"),
               ("story_id", "text"), ("entity_ids", "text[]"), ("location_ids", "text[]"),
               ("connection_target_ids", "text[]"), ("version", "bigint")),
    "tasks": (("user_id", "text"), ("status", "text"), ("updated_at", "text")),
    "prompt_templates": (("name", "text"),),
    "token_revocations": (("expires_at", "bigint"),),
    "ai_usage": (("user_id", "text"), ("day", "text")),
}

# Searched tables also keep the words search reads (core.search_text.index_text), made in
# Python by the one fold(); migration 3 indexes them as tsvectors.
SEARCH_COLUMNS = (("search_title", "text"), ("search_folded", "text"), ("search_exact", "text"))
for _table in KIND_OF_TABLE:
    COLUMNS[_table] += SEARCH_COLUMNS

COLUMN_TYPES = {table: dict(columns) for table, columns in COLUMNS.items()}


def quoted(field: str) -> str:
    """A column name as an SQL identifier (fields such as `order` are keywords)."""
    return '"' + field.replace('"', '""') + '"'


def column_list(table: str) -> str:
    """`id, doc, "field", ...`: the columns a write sets, in COLUMNS order."""
    return ", ".join(["id", "doc", *(quoted(f) for f, _ in COLUMNS[table])])


def _value(kind: str, value):
    if kind == "jsonb":
        return None if value is None else Jsonb(value)
    if kind == "text[]":
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    if value is None or isinstance(value, (dict, list)):
        return None
    if kind == "bigint":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "boolean":
        return bool(value)
    return value if isinstance(value, str) else str(value)


def column_values(table: str, doc: dict) -> list:
    """The values of the table's ordinary columns, read from the document."""
    if table in KIND_OF_TABLE:
        plain = COLUMNS[table][:-len(SEARCH_COLUMNS)]
        return [*(_value(kind, doc.get(field)) for field, kind in plain),
                *index_text(table, doc)]
    return [_value(kind, doc.get(field)) for field, kind in COLUMNS[table]]


def claim_value(value: tuple) -> str:
    """A unique key's value as the text stored in unique_keys (JSON keeps parts apart)."""
    return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))


def claims_of(spec: TableSpec, doc: dict | None) -> list[tuple[str, str]]:
    """(key name, stored value) of each unique value a document claims, once, in key order."""
    if doc is None:
        return []
    return list(dict.fromkeys(("+".join(key), claim_value(value))
                              for key, value in unique_values(spec, doc)))
