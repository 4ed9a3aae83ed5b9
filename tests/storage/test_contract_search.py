"""Storage.search on every backend: matching, ranking, visibility, index upkeep and restarts."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys

import pytest

from core.models import Story, World
from core.paging import PageRequest
from core.search_text import KINDS, exact_terms, folded_terms
from core.visibility import ANONYMOUS, Viewer
from storage.sqlite_search import INDEX_FILE
from tests.storage.backends import FACTORIES
from tests.storage.builders import a_location, a_story, a_world, an_entity, an_event, insert

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADMIN = Viewer("admin-1", sees_all=True)


def found(storage, q, viewer=ANONYMOUS, world_id=None, kinds=KINDS, page=PageRequest(1, 100)):
    """[(kind, id, score)] of a search, best first."""
    hits = storage.search(viewer, folded_terms(q), exact_terms(q), world_id, kinds, page)
    return [(h.kind, h.id, h.score) for h in hits.items]


def found_ids(storage, q, **options) -> list[str]:
    return [doc_id for _, doc_id, _ in found(storage, q, **options)]


def seed(storage) -> dict:
    """A public and a private world with one of each kind, and a draft story."""
    public = a_world(name="Đất Việt", description="Sông Hồng chảy qua Hà Nội",
                     visibility="public", owner_id="owner-1")
    hidden = a_world(name="Bí mật Hà Nội", visibility="private", owner_id="owner-2",
                     collaborators=[{"user_id": "viewer-2", "username": "v", "role": "viewer"}])
    models = {
        "public": public, "hidden": hidden,
        "story": a_story(public.world_id, title="Mùa thu Hà Nội", content="lá vàng rơi",
                         visibility="public"),
        "draft": a_story(public.world_id, title="Nháp", content="ha noi chưa xong",
                         visibility="draft"),
        "secret": a_story(hidden.world_id, title="Thư", content="gửi Hà Nội",
                          visibility="private"),
        "entity": an_entity(public.world_id, name="Lý Công Uẩn", aliases=["Lý Thái Tổ"],
                            description="dời đô về Hà Nội"),
        "place": a_location(public.world_id, name="Đà Lạt", description="thành phố sương"),
        "event": an_event(public.world_id, title="Dời đô", description="ra Thăng Long"),
    }
    insert(storage, *models.values())
    return models


def test_folded_terms_find_accented_text(storage):
    m = seed(storage)
    assert found_ids(storage, "da lat") == [m["place"].location_id]
    assert found_ids(storage, "THANG LONG") == [m["event"].event_id]
    assert found_ids(storage, "ly thai to") == [m["entity"].entity_id]


def test_exact_accents_and_titles_rank_first(storage):
    m = seed(storage)
    ranked = found(storage, "Hà Nội")
    assert [doc_id for _, doc_id, _ in ranked] == [
        m["story"].story_id, m["public"].world_id, m["entity"].entity_id]
    plain = found(storage, "ha noi", viewer=Viewer("owner-1"))
    assert plain[0][1] == m["draft"].story_id   # the only text written "ha noi" as typed


def test_a_bonus_needs_every_word_in_the_title_or_with_its_accents(storage):
    world = a_world(name="Cõi", visibility="public")
    split = a_story(world.world_id, title="Sông xanh", content="Hà Nội", visibility="public")
    mixed = a_story(world.world_id, title="Chuyện", content="sông Hà song", visibility="public")
    insert(storage, world, split, mixed)

    def scores(q):
        return {doc_id: value for _, doc_id, value in found(storage, q)}
    # One word in the title and the other only in the text earns no title bonus, whichever
    # word comes first; one word typed as written and the other not earns no accent bonus.
    assert scores("song ha") == scores("ha song") == {split.story_id: 1.0, mixed.story_id: 1.0}
    assert scores("Hà song") == {split.story_id: 1.0, mixed.story_id: 5.0}
    assert scores("Sông xanh") == {split.story_id: 7.0}
    assert scores("hà sông") == {split.story_id: 5.0, mixed.story_id: 5.0}


def test_visibility_follows_the_world_and_the_story(storage):
    m = seed(storage)
    everyone = set(found_ids(storage, "ha noi"))
    assert m["draft"].story_id not in everyone and m["secret"].story_id not in everyone
    assert m["hidden"].world_id not in everyone
    owner = set(found_ids(storage, "ha noi", viewer=Viewer("owner-1")))
    assert m["draft"].story_id in owner and m["secret"].story_id not in owner
    viewer = set(found_ids(storage, "ha noi", viewer=Viewer("viewer-2")))
    assert {m["secret"].story_id, m["hidden"].world_id} <= viewer
    assert set(found_ids(storage, "ha noi", viewer=ADMIN)) == everyone | {
        m["draft"].story_id, m["secret"].story_id, m["hidden"].world_id}


def test_filters_and_pages(storage):
    m = seed(storage)
    # The hidden world holds the words in its name, the public one only in its description.
    assert found_ids(storage, "ha noi", viewer=ADMIN, kinds=("world",)) == [
        m["hidden"].world_id, m["public"].world_id]
    assert set(found_ids(storage, "ha noi", viewer=ADMIN, world_id=m["hidden"].world_id)) == {
        m["hidden"].world_id, m["secret"].story_id}
    whole = found(storage, "ha noi", viewer=ADMIN)
    pages = [found(storage, "ha noi", viewer=ADMIN, page=PageRequest(n, 2)) for n in (1, 2, 3, 4)]
    assert sum(pages, []) == whole
    page = storage.search(ADMIN, ["ha", "noi"], ["ha", "noi"], None, KINDS, PageRequest(9, 2))
    assert (page.items, page.total) == ([], len(whole))


def test_writes_and_deletes_reach_the_index_at_once(storage):
    m = seed(storage)
    story = m["story"]
    story.content = "mưa phùn"
    with storage.transaction() as tx:
        tx.update(story)
    assert found_ids(storage, "mua phun") == [story.story_id]
    with storage.transaction() as tx:
        tx.delete(Story, story.story_id)
    assert found_ids(storage, "mua phun") == []
    with storage.transaction() as tx:
        tx.delete(World, m["hidden"].world_id)
    assert m["hidden"].world_id not in found_ids(storage, "ha noi", viewer=ADMIN)


def test_a_failed_transaction_leaves_the_index_alone(storage):
    m = seed(storage)
    with pytest.raises(RuntimeError):
        with storage.transaction() as tx:
            tx.insert(a_story(m["public"].world_id, title="phantom", visibility="public"))
            raise RuntimeError("undo")
    assert found_ids(storage, "phantom") == []


def test_search_survives_reopening(durable_backend):
    storage = durable_backend.open()
    m = seed(storage)
    storage.close()
    again = durable_backend.open()
    assert found_ids(again, "da lat") == [m["place"].location_id]


def on_every_backend(tmp_path, seed, ask) -> dict:
    """{backend name: ask(storage)} after seed(storage), on a fresh storage of each backend."""
    answers = {}
    for name, factory in FACTORIES.items():
        if name == "postgresql":
            from tests.support import postgres
            postgres.require_server()
        made = factory(tmp_path / name)
        try:
            storage = made.open()
            seed(storage)
            answers[name] = ask(storage)
        finally:
            made.cleanup()
    return answers


def test_backends_rank_alike(tmp_path):
    """The same data gives the same hits, scores and order on every backend."""
    answers = on_every_backend(tmp_path, seed_fixed, lambda storage: [
        found(storage, q, viewer=v)
        for q in ("ha noi", "Hà Nội", "HÀ", "hoà", "hòa", "song", "đô", "x y z")
        for v in (ANONYMOUS, Viewer("owner-1"), ADMIN)])
    assert answers["memory"] == answers["tinydb"] == answers["postgresql"]
    assert any(len(a) > 2 for a in answers["memory"])


def test_backends_rank_and_page_generated_documents_alike(tmp_path):
    """Generated texts fill every rank (title, accents, both, neither): every backend gives
    the same hits, scores and order, with and without the accents, and its pages put together
    make the whole answer, whatever their size."""
    def ask(storage) -> list:
        answers, rng = [], random.Random(3)
        for _ in range(30):
            q = " ".join(rng.sample(WORDS, rng.choice((1, 1, 2))))
            for viewer in (ANONYMOUS, Viewer("owner-1"), ADMIN):
                whole = every_page(storage, q, viewer, 100)
                assert every_page(storage, q, viewer, 7) == whole, q
                plain = every_page(storage, q, viewer, 100, accents=False)
                assert every_page(storage, q, viewer, 6, accents=False) == plain, q
                answers += [whole, plain]
        return answers
    answers = on_every_backend(tmp_path, lambda storage: seed_generated(
        storage, random.Random(7)), ask)
    assert answers["memory"] == answers["tinydb"] == answers["postgresql"]
    ranks = {score for answer in answers["memory"][::2] for _, _, score in answer}
    assert ranks == {1.0, 3.0, 5.0, 7.0}
    assert {score for answer in answers["memory"][1::2] for _, _, score in answer} == {1.0, 3.0}
    assert max(len(answer) for answer in answers["memory"]) > 20


def every_page(storage, q, viewer, size, accents=True) -> list[tuple]:
    """[(kind, id, score)] of every page of a search in turn; each page's total is their sum.
    Without accents, no hit earns their bonus."""
    exact = exact_terms(q) if accents else []
    hits, total, number = [], None, 1
    while total is None or len(hits) < total:
        page = storage.search(viewer, folded_terms(q), exact, None, KINDS,
                              PageRequest(number, size))
        assert page.total == (page.total if total is None else total)
        assert page.items or not page.total
        total = page.total
        hits += [(h.kind, h.id, h.score) for h in page.items]
        number += 1
    after = storage.search(viewer, folded_terms(q), exact, None, KINDS,
                           PageRequest(number, size))
    assert (after.items, after.total) == ([], total)
    return hits


WORDS = ["ha", "hà", "há", "noi", "nội", "song", "sông", "da", "đà", "lat", "lạt", "mua", "mùa"]


def seed_generated(storage, rng) -> None:
    """Three worlds (public, private, draft) with stories at every level and entities (names
    unique in their world), fixed ids, texts drawn from WORDS."""
    models = []
    for w, level in enumerate(("public", "private", "draft")):
        world = a_world(name=" ".join(rng.choices(WORDS, k=2)), visibility=level,
                        owner_id=("owner-1", "owner-2")[w % 2])
        world.world_id = f"w-{w}"
        models.append(world)
        for n in range(40):
            title = " ".join(rng.choices(WORDS, k=rng.randint(1, 3)))
            story = a_story(world.world_id, title=title,
                            content=" ".join(rng.choices(WORDS, k=rng.randint(2, 8))),
                            visibility=rng.choice(("public", "private", "draft")),
                            owner_id=world.owner_id)
            story.story_id = f"s-{w}-{n:02}"
            entity = an_entity(world.world_id, name=" ".join(rng.choices(WORDS, k=2) + [str(n)]),
                               description=" ".join(rng.choices(WORDS, k=4)))
            entity.entity_id = f"e-{w}-{n:02}"
            models += [story, entity]
    insert(storage, *models)


def seed_fixed(storage) -> None:
    """Documents with fixed ids, so that every backend holds the same data."""
    world = a_world(name="Hà Nội xưa", description="sông Hồng, hoà bình", visibility="public")
    world.world_id = "w-1"
    models = [world]
    texts = ["Hà Nội mùa thu", "ha noi", "HÀ NỘI đêm", "Thái Hòa", "sông Đà", "Hạ Long",
             "đô thành", "Do thanh", "hoà nhạc"]
    for n, text in enumerate(texts):
        story = a_story("w-1", title=text if n % 2 else "Chuyện", content=f"{text} và sông",
                        visibility=("public", "draft")[n % 3 == 2])
        story.story_id = f"s-{n}"
        entity = an_entity("w-1", name=f"{text} {n}", description=text)
        entity.entity_id = f"e-{n}"
        models += [story, entity]
    insert(storage, *models)


# TinyDB: the SQLite index beside the journal


@pytest.fixture
def tinydb(tmp_path):
    made = FACTORIES["tinydb"](tmp_path)
    yield made
    made.cleanup()


def test_a_deleted_index_file_is_rebuilt(tinydb):
    storage = tinydb.open()
    m = seed(storage)
    storage.close()
    os.remove(os.path.join(tinydb.data_dir, INDEX_FILE))
    assert found_ids(tinydb.open(), "da lat") == [m["place"].location_id]


def test_a_lagging_index_catches_up_on_start(tinydb):
    storage = tinydb.open()
    m = seed(storage)
    storage.close()
    index = os.path.join(tinydb.data_dir, INDEX_FILE)
    shutil.copy(index, index + ".old")
    storage = tinydb.open()
    place = m["place"]
    place.name = "Sa Pa"
    with storage.transaction() as tx:
        tx.update(place)
        tx.insert(a_story(m["public"].world_id, title="Huế", visibility="public"))
    storage.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(index + suffix):
            os.remove(index + suffix)
    shutil.move(index + ".old", index)   # as if these writes never reached the index
    again = tinydb.open()
    assert found_ids(again, "sa pa") == [place.location_id]
    assert found_ids(again, "da lat") == []
    assert len(found_ids(again, "hue")) == 1


def test_a_garbled_index_file_is_rebuilt(tinydb):
    storage = tinydb.open()
    m = seed(storage)
    storage.close()
    index = os.path.join(tinydb.data_dir, INDEX_FILE)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(index + suffix):
            os.remove(index + suffix)
    with open(index, "wb") as handle:
        handle.write(b"not a database" * 100)
    assert found_ids(tinydb.open(), "da lat") == [m["place"].location_id]


CRASH_SCRIPT = """
import json, sys, time
sys.path.insert(0, "api")
{open_code}
from core.models import Story, World
world = World(world_id="w-crash", name="Crash", owner_id="o", visibility="public",
              created_at="2031-01-01T00:00:00.000Z", updated_at="2031-01-01T00:00:00.000Z")
with storage.transaction() as tx:
    tx.insert(world)
for i in range(50):
    with storage.transaction() as tx:
        tx.insert(Story(story_id=f"s-{{i}}", world_id="w-crash", title=f"Đà Lạt {{i}}",
                        owner_id="o", created_at="2031-01-01T00:00:00.000Z",
                        updated_at="2031-01-01T00:00:00.000Z", visibility="public"))
print(json.dumps({{"done": 50}}), flush=True)
time.sleep(600)
"""


def test_acknowledged_writes_are_found_after_kill_9(durable_backend):
    script = CRASH_SCRIPT.format(open_code=durable_backend.open_code())
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = child.stdout.readline()
        assert line, child.stderr.read().decode()
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    storage = durable_backend.open()
    assert len(found_ids(storage, "da lat")) == 50
