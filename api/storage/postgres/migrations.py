"""Versioned schema migrations, applied once per schema under an advisory lock.

A migration's SQL never changes once released: a later change to the tables is a new
migration. Tables live in the connection's current schema (the first of its search_path).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import psycopg

from core.calendar import upgrade_calendar
from core.search_text import KIND_OF_TABLE, KINDS, index_text
from core.text import WORD_RULE, word_count
from storage.base import StorageError

log = logging.getLogger("storyloom.storage")

# pg_advisory_lock(LOCK_CLASS, hashtext(schema)): one lock per schema, so tests that use
# many schemas of one database never wait for each other.
LOCK_CLASS = 0x53544C4D

_DOCUMENT = 'id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL'
_TEXT = 'text COLLATE "C"'

INITIAL = f"""
CREATE TABLE users (
    {_DOCUMENT}, username_key {_TEXT}, email_key {_TEXT}, role {_TEXT}, banned boolean,
    created_at {_TEXT});
CREATE INDEX users_created ON users (created_at, id);
CREATE INDEX users_role ON users (role, created_at, id);
CREATE INDEX users_banned ON users (id) WHERE banned;

CREATE TABLE worlds (
    {_DOCUMENT}, owner_id {_TEXT}, visibility {_TEXT}, updated_at {_TEXT},
    name_key {_TEXT}, editor_ids text[] NOT NULL, viewer_ids text[] NOT NULL, version bigint);
CREATE INDEX worlds_updated ON worlds (updated_at, id);
CREATE INDEX worlds_visibility ON worlds (visibility, updated_at, id);
CREATE INDEX worlds_owner ON worlds (owner_id, updated_at, id);
CREATE INDEX worlds_editors ON worlds USING gin (editor_ids);
CREATE INDEX worlds_viewers ON worlds USING gin (viewer_ids);

CREATE TABLE stories (
    {_DOCUMENT}, world_id {_TEXT}, owner_id {_TEXT}, visibility {_TEXT},
    updated_at {_TEXT}, "order" bigint, entity_ids text[] NOT NULL,
    location_ids text[] NOT NULL, linked_story_ids text[] NOT NULL, version bigint);
CREATE INDEX stories_updated ON stories (updated_at, id);
CREATE INDEX stories_visibility ON stories (visibility, updated_at, id);
CREATE INDEX stories_owner ON stories (owner_id, updated_at, id);
CREATE INDEX stories_world_order ON stories (world_id, "order", id);
CREATE INDEX stories_world_level_order ON stories (world_id, visibility, "order", id);
CREATE INDEX stories_entities ON stories USING gin (entity_ids);
CREATE INDEX stories_locations ON stories USING gin (location_ids);
CREATE INDEX stories_links ON stories USING gin (linked_story_ids);

CREATE TABLE entities (
    {_DOCUMENT}, world_id {_TEXT}, entity_type {_TEXT}, name_key {_TEXT},
    search_key {_TEXT}, relationship_target_ids text[] NOT NULL, version bigint);
CREATE INDEX entities_world_name ON entities (world_id, name_key, id);
CREATE INDEX entities_world_type_name ON entities (world_id, entity_type, name_key, id);
CREATE INDEX entities_targets ON entities USING gin (relationship_target_ids);

CREATE TABLE locations (
    {_DOCUMENT}, world_id {_TEXT}, location_type {_TEXT}, name_key {_TEXT},
    search_key {_TEXT}, parent_location_id {_TEXT}, version bigint);
CREATE INDEX locations_world_name ON locations (world_id, name_key, id);
CREATE INDEX locations_world_type_name ON locations (world_id, location_type, name_key, id);
CREATE INDEX locations_parent ON locations (parent_location_id, name_key, id);

CREATE TABLE events (
    {_DOCUMENT}, world_id {_TEXT}, day_number bigint, updated_at {_TEXT},
    story_id {_TEXT}, entity_ids text[] NOT NULL, location_ids text[] NOT NULL,
    connection_target_ids text[] NOT NULL, version bigint);
