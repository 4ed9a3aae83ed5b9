"""The storage contract (api/storage/base.py) that every backend must keep.

Each test runs once per backend in BACKENDS, through the `storage` fixture (and, for reopening,
`storage_backend`). A backend is described by a small factory class that opens storage over the
same data again (reopen), gives the Python that opens it in a fresh interpreter (crash tests),
finishes background work before a timing, and cleans up. Adding PostgreSQL means writing a
`PostgresBackend` with those methods (open() on a per-test schema from DATABASE_URL) and
adding "postgresql" to BACKENDS.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from core.clock import iso
from core.models import Story, User, World
from core.models._base import new_id
from core.text import fold
from storage.base import DuplicateKey, Query, StorageError
from storage.tinydb_storage import TinyDBStorage

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BACKENDS = ["tinydb"]


class TinyDBBackend:
    """The embedded backend over one data directory."""

    name = "tinydb"

    def __init__(self, tmp_path):
        self.data_dir = str(tmp_path / "tinydb-data")
        self._opened = []

    def open(self):
        """Storage over this backend's data (a new instance each call)."""
        storage = TinyDBStorage(self.data_dir)
        self._opened.append(storage)
        return storage

    def open_code(self) -> str:
        """Python binding `storage` to this backend's data in a fresh interpreter."""
        return ("from storage.tinydb_storage import TinyDBStorage\n"
                f"storage = TinyDBStorage({self.data_dir!r})\n")

    def settle(self, storage) -> None:
        """Finish background work (a snapshot the loading asked for) before a timing."""
        storage.snapshot()

    def cleanup(self) -> None:
        for storage in self._opened:
            storage.close()


FACTORIES = {"tinydb": TinyDBBackend}


@pytest.fixture(params=BACKENDS)
def storage_backend(request, tmp_path):
    """How to open (and reopen) one backend's storage over fresh data."""
    made = FACTORIES[request.param](tmp_path)
    yield made
    made.cleanup()


@pytest.fixture
def storage(storage_backend):
    return storage_backend.open()


# builders

_ticks = itertools.count()
_EPOCH = datetime(2030, 1, 1, tzinfo=timezone.utc)


def stamp(seconds: int | None = None) -> str:
    """An ISO timestamp; without an argument, one later than every earlier call's."""
    return iso(_EPOCH + timedelta(seconds=next(_ticks) if seconds is None else seconds))


def a_user(username: str, **fields) -> User:
    now = stamp()
    return User(user_id=new_id(), username=username, email=f"{username}@example.com",
                password_hash="$argon2id$not-a-real-hash", created_at=now, updated_at=now,
                **fields)


def a_world(owner_id: str = "owner-1", **fields) -> World:
    now = stamp()
    fields.setdefault("name", "Eldoria")
    return World(world_id=new_id(), owner_id=owner_id, created_at=now, updated_at=now, **fields)


def a_story(world_id: str = "world-1", **fields) -> Story:
    now = stamp()
    for name, default in (("title", "A tale"), ("owner_id", "owner-1"), ("created_at", now),
                          ("updated_at", now)):
        fields.setdefault(name, default)
    return Story(story_id=new_id(), world_id=world_id, **fields)


def ids(models) -> list[str]:
    return [m.story_id if isinstance(m, Story) else m.world_id for m in models]


# get, save, replace, delete

def test_get_of_a_missing_id_is_none(storage):
    assert storage.get(Story, "no-such-id") is None
    assert storage.get_many(Story, ["no-such-id"]) == []


def test_saved_models_read_back_equal(storage):
    world = a_world(name="Thế giới Ngầm", description="Rồng và \"quotes\"\nnew line",
                    collaborators=[{"user_id": "u2", "username": "bo", "role": "editor"}],
                    calendar={"months_per_year": 13, "days_per_month": 28,
                              "month_names": ["Một"], "eras": [{"name": "Old", "start_year": -5}]})
    story = a_story(world.world_id, content="x" * 10_000, entity_ids=["e1", "e2"],
                    world_time={"year": -300, "month": 2, "precision": "approximate"})
    storage.save(world, story)

    assert storage.get(World, world.world_id) == world
    assert storage.get(Story, story.story_id) == story


