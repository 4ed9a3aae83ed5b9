"""The storage contract, part 1: documents, versions, unique keys and transactions.

Every test runs against every backend (tests/storage/backends.py).
"""

from __future__ import annotations

import threading

import pytest

from core.models import AiUsage, Entity, Location, Story, TokenRevocation, World
from storage.base import DuplicateKey, StaleVersion, StorageError, retry_on_conflict
from tests.storage.builders import a_location, a_story, a_user, a_world, an_entity, insert


# documents

def test_a_missing_id_reads_as_none(storage):
    assert storage.get(Story, "no-such-id") is None
    assert storage.get_many(Story, ["no-such-id"]) == []


def test_inserted_models_read_back_equal_with_version_one(storage):
    world = a_world(name="Thế giới Ngầm", description="Rồng và \"quotes\"\nnew line",
                    collaborators=[{"user_id": "u2", "username": "bo", "role": "editor"}])
    story = a_story(world.world_id, content="x" * 10_000, entity_ids=["e1", "e2"],
                    world_time={"year": -300, "month": 2, "precision": "approximate"})
    insert(storage, world, story)

    assert world.version == story.version == 1
    assert storage.get(World, world.world_id) == world
    assert storage.get(Story, story.story_id) == story


def test_get_many_follows_the_order_of_the_ids_and_skips_missing(storage):
    stories = [a_story(title=f"s{i}") for i in range(5)]
    insert(storage, *stories)
    wanted = [stories[3].story_id, "missing", stories[0].story_id, stories[4].story_id]

    assert storage.get_many(Story, wanted) == [stories[3], stories[0], stories[4]]


def test_a_story_is_read_with_its_world(storage):
    world = a_world()
    story, orphan = a_story(world.world_id), a_story("no-such-world")
    insert(storage, world, story, orphan)

    assert storage.story_in_world(story.story_id) == (story, world)
    assert storage.story_in_world(orphan.story_id) == (orphan, None)
    assert storage.story_in_world("no-such-story") == (None, None)
    with storage.transaction() as tx:
        assert tx.story_in_world(story.story_id) == (story, world)


def test_stored_models_share_no_state_with_callers(storage):
    story = a_story(entity_ids=["e1"])
    insert(storage, story)
    story.entity_ids.append("changed-after-insert")
    storage.get(Story, story.story_id).entity_ids.append("changed-after-get")

    assert storage.get(Story, story.story_id).entity_ids == ["e1"]


def test_inserting_an_id_twice_raises_duplicate_key(storage):
    story = a_story()
    insert(storage, story)
    with pytest.raises(DuplicateKey):
        insert(storage, story)
    assert storage.get(Story, story.story_id).version == 1


def test_delete_removes_and_ignores_missing_ids(storage):
    kept, gone = a_story(), a_story()
    insert(storage, kept, gone)
    with storage.transaction() as tx:
        tx.delete(Story, gone.story_id, "never-existed")

    assert storage.get(Story, gone.story_id) is None
    assert storage.get(Story, kept.story_id) == kept


# versions

def test_an_update_raises_the_version_by_one(storage):
    story = a_story(title="First")
    insert(storage, story)
    with storage.transaction() as tx:
        read = tx.get(Story, story.story_id)
        read.title = "Second"
        tx.update(read)

    assert read.version == 2
    assert storage.get(Story, story.story_id) == read


def test_an_update_based_on_an_old_version_changes_nothing(storage):
    story = a_story(title="Original")
    insert(storage, story)
    stale = storage.get(Story, story.story_id)
    with storage.transaction() as tx:
        fresh = tx.get(Story, story.story_id)
        fresh.title = "First edit"
        tx.update(fresh)

    stale.title = "Edit from an old copy"
    with pytest.raises(StaleVersion) as raised:
        with storage.transaction() as tx:
            tx.update(stale)
    assert raised.value.stored == 2
    assert storage.get(Story, story.story_id).title == "First edit"


def test_updating_a_missing_document_is_a_stale_version(storage):
    with pytest.raises(StaleVersion) as raised:
        with storage.transaction() as tx:
            tx.update(a_story())
    assert raised.value.stored is None


def test_upsert_inserts_or_replaces_unversioned_records_only(storage):
    usage = AiUsage(usage_id="u:2030-01-01", user_id="u", day="2030-01-01", count=1)
    with storage.transaction() as tx:
        tx.upsert(usage)
    usage.count = 2
    with storage.transaction() as tx:
        tx.upsert(usage)
    assert storage.get(AiUsage, usage.usage_id).count == 2
    with pytest.raises(TypeError):
        with storage.transaction() as tx:
            tx.upsert(a_story())


