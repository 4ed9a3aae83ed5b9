"""Export (json, markdown, lorebook) and import: the files, round trips, visibility, bad files."""

import copy
import json

import pytest

from core.clock import now_iso
from core.models import Entity, Event, Story, World
from core.models._base import new_id
from interfaces.schemas.outputs import WorldImportOut
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_user
from tests.conftest import build_backend
from tests.builders import count, store

STAMPS = ("created_at", "updated_at", "exported_at")


class RichWorld:
    """A private world of the owner with every kind of content and reference."""

    def __init__(self, actors, client):
        self.client, self.headers = client, actors.headers["owner"]
        self.backend = actors.backend
        self.world = actors.world("private", name="Đại Việt", world_type="historical",
                                  description="Một vương quốc ven sông.")
        self.url = f"/api/worlds/{self.world['world_id']}"
        region = self._post("locations", {"name": "Kinh Bắc", "location_type": "region",
                                          "coordinates": {"x": 100, "y": 200}})
        city = self._post("locations", {"name": "Thăng Long", "aliases": ["Hà Nội"],
                                        "location_type": "city", "coordinates": {"x": 120.5,
                                                                                 "y": 210},
                                        "parent_location_id": region["location_id"]})
        self._post("locations", {"name": "Văn Miếu", "location_type": "building",
                                 "parent_location_id": city["location_id"]})
        father = self._post("entities", {"name": "Lý Thái Tổ", "aliases": ["Lý Công Uẩn"],
                                         "attributes": {"born": 974, "title": "vua"}})
        son = self._post("entities", {"name": "Lý Thái Tông", "relationships": [
            {"target_entity_id": father["entity_id"], "type": "child_of", "label": "con trưởng"}]})
        self._post("entities", {"name": "Ngự Lâm Quân", "entity_type": "faction",
                                "relationships": [{"target_entity_id": son["entity_id"],
                                                   "type": "ally"}]})
        self.first = self._story("Dời đô", "private", order=1, content="Năm 1010, nhà vua dời đô.",
                                 world_time={"year": 1010, "month": 7, "day": 1})
        self.draft = self._story("Bản nháp", "draft", order=2, content="Chưa xong.")
        assert_ok(client.post(f"/api/stories/{self.first['story_id']}/link-entities",
                              headers=self.headers, json={
                                  "entity_ids": [father["entity_id"], son["entity_id"]],
                                  "location_ids": [city["location_id"]],
                                  "names": ["Chu Văn An"], "create_missing": True}))
        self._link_stories_and_add_events(father, city)

    def _post(self, kind: str, body: dict) -> dict:
        data = assert_ok(self.client.post(f"{self.url}/{kind}", headers=self.headers, json=body),
                         201)
        return data[{"entities": "entity", "locations": "location"}[kind]]

    def _story(self, title: str, visibility: str, **fields) -> dict:
        return assert_ok(self.client.post("/api/stories", headers=self.headers, json={
            "world_id": self.world["world_id"], "title": title, "visibility": visibility,
            **fields}), 201)["story"]

    def _link_stories_and_add_events(self, father: dict, city: dict) -> None:
        storage = self.backend.storage
        first = storage.get(Story, self.first["story_id"])
        first.linked_story_ids = [self.draft["story_id"]]
        draft = storage.get(Story, self.draft["story_id"])
        draft.linked_story_ids = [self.first["story_id"]]
        now, wid = now_iso(), self.world["world_id"]
        later = Event(event_id=new_id(), world_id=wid, title="Xây Văn Miếu", created_at=now,
                      updated_at=now, year=1070, precision="approximate")
        move = Event(event_id=new_id(), world_id=wid, title="Dời đô về Thăng Long",
                     created_at=now, updated_at=now, story_id=first.story_id, year=1010,
                     month=7, precision="approximate", entity_ids=[father["entity_id"]],
                     location_ids=[city["location_id"]], story_position=0,
                     connections=[{"target_event_id": later.event_id,
                                   "relation_type": "causation", "label": "mở đường"}],
                     source={"kind": "extracted", "story_id": first.story_id})
        secret = Event(event_id=new_id(), world_id=wid, title="Sự kiện nháp", created_at=now,
                       updated_at=now, story_id=draft.story_id, year=1011)
        store(self.backend, first, draft, later, move, secret)