def test_save_replaces_the_whole_document(storage):
    story = a_story(title="First", entity_ids=["e1", "e2"], genre="epic")
    storage.save(story)

    story.title, story.entity_ids, story.genre = "Second", [], ""
    storage.save(story)

    assert storage.get(Story, story.story_id) == story
    assert storage.count(Story) == 1


def test_stored_models_do_not_share_state_with_callers(storage):
    story = a_story(entity_ids=["e1"])
    storage.save(story)
    story.entity_ids.append("changed-after-save")
    read = storage.get(Story, story.story_id)
    read.entity_ids.append("changed-after-get")

    assert storage.get(Story, story.story_id).entity_ids == ["e1"]


def test_delete_removes_and_ignores_missing_ids(storage):
    kept, gone = a_story(), a_story()
    storage.save(kept, gone)

    storage.delete(Story, gone.story_id, "never-existed")

    assert storage.get(Story, gone.story_id) is None
    assert storage.get(Story, kept.story_id) == kept
    assert storage.count(Story) == 1
    assert storage.find(Story).total == 1


def test_get_many_follows_the_order_of_the_ids_and_skips_missing(storage):
    stories = [a_story(title=f"s{i}") for i in range(5)]
    storage.save(*stories)
    wanted = [stories[3].story_id, "missing", stories[0].story_id, stories[4].story_id]

    found = storage.get_many(Story, wanted)

    assert [s.story_id for s in found] == [wanted[0], wanted[2], wanted[3]]
    assert found[0] == stories[3]


# unique keys

def test_unique_key_held_by_another_document_raises_duplicate_key(storage):
    first = a_user("Alice")
    storage.save(first)
    clash = a_user("alice")   # the same folded username_key

    with pytest.raises(DuplicateKey) as raised:
        storage.save(clash)

    assert raised.value.key == "username_key"
    assert storage.get(User, clash.user_id) is None
    assert storage.find_one_by(User, "username_key", "alice") == first
    assert storage.count(User) == 1


def test_resaving_a_document_keeps_its_own_unique_keys(storage):
    user = a_user("carol")
    storage.save(user)
    user.display_name = "Carol C."
    storage.save(user)

    assert storage.find_one_by(User, "email_key", "carol@example.com") == user


def test_unique_keys_are_freed_by_a_rename_and_by_a_delete(storage):
    renamed, deleted = a_user("dave"), a_user("erin")
    storage.save(renamed, deleted)
    renamed.username, renamed.email = "david", "david@example.com"
    storage.save(renamed)
    storage.delete(User, deleted.user_id)

    assert storage.find_one_by(User, "username_key", "dave") is None
    assert storage.find_one_by(User, "username_key", "david") == renamed
    storage.save(a_user("dave"), a_user("erin"))   # both names are free again
    assert storage.count(User) == 3


def test_two_new_documents_with_one_unique_key_in_one_commit_raise(storage):
    with pytest.raises(DuplicateKey):
        storage.save(a_user("frank"), a_user("Frank"))

    assert storage.count(User) == 0
    assert storage.find_one_by(User, "username_key", "frank") is None


def test_a_duplicate_key_rejects_the_whole_commit(storage):
    owner, victim = a_user("gina"), a_story()
    storage.save(owner, victim)
    innocent = a_story()

    with pytest.raises(DuplicateKey):
        storage.commit(saves=[innocent, a_user("GINA")], deletes=[(Story, victim.story_id)])

    assert storage.get(Story, innocent.story_id) is None
    assert storage.get(Story, victim.story_id) == victim


# find

@pytest.fixture
def library(storage):
    """Two worlds of stories with known fields; returns the stories by name."""
    w1, w2 = "world-one", "world-two"
    named = {
        "a": a_story(w1, title="Dragon Dawn", visibility="public", order=3, genre="epic",
                     entity_ids=["hero", "dragon"]),
        "b": a_story(w1, title="Night of Embers", visibility="private", order=1, genre="saga",
                     entity_ids=["hero"]),
        "c": a_story(w1, title="Dragon Dusk", visibility="draft", order=2, genre="epic"),
        "d": a_story(w2, title="Sea Songs", visibility="public", order=1, genre="saga",
                     entity_ids=["dragon"]),
        "e": a_story(w2, title="Dragonfly", visibility="private", order=2, genre="",
                     entity_ids=[]),
        "f": a_story(w2, title="Ashes", visibility="public", order=3, genre="epic",
                     entity_ids=["hero"]),
    }
    storage.save(*named.values())
    return named


