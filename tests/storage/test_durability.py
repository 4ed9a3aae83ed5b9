"""Crashes and concurrency: every acknowledged write survives `kill -9`, torn tails and 16 writers.

The server tests run `python run.py` as a real process (tests/support/server.py) and count a
write as acknowledged only when its 201 answer arrived in full.
"""

from __future__ import annotations

import glob
import json
import os
import random
import subprocess
import sys
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from core.models import Story
from core.models._base import new_id
from core.visibility import Viewer
from storage.base import PageRequest
from storage.journal import encode_record
from storage.tinydb_storage import SNAPSHOT_FILE, TinyDBStorage
from tests.support.server import ServerError, ServerProcess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADMIN = {"ADMIN_USERNAME": "root", "ADMIN_EMAIL": "root@example.com",
         "ADMIN_PASSWORD": "root-password-1"}
STAMP = "2031-01-01T00:00:00.000000Z"


# talking to the server

class Api:
    """A keep-alive session against one server; raises on connection errors, not on 4xx."""

    def __init__(self, server: ServerProcess, token: str | None = None):
        self.server, self.token = server, token
        self.session = requests.Session()

    def call(self, method: str, path: str, body=None, params=None) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return self.session.request(method, self.server.url(path), json=body, params=params,
                                    headers=headers, timeout=30)

    def created(self, path: str, body: dict, kind: str) -> dict:
        """POST and return the created object; AssertionError unless the answer is 201."""
        answer = self.call("POST", path, body)
        assert answer.status_code == 201, (path, answer.status_code, answer.text[:300])
        return answer.json()["data"][kind]

    def register(self, username: str) -> tuple[dict, str]:
        data = self.call("POST", "/api/auth/register", {
            "username": username, "email": f"{username}@example.com",
            "password": "correct horse"})
        assert data.status_code == 201, data.text[:300]
        body = data.json()["data"]
        return body["user"], body["token"]

    def close(self) -> None:
        self.session.close()


class Ledger:
    """Every acknowledged write: kind -> id -> (owner's token, expected name or title)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = {"user": {}, "world": {}, "story": {}}
        self.recent = {"user": {}, "world": {}, "story": {}}

    def ack(self, kind: str, doc_id: str, token: str, label: str) -> None:
        with self.lock:
            self.acked[kind][doc_id] = self.recent[kind][doc_id] = (token, label)

    def take_recent(self) -> dict:
        with self.lock:
            recent, self.recent = self.recent, {"user": {}, "world": {}, "story": {}}
        return recent

    def total(self) -> int:
        return sum(len(v) for v in self.acked.values())


def check_each(server: ServerProcess, entries: dict) -> None:
    """GET every entry by id with its owner's token; each must answer 200 with its label."""
    local = threading.local()

    def one(item):
        kind, doc_id, token, label = item
        if not hasattr(local, "api"):
            local.api = Api(server)
            sessions.append(local.api)
        local.api.token = token
        path = {"user": "/api/auth/me", "world": f"/api/worlds/{doc_id}",
                "story": f"/api/stories/{doc_id}"}[kind]
        answer = local.api.call("GET", path)
        if answer.status_code != 200:
            return f"{kind} {doc_id}: {answer.status_code} {answer.text[:200]}"
        doc = answer.json()["data"][kind]
        got = (doc.get("user_id"), doc.get("username")) if kind == "user" else \
            (doc.get(f"{kind}_id"), doc.get("name" if kind == "world" else "title"))
        return None if got == (doc_id, label) else f"{kind} {doc_id}: got {got}"

    items = [(kind, doc_id, token, label) for kind, found in entries.items()
             for doc_id, (token, label) in found.items()]
    sessions = []
    try:
        with ThreadPoolExecutor(4) as pool:
            problems = [p for p in pool.map(one, items) if p]
    finally:
        for api in sessions:
            api.close()
    assert not problems, f"{len(problems)} acknowledged writes missing, e.g. {problems[:5]}" \
                         f"\n{server.log_tail(20)}"


def listed(api: Api, path: str, key: str) -> dict:
    """id -> title/name of every item of a paginated list, all pages."""
    found, page = {}, 1
    while True:
        answer = api.call("GET", path, params={"page": page, "page_size": 100})
        assert answer.status_code == 200, answer.text[:300]
        data = answer.json()["data"]
        found.update({item[f"{key}_id"]: item["title" if key == "story" else "name"]
                      for item in data["items"]})
        if page * 100 >= data["total"]:
            return found
        page += 1


