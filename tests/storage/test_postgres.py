"""What only the PostgreSQL backend promises: safe concurrent start-up, conflicts retried,
errors without secrets, indexed list queries, and one truth for every process."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

import psycopg
import pytest

from core.models import AiUsage, Story, World
from core.visibility import LEVELS, SEEN_BY, Viewer
from storage.base import PageRequest, StorageError, TransactionConflict, retry_on_conflict
from storage.postgres.change_feed import feed_name
from storage.postgres.errors import translate
from storage.postgres.migrations import ANYONE_LEVELS, MIGRATIONS
from storage.postgres_storage import PostgresStorage
from tests.storage.backends import ROOT
from tests.storage.builders import a_story, a_world, insert
from tests.support import postgres

PAGE = PageRequest(1, 20)


@pytest.fixture
def schema_url():
    """The URL of a fresh, empty schema (no tables yet), dropped afterwards."""
    postgres.require_server()
    url = postgres.new_schema_url()
    yield url
    postgres.drop_schema(url)


@pytest.fixture
def opened(schema_url):
    """Open storages on the fresh schema; all closed afterwards."""
    storages = []

    def open_storage(**options):
        storages.append(PostgresStorage(schema_url, **options))
        return storages[-1]
    yield open_storage
    for storage in storages:
        storage.close()


def _applied(url: str) -> list[int]:
    with psycopg.connect(url) as conn:
        return [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]


# start-up

START_SCRIPT = """
import logging, sys
sys.path.insert(0, "api")
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")
from storage.postgres_storage import PostgresStorage
sys.stdin.readline()                                   # everyone starts at once
PostgresStorage({url!r}).close()
print("started", flush=True)
"""


def test_processes_starting_at_once_on_a_fresh_schema_migrate_it_exactly_once(schema_url):
    children = [subprocess.Popen([sys.executable, "-c", START_SCRIPT.format(url=schema_url)],
                                 cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(4)]
    time.sleep(1.0)   # let every interpreter finish its imports
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=60) for child in children]

    assert [child.returncode for child in children] == [0] * 4, [err for _, err in outputs]
    assert all("started" in out for out, _ in outputs)
    applied = sum(out.count("schema migration applied") for out, _ in outputs)
    assert applied == len(MIGRATIONS)
    assert _applied(schema_url) == [version for version, _, _ in MIGRATIONS]


def test_threads_starting_at_once_all_get_a_working_storage(schema_url, opened):
    barrier, storages, errors = threading.Barrier(4), [], []

    def start():
        barrier.wait(10)
        try:
            storages.append(opened(min_connections=1))
        except Exception as exc:   # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(storages) == 4
    insert(storages[0], a_story("w"))
    assert [s.stories_of_world("w").total for s in storages] == [1, 1, 1, 1]
    assert len(_applied(schema_url)) == len(MIGRATIONS)


# conflicts

def test_a_serialization_conflict_is_retried_and_both_effects_land(opened):
    storage = opened()
    with storage.transaction() as tx:
        tx.upsert(AiUsage(usage_id="x", user_id="u", day="d", count=0))
        tx.upsert(AiUsage(usage_id="y", user_id="u", day="d", count=0))
    both_read, attempts = threading.Barrier(2), []

    @retry_on_conflict
    def copy_plus_one(target: str, source: str):
        attempts.append(target)
        with storage.transaction() as tx:
            mine, other = tx.get(AiUsage, target), tx.get(AiUsage, source)
            if attempts.count(target) == 1:
                both_read.wait(10)   # both have read before either writes: a write skew
            mine.count = other.count + 1
            tx.upsert(mine)

    threads = [threading.Thread(target=copy_plus_one, args=pair)
               for pair in (("x", "y"), ("y", "x"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    counts = sorted(storage.get(AiUsage, key).count for key in ("x", "y"))
    assert counts == [1, 2], "one ran after the other, as if serial"
    assert len(attempts) >= 3, "the loser ran again"


# errors

def test_errors_name_neither_the_password_nor_the_url():
    postgres.require_server()
    secret, server = "pa55-w0rd-never-shown", urlsplit(postgres.admin_url())
    for url in (f"postgresql://storyloom:{secret}@127.0.0.1:1/storyloom",
                f"postgresql://storyloom:{secret}@127.0.0.1:not-a-port/storyloom",
                f"postgresql://no_such_role:{secret}@{server.hostname}:{server.port or 5432}"
                "/no_such_database"):
        with pytest.raises(StorageError) as raised:
            PostgresStorage(url, min_connections=1)
        assert secret not in str(raised.value) and "127.0.0.1" not in str(raised.value)
        assert raised.value.__cause__ is None


def test_statement_errors_name_neither_the_statement_nor_the_data(opened, schema_url):
    storage = opened(min_connections=1)
    with pytest.raises(StorageError) as refused:
        insert(storage, a_story(title="secret title\x00with a NUL byte"))
    with psycopg.connect(schema_url, autocommit=True) as conn:
        conn.execute("DROP TABLE stories")
    with pytest.raises(StorageError) as missing:
        storage.list_visible_stories(Viewer(), PAGE)

    for raised in (refused, missing):
        message = str(raised.value)
        assert "SQLSTATE" in message
        assert not any(word in message for word in ("SELECT", "INSERT", "stories", "secret"))


# plans

@pytest.fixture(scope="module")
def seeded():
    """A schema holding 3,000 worlds and 10,000 stories, vacuumed and analysed."""
    postgres.require_server()
    url = postgres.new_schema_url()
    rng = random.Random(7)
    users = [f"user-{i}" for i in range(300)]
    worlds = []
    for i in range(3000):
        owner = rng.choice(users)
        worlds.append(a_world(owner, name=f"World {i}", visibility=rng.choice(
            ("draft", "private", "private", "private", "public")), collaborators=[
            {"user_id": u, "username": u, "role": rng.choice(("editor", "viewer"))}
            for u in rng.sample(users, 3) if u != owner]))
    stories = [a_story(w.world_id, owner_id=w.owner_id, visibility=rng.choice(
        LEVELS[:LEVELS.index(w.visibility) + 1]), order=i)
        for i, w in enumerate(rng.choice(worlds) for _ in range(10_000))]
    storage = PostgresStorage(url, min_connections=1)
    storage.load_documents([("worlds", w.to_document()) for w in worlds] +
                           [("stories", s.to_document()) for s in stories])
    storage.close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    yield url, worlds
    postgres.drop_schema(url)


def test_start_up_on_a_full_schema_reads_no_data(seeded):
    url, _ = seeded
    started = time.perf_counter()
    storage = PostgresStorage(url, min_connections=1)
    elapsed = time.perf_counter() - started
    storage.close()
    assert elapsed < 2, f"start-up took {elapsed:.2f} s"


def test_list_queries_of_worlds_and_stories_use_indexes(seeded):
    url, worlds = seeded
    storage = PostgresStorage(url, min_connections=1)
    statements = []
    original = storage._rows

    def recording(sql, params=None, prepare=False):
        statements.append((sql, params))
        return original(sql, params, prepare)

    storage._rows = recording
    user, world = worlds[0].owner_id, worlds[1]
    for viewer in (Viewer(), Viewer(user)):
        storage.list_visible_stories(viewer, PAGE)
        storage.list_visible_stories(viewer, PageRequest(20, 20))
        for scope in ("all", "mine", "shared", "public"):
            storage.list_visible_worlds(viewer, scope, None, PAGE)
        storage.visible_totals(viewer)
    storage.stories_of_world(world.world_id, ("private", "public"), PAGE)
    storage.stories_of_owner(user, PAGE)
    storage.world_counts({w.world_id: LEVELS for w in worlds[:20]})
    storage.close()

    with psycopg.connect(url) as conn:
        for sql, params in statements:
            plan = "\n".join(row[0] for row in conn.execute("EXPLAIN " + sql, params))
            assert "Seq Scan on stories" not in plan and "Seq Scan on worlds" not in plan, \
                f"{sql}\n{plan}"


# one truth for every process

def test_a_commit_is_seen_at_once_by_another_storage_on_the_same_schema(opened):
    here, there = opened(min_connections=1), opened(min_connections=1)
    scopes = ("table:worlds", "table:stories")
    marks_before = there.change_marks(scopes)
    world = a_world(name="Shared")
    insert(here, world)

    assert there.get(World, world.world_id) == world
    assert there.change_marks(scopes)[0] != marks_before[0]
    assert there.change_marks(scopes)[1] == marks_before[1]
    with there.transaction() as tx:
        world.name = "Renamed elsewhere"
        tx.update(world)
    assert here.get(World, world.world_id).version == 2
    assert here.list_visible_worlds(Viewer(world.owner_id), "mine", None, PAGE).items == [world]
    assert here.get(Story, "missing") is None


def test_health_tells_whether_writes_can_be_made(opened):
    storage = opened(min_connections=1)
    assert storage.health()["writable"] is True
    storage.close()
    assert storage.health() == {"writable": False, "detail": "storage is closed"}



def test_a_row_another_transaction_holds_is_a_conflict_to_run_again():
    """A first statement that keeps losing its row to other writers ends as a conflict, which
    retry_on_conflict runs again, never as a storage failure."""
    held = translate(psycopg.errors.LockNotAvailable("could not obtain lock on row"))
    assert isinstance(held, TransactionConflict)
    assert "run the transaction again" in str(held)
    failed = translate(psycopg.errors.UndefinedTable("no such table"))
    assert not isinstance(failed, TransactionConflict)


# the change feed

def test_another_process_commit_moves_the_marks_as_soon_as_it_is_acknowledged(opened):
    writer, reader = opened(min_connections=1), opened(min_connections=1)
    scopes = ("table:stories", "world:w-feed", "world:elsewhere")
    for _ in range(50):
        before = reader.change_marks(scopes)
        insert(writer, a_story("w-feed"))
        # No waiting: a cached answer checked right after the commit must already be stale.
        after = reader.change_marks(scopes)
        assert [b != a for b, a in zip(before, after)] == [True, True, False]


def test_a_lost_change_feed_trusts_no_mark_from_before_once_it_listens_again(opened,
                                                                             schema_url):
    writer, reader = opened(min_connections=1), opened(min_connections=1)
    scopes = ("table:worlds",)
    before = reader.change_marks(scopes)
    assert before == reader.change_marks(scopes)
    channel = "storyloom_" + schema_url.rsplit("search_path%3D", 1)[1]
    with psycopg.connect(postgres.database_url(), autocommit=True) as admin:
        ended = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                              "WHERE application_name = %s", (feed_name(channel),)).fetchone()[0]
    assert ended >= 1
    insert(writer, a_world())          # its notification may be lost with the connection
    deadline = time.monotonic() + 10
    while reader.change_marks(scopes) != reader.change_marks(scopes):
        assert time.monotonic() < deadline, "the feed did not come back"
        time.sleep(0.05)
    steady = reader.change_marks(scopes)
    assert steady != before, "a mark from before the loss must not match any more"
    insert(writer, a_world())
    deadline = time.monotonic() + 5
    while reader.change_marks(scopes) == steady and time.monotonic() < deadline:
        time.sleep(0.001)
    assert reader.change_marks(scopes) != steady


def test_a_commit_too_large_to_name_its_scopes_moves_every_mark(opened):
    storage = opened(min_connections=1)
    before = storage.change_marks(("world:untouched",))
    insert(storage, *(a_world() for _ in range(400)))   # 400 world scopes: over 8,000 bytes
    assert storage.change_marks(("world:untouched",)) != before


# migrations of data

def test_story_word_counts_made_by_an_older_rule_are_counted_again_by_the_migration(opened,
                                                                                   schema_url):
    storage = opened()
    story = a_story("w", content="Nguyễn's mother-in-law — **said** _no_.")
    insert(storage, story)
    with psycopg.connect(schema_url, autocommit=True) as conn:
        conn.execute("UPDATE stories SET doc = (doc - 'word_rule') || '{\"word_count\": 7}'")
        conn.execute("DELETE FROM schema_migrations WHERE version = 2")
    storage.close()
    reopened = opened()
    assert reopened.stories_of_world("w").items[0].word_count == 4


def test_world_calendars_of_the_older_shape_are_rewritten_by_the_migration(opened, schema_url):
    storage = opened()
    world = a_world()
    insert(storage, world)
    older = {"months_per_year": 10, "days_per_month": 36, "month_names": [], "eras": []}
    with psycopg.connect(schema_url, autocommit=True) as conn:
        conn.execute("UPDATE worlds SET doc = jsonb_set(doc, '{calendar}', %s::jsonb)",
                     (json.dumps(older),))
        conn.execute("DELETE FROM schema_migrations WHERE version = 3")
    storage.close()
    calendar = opened().get(World, world.world_id).calendar
    assert calendar["months"] == [{"name": "", "days": 36}] * 10 and calendar["leap"] is None


# search words (migration 5: one narrow table kept by triggers)

def _search_ids(storage, word: str, viewer=Viewer("admin", sees_all=True)) -> set:
    return {hit.id for hit in storage.search(viewer, [word], [word], None,
                                             ("world", "story", "entity", "location", "event"),
                                             PAGE).items}


def test_documents_written_before_the_narrow_search_table_are_found_after_the_migration(
        schema_url, monkeypatch):
    import storage.postgres.migrations as migrations
    # Migration 6 adds columns today's writes fill: the older schema has it, not migration 5.
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        tuple(m for m in MIGRATIONS if m[0] <= 4 or m[0] == 6))
    older = PostgresStorage(schema_url)
    world = a_world(name="Cõi Lạc Hồng")
    story = a_story(world.world_id, title="Rồng và Tiên", content="Lạc Long Quân gặp Âu Cơ.")
    insert(older, world, story)
    older.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS)

    storage = PostgresStorage(schema_url)
    try:
        assert sorted(_applied(schema_url)) == [version for version, _, _ in MIGRATIONS]
        assert _search_ids(storage, "au") == {story.story_id}
        assert _search_ids(storage, "lac") == {world.world_id, story.story_id}
        with psycopg.connect(schema_url) as conn:   # the wide tables no longer carry them
            columns = {row[0] for row in conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = 'stories'")}
        assert not {"tsv_title", "tsv_folded", "tsv_exact"} & columns
    finally:
        storage.close()


def test_stories_written_before_their_outline_columns_keep_their_titles_and_world_times(
        schema_url):
    storage = PostgresStorage(schema_url)
    world = a_world(name="Cõi Lạc Hồng")
    story = a_story(world.world_id, title="Rồng và Tiên", content="Lạc Long Quân gặp Âu Cơ.")
    story.world_time = {"year": 1300, "month": 5, "day": 6}
    insert(storage, world, story)
    storage.close()
    with psycopg.connect(schema_url) as conn:     # the schema as migration 5 left it
        conn.execute("ALTER TABLE stories DROP COLUMN title, DROP COLUMN world_time")
        conn.execute("DELETE FROM schema_migrations WHERE version = 6")

    storage = PostgresStorage(schema_url)
    try:
        assert 6 in _applied(schema_url)
        [outline] = storage.story_outlines(world.world_id)
        assert outline.title == "Rồng và Tiên"
        assert outline.world_time == {"year": 1300, "month": 5, "day": 6}
        story.title = "Sơn Tinh, Thủy Tinh"
        story.world_time = None
        with storage.transaction() as tx:
            tx.update(story)
        [outline] = storage.story_outlines(world.world_id)
        assert (outline.title, outline.world_time) == ("Sơn Tinh, Thủy Tinh", None)
    finally:
        storage.close()


def test_search_words_follow_every_write_in_its_own_transaction(opened, schema_url):
    storage = opened()
    world = a_world(name="Eldoria")
    story = a_story(world.world_id, title="Mùa gặt", content="Cánh đồng lúa chín.")
    insert(storage, world, story)
    assert _search_ids(storage, "lua") == {story.story_id}

    story.content = "Bão tuyết trên núi."
    with storage.transaction() as tx:
        tx.update(story)
    assert _search_ids(storage, "lua") == set()
    assert _search_ids(storage, "tuyet") == {story.story_id}

    with pytest.raises(RuntimeError):           # a rolled-back write changes no search word
        with storage.transaction() as tx:
            story.content = "Sa mạc cát vàng."
            tx.update(story)
            raise RuntimeError("abandoned")
    assert _search_ids(storage, "cat") == set()
    assert _search_ids(storage, "tuyet") == {story.story_id}

    assert _search_ids(storage, "tuyet", Viewer()) == set()
    story = storage.get(Story, story.story_id)
    story.visibility = "public"                 # a story's own level moves with it
    world.visibility = "public"
    with storage.transaction() as tx:
        tx.update(story)
        tx.update(world)
    assert _search_ids(storage, "tuyet", Viewer()) == {story.story_id}

    world = storage.get(World, world.world_id)      # a world going private hides its stories
    world.visibility = "private"
    with storage.transaction() as tx:
        tx.update(world)
    assert _search_ids(storage, "tuyet", Viewer()) == set()
    assert _search_ids(storage, "tuyet", Viewer(world.owner_id)) == {story.story_id}
    assert _search_ids(storage, "tuyet", Viewer("stranger")) == set()
    world = storage.get(World, world.world_id)
    world.visibility = "public"
    with storage.transaction() as tx:
        tx.update(world)
    assert _search_ids(storage, "tuyet", Viewer()) == {story.story_id}
    assert _search_ids(storage, "eldoria", Viewer("stranger")) == {world.world_id}

    with storage.transaction() as tx:
        tx.delete(Story, story.story_id)
    assert _search_ids(storage, "tuyet") == set()
    with psycopg.connect(schema_url) as conn:         # the world's row is all that is left
        assert conn.execute("SELECT count(*) FROM search_documents").fetchone()[0] == 1

    kept = a_story(world.world_id, title="Tuyết", visibility="public")
    insert(storage, kept)
    assert _search_ids(storage, "tuyet", Viewer()) == {kept.story_id}
    with storage.transaction() as tx:                 # a world deleted without its stories
        tx.delete(World, world.world_id)
    assert _search_ids(storage, "tuyet", Viewer()) == set()
    assert _search_ids(storage, "tuyet") == {kept.story_id}   # admins still see everything


def test_the_levels_the_search_table_marks_as_seen_by_anyone_are_still_those_of_the_rules():
    assert ANYONE_LEVELS == SEEN_BY[None]