def names(library, page) -> list[str]:
    by_id = {story.story_id: name for name, story in library.items()}
    return [by_id[s.story_id] for s in page.items]


def test_find_without_a_filter_returns_everything_newest_change_first(storage, library):
    page = storage.find(Story)
    assert names(library, page) == ["f", "e", "d", "c", "b", "a"]
    assert page.total == 6
    assert page.items[0] == library["f"]


def test_find_returns_the_union_of_alternatives(storage, library):
    query = Query(any_of=({"world_id": "world-one", "visibility": "public"},
                          {"world_id": "world-one", "visibility": "draft"},
                          {"world_id": "world-two"}))
    page = storage.find(Story, query)
    assert names(library, page) == ["f", "e", "d", "c", "a"]
    assert page.total == 5


def test_find_matches_list_valued_fields_that_contain_the_value(storage, library):
    assert sorted(names(library, storage.find(
        Story, Query(any_of=({"entity_ids": "hero"},))))) == ["a", "b", "f"]
    assert names(library, storage.find(
        Story, Query(any_of=({"entity_ids": "dragon", "visibility": "public"},)))) == ["d", "a"]


def test_find_matches_list_valued_indexed_fields(storage):
    shared = a_world(collaborators=[{"user_id": "bob", "username": "bob", "role": "editor"},
                                    {"user_id": "cy", "username": "cy", "role": "viewer"}])
    other = a_world(collaborators=[{"user_id": "cy", "username": "cy", "role": "editor"}])
    storage.save(shared, other, a_world())

    assert ids(storage.find(World, Query(any_of=({"editor_ids": "bob"},))).items) == \
        [shared.world_id]
    assert ids(storage.find(World, Query(any_of=({"editor_ids": "cy"},))).items) == \
        [other.world_id]
    assert storage.count(World, {"viewer_ids": "cy", "visibility": "private"}) == 1


def test_find_on_fields_without_an_index_still_answers(storage, library):
    page = storage.find(Story, Query(any_of=({"genre": "epic"},), limit=2))
    assert names(library, page) == ["f", "c"]
    assert page.total == 3


def test_text_filter_keeps_only_matches_and_counts_only_them(storage, library):
    query = Query(any_of=({"world_id": "world-one"}, {"world_id": "world-two"}),
                  text=fold("DRAGON"), text_fields=("title_key",), limit=2)
    page = storage.find(Story, query)
    assert names(library, page) == ["e", "c"]
    assert page.total == 3
    assert storage.find(Story, Query(text="no such words", text_fields=("title_key",))).total == 0


def test_order_by_another_field_in_both_directions(storage, library):
    one_world = ({"world_id": "world-one"},)
    ascending = storage.find(Story, Query(any_of=one_world, order_by="order", descending=False))
    descending = storage.find(Story, Query(any_of=one_world, order_by="order"))
    assert names(library, ascending) == ["b", "c", "a"]
    assert names(library, descending) == ["a", "c", "b"]


def test_equal_sort_values_are_ordered_by_id_so_pages_are_stable(storage):
    same_time = stamp(10**6)
    stories = [a_story(title=f"t{i}") for i in range(7)]
    for story in stories:
        story.updated_at = same_time
    storage.save(*stories)

    pages = [storage.find(Story, Query(offset=o, limit=3)).items for o in (0, 3, 6)]
    assert [s.story_id for page in pages for s in page] == \
        sorted((s.story_id for s in stories), reverse=True)


def test_offset_and_limit_page_through_without_gaps_or_repeats(storage, library):
    query_pages = [storage.find(Story, Query(offset=offset, limit=4)) for offset in (0, 4, 8)]
    assert [len(p.items) for p in query_pages] == [4, 2, 0]
    assert {p.total for p in query_pages} == {6}
    seen = [s.story_id for p in query_pages for s in p.items]
    assert sorted(seen) == sorted(s.story_id for s in library.values())
    assert storage.find(Story, Query(limit=0)).items == []