def check_all_listed(server: ServerProcess, admin_token: str, ledger: Ledger) -> None:
    """The admin's lists hold every acknowledged world and story, with the names sent."""
    api = Api(server, admin_token)
    try:
        for kind, path in (("world", "/api/worlds"), ("story", "/api/stories")):
            present = listed(api, path, kind)
            lost = {i: label for i, (_, label) in ledger.acked[kind].items()
                    if present.get(i) != label}
            assert not lost, f"{len(lost)} acknowledged {kind} writes lost: " \
                             f"{list(lost.items())[:5]}\n{server.log_tail(20)}"
    finally:
        api.close()


def admin_token(server: ServerProcess) -> str:
    answer = requests.post(server.url("/api/auth/login"), timeout=10, json={
        "username": ADMIN["ADMIN_USERNAME"], "password": ADMIN["ADMIN_PASSWORD"]})
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]["token"]


# (a) kill -9 at random moments

class Writer(threading.Thread):
    """Registers a user, then creates worlds and stories as them until the server dies."""

    def __init__(self, server, ledger, name: str, seed: int):
        super().__init__(daemon=True)
        self.server, self.ledger, self.name = server, ledger, name
        self.random = random.Random(seed)
        self.failure = None         # anything but a dead server is a failure

    def run(self) -> None:
        api = Api(self.server)
        try:
            user, api.token = api.register(self.name)
            self.ledger.ack("user", user["user_id"], api.token, self.name)
            while True:
                world = api.created("/api/worlds", {"name": f"{self.name} world"}, "world")
                self.ledger.ack("world", world["world_id"], api.token, world["name"])
                for n in range(self.random.randint(2, 6)):
                    title = f"{self.name} story {n}"
                    story = api.created("/api/stories", {
                        "world_id": world["world_id"], "title": title,
                        "content": "ink " * self.random.randint(10, 2000)}, "story")
                    self.ledger.ack("story", story["story_id"], api.token, title)
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
            pass            # the server was killed: whatever was in flight is unacknowledged
        except Exception as exc:  # noqa: BLE001 - reported by the test
            self.failure = exc
        finally:
            api.close()


@pytest.mark.processes
def test_every_acknowledged_write_survives_repeated_kill_9(tmp_path):
    rng = random.Random(20240607)
    ledger = Ledger()
    # SNAPSHOT_MB=1 makes snapshots (and journal rotation) happen between and during the kills.
    server = ServerProcess(tmp_path / "data", env={**ADMIN, "SNAPSHOT_MB": "1"})
    kills_during_writes = 0
    try:
        server.start()
        token = admin_token(server)
        for round_no in range(24):
            if round_no % 8 == 4:   # now and then, die while starting (replaying the journal)
                server.kill9()
                server.start(wait=False)
                time.sleep(rng.uniform(0.05, 0.6))
                server.kill9()
                server.start()
            writers = [Writer(server, ledger, f"r{round_no}w{i}", rng.random())
                       for i in range(3)]
            for writer in writers:
                writer.start()
            deadline = time.monotonic() + 20   # let the writing get going, then kill at random
            while not ledger.recent["story"] and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.5))
            server.kill9()
            for writer in writers:
                writer.join(30)
                assert not writer.is_alive(), "a writer hung after the kill"
                assert writer.failure is None, f"{writer.failure!r}\n{server.log_tail(20)}"

            server.start()   # nothing unacknowledged may stop it from starting
            recent = ledger.take_recent()
            kills_during_writes += bool(recent["story"])
            check_each(server, recent)
            check_all_listed(server, token, ledger)

        # Worlds and stories were each fetched by id after the restart that followed their
        # write and listed after every restart since; the accounts are fetched once more.
        check_each(server, {"user": ledger.acked["user"]})
        assert kills_during_writes >= 20, "most kills should land while stories are written"
        assert len(ledger.acked["story"]) > 200, "the writers should have written plenty"
    finally:
        server.stop()
    assert os.path.exists(tmp_path / "data" / SNAPSHOT_FILE)
    with open(tmp_path / "data" / SNAPSHOT_FILE, encoding="utf-8") as snapshot:
        assert len(json.load(snapshot)["stories"]) >= len(ledger.acked["story"])


# (b) sixteen writers at once

def a_story(world_id: str, title: str, **fields) -> Story:
    return Story(story_id=new_id(), world_id=world_id, title=title, owner_id="o",
                 created_at=STAMP, updated_at=STAMP, **fields)