@pytest.fixture
def rich(actors, client):
    return RichWorld(actors, client)


def _export(client, world_id: str, headers=None, file_format: str = "json"):
    return client.get(f"/api/worlds/{world_id}/export?format={file_format}",
                      headers=headers or {})


def _bundle(client, world_id: str, headers) -> dict:
    response = _export(client, world_id, headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.loads(response.data)


def _canonical(bundle: dict) -> dict:
    """The bundle with ids replaced by names and timestamps dropped."""
    labels = {bundle["world"]["world_id"]: "world"}
    for kind, key, name in (("stories", "story_id", "title"), ("entities", "entity_id", "name"),
                            ("locations", "location_id", "name"), ("events", "event_id", "title")):
        labels.update({item[key]: f"{kind}:{item[name]}" for item in bundle[kind]})

    def walk(value):
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items() if k not in STAMPS}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return labels.get(value, value) if isinstance(value, str) else value
    return walk(bundle)


def _count_everything(backend) -> tuple:
    return tuple(count(backend, model) for model in (World, Story, Entity, Event))


# the files ------------------------------------------------------------------------------------

def test_json_export_is_an_attachment_holding_the_whole_bundle(rich, client):
    response = _export(client, rich.world["world_id"], rich.headers)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.mimetype_params["charset"] == "utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Dai-Viet.json"')
    bundle = json.loads(response.data)
    assert "errorCode" not in bundle
    assert (bundle["format"], bundle["version"]) == ("storyloom.world", 1)
    assert bundle["exported_at"].endswith("Z")
    assert bundle["world"]["name"] == "Đại Việt"
    assert [s["title"] for s in bundle["stories"]] == ["Dời đô", "Bản nháp"]
    assert len(bundle["entities"]) == 4 and len(bundle["locations"]) == 3
    assert len(bundle["events"]) == 3
    assert "owner_id" not in bundle["stories"][0] and "owner_id" not in bundle["world"]


def test_non_ascii_names_get_an_rfc5987_file_name(rich, client):
    disposition = _export(client, rich.world["world_id"], rich.headers).headers[
        "Content-Disposition"]
    assert disposition == ('attachment; filename="Dai-Viet.json"; '
                           "filename*=UTF-8''%C4%90%E1%BA%A1i-Vi%E1%BB%87t.json")


def test_markdown_export_is_a_readable_world_bible(rich, client):
    response = _export(client, rich.world["world_id"], rich.headers, "markdown")
    assert response.mimetype == "text/markdown"
    assert 'filename="Dai-Viet.md"' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("# Đại Việt\n") and "Một vương quốc ven sông." in text
    assert "## Nhân vật" in text and "## Phe phái" in text and "## Địa điểm" in text
    assert "*Thể loại:* lịch sử" in text
    assert "*con của* **Lý Thái Tổ** (con trưởng)" in text
    assert "*cha/mẹ của* **Lý Thái Tông**" in text
    assert "*Còn gọi là:* Lý Công Uẩn" in text
    places = text[text.index("## Địa điểm"):]
    assert places.index("- **Kinh Bắc** (vùng tại (100, 200))") < \
        places.index("  - **Thăng Long**") < places.index("    - **Văn Miếu**")
    assert "## Dòng thời gian" in text and "- **Năm 1010** — Dời đô về Thăng Long" in text
    assert text.index("### 1. Dời đô") < text.index("### 2. Bản nháp")
    assert "Năm 1010, nhà vua dời đô." in text
    assert not any(word in text for word in ("Characters", "Places", "Timeline", "Also known"))