def test_find_ids_ignores_offset_and_limit(storage, library):
    found = storage.find_ids(Story, Query(any_of=({"genre": "epic"},), offset=1, limit=1))
    assert found == [library[n].story_id for n in ("f", "c", "a")]


def test_count_agrees_with_find(storage, library):
    assert storage.count(Story) == 6
    assert storage.count(Story, {"world_id": "world-one"}, {"world_id": "world-two",
                                                           "visibility": "public"}) == 5
    assert storage.count(Story, {"genre": "saga"}) == 2
    assert storage.count(Story, {"world_id": "nowhere"}) == 0


# the same answers as a plain-Python reference, for random data and queries

WORLDS, VISIBILITIES, GENRES, ENTITIES = ("w0", "w1", "w2"), ("draft", "private", "public"), \
    ("", "epic", "saga"), ("e0", "e1", "e2")

story_fields = st.fixed_dictionaries({
    "world_id": st.sampled_from(WORLDS), "visibility": st.sampled_from(VISIBILITIES),
    "genre": st.sampled_from(GENRES), "order": st.integers(0, 4),
    "title": st.text("ab ", min_size=1, max_size=5).filter(str.strip),
    "entity_ids": st.lists(st.sampled_from(ENTITIES), unique=True, max_size=2),
    "updated_at": st.integers(0, 5).map(stamp),
})
extra_condition = st.one_of(st.just({}), st.fixed_dictionaries({"visibility": st.sampled_from(
    VISIBILITIES)}), st.fixed_dictionaries({"genre": st.sampled_from(GENRES)}))
any_of_strategy = st.one_of(
    st.just(({},)),
    st.tuples(st.fixed_dictionaries({"visibility": st.sampled_from(VISIBILITIES)})),
    st.lists(st.tuples(st.sampled_from(WORLDS), extra_condition), min_size=1, max_size=3,
             unique_by=lambda pair: pair[0]).map(
        lambda pairs: tuple({"world_id": w, **extra} for w, extra in pairs)),
    st.tuples(st.sampled_from(ENTITIES), extra_condition).map(
        lambda pair: ({"entity_ids": pair[0], **pair[1]},)),
)
query_strategy = st.builds(
    Query, any_of=any_of_strategy, text=st.one_of(st.none(), st.text("ab", max_size=2)),
    text_fields=st.just(("title_key",)),
    order_by=st.sampled_from([None, "order", "updated_at", "title_key"]),
    descending=st.booleans(), offset=st.integers(0, 6), limit=st.one_of(st.none(),
                                                                        st.integers(0, 5)))


def reference_find(docs: list[dict], query: Query) -> tuple[list[str], int]:
    """What find must answer, computed the obvious way (ties broken by id)."""
    def holds(doc, field, value):
        have = doc.get(field)
        return have == value or (isinstance(have, list) and value in have)

    hits = [d for d in docs if any(all(holds(d, f, v) for f, v in alt.items())
                                   for alt in query.any_of)]
    if query.text:
        hits = [d for d in hits if any(query.text in d[f] for f in query.text_fields)]
    order = query.order_by or "updated_at"
    hits.sort(key=lambda d: (d[order], d["story_id"]), reverse=query.descending)
    end = None if query.limit is None else query.offset + query.limit
    return [d["story_id"] for d in hits[query.offset:end]], len(hits)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(story_fields, max_size=25), queries=st.lists(query_strategy, min_size=1,
                                                                 max_size=8))
def test_find_count_and_find_ids_agree_with_a_reference(storage, rows, queries):
    storage.delete(Story, *storage.find_ids(Story))   # the storage is shared by all examples
    stories = [a_story(**row) for row in rows]
    storage.save(*stories)
    docs = [s.to_document() for s in stories]

    for query in queries:
        expected_ids, expected_total = reference_find(docs, query)
        page = storage.find(Story, query)
        assert [s.story_id for s in page.items] == expected_ids, query
        assert page.total == expected_total, query
        unpaged = Query(any_of=query.any_of, text=query.text, text_fields=query.text_fields,
                        order_by=query.order_by, descending=query.descending)
        assert storage.find_ids(Story, query) == reference_find(docs, unpaged)[0], query
        if not query.text:
            assert storage.count(Story, *query.any_of) == expected_total, query