def _sixteen_writers(storage, per_thread: int) -> tuple[dict, list]:
    """16 threads save, update and delete stories; returns kept id -> title, and errors."""
    kept, errors, lock = {}, [], threading.Lock()
    start = threading.Barrier(16)

    def work(thread_no: int):
        world_id = f"world-{thread_no % 4}"
        mine = {}
        try:
            start.wait()
            for n in range(per_thread):
                story = a_story(world_id, f"t{thread_no}-{n}", content="x" * 500)
                with storage.transaction() as tx:
                    tx.insert(story)
                mine[story.story_id] = story
                if n % 10 == 9:   # an update and a delete in one transaction
                    first, *_ = mine.values()
                    first.title += " (edited)"
                    doomed = list(mine)[-2]
                    with storage.transaction() as tx:
                        tx.update(first)
                        tx.delete(Story, doomed)
                    del mine[doomed]
                assert storage.get(Story, story.story_id) is not None   # read your writes
            with lock:
                kept.update({i: s.title for i, s in mine.items()})
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return kept, errors


def _assert_holds(storage, kept: dict) -> None:
    found = storage.get_many(Story, list(kept))
    assert {s.story_id: s.title for s in found} == kept
    assert storage.totals()["stories"]["total"] == len(kept)
    per_world = [storage.stories_of_world(f"world-{n}") for n in range(4)]
    assert sum(page.total for page in per_world) == len(kept)
    assert sorted(s.story_id for page in per_world for s in page.items) == sorted(kept)
    everything = storage.list_visible_stories(Viewer("admin", sees_all=True),
                                              PageRequest(1, 100_000))
    assert sorted(s.story_id for s in everything.items) == sorted(kept)


@pytest.mark.slow
def test_sixteen_threads_writing_in_process_lose_nothing(tmp_path):
    # A small snapshot threshold makes snapshots run while the threads write.
    storage = TinyDBStorage(str(tmp_path / "data"), snapshot_bytes=200_000)
    try:
        kept, errors = _sixteen_writers(storage, per_thread=120)
        assert not errors, errors[:3]
        _assert_holds(storage, kept)
    finally:
        storage.close()
    reopened = TinyDBStorage(str(tmp_path / "data"))
    try:
        _assert_holds(reopened, kept)
    finally:
        reopened.close()


CRASHING_WRITERS = """
import sys, threading
sys.path.insert(0, "api")
from core.models import Story
from core.models._base import new_id
from storage.tinydb_storage import TinyDBStorage
storage = TinyDBStorage(sys.argv[1], snapshot_bytes=100_000)
out = threading.Lock()
def work(n):
    while True:
        story = Story(story_id=new_id(), world_id=f"w{n}", title=f"t{n}", owner_id="o",
                      created_at="2031-01-01T00:00:00Z", updated_at="2031-01-01T00:00:00Z",
                      content="y" * 300)
        with storage.transaction() as tx:
            tx.insert(story)
        with out:                               # printed only once the write returned
            sys.stdout.write(story.story_id + "\\n")
            sys.stdout.flush()
for n in range(16):
    threading.Thread(target=work, args=(n,), daemon=True).start()
threading.Event().wait()
"""


@pytest.mark.processes
def test_sixteen_threads_killed_mid_write_lose_no_acknowledged_save(tmp_path):
    data_dir = str(tmp_path / "data")
    child = subprocess.Popen([sys.executable, "-c", CRASHING_WRITERS, data_dir], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    acked = []
    try:
        deadline = time.monotonic() + 30
        while len(acked) < 2_000 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acked.append(line.decode().strip())
    finally:
        child.kill()
        rest, errors = child.communicate()
    acked += rest.decode().split()
    assert len(acked) >= 2_000, errors.decode()[-2000:]

    storage = TinyDBStorage(data_dir)
    try:
        found = {s.story_id for s in storage.get_many(Story, acked)}
        assert len(found) == len(set(acked)), f"{len(set(acked)) - len(found)} saves lost"
    finally:
        storage.close()


@pytest.mark.processes
def test_sixteen_clients_writing_through_the_server_lose_nothing(tmp_path):
    ledger, failures = Ledger(), []
    start = threading.Barrier(16)

    def client(n: int):
        api = Api(server)
        try:
            user, api.token = api.register(f"client{n}")
            ledger.ack("user", user["user_id"], api.token, f"client{n}")
            world = api.created("/api/worlds", {"name": f"world {n}"}, "world")
            ledger.ack("world", world["world_id"], api.token, f"world {n}")
            start.wait()
            for i in range(25):
                story = api.created("/api/stories", {"world_id": world["world_id"],
                                                     "title": f"c{n} s{i}"}, "story")
                ledger.ack("story", story["story_id"], api.token, f"c{n} s{i}")
        except Exception as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)
        finally:
            api.close()

    with ServerProcess(tmp_path / "data") as server:
        threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not failures, f"{failures[:3]}\n{server.log_tail(20)}"
        assert len(ledger.acked["story"]) == 16 * 25
        check_each(server, ledger.acked)
        server.kill9()
        server.start()
        check_each(server, ledger.acked)