def test_lorebook_export_is_sillytavern_world_info(rich, client):
    response = _export(client, rich.world["world_id"], rich.headers, "lorebook")
    assert response.mimetype == "application/json"
    assert 'filename="Dai-Viet-lorebook.json"' in response.headers["Content-Disposition"]
    entries = json.loads(response.data)["entries"]
    assert len(entries) == 4 + 3
    by_name = {e["comment"]: e for e in entries.values()}
    king = by_name["Lý Thái Tổ"]
    assert king["key"] == ["Lý Thái Tổ", "Lý Công Uẩn", "ly thai to", "ly cong uan"]
    assert king["keysecondary"] == []
    assert "born: 974" in king["content"] and "parent of Lý Thái Tông" in king["content"]
    assert by_name["Thăng Long"]["key"] == ["Thăng Long", "Hà Nội", "thang long", "ha noi"]
    assert "Inside: Kinh Bắc" in by_name["Thăng Long"]["content"]
    king_mark = king["extensions"]["storyloom"]
    assert (king_mark["kind"], king_mark["type"], king_mark["attributes"]["born"]) == \
        ("entity", "character", 974)
    assert king["content"].startswith(king["content"][:king_mark["description_length"]])
    place_mark = by_name["Thăng Long"]["extensions"]["storyloom"]
    assert (place_mark["kind"], place_mark["type"]) == ("location", "city")
    assert place_mark["parent"] == str(by_name["Kinh Bắc"]["uid"])
    for uid, entry in entries.items():
        assert entry["uid"] == int(uid) and entry["displayIndex"] == int(uid)
        assert (entry["constant"], entry["selective"], entry["disable"]) == (False, True, False)
        assert (entry["order"], entry["position"], entry["depth"], entry["probability"]) == \
            (100, 0, 4, 100)
        assert entry["addMemo"] is True and entry["useProbability"] is True
        assert entry["group"] == "" and entry["excludeRecursion"] is False


def test_unknown_format_is_an_enveloped_2001(rich, client):
    body = assert_error(_export(client, rich.world["world_id"], rich.headers, "pdf"), 400,
                        "2001")
    assert "format" in body["data"]["fields"]


# visibility -----------------------------------------------------------------------------------

@pytest.mark.parametrize("caller", ["anonymous", "other", "guest"])
def test_a_world_the_caller_may_not_see_is_3001(rich, actors, client, caller):
    assert_error(_export(client, rich.world["world_id"], actors.headers[caller]), 404, "3001")


def test_a_missing_world_is_3001(client):
    assert_error(_export(client, "no-such-world"), 404, "3001")


def test_a_viewer_exports_without_draft_stories_or_their_traces(rich, actors, client):
    bundle = _bundle(client, rich.world["world_id"], actors.headers["viewer"])
    assert [s["title"] for s in bundle["stories"]] == ["Dời đô"]
    assert bundle["stories"][0]["linked_story_ids"] == []
    assert "Sự kiện nháp" not in {e["title"] for e in bundle["events"]}
    assert rich.draft["story_id"] not in json.dumps(bundle)


def test_anonymous_callers_export_public_worlds_with_public_stories_only(actors, client):
    world = actors.world("public", name="Open")
    actors.story(world, title="Shown", visibility="public")
    actors.story(world, title="Hidden", visibility="private")
    bundle = _bundle(client, world["world_id"], {})
    assert [s["title"] for s in bundle["stories"]] == ["Shown"]


# import ---------------------------------------------------------------------------------------

def test_json_round_trip_is_equal_apart_from_ids_owner_and_timestamps(rich, actors, client):
    first = _bundle(client, rich.world["world_id"], rich.headers)
    imported = assert_ok(client.post("/api/worlds/import", headers=actors.headers["other"],
                                     json=first), 201)["world"]
    assert imported["world_id"] != rich.world["world_id"]
    assert imported["owner_id"] == actors.users["other"].user_id
    second = _bundle(client, imported["world_id"], actors.headers["other"])
    first_ids = {s["story_id"] for s in first["stories"]} | {e["entity_id"]
                                                               for e in first["entities"]}
    assert not first_ids & ({s["story_id"] for s in second["stories"]}
                            | {e["entity_id"] for e in second["entities"]})
    assert _canonical(second) == _canonical(first)