# commit

def test_commit_applies_saves_and_deletes_together(storage):
    old, changed = a_story(title="old"), a_story(title="before")
    storage.save(old, changed)
    changed.title = "after"
    new = a_story(title="new")

    storage.commit(saves=[changed, new], deletes=[(Story, old.story_id)])

    assert storage.get(Story, old.story_id) is None
    assert storage.get(Story, changed.story_id).title == "after"
    assert storage.get(Story, new.story_id) == new
    assert storage.count(Story) == 2


# indexes follow updates

def test_indexes_follow_changes_of_indexed_fields(storage_backend, storage):
    story = a_story("world-a", visibility="draft", owner_id="ann")
    bystander = a_story("world-a", visibility="public", owner_id="ann")
    world = a_world(collaborators=[{"user_id": "bob", "username": "bob", "role": "editor"}])
    storage.save(story, bystander, world)

    story.world_id, story.visibility, story.owner_id = "world-b", "public", "ben"
    story.updated_at = stamp(-10**6)   # the sort field too: now the oldest change
    world.collaborators = [{"user_id": "bob", "username": "bob", "role": "viewer"}]
    storage.save(story, world)

    def check(current):
        assert current.find_ids(Story, Query(any_of=({"world_id": "world-a"},))) == \
            [bystander.story_id]
        assert current.find_ids(Story, Query(any_of=({"world_id": "world-b",
                                                     "visibility": "public"},))) == \
            [story.story_id]
        assert current.count(Story, {"world_id": "world-a", "visibility": "draft"}) == 0
        assert current.count(Story, {"owner_id": "ben"}) == 1
        assert current.find_ids(Story) == [bystander.story_id, story.story_id]
        assert current.count(World, {"editor_ids": "bob"}) == 0
        assert current.count(World, {"viewer_ids": "bob"}) == 1

    check(storage)
    storage.close()
    check(storage_backend.open())


def test_deleted_documents_leave_no_index_entries(storage):
    story = a_story("world-z", visibility="public")
    storage.save(story)
    storage.delete(Story, story.story_id)

    assert storage.find(Story, Query(any_of=({"world_id": "world-z"},))).total == 0
    assert storage.count(Story, {"visibility": "public"}) == 0
    assert storage.find(Story).items == []


# durability

def test_everything_survives_close_and_reopen(storage_backend, storage):
    user, world = a_user("hana"), a_world(name="Kept")
    stories = [a_story(world.world_id, title=f"story {i}") for i in range(30)]
    storage.save(user, world, *stories)
    stories[0].title = "changed"
    storage.save(stories[0])
    storage.delete(Story, stories[1].story_id)
    storage.close()
    storage.close()   # closing twice is harmless

    reopened = storage_backend.open()
    assert reopened.get(User, user.user_id) == user
    assert reopened.find_one_by(User, "username_key", "hana") == user
    assert reopened.get(Story, stories[0].story_id).title == "changed"
    assert reopened.get(Story, stories[1].story_id) is None
    assert reopened.count(Story, {"world_id": world.world_id}) == 29
    assert reopened.get_many(Story, [s.story_id for s in stories[2:]]) == stories[2:]
    with pytest.raises(DuplicateKey):
        reopened.save(a_user("HANA"))


def test_a_closed_storage_refuses_writes(storage):
    storage.close()
    with pytest.raises(StorageError):
        storage.save(a_story())


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
    storage.save(s)                                     # one durable write each
storage.save(*stories[150:])                            # and one batch
stories[0].title = "renamed"
storage.save(stories[0])
storage.delete(Story, stories[1].story_id, stories[2].story_id)
user = User(user_id=new_id(), username="crash", email="c@example.com", password_hash="x",
            created_at=stamp, updated_at=stamp)
storage.save(user)
print(json.dumps({{"stories": [s.to_dict() for s in stories], "user": user.to_dict()}}),
      flush=True)