# (c) torn and damaged journal tails, and snapshot + journal

def _seed(server: ServerProcess, ledger: Ledger, stories: int = 5) -> tuple[Api, dict]:
    api = Api(server)
    user, api.token = api.register("seed")
    ledger.ack("user", user["user_id"], api.token, "seed")
    world = api.created("/api/worlds", {"name": "Seeded"}, "world")
    ledger.ack("world", world["world_id"], api.token, "Seeded")
    story = None
    for n in range(stories):
        story = api.created("/api/stories", {"world_id": world["world_id"],
                                             "title": f"seed {n}"}, "story")
        ledger.ack("story", story["story_id"], api.token, f"seed {n}")
    return api, {"user": user, "world": world, "story": story}


def _forged_line(last_story: dict) -> tuple[str, bytes]:
    """A journal record adding a story the server never acknowledged."""
    doc = Story.from_dict(last_story)
    doc.story_id, doc.title = new_id(), "never acknowledged"
    return doc.story_id, encode_record({"p": [["stories", doc.to_document()]], "d": []})


def _bad_crc(line: bytes) -> bytes:
    crc = int(line[:8], 16) ^ 0x1
    return b"%08x" % crc + line[8:]


def _garbage(line: bytes) -> bytes:
    return b"\x00\xff\xfe not a record {{{ \x01" * 3 + b"\n"