def test_import_answers_like_post_worlds_and_is_always_private(rich, actors, client):
    bundle = _bundle(client, rich.world["world_id"], rich.headers)
    bundle["world"]["visibility"] = "public"
    bundle["stories"][0]["visibility"] = "public"
    data = assert_ok(client.post("/api/worlds/import", headers=actors.headers["editor"],
                                 json=bundle), 201)
    WorldImportOut.model_validate(data)
    assert data["skipped"] == [], "a bundle skips nothing"
    world = data["world"]
    assert world["visibility"] == "private" and world["my_role"] == "owner"
    assert world["collaborators"] == []
    assert world["counts"] == {"stories": 2, "entities": 4, "locations": 3, "events": 3}
    stories = assert_ok(client.get(f"/api/worlds/{world['world_id']}/stories",
                                   headers=actors.headers["editor"]))["items"]
    assert {s["visibility"] for s in stories} == {"private", "draft"}
    assert {s["owner_id"] for s in stories} == {actors.users["editor"].user_id}


def test_a_relationship_given_on_one_side_is_mirrored_on_import(backend, client, actors):
    bundle = {"format": "storyloom.world", "version": 1, "world": {"name": "Mirror"},
              "entities": [{"entity_id": "a", "name": "Âu Cơ", "relationships": [
                  {"target_entity_id": "b", "type": "spouse"}]},
                  {"entity_id": "b", "name": "Lạc Long Quân"},
                  {"entity_id": "c", "name": "Hùng Vương", "relationships": [
                      {"target_entity_id": "a", "type": "child_of"}]}]}
    world = assert_ok(client.post("/api/worlds/import", headers=actors.headers["owner"],
                                  json=bundle), 201)["world"]
    entities = {e["name"]: e for e in _bundle(client, world["world_id"],
                                              actors.headers["owner"])["entities"]}
    ids = {name: e["entity_id"] for name, e in entities.items()}
    husband = entities["Lạc Long Quân"]["relationships"]
    assert {(r["target_entity_id"], r["type"]) for r in husband} == {(ids["Âu Cơ"], "spouse")}
    assert {(r["target_entity_id"], r["type"]) for r in entities["Âu Cơ"]["relationships"]} == \
        {(ids["Lạc Long Quân"], "spouse"), (ids["Hùng Vương"], "parent_of")}


def test_a_lorebook_imports_as_entities(backend, client, actors):
    lorebook = {"entries": {
        "0": {"uid": 0, "key": ["Nguyễn Trãi", "Ức Trai"], "comment": "Nguyễn Trãi",
              "content": "Danh nhân, tác giả Bình Ngô đại cáo.", "constant": False,
              "selective": True, "order": 100, "extensions": {"x": 1}},
        "1": {"uid": 1, "key": ["Lam Sơn", "ức trai"], "comment": "", "content": "Căn cứ.",
              "disable": True},
        "5": {"uid": 5, "key": ["/regex/i", "Lê Lợi"], "comment": "Lê Lợi", "content": ""}}}
    world = assert_ok(client.post("/api/worlds/import", headers=actors.headers["owner"],
                                  json=lorebook), 201)["world"]
    assert world["name"] == "Imported lorebook" and world["counts"]["entities"] == 3
    entities = {e["name"]: e for e in _bundle(client, world["world_id"],
                                              actors.headers["owner"])["entities"]}
    assert entities["Nguyễn Trãi"]["aliases"] == ["Ức Trai"]
    assert entities["Nguyễn Trãi"]["description"] == "Danh nhân, tác giả Bình Ngô đại cáo."
    assert entities["Lam Sơn"]["aliases"] == [] and entities["Lê Lợi"]["aliases"] == []


def test_a_character_book_with_a_list_of_entries_imports_too(client, actors):
    book = {"name": "Sổ tay", "entries": [{"keys": ["Mị Châu"], "content": "Công chúa."},
                                          {"keys": ["Trọng Thủy", "Trong Thuy"]}]}
    world = assert_ok(client.post("/api/worlds/import", headers=actors.headers["owner"],
                                  json=book), 201)["world"]
    assert world["name"] == "Sổ tay"
    entities = {e["name"]: e for e in _bundle(client, world["world_id"],
                                              actors.headers["owner"])["entities"]}
    assert entities["Mị Châu"]["description"] == "Công chúa."
    assert entities["Trọng Thủy"]["aliases"] == [], "an alias equal to the name is dropped"