time.sleep(600)                                         # killed with SIGKILL long before this
"""


def test_acknowledged_writes_survive_a_crash_without_close(storage_backend):
    script = CRASH_SCRIPT.format(open_code=storage_backend.open_code())
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

    storage = storage_backend.open()
    stories = [Story.from_dict(d) for d in expected["stories"]]
    assert storage.get(Story, stories[0].story_id).title == "renamed"
    assert storage.get_many(Story, [stories[1].story_id, stories[2].story_id]) == []
    assert storage.get_many(Story, [s.story_id for s in stories[3:]]) == stories[3:]
    assert storage.count(Story, {"world_id": "w-crash", "visibility": "public"}) == 198
    assert storage.find_one_by(User, "username_key", "crash") == \
        User.from_dict(expected["user"])


# cost

def _timed_writes(storage, world_id: str, existing: list, rounds: int = 3) -> float:
    """The best of a few rounds of 200 writes (100 inserts, 100 indexed-field updates)."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for i in range(100):
            storage.save(a_story(world_id, title=f"timed {i}", content="word " * 60))
            target = existing[i]
            target.visibility = "public" if target.visibility != "public" else "private"
            target.updated_at = stamp()
            storage.save(target)
        best = min(best, time.perf_counter() - started)
    return best


def _load(storage, world_ids: list, count: int) -> list:
    stories = []
    for start in range(0, count, 500):
        batch = [a_story(world_ids[i % len(world_ids)], title=f"bulk {i}",
                         content="lorem ipsum " * 40) for i in range(start, start + 500)]
        storage.save(*batch)
        stories.extend(batch)
    return stories


def test_write_cost_does_not_grow_with_the_size_of_the_data(storage_backend, storage):
    world_ids = [f"world-{i}" for i in range(100)]
    small = _load(storage, world_ids, 1_000)
    storage_backend.settle(storage)
    at_1k = _timed_writes(storage, "world-0", small)

    _load(storage, world_ids, 19_000)
    storage_backend.settle(storage)
    at_20k = _timed_writes(storage, "world-0", small)

    assert storage.count(Story) > 20_000
    assert at_20k / at_1k < 3, f"200 writes: {at_1k * 1000:.0f} ms at 1k documents, " \
                               f"{at_20k * 1000:.0f} ms at 20k"



def _journal_with_two_lines(directory):
    from storage.journal import Journal, encode_record
    journal = Journal(str(directory))
    journal.open_next_segment()
    seq_a = journal.append(encode_record({"p": [], "d": [["worlds", "a"]]}))
    seq_b = journal.append(encode_record({"p": [], "d": [["worlds", "b"]]}))
    return journal, seq_a, seq_b


def _replayed_deletes(directory) -> list[str]:
    from storage.journal import Journal
    return [doc_id for record in Journal(str(directory)).replay(0) for _, doc_id in record["d"]]


def test_a_failed_fsync_is_not_taken_as_durable_by_writers_in_its_batch(tmp_path, monkeypatch):
    """B's line rode in A's batch; A's fsync failed, so B is told so, and later writes go on."""
    from storage.journal import encode_record
    journal, seq_a, seq_b = _journal_with_two_lines(tmp_path)
    calls, real_fsync = [], os.fsync

    def fsync_failing_once(fd):
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_failing_once)
    with pytest.raises(OSError):
        journal.sync(seq_a)
    with pytest.raises(StorageError):
        journal.sync(seq_b)
    journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", "c"]]})))
    assert len(calls) == 2
    journal.close()
    assert _replayed_deletes(tmp_path) == ["c"]


