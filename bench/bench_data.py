"""The API benchmark's data: the same documents written into TinyDB and into PostgreSQL.

Authors, worlds and stories are made as the model classes the services use (seeded, so two runs
store the same documents), inserted into a TinyDBStorage through transactions of 500, and the
documents TinyDB stored are then loaded into a fresh PostgreSQL schema with
`PostgresStorage.load_documents` (one transaction, COPY): both backends hold identical data.
Visibility stays within the `user` role's quotas: 5 public worlds and 50 public stories per
author.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import datetime, timedelta, timezone

PASSWORD = "bench-password-1"
AUTHORS = 10
BATCH = 500
WORDS = ("dragon river empire ash lantern oath mountain whisper tide ember crown forest "
         "sword moon harbor exile song storm ruin shadow garden iron veil").split()


def make_models(worlds: int, stories: int, seed: int = 7) -> tuple[list, list, dict]:
    """(authors and worlds, stories, facts): the models to store and the ids the bench uses."""
    from core.clock import iso
    from core.models import Story, User, World
    from services.passwords import Passwords

    rng, epoch = random.Random(seed), datetime(2030, 1, 1, tzinfo=timezone.utc)
    new_id = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    stamp = lambda n: iso(epoch + timedelta(seconds=n))  # noqa: E731
    password_hash = Passwords().hash(PASSWORD)   # the server's default cost
    authors = [User(user_id=new_id(), username=f"author{n:02d}",
                    email=f"author{n:02d}@example.com", password_hash=password_hash,
                    created_at=stamp(n), updated_at=stamp(n)) for n in range(AUTHORS)]
    world_list = []
    for n in range(worlds):
        rank = n // AUTHORS      # 0.. per author: the first 5 are public (the user quota)
        visibility = "public" if rank < 5 else ("private" if rank < 8 else "draft")
        world_list.append(World(world_id=new_id(), name=f"World {n}", owner_id=authors[
            n % AUTHORS].user_id, created_at=stamp(100 + n), updated_at=stamp(100 + n),
            description=" ".join(rng.choices(WORDS, k=80)), visibility=visibility))
    by_owner = {a.user_id: a.username for a in authors}
    facts = {"authors": [a.username for a in authors], "public_story_ids": [],
             "story_ids": {a.username: [] for a in authors},
             "world_ids": {a.username: [w.world_id for w in world_list
                                        if w.owner_id == a.user_id] for a in authors}}
    public_used, orders, story_list = {a.user_id: 0 for a in authors}, {}, []
    for n in range(stories):
        world = world_list[n % worlds]
        public = world.visibility == "public" and public_used[world.owner_id] < 50
        public_used[world.owner_id] += public
        orders[world.world_id] = orders.get(world.world_id, 0) + 1
        story = Story(story_id=new_id(), world_id=world.world_id, owner_id=world.owner_id,
                      title=f"{rng.choice(WORDS).title()} {n}", created_at=stamp(1000 + n),
                      updated_at=stamp(1000 + n), order=orders[world.world_id],
                      content=" ".join(rng.choices(WORDS, k=rng.randint(40, 500))),
                      summary=" ".join(rng.choices(WORDS, k=12)), genre="fantasy",
                      visibility="public" if public else (
                          "draft" if world.visibility == "draft" else "private"))
        facts["story_ids"][by_owner[world.owner_id]].append(story.story_id)
        if public:
            facts["public_story_ids"].append(story.story_id)
        story_list.append(story)
    return [*authors, *world_list], story_list, facts


def load_tinydb(data_dir: str, first: list, stories: list) -> list[tuple[str, dict]]:
    """Insert the models into a TinyDBStorage in transactions of BATCH; returns its documents."""
    from storage.tinydb_storage import TinyDBStorage

    storage = TinyDBStorage(data_dir)
    try:
        for batch in [first, *(stories[i:i + BATCH] for i in range(0, len(stories), BATCH))]:
            with storage.transaction() as tx:
                for model in batch:
                    tx.insert(model)
        return list(storage.documents())
    finally:
        storage.close()     # a snapshot: the server starts as after a clean restart


def load_postgres(url: str, pairs: list[tuple[str, dict]], analyze: bool = True) -> dict:
    """Load the documents into the empty schema of `url`; returns the seconds each step took.

    `analyze` runs ANALYZE afterwards, as autovacuum would within a minute of a bulk load, so
    the planner works from statistics and the figures do not change when autovacuum wakes up.
    """
    import psycopg
    from storage.postgres_storage import PostgresStorage

    started = time.perf_counter()
    storage = PostgresStorage(url)
    try:
        storage.load_documents(pairs)
    finally:
        storage.close()
    took = {"load_s": round(time.perf_counter() - started, 2)}
    if analyze:
        started = time.perf_counter()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ANALYZE")
        took["analyze_s"] = round(time.perf_counter() - started, 2)
    return took