def test_a_generated_world_round_trips(client, actors):
    headers = actors.headers["owner"]
    world = assert_ok(client.post("/api/worlds", headers=headers, json={
        "name": "Sinh", "world_type": "sci-fi",
        "generate": {"entities": 120, "locations": 60}}), 201)["world"]
    first = _bundle(client, world["world_id"], headers)
    copied = assert_ok(client.post("/api/worlds/import", headers=headers, json=first),
                       201)["world"]
    assert copied["counts"] == world["counts"]
    assert copied["name"] == "Sinh (nhập)", "the owner already has a world called Sinh"
    second = _bundle(client, copied["world_id"], headers)
    second["world"]["name"] = "Sinh"
    assert _canonical(second) == _canonical(first)


def test_an_exported_lorebook_imports_back(rich, client):
    lorebook = json.loads(_export(client, rich.world["world_id"], rich.headers,
                                  "lorebook").data)
    world = assert_ok(client.post("/api/worlds/import", headers=rich.headers, json=lorebook),
                      201)["world"]
    bundle = _bundle(client, world["world_id"], rich.headers)
    assert {(e["name"], e["entity_type"]) for e in bundle["entities"]} == {
        ("Lý Thái Tổ", "character"), ("Lý Thái Tông", "character"),
        ("Ngự Lâm Quân", "faction"), ("Chu Văn An", "character")}
    assert {(p["name"], p["location_type"], tuple(p["aliases"])) for p in bundle["locations"]} \
        == {("Kinh Bắc", "region", ()), ("Thăng Long", "city", ("Hà Nội",)),
            ("Văn Miếu", "building", ())}


def test_a_character_and_a_place_of_the_same_name_survive_a_lorebook_round_trip(
        client, actors):
    headers = actors.headers["owner"]
    world = actors.world("private", name="Cổ Loa")
    url = f"/api/worlds/{world['world_id']}"
    assert_ok(client.post(f"{url}/entities", headers=headers, json={"name": "Cổ Loa"}), 201)
    assert_ok(client.post(f"{url}/locations", headers=headers,
                          json={"name": "Cổ Loa", "location_type": "town"}), 201)
    lorebook = json.loads(_export(client, world["world_id"], headers, "lorebook").data)
    copied = assert_ok(client.post("/api/worlds/import", headers=headers, json=lorebook),
                       201)["world"]
    bundle = _bundle(client, copied["world_id"], headers)
    assert [e["name"] for e in bundle["entities"]] == ["Cổ Loa"]
    assert [(p["name"], p["location_type"]) for p in bundle["locations"]] == [("Cổ Loa", "town")]


def test_lorebook_entries_sharing_a_name_get_numbered_names(client, actors):
    lorebook = {"entries": [
        {"key": ["Lore"], "comment": "Lore", "content": "First."},
        {"key": ["lore", "Legend"], "comment": "LORE", "content": "Second."},
        {"key": ["Lore"], "comment": "", "content": "Third.",
         "extensions": {"storyloom": {"kind": "spaceship", "type": "?"}}}]}
    world = assert_ok(client.post("/api/worlds/import", headers=actors.headers["owner"],
                                  json=lorebook), 201)["world"]
    entities = _bundle(client, world["world_id"], actors.headers["owner"])["entities"]
    found = {e["name"]: (e["aliases"], e["description"], e["entity_type"]) for e in entities}
    assert found == {"Lore": ([], "First.", "lore"),
                     "LORE (2)": (["Legend"], "Second.", "lore"),
                     "Lore (3)": ([], "Third.", "lore")}


def _broken(bundle: dict, change) -> dict:
    broken = copy.deepcopy(bundle)
    change(broken)
    return broken