CREATE INDEX events_world_day ON events (world_id, day_number, id);
CREATE INDEX events_story ON events (story_id, updated_at, id);
CREATE INDEX events_entities ON events USING gin (entity_ids);
CREATE INDEX events_locations ON events USING gin (location_ids);
CREATE INDEX events_targets ON events USING gin (connection_target_ids);

CREATE TABLE tasks ({_DOCUMENT}, user_id {_TEXT}, status {_TEXT}, updated_at {_TEXT});
CREATE INDEX tasks_user ON tasks (user_id, updated_at, id);
CREATE INDEX tasks_status ON tasks (status, updated_at, id);

CREATE TABLE prompt_templates ({_DOCUMENT}, name {_TEXT});

CREATE TABLE token_revocations ({_DOCUMENT}, expires_at bigint);
CREATE INDEX token_revocations_expiry ON token_revocations (expires_at, id);

CREATE TABLE ai_usage ({_DOCUMENT}, user_id {_TEXT}, day {_TEXT});
CREATE INDEX ai_usage_user ON ai_usage (user_id, day, id);

-- One row per unique value a document claims: the primary key is the uniqueness.
CREATE TABLE unique_keys (
    tbl text COLLATE "C", key text COLLATE "C", value text COLLATE "C",
    doc_id text COLLATE "C" NOT NULL, PRIMARY KEY (tbl, key, value));
CREATE INDEX unique_keys_owner ON unique_keys (tbl, doc_id);

-- Per-scope counters bumped after each commit (Storage.change_marks).
CREATE TABLE change_marks (scope text COLLATE "C" PRIMARY KEY, mark bigint NOT NULL);
"""



def recount_story_words(conn: psycopg.Connection) -> None:
    """Store every story's word count by the current rule (core.text.word_count)."""
    rows = conn.execute("SELECT id, doc->>'content' FROM stories "
                        "WHERE (doc->>'word_rule') IS DISTINCT FROM %s", (str(WORD_RULE),))
    for story_id, content in rows.fetchall():
        conn.execute("UPDATE stories SET doc = doc || jsonb_build_object("
                     "'word_count', %s::int, 'word_rule', %s::int) WHERE id = %s",
                     (word_count(content or ""), WORD_RULE, story_id))


def upgrade_world_calendars(conn: psycopg.Connection) -> None:
    """Store every world's calendar in the month-list shape (core.calendar.upgrade_calendar)."""
    rows = conn.execute("SELECT id, doc->'calendar' FROM worlds "
                        "WHERE NOT (coalesce(doc->'calendar', '{}'::jsonb) ? 'months')")
    for world_id, calendar in rows.fetchall():
        conn.execute("UPDATE worlds SET doc = jsonb_set(doc, '{calendar}', %s::jsonb) "
                     "WHERE id = %s", (json.dumps(upgrade_calendar(calendar)), world_id))


def add_search(conn: psycopg.Connection) -> None:
    """Search columns on the searched tables, filled from the documents, with GIN indexes.

    The words are made in Python by core.search_text (the one fold(), as the TinyDB index
    does), so both backends match and rank alike; `simple` tsvectors index them.
    """
    for table in KIND_OF_TABLE:
        conn.execute(f"""ALTER TABLE {table}
            ADD COLUMN search_title text, ADD COLUMN search_folded text,
            ADD COLUMN search_exact text,
            ADD COLUMN tsv_title tsvector GENERATED ALWAYS AS
                (strip(to_tsvector('simple', coalesce(search_title, '')))) STORED,
            ADD COLUMN tsv_folded tsvector GENERATED ALWAYS AS
                (strip(to_tsvector('simple', coalesce(search_folded, '')))) STORED,
            ADD COLUMN tsv_exact tsvector GENERATED ALWAYS AS
                (strip(to_tsvector('simple', coalesce(search_exact, '')))) STORED""")
        rows = conn.execute(f"SELECT id, doc FROM {table}").fetchall()
        for doc_id, doc in rows:
            conn.execute(f"UPDATE {table} SET search_title = %s, search_folded = %s, "
                         "search_exact = %s WHERE id = %s", (*index_text(table, doc), doc_id))
        conn.execute(f"CREATE INDEX {table}_search ON {table} USING gin (tsv_folded)")