@pytest.mark.slow
def test_a_torn_journal_tail_is_kept_aside_and_everything_before_it_kept(tmp_path):
    ledger = Ledger()
    server = ServerProcess(tmp_path / "data")
    try:
        server.start()
        api, made = _seed(server, ledger)
        api.close()
        server.kill9()

        segment = max(glob.glob(str(tmp_path / "data" / "journal.*.log")))
        good_size = os.path.getsize(segment)
        assert good_size > 0
        forged_id, line = _forged_line(made["story"])
        assert zlib.crc32(line[9:-1]) == int(line[:8], 16)   # the forged line itself is sound
        torn = line[: len(line) // 2]
        with open(segment, "ab") as journal:
            journal.write(torn)

        server.start()
        assert os.path.getsize(segment) == good_size, "the torn tail should be cut off"
        kept = glob.glob(segment + ".torn-*")
        assert len(kept) == 1 and open(kept[0], "rb").read() == torn, "... and kept aside"
        check_each(server, ledger.acked)
        owner = Api(server, ledger.acked["user"][made["user"]["user_id"]][0])
        assert owner.call("GET", f"/api/stories/{forged_id}").status_code == 404

        later = owner.created("/api/stories", {"world_id": made["world"]["world_id"],
                                               "title": "after the repair"}, "story")
        ledger.ack("story", later["story_id"], owner.token, "after the repair")
        owner.close()
        server.kill9()
        server.start()
        check_each(server, ledger.acked)
        server.stop()
        server.start()   # and once more after a clean stop (snapshot only)
        check_each(server, ledger.acked)
    finally:
        server.stop()


@pytest.mark.slow
@pytest.mark.parametrize("damage", [_bad_crc, _garbage], ids=["bad_crc", "garbage"])
def test_a_damaged_complete_last_record_refuses_to_start_and_changes_nothing(tmp_path, damage):
    ledger = Ledger()
    server = ServerProcess(tmp_path / "data")
    try:
        server.start()
        api, made = _seed(server, ledger, stories=2)
        api.close()
        server.kill9()
        _, line = _forged_line(made["story"])
        segment = max(glob.glob(str(tmp_path / "data" / "journal.*.log")))
        with open(segment, "ab") as journal:
            journal.write(damage(line))   # a whole line: no crash writes that, damage does
        with open(segment, "rb") as journal:
            damaged = journal.read()
        with pytest.raises(ServerError):
            server.start()
        log = open(server.log_path, encoding="utf-8").read()
        assert f"{segment} is damaged at byte {len(damaged) - len(damage(line))}" in log
        assert "restore the data directory" in log and "Traceback" not in log
        with open(segment, "rb") as journal:
            assert journal.read() == damaged, "nothing may be cut from a damaged journal"
        assert not glob.glob(segment + ".torn-*")
    finally:
        server.stop()


@pytest.mark.slow
def test_damage_before_intact_records_refuses_to_start_instead_of_losing_them(tmp_path):
    ledger = Ledger()
    server = ServerProcess(tmp_path / "data")
    try:
        server.start()
        _seed(server, ledger, stories=3)[0].close()
        server.kill9()
        segment = max(glob.glob(str(tmp_path / "data" / "journal.*.log")))
        with open(segment, "rb") as journal:
            lines = journal.readlines()
        lines[1] = _bad_crc(lines[1])   # an acknowledged record in the middle is damaged
        with open(segment, "wb") as journal:
            journal.writelines(lines)
        with pytest.raises(ServerError):
            server.start()
        log = open(server.log_path, encoding="utf-8").read()
        assert "is damaged at byte" in log and "restore the data directory" in log
        with open(segment, "rb") as journal:
            assert journal.readlines() == lines, "nothing may be cut from a damaged journal"
    finally:
        server.stop()


@pytest.mark.processes
def test_restart_from_a_snapshot_plus_the_journal_after_it(tmp_path):
    ledger = Ledger()
    data = tmp_path / "data"
    server = ServerProcess(data, env={"SNAPSHOT_MB": "1"})
    try:
        server.start()
        api, made = _seed(server, ledger, stories=0)
        world_id = made["world"]["world_id"]
        for n in range(30):   # about 1.5 MB of journal: more than SNAPSHOT_MB
            story = api.created("/api/stories", {"world_id": world_id, "title": f"big {n}",
                                                 "content": "saga " * 10_000}, "story")
            ledger.ack("story", story["story_id"], api.token, f"big {n}")
        deadline = time.monotonic() + 20
        while not os.path.exists(data / SNAPSHOT_FILE) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert os.path.exists(data / SNAPSHOT_FILE), "a snapshot should have been written"
        for n in range(5):     # these live only in the journal after the snapshot
            story = api.created("/api/stories", {"world_id": world_id,
                                                 "title": f"after {n}"}, "story")
            ledger.ack("story", story["story_id"], api.token, f"after {n}")
        api.close()
        server.kill9()

        with open(data / SNAPSHOT_FILE, encoding="utf-8") as snapshot:
            in_snapshot = set(json.load(snapshot)["stories"])
        only_journal = set(ledger.acked["story"]) - in_snapshot
        assert in_snapshot and only_journal, "the restart must need both the snapshot and " \
                                             "the journal"
        assert len(glob.glob(str(data / "journal.*.log"))) <= 3, "covered segments removed"

        server.start()
        check_each(server, ledger.acked)
    finally:
        server.stop()


SNAPSHOT_THEN_CRASH = """
import json, sys, threading
sys.path.insert(0, "api")
from core.models import Story
from core.models._base import new_id
from storage.tinydb_storage import TinyDBStorage
storage = TinyDBStorage(sys.argv[1])
def story(title):
    return Story(story_id=new_id(), world_id="w", title=title, owner_id="o",
                 created_at="2031-01-01T00:00:00Z", updated_at="2031-01-01T00:00:00Z")
before = [story(f"before {n}") for n in range(50)]
with storage.transaction() as tx:
    for item in before:
        tx.insert(item)
storage.snapshot()                       # the snapshot holds these 50 ...
after = [story(f"after {n}") for n in range(50)]
for item in after:
    with storage.transaction() as tx:    # ... and only the journal holds these
        tx.insert(item)
before[1].title = "edited after the snapshot"
with storage.transaction() as tx:
    tx.update(before[1])
    tx.delete(Story, before[0].story_id)
print(json.dumps([s.to_dict() for s in before[1:] + after]), flush=True)
threading.Event().wait()
"""


def test_a_snapshot_plus_the_journal_after_it_reopens_whole_after_a_crash(tmp_path):
    data_dir = str(tmp_path / "data")
    child = subprocess.Popen([sys.executable, "-c", SNAPSHOT_THEN_CRASH, data_dir], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = child.stdout.readline()
    finally:
        child.kill()
        _, errors = child.communicate()
    assert line, errors.decode()[-2000:]
    expected = [Story.from_dict(doc) for doc in json.loads(line)]

    storage = TinyDBStorage(data_dir)
    try:
        assert storage.stories_of_world("w").total == 99
        assert storage.get_many(Story, [s.story_id for s in expected]) == expected
        assert storage.get(Story, expected[0].story_id).title == "edited after the snapshot"
    finally:
        storage.close()