# unique keys

def test_a_taken_username_or_email_raises_duplicate_key(storage):
    first = a_user("Alice")
    insert(storage, first)

    with pytest.raises(DuplicateKey) as by_name:
        insert(storage, a_user("alice", email="other@example.com"))
    with pytest.raises(DuplicateKey):
        insert(storage, a_user("someone", email="ALICE@example.com"))

    assert by_name.value.table == "users"
    assert storage.user_by("username_key", "alice") == first
    assert storage.user_by("email_key", "alice@example.com") == first
    assert storage.totals()["users"]["total"] == 1


def test_entity_names_and_aliases_are_unique_per_world_without_case_or_marks(storage):
    insert(storage, an_entity("w1", "Nguyễn Trãi", aliases=["Ức Trai"]))

    for clash in (an_entity("w1", "nguyen trai"), an_entity("w1", "Someone", aliases=["UC TRAI"]),
                  an_entity("w1", "Ức Trai")):
        with pytest.raises(DuplicateKey):
            insert(storage, clash)
    insert(storage, an_entity("w2", "Nguyễn Trãi"), a_location("w1", "Nguyễn Trãi"))

    assert storage.named(Entity, "w1", "uc trai").name == "Nguyễn Trãi"
    assert storage.named(Location, "w1", "nguyen trai").name == "Nguyễn Trãi"
    assert storage.named(Entity, "w3", "nguyen trai") is None


def test_unique_keys_are_freed_by_a_rename_and_by_a_delete(storage):
    renamed, deleted = an_entity("w", "Dave"), an_entity("w", "Erin")
    insert(storage, renamed, deleted)
    with storage.transaction() as tx:
        renamed.name = "David"
        tx.update(renamed)
        tx.delete(Entity, deleted.entity_id)

    assert storage.named(Entity, "w", "dave") is None
    assert storage.named(Entity, "w", "david") == renamed
    insert(storage, an_entity("w", "Dave"), an_entity("w", "Erin"))
    assert storage.entities_of_world("w").total == 3


def test_two_entities_can_swap_names_within_one_transaction(storage):
    first, second = an_entity("w", "Ari"), an_entity("w", "Bao")
    insert(storage, first, second)
    with storage.transaction() as tx:
        for model, name in ((first, "swap"), (second, "Ari"), (first, "Bao")):
            model.name = name
            tx.update(model)

    assert storage.named(Entity, "w", "ari") == second
    assert storage.named(Entity, "w", "bao") == first
    assert storage.named(Entity, "w", "swap") is None
    with storage.transaction() as tx:       # the writers' view agrees with the readers'
        assert tx.named(Entity, "w", "ari") == second


def test_two_new_documents_claiming_one_key_in_one_transaction_raise(storage):
    with pytest.raises(DuplicateKey):
        insert(storage, a_user("frank"), a_user("Frank", email="f2@example.com"))
    assert storage.user_by("username_key", "frank") is None


# transactions

def test_an_error_in_the_block_undoes_every_write_of_the_transaction(storage):
    victim, renamed = a_story(title="victim"), a_story(title="before")
    insert(storage, victim, renamed)
    with pytest.raises(RuntimeError):
        with storage.transaction() as tx:
            tx.insert(a_story(title="never"))
            tx.delete(Story, victim.story_id)
            renamed.title = "after"
            tx.update(renamed)
            raise RuntimeError("changed my mind")

    assert storage.get(Story, victim.story_id) == victim
    assert storage.get(Story, renamed.story_id).title == "before"
    assert storage.list_visible_stories(_admin(), _page()).total == 2


def test_a_duplicate_key_undoes_the_whole_transaction(storage):
    insert(storage, a_user("gina"))
    innocent = a_story()
    with pytest.raises(DuplicateKey):
        with storage.transaction() as tx:
            tx.insert(innocent)
            tx.insert(a_user("GINA", email="g2@example.com"))
    assert storage.get(Story, innocent.story_id) is None


def test_a_failed_transaction_cannot_commit_even_if_the_error_is_swallowed(storage):
    insert(storage, a_user("hank"))
    innocent = a_story()
    with pytest.raises(StorageError):
        with storage.transaction() as tx:
            tx.insert(innocent)
            try:
                tx.insert(a_user("hank", email="h2@example.com"))
            except DuplicateKey:
                pass
    assert storage.get(Story, innocent.story_id) is None