# core.visibility.SEEN_BY[None] when migration 5 was written: the levels anyone sees. The
# search table marks the documents anyone sees with them (tests/storage/test_postgres.py checks
# they still agree; a change of SEEN_BY[None] needs a migration that marks them again).
ANYONE_LEVELS = ("public",)


def _search_trigger(table: str, rank: int) -> str:
    """The trigger function keeping a table's rows in search_documents (migration 5)."""
    anyone_levels = "ARRAY[" + ", ".join(f"'{level}'" for level in ANYONE_LEVELS) + "]"
    words = ", ".join(f"strip(to_tsvector('simple', coalesce(NEW.search_{part}, '')))"
                      for part in ("title", "folded", "exact"))
    if table == "worlds":
        world, level = "NEW.id", "NULL"
        anyone = f"coalesce(NEW.visibility = ANY({anyone_levels}), false)"
        # A world whose level changes changes what anyone sees of everything in it.
        cascade = f"""
                IF TG_OP = 'INSERT' OR OLD.visibility IS DISTINCT FROM NEW.visibility THEN
                    UPDATE search_documents SET anyone = {anyone} AND (visibility IS NULL
                        OR visibility = ANY({anyone_levels}))
                    WHERE world_id = NEW.id AND kind <> {rank};
                END IF;"""
        # What is left of a deleted world (the services delete it all) is seen by nobody.
        orphans = f"""
                    UPDATE search_documents SET anyone = false
                    WHERE world_id = OLD.id AND anyone;"""
    else:
        world = "NEW.world_id"
        level = "NEW.visibility" if table == "stories" else "NULL"
        anyone = (f"EXISTS (SELECT 1 FROM worlds WHERE id = NEW.world_id AND visibility = "
                  f"ANY({anyone_levels}))")
        if table == "stories":
            anyone += f" AND coalesce(NEW.visibility = ANY({anyone_levels}), false)"
        cascade = orphans = ""
    return f"""CREATE FUNCTION search_documents_{table}() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM search_documents WHERE kind = {rank} AND id = OLD.id;{orphans}
                    RETURN NULL;
                END IF;
                INSERT INTO search_documents VALUES ({rank}, NEW.id, {world}, {level},
                    {anyone}, {words})
                ON CONFLICT (kind, id) DO UPDATE SET world_id = EXCLUDED.world_id,
                    visibility = EXCLUDED.visibility, anyone = EXCLUDED.anyone,
                    tsv_title = EXCLUDED.tsv_title, tsv_folded = EXCLUDED.tsv_folded,
                    tsv_exact = EXCLUDED.tsv_exact;{cascade}
                RETURN NULL;
            END $$"""


