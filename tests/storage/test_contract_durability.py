"""The storage contract, part 3: what outlives a close or a crash, and what writes cost.

Runs against the backends whose data outlives the process (not the in-memory one).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from core.models import Entity, Story, User
from core.visibility import Viewer
from storage.base import DuplicateKey, PageRequest, StorageError
from tests.storage.backends import ROOT
from tests.storage.builders import a_story, a_user, a_world, an_entity, insert, stamp

ADMIN = Viewer("admin", sees_all=True)


def test_everything_survives_close_and_reopen(durable_backend):
    storage = durable_backend.open()
    user, world = a_user("hana"), a_world(name="Kept", visibility="public",
                                          collaborators=[{"user_id": "bob", "username": "bob",
                                                          "role": "editor"}])
    stories = [a_story(world.world_id, title=f"story {i}", order=i) for i in range(30)]
    insert(storage, user, world, an_entity(world.world_id, "Ari"), *stories)
    with storage.transaction() as tx:
        stories[0].title = "changed"
        tx.update(stories[0])
        tx.delete(Story, stories[1].story_id)
    storage.close()
    storage.close()   # closing twice is harmless

    reopened = durable_backend.open()
    assert reopened.get(User, user.user_id) == user
    assert reopened.user_by("username_key", "hana") == user
    assert reopened.get(Story, stories[0].story_id) == stories[0]
    assert reopened.get(Story, stories[0].story_id).version == 2
    assert reopened.get(Story, stories[1].story_id) is None
    assert reopened.stories_of_world(world.world_id).total == 29
    assert reopened.get_many(Story, [s.story_id for s in stories[2:]]) == stories[2:]
    assert reopened.list_visible_worlds(Viewer("bob"), "shared", None, PageRequest()).items == \
        [world]
    assert reopened.named(Entity, world.world_id, "ari").name == "Ari"
    with pytest.raises(DuplicateKey):
        insert(reopened, a_user("HANA", email="other@example.com"))


def test_a_closed_storage_refuses_transactions(durable_backend):
    storage = durable_backend.open()
    storage.close()
    with pytest.raises(StorageError):
        insert(storage, a_story())


CRASH_SCRIPT = """
import json, sys, time
sys.path.insert(0, "api")
{open_code}
from core.models import Story, User
from core.models._base import new_id
stamp = "2031-01-01T00:00:00.000Z"
def story(i):
    return Story(story_id=new_id(), world_id="w-crash", title=f"t{{i}}", owner_id="o",
                 created_at=stamp, updated_at=stamp, visibility="public")
stories = [story(i) for i in range(200)]
for s in stories[:150]:
    with storage.transaction() as tx:                   # one durable write each
        tx.insert(s)
with storage.transaction() as tx:                       # and one batch
    for s in stories[150:]:
        tx.insert(s)
with storage.transaction() as tx:
    stories[0].title = "renamed"
    tx.update(stories[0])
    tx.delete(Story, stories[1].story_id, stories[2].story_id)
user = User(user_id=new_id(), username="crash", email="c@example.com", password_hash="x",
            created_at=stamp, updated_at=stamp)
with storage.transaction() as tx:
    tx.insert(user)
print(json.dumps({{"stories": [s.to_dict() for s in stories], "user": user.to_dict()}}),
      flush=True)
time.sleep(600)                                         # killed with SIGKILL long before this
"""


def test_acknowledged_writes_survive_a_crash_without_close(durable_backend):
    script = CRASH_SCRIPT.format(open_code=durable_backend.open_code())
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = child.stdout.readline()
        assert line, child.stderr.read().decode()
        expected = json.loads(line)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL

    storage = durable_backend.open()
    stories = [Story.from_dict(d) for d in expected["stories"]]
    assert storage.get(Story, stories[0].story_id).title == "renamed"
    assert storage.get_many(Story, [stories[1].story_id, stories[2].story_id]) == []
    assert storage.get_many(Story, [s.story_id for s in stories[3:]]) == stories[3:]
    assert storage.stories_of_world("w-crash", ("public",)).total == 198
    assert storage.user_by("username_key", "crash") == User.from_dict(expected["user"])


# cost

def _timed_writes(storage, world_id: str, existing: list, rounds: int = 3) -> float:
    """The best of a few rounds of 200 writes (100 inserts, 100 indexed-field updates)."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for i in range(100):
            insert(storage, a_story(world_id, title=f"timed {i}", content="word " * 60))
            target = existing[i]
            target.visibility = "public" if target.visibility != "public" else "private"
            target.updated_at = stamp()
            with storage.transaction() as tx:
                tx.update(target)
        best = min(best, time.perf_counter() - started)
    return best


def _load(storage, world_ids: list, count: int) -> list:
    stories = []
    for start in range(0, count, 500):
        batch = [a_story(world_ids[i % len(world_ids)], title=f"bulk {i}",
                         content="lorem ipsum " * 40) for i in range(start, start + 500)]
        insert(storage, *batch)
        stories.extend(batch)
    return stories


def test_write_cost_does_not_grow_with_the_size_of_the_data(durable_backend):
    storage = durable_backend.open()
    world_ids = [f"world-{i}" for i in range(100)]
    small = _load(storage, world_ids, 1_000)
    durable_backend.settle(storage)
    at_1k = _timed_writes(storage, "world-0", small)

    _load(storage, world_ids, 19_000)
    durable_backend.settle(storage)
    at_20k = _timed_writes(storage, "world-0", small)

    assert storage.totals()["stories"]["total"] > 20_000
    assert at_20k / at_1k < 3, f"200 writes: {at_1k * 1000:.0f} ms at 1k documents, " \
                               f"{at_20k * 1000:.0f} ms at 20k"