def test_a_partly_written_batch_is_cut_off_so_later_records_stay_readable(tmp_path, monkeypatch):
    """A disk-full error mid-batch must not leave half a line before the next records."""
    from storage.journal import encode_record
    journal, seq_a, _ = _journal_with_two_lines(tmp_path)
    real_write, calls = os.write, []

    def write_half_then_fail(fd, data):
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[:len(data) // 2]))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write_half_then_fail)
    with pytest.raises(OSError):
        journal.sync(seq_a)
    journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", "c"]]})))
    journal.close()
    assert _replayed_deletes(tmp_path) == ["c"]


def test_lines_lost_with_a_failed_rotation_are_never_reported_durable(tmp_path, monkeypatch):
    """A snapshot's rotation flushes pending lines; if that fails, their writers hear of it."""
    journal, seq_a, _ = _journal_with_two_lines(tmp_path)
    monkeypatch.setattr(os, "fsync", _failing(OSError(5, "Input/output error")))
    with pytest.raises(OSError):
        journal.rotate()
    monkeypatch.undo()
    with pytest.raises(StorageError):
        journal.sync(seq_a)
    journal.close()


def test_a_failed_write_that_cannot_be_cut_off_stops_all_later_writes(tmp_path, monkeypatch):
    """Appending after half a line would damage the journal, so it refuses instead."""
    from storage.journal import encode_record
    journal, seq_a, _ = _journal_with_two_lines(tmp_path)
    monkeypatch.setattr(os, "fsync", _failing(OSError(5, "Input/output error")))
    monkeypatch.setattr(os, "ftruncate", _failing(OSError(5, "Input/output error")))
    with pytest.raises(OSError):
        journal.sync(seq_a)
    monkeypatch.undo()
    with pytest.raises(StorageError, match="restart"):
        journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", "c"]]})))


def test_concurrent_writers_share_fsyncs_and_every_line_is_kept(tmp_path, monkeypatch):
    """Group commit: while one fsync runs, the others' lines gather into the next batch."""
    from storage.journal import Journal, encode_record
    journal = Journal(str(tmp_path))
    journal.open_next_segment()
    real_fsync, fsyncs = os.fsync, []

    def slow_fsync(fd):
        fsyncs.append(fd)
        time.sleep(0.005)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)

    def writer(n):
        for i in range(40):
            journal.sync(journal.append(encode_record({"p": [], "d": [["worlds", f"{n}-{i}"]]})))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    journal.close()
    monkeypatch.undo()
    assert sorted(_replayed_deletes(tmp_path)) == sorted(f"{n}-{i}" for n in range(8)
                                                         for i in range(40))
    assert len(fsyncs) < 320 / 2, f"{len(fsyncs)} fsyncs for 320 writes"


def _failing(error):
    def fail(*args):
        raise error
    return fail


def test_a_write_that_never_reached_the_disk_is_undone_in_memory(tmp_path, monkeypatch):
    """Memory shows only what a restart would: a failed update, insert or delete leaves no trace."""
    from storage.tinydb_storage import TinyDBStorage
    storage = TinyDBStorage(str(tmp_path / "data"))
    kept, gone = a_world(name="Kept"), a_world(name="Gone")
    storage.save(kept, gone)
    kept.name, fresh = "Renamed", a_world(name="Fresh")
    monkeypatch.setattr(os, "fsync", _failing(OSError(5, "Input/output error")))
    with pytest.raises(StorageError):
        storage.save(kept, fresh)
    with pytest.raises(StorageError):
        storage.delete(World, gone.world_id)
    monkeypatch.undo()
    seen = sorted(world.name for world in storage.find(World, Query()).items)
    assert seen == ["Gone", "Kept"]
    assert storage.find(World, Query(any_of=({"owner_id": "owner-1"},))).total == 2
    storage.close()
    reopened = TinyDBStorage(str(tmp_path / "data"))
    assert sorted(world.name for world in reopened.find(World, Query()).items) == seen
    reopened.close()


def test_the_snapshot_is_a_file_tinydb_itself_opens(tmp_path):
    """Snapshots stay in TinyDB's own format, so a data folder can be read with TinyDB alone."""
    from tinydb import TinyDB
    from tinydb.storages import JSONStorage
    from tinydb.table import Table

    from storage.tinydb_storage import SNAPSHOT_FILE, TinyDBStorage

    class UuidKeyedTable(Table):
        document_id_class = str     # our ids are uuid strings, TinyDB's default is int

    class UuidKeyedTinyDB(TinyDB):
        table_class = UuidKeyedTable

    storage = TinyDBStorage(str(tmp_path / "data"))
    world = a_world(name="Đại Việt")
    storage.save(world, a_story(world.world_id, title="Sơn Tinh, Thủy Tinh"))
    storage.close()
    with UuidKeyedTinyDB(str(tmp_path / "data" / SNAPSHOT_FILE), storage=JSONStorage,
                         access_mode="r") as db:
        assert [doc["name"] for doc in db.table("worlds").all()] == ["Đại Việt"]
        assert [doc["title"] for doc in db.table("stories").all()] == ["Sơn Tinh, Thủy Tinh"]