def narrow_search(conn: psycopg.Connection) -> None:
    """Search words in one narrow table, `search_documents`, kept by triggers on every write.

    Search reads every matching row: in the five wide tables each row carried its document,
    and the exact words were stored out of line, so a common word made the database read
    thousands of pages and toast entries. Here a row is the kind, id, world, a story's own
    level, whether anyone may see it, and the three tsvectors, kept inline (STORAGE MAIN).
    Triggers fill it from the search_* columns the code writes, in the same transaction (a
    world's change of level marks its documents again); an update that changes no word, world
    or level leaves it alone. A second GIN index holds only what anyone sees, so a signed-out
    search reads just those rows.
    """
    conn.execute(f"""CREATE TABLE search_documents (
        kind smallint NOT NULL, id {_TEXT} NOT NULL, world_id {_TEXT} NOT NULL,
        visibility {_TEXT}, anyone boolean NOT NULL, tsv_title tsvector NOT NULL,
        tsv_folded tsvector NOT NULL, tsv_exact tsvector NOT NULL, PRIMARY KEY (kind, id))""")
    conn.execute("ALTER TABLE search_documents ALTER tsv_title SET STORAGE MAIN, "
                 "ALTER tsv_folded SET STORAGE MAIN, ALTER tsv_exact SET STORAGE MAIN")
    levels = list(ANYONE_LEVELS)
    for table, kind in KIND_OF_TABLE.items():
        rank = KINDS.index(kind)
        conn.execute(_search_trigger(table, rank))
        world = "id" if table == "worlds" else "world_id"
        level = "d.visibility" if table == "stories" else "NULL"
        changed = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in (
            "search_title", "search_folded", "search_exact", world,
            *(("visibility",) if table in ("stories", "worlds") else ())))
        conn.execute(f"CREATE TRIGGER search_documents AFTER INSERT OR DELETE ON {table} "
                     f"FOR EACH ROW EXECUTE FUNCTION search_documents_{table}()")
        conn.execute(f"CREATE TRIGGER search_documents_changed AFTER UPDATE ON {table} "
                     f"FOR EACH ROW WHEN ({changed}) "
                     f"EXECUTE FUNCTION search_documents_{table}()")
        conn.execute(f"""INSERT INTO search_documents
            SELECT {rank}, d.id, d.{world}, {level},
                coalesce(w.visibility = ANY(%s) AND ({level} IS NULL OR {level} = ANY(%s)),
                         false),
                d.tsv_title, d.tsv_folded, d.tsv_exact
            FROM {table} d LEFT JOIN worlds w ON w.id = d.{world}""", (levels, levels))
        conn.execute(f"ALTER TABLE {table} DROP COLUMN tsv_title, DROP COLUMN tsv_folded, "
                     "DROP COLUMN tsv_exact")
    conn.execute("CREATE INDEX search_documents_words ON search_documents "
                 "USING gin (tsv_folded)")
    conn.execute("CREATE INDEX search_documents_seen_by_anyone ON search_documents "
                 "USING gin (tsv_folded) WHERE anyone")
    conn.execute("CREATE INDEX search_documents_world ON search_documents (world_id)")
    conn.execute("ANALYZE search_documents")


# Outlines (graphs, links) read a story's title and world time without its document: reading
# them from `doc` detoasted the whole story, content included, for every story of the world.
STORY_OUTLINE_COLUMNS = f"""
ALTER TABLE stories ADD COLUMN title {_TEXT}, ADD COLUMN world_time jsonb;
UPDATE stories SET title = doc->>'title', world_time = doc->'world_time';
"""


# (version, name, SQL or a function given the connection inside the migration's transaction)
MIGRATIONS: tuple[tuple[int, str, str | Callable[[psycopg.Connection], None]], ...] = (
    (1, "documents, unique keys and change marks", INITIAL),
    (2, "story word counts by the documented rule", recount_story_words),
    (3, "world calendars as a list of months", upgrade_world_calendars),
    (4, "search words and their full-text indexes", add_search),
    (5, "search words in one narrow table kept by triggers", narrow_search),
    (6, "story titles and world times beside the document", STORY_OUTLINE_COLUMNS),
)

_LEDGER = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())"""


def migrate(conn: psycopg.Connection) -> list[int]:
    """Apply the migrations this schema lacks (autocommit connection); returns their versions."""
    if conn.execute("SELECT current_schema()").fetchone()[0] is None:
        raise StorageError("the database has no schema to create tables in: check the "
                           "search_path of DATABASE_URL")
    conn.execute("SELECT pg_advisory_lock(%s, hashtext(current_schema()))", (LOCK_CLASS,))
    try:
        conn.execute(_LEDGER)
        applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        done = []
        for version, name, sql in MIGRATIONS:
            if version in applied:
                continue
            with conn.transaction():
                if callable(sql):
                    sql(conn)
                else:
                    conn.execute(sql)
                conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                             (version, name))
            log.info("schema migration applied", extra={"fields": {"version": version}})
            done.append(version)
        return done
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s, hashtext(current_schema()))", (LOCK_CLASS,))