def test_a_transaction_reads_its_own_writes(storage):
    world = a_world()
    with storage.transaction() as tx:
        tx.insert(world)
        tx.insert(a_story(world.world_id, order=4))
        tx.insert(an_entity(world.world_id, "Ari", aliases=["The Fox"]))
        assert tx.get(World, world.world_id) == world
        assert tx.last_story_order(world.world_id) == 4
        assert tx.named(Entity, world.world_id, "the fox").name == "Ari"
        assert tx.stories_of_world(world.world_id).total == 1


def test_readers_see_a_transaction_only_once_it_has_committed(storage):
    story = a_story()
    inside, release = threading.Event(), threading.Event()
    seen = {}

    def writer():
        with storage.transaction() as tx:
            tx.insert(story)
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    assert inside.wait(5)
    seen["during"] = storage.get(Story, story.story_id)
    seen["list during"] = storage.list_visible_stories(_admin(), _page()).total
    release.set()
    thread.join()

    assert seen == {"during": None, "list during": 0}
    assert storage.get(Story, story.story_id) == story


def test_concurrent_read_modify_write_transactions_lose_no_update(storage):
    usage = AiUsage(usage_id="counter", user_id="u", day="d", count=0)
    with storage.transaction() as tx:
        tx.upsert(usage)

    @retry_on_conflict
    def increment():
        with storage.transaction() as tx:
            current = tx.get(AiUsage, "counter")
            current.count += 1
            tx.upsert(current)

    def worker():
        for _ in range(25):
            increment()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert storage.get(AiUsage, "counter").count == 200


def test_two_transactions_racing_for_one_unique_name_let_exactly_one_win(storage):
    outcomes, barrier = [], threading.Barrier(6)

    @retry_on_conflict
    def create(n):
        with storage.transaction() as tx:
            tx.insert(an_entity("w-race", "Lê Lợi", description=str(n)))

    def worker(n):
        barrier.wait(5)
        try:
            create(n)
            outcomes.append("created")
        except DuplicateKey:
            outcomes.append("duplicate")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["created"] + ["duplicate"] * 5
    assert storage.entities_of_world("w-race").total == 1


def test_a_transaction_inside_a_transaction_of_the_same_thread_is_refused(storage):
    with storage.transaction():
        with pytest.raises(RuntimeError):
            with storage.transaction():
                pass


# change marks

def test_change_marks_move_for_the_tables_and_worlds_a_commit_touched(storage):
    scopes = ("table:stories", "world:w-a", "world:w-b", "table:users")
    before = storage.change_marks(scopes)
    insert(storage, a_story("w-a"))
    after = storage.change_marks(scopes)

    moved = [scope for scope, old, new in zip(scopes, before, after) if old != new]
    assert moved == ["table:stories", "world:w-a"]


def test_change_marks_do_not_move_for_a_rolled_back_transaction(storage):
    before = storage.change_marks(("table:stories",))
    with pytest.raises(RuntimeError):
        with storage.transaction() as tx:
            tx.insert(a_story())
            raise RuntimeError("no")
    assert storage.change_marks(("table:stories",)) == before


# records

def test_a_session_read_tells_the_user_and_whether_the_token_was_revoked(storage):
    user = a_user("ivy")
    with storage.transaction() as tx:
        tx.insert(user)
        tx.upsert(TokenRevocation(jti="revoked-jti", user_id=user.user_id, expires_at=10))

    assert storage.session(user.user_id, "revoked-jti") == (user, True)
    assert storage.session(user.user_id, "fresh-jti") == (user, False)
    assert storage.session("nobody", "fresh-jti") == (None, False)


def test_expired_revocations_are_listed_oldest_first(storage):
    with storage.transaction() as tx:
        for n, expires in enumerate((50, 10, 30, 99)):
            tx.upsert(TokenRevocation(jti=f"j{n}", user_id="u", expires_at=expires))
    assert storage.expired_revocations(now=40, limit=10) == ["j1", "j2"]
    assert storage.expired_revocations(now=40, limit=1) == ["j1"]


def test_documents_and_load_documents_copy_a_storage_whole(storage_backend, storage):
    world = a_world()
    insert(storage, a_user("jo"), world, a_story(world.world_id), an_entity(world.world_id))
    pairs = list(storage.documents())
    twin = storage_backend.open_empty()

    assert twin.load_documents(pairs) == 4
    assert sorted(map(_key, twin.documents())) == sorted(map(_key, pairs))
    assert twin.named(Entity, world.world_id, "ari").world_id == world.world_id
    with pytest.raises(StorageError):
        twin.load_documents(pairs)


def _key(pair):
    table, doc = pair
    return table, sorted(doc.items(), key=lambda item: item[0]).__repr__()


def _admin():
    from core.visibility import Viewer
    return Viewer("admin", sees_all=True)


def _page():
    from storage.base import PageRequest
    return PageRequest(1, 100)