BREAKAGES = {
    "wrong version": (lambda b: b.update(version=2), "version"),
    "wrong format": (lambda b: b.update(format="storyloom.story"), "format"),
    "bad type": (lambda b: b["entities"][0].update(name=42), "entities.0.name"),
    "unknown field": (lambda b: b["world"].update(owner_id="x"), "world.owner_id"),
    "dangling story link": (lambda b: b["stories"][0]["entity_ids"].append("ghost"),
                            "stories.0.entity_ids"),
    "dangling relationship": (lambda b: b["entities"][0]["relationships"].append(
        {"target_entity_id": "ghost", "type": "friend"}), "entities.0.relationships.0"),
    "dangling parent": (lambda b: b["locations"][0].update(parent_location_id="ghost"),
                        "locations.0.parent_location_id"),
    "dangling event link": (lambda b: b["events"][0]["connections"].append(
        {"target_event_id": "ghost", "relation_type": "temporal"}), "events.0.connections"),
    "duplicate names": (lambda b: b["entities"][2].update(name="LY THAI TO"),
                        "entities.2.name"),
    "duplicate alias": (lambda b: b["locations"][2]["aliases"].append("ha noi"),
                        "locations.2.aliases.0"),
    "duplicate id": (lambda b: b["entities"][1].update(entity_id=b["entities"][0]["entity_id"]),
                     "entities.1.entity_id"),
    "nesting circle": (lambda b: b["locations"][0].update(
        parent_location_id=b["locations"][2]["location_id"]), "locations.0.parent_location_id"),
    "not an export": (lambda b: b.clear() or b.update(title="x"), "body"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_malformed_file_is_2001_naming_the_problem_and_creates_nothing(rich, client,
                                                                         breakage):
    change, field = BREAKAGES[breakage]
    bundle = _bundle(client, rich.world["world_id"], rich.headers)
    before = _count_everything(rich.backend)
    body = assert_error(client.post("/api/worlds/import", headers=rich.headers,
                                    json=_broken(bundle, change)), 400, "2001")
    assert any(name.startswith(field) for name in body["data"]["fields"]), body
    assert _count_everything(rich.backend) == before


def test_a_lorebook_entry_that_cannot_be_named_is_skipped_and_reported(client, actors):
    lorebook = {"entries": {"7": {"key": [], "comment": ""},
                            "8": {"key": ["Ari"], "content": "A fox."}}}
    answer = assert_ok(client.post("/api/worlds/import", headers=actors.headers["owner"],
                                   json=lorebook), 201)
    assert answer["skipped"] == [{"index": "7", "reason": "the entry has no name, comment or "
                                                          "key to be named by"}]
    assert answer["world"]["counts"]["entities"] == 1


@pytest.mark.parametrize("kwargs", [
    {"data": "{not json", "content_type": "application/json"},
    {"data": "name=x", "content_type": "application/x-www-form-urlencoded"},
])
def test_a_body_that_is_not_a_json_object_is_2003(client, actors, kwargs):
    assert_error(client.post("/api/worlds/import", headers=actors.headers["owner"], **kwargs),
                 400, "2003")
    assert count(actors.backend, World) == 0


def test_a_huge_file_is_2004_and_creates_nothing(client, actors):
    bundle = {"format": "storyloom.world", "version": 1, "world": {"name": "Huge"},
              "entities": [{"entity_id": str(i), "name": f"E{i}"} for i in range(5001)]}
    body = assert_error(client.post("/api/worlds/import", headers=actors.headers["owner"],
                                    json=bundle), 400, "2004")
    assert "entities" in body["data"]["fields"]
    assert count(actors.backend, World) == 0 and count(actors.backend, Entity) == 0


def test_a_file_over_the_body_limit_is_2006_and_creates_nothing(tmp_path, backend_kind):
    backend = build_backend(tmp_path, backend_kind, max_body_mb=1)
    try:
        _, headers = make_user(backend)
        bundle = {"format": "storyloom.world", "version": 1, "world": {"name": "Big"},
                  "stories": [{"story_id": "s", "title": "Long", "content": "x" * 1_100_000}]}
        response = backend.app.test_client().post("/api/worlds/import", headers=headers,
                                                  json=bundle)
        assert_error(response, 413, "2006")
        assert count(backend, World) == 0
    finally:
        backend.close()


@pytest.mark.parametrize("caller, status, code", [("guest", 403, "1004"),
                                                  ("anonymous", 401, "1001"),
                                                  ("banned", 403, "1005")])
def test_only_writers_import(client, actors, caller, status, code):
    bundle = {"format": "storyloom.world", "version": 1, "world": {"name": "Mine"}}
    assert_error(client.post("/api/worlds/import", headers=actors.headers[caller], json=bundle),
                 status, code)
    assert count(actors.backend, World) == 0
