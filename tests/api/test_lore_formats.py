"""Lore files of other tools: SillyTavern kept field for field, NovelAI, KoboldAI, Agnai, RisuAI
and Character Cards read, and exports other tools can use (whole words, accent-free keys, cards).

The files are written here from the formats' published descriptions, not copied from anywhere.
"""

from __future__ import annotations

import base64
import copy
import json
import re

import pytest

from services.lore.png_text import blank_png, text_chunks, with_text
from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_user

IMPORT = "/api/worlds/import"


@pytest.fixture
def writer(backend):
    return make_user(backend, "user", "writer")[1]


def imported(client, headers, body, query: str = "") -> dict:
    """The import's answer: {world, skipped}."""
    return assert_ok(client.post(IMPORT + query, headers=headers, json=body), 201)


def export(client, headers, world_id: str, file_format: str, **query):
    extra = "".join(f"&{k}={v}" for k, v in query.items())
    response = client.get(f"/api/worlds/{world_id}/export?format={file_format}{extra}",
                          headers=headers)
    assert response.status_code == 200, response.data[:300]
    return response


def lorebook_of(client, headers, world_id: str) -> dict:
    return json.loads(export(client, headers, world_id, "lorebook").data)


def things(client, headers, world_id: str) -> dict:
    """{name: entity or place} of a world, from its JSON export."""
    bundle = json.loads(export(client, headers, world_id, "json").data)
    return {item["name"]: item for item in bundle["entities"] + bundle["locations"]}


# SillyTavern ----------------------------------------------------------------------------------

def sillytavern_book() -> dict:
    """A World Info file as SillyTavern writes it, with every kind of entry it has."""
    common = {"vectorized": False, "selectiveLogic": 0, "addMemo": True, "ignoreBudget": False,
              "excludeRecursion": False, "preventRecursion": False, "delayUntilRecursion": False,
              "useProbability": True, "groupOverride": False, "groupWeight": 100,
              "scanDepth": None, "useGroupScoring": None, "automationId": "", "triggers": [],
              "matchPersonaDescription": False, "matchCharacterDescription": False}
    return {"name": "Vùng đất Sương", "description": "Lore of the mist lands",
            "scan_depth": 4, "token_budget": 2048, "recursive_scanning": True,
            "extensions": {"chub": {"id": 12}}, "entries": {
                "0": {**common, "uid": 0, "key": ["Ari", "the Fox"], "keysecondary": ["thief"],
                      "comment": "Ari", "content": "Ari is a cunning thief. She is 19.",
                      "constant": False, "selective": True, "order": 120, "position": 4,
                      "disable": False, "displayIndex": 0, "probability": 80, "depth": 2,
                      "group": "heroes", "role": 1, "sticky": 2, "cooldown": 3, "delay": 1,
                      "caseSensitive": True, "matchWholeWords": True,
                      "extensions": {"weight": 5}},
                "3": {**common, "uid": 3, "key": ["/mist(s)?/i"], "keysecondary": [],
                      "comment": "World rule: the mist", "content": "Magic fails in the mist.",
                      "constant": True, "selective": False, "order": 1, "position": 0,
                      "disable": False, "displayIndex": 1, "probability": 100, "depth": 4,
                      "group": "", "role": 0, "sticky": None, "cooldown": None, "delay": None,
                      "caseSensitive": None, "matchWholeWords": None},
                "7": {**common, "uid": 7, "key": ["Đà Lạt", "Lang Biang"], "keysecondary": [],
                      "comment": "", "content": "A city in the highlands, cold at night.",
                      "constant": False, "selective": True, "order": 100, "position": 1,
                      "disable": True, "displayIndex": 2, "probability": 100, "depth": 4,
                      "group": "", "role": 0, "sticky": None, "cooldown": None, "delay": None,
                      "caseSensitive": None, "matchWholeWords": None}}}


def test_a_sillytavern_book_exports_back_field_for_field(client, writer):
    book = sillytavern_book()
    answer = imported(client, writer, copy.deepcopy(book))
    world = answer["world"]
    assert answer["skipped"] == [] and world["name"] == "Vùng đất Sương"
    again = lorebook_of(client, writer, world["world_id"])
    assert again["entries"] == book["entries"]
    assert {k: v for k, v in again.items() if k != "entries"} == \
        {k: v for k, v in book.items() if k != "entries"}


def test_a_sillytavern_entry_becomes_a_character_a_place_or_lore_keeping_its_fields(
        client, writer):
    world = imported(client, writer, sillytavern_book())["world"]
    found = things(client, writer, world["world_id"])
    ari, rule, city = found["Ari"], found["World rule: the mist"], found["Đà Lạt"]
    assert (ari["entity_type"], ari["aliases"], ari["description"]) == \
        ("character", ["the Fox"], "Ari is a cunning thief. She is 19.")
    assert rule["entity_type"] == "lore" and rule["aliases"] == [], "a pattern is no alias"
    assert (city["location_type"], city["aliases"]) == ("place", ["Lang Biang"])
    kept = ari["extensions"]["sillytavern"]
    assert (kept["keysecondary"], kept["order"], kept["position"], kept["probability"],
            kept["group"], kept["sticky"], kept["caseSensitive"], kept["extensions"]) == \
        (["thief"], 120, 4, 80, "heroes", 2, True, {"weight": 5})
    assert "content" not in kept, "the text lives in the description only"
    entity = assert_ok(client.get(f"/api/worlds/{world['world_id']}/entities/{ari['entity_id']}",
                                  headers=writer))["entity"]
    assert entity["extensions"]["sillytavern"]["depth"] == 2


def test_edits_made_in_storyloom_reach_the_exported_entry(client, writer):
    world = imported(client, writer, sillytavern_book())["world"]
    ari = things(client, writer, world["world_id"])["Ari"]
    assert_ok(client.put(f"/api/worlds/{world['world_id']}/entities/{ari['entity_id']}",
                         headers=writer, json={"description": "Now a captain.",
                                               "aliases": ["the Fox", "Captain"]}))
    entry = lorebook_of(client, writer, world["world_id"])["entries"]["0"]
    assert entry["content"] == "Now a captain."
    assert entry["key"] == ["Ari", "the Fox", "Captain"] and entry["order"] == 120


def test_a_storyloom_lorebook_is_a_fixed_point_and_restores_the_world(client, writer):
    world = assert_ok(client.post("/api/worlds", headers=writer, json={
        "name": "Đại Việt", "world_type": "historical"}), 201)["world"]
    url = f"/api/worlds/{world['world_id']}"
    king = assert_ok(client.post(f"{url}/entities", headers=writer, json={
        "name": "Lý Công Uẩn", "aliases": ["Lý Thái Tổ"], "description": "Founder.",
        "attributes": {"born": 974}}), 201)["entity"]
    assert_ok(client.post(f"{url}/entities", headers=writer, json={
        "name": "Lý Thái Tông", "relationships": [{"target_entity_id": king["entity_id"],
                                                   "type": "child_of"}]}), 201)
    region = assert_ok(client.post(f"{url}/locations", headers=writer, json={
        "name": "Kinh Bắc", "location_type": "region"}), 201)["location"]
    assert_ok(client.post(f"{url}/locations", headers=writer, json={
        "name": "Thăng Long", "location_type": "city", "description": "",
        "parent_location_id": region["location_id"], "coordinates": {"x": 3, "y": 4}}), 201)
    first = lorebook_of(client, writer, world["world_id"])
    copied = imported(client, writer, first)["world"]
    second = lorebook_of(client, writer, copied["world_id"])
    assert second["entries"] == first["entries"]
    third = lorebook_of(client, writer, imported(client, writer, second)["world"]["world_id"])
    assert third["entries"] == first["entries"]
    found = things(client, writer, copied["world_id"])
    assert found["Lý Công Uẩn"]["description"] == "Founder."
    assert found["Lý Công Uẩn"]["attributes"] == {"born": 974}
    assert {(r["type"]) for r in found["Lý Thái Tông"]["relationships"]} == {"child_of"}
    assert found["Thăng Long"]["parent_location_id"] == found["Kinh Bắc"]["location_id"]
    assert found["Thăng Long"]["coordinates"] == {"x": 3, "y": 4}
    assert "Type: character" not in found["Lý Công Uẩn"]["description"]


# SillyTavern's key matching, as its documentation describes it: case-insensitive unless the
# entry says otherwise; with whole words, a one-word key must stand between non-word characters.
def fires(entry: dict, text: str) -> bool:
    flags = 0 if entry.get("caseSensitive") else re.IGNORECASE
    for key in entry["key"]:
        if entry.get("matchWholeWords") and len(key.split()) == 1:
            if re.search(rf"(?:^|\W)({re.escape(key)})(?:$|\W)", text, flags | re.ASCII):
                return True
        elif re.search(re.escape(key), text, flags):
            return True
    return False


def test_short_keys_match_whole_words_and_accented_keys_fire_without_accents(client, writer):
    world = assert_ok(client.post("/api/worlds", headers=writer, json={"name": "Keys"}),
                      201)["world"]
    url = f"/api/worlds/{world['world_id']}"
    assert_ok(client.post(f"{url}/entities", headers=writer, json={"name": "Ari"}), 201)
    assert_ok(client.post(f"{url}/locations", headers=writer, json={
        "name": "Hà Nội", "aliases": ["Thăng Long"]}), 201)
    entries = {e["comment"]: e for e in lorebook_of(client, writer,
                                                     world["world_id"])["entries"].values()}
    ari, city = entries["Ari"], entries["Hà Nội"]
    assert ari["matchWholeWords"] is True
    assert not fires(ari, "a variable name") and fires(ari, "Then Ari smiled.")
    assert city["key"] == ["Hà Nội", "Thăng Long", "ha noi", "thang long"]
    assert fires(city, "we went to ha noi") and fires(city, "HÀ NỘI by night")


# NovelAI, KoboldAI, Agnai, RisuAI --------------------------------------------------------------

def test_a_novelai_lorebook_imports_with_its_text_categories_and_long_entries(client, writer):
    long_text = "Sương mù phủ kín thung lũng. " * 4000          # over 100,000 characters
    book = {"lorebookVersion": 5, "settings": {"orderByKeyLocations": False},
            "categories": [{"name": "Characters", "id": "c1", "enabled": True},
                           {"name": "Places", "id": "c2", "enabled": True}],
            "entries": [
                {"text": "Ari is a thief.", "displayName": "Ari", "id": "e1", "keys": ["Ari"],
                 "category": "c1", "enabled": True, "forceActivation": False,
                 "searchRange": 1000, "contextConfig": {"budgetPriority": 400}},
                {"text": long_text, "displayName": "Thung Lũng", "id": "e2",
                 "keys": ["thung lũng", "valley"], "category": "c2", "enabled": True},
                {"text": "No keys here.", "displayName": "Unkeyed note", "id": "e3",
                 "keys": [], "enabled": False}]}
    assert len(long_text) > 100_000
    answer = imported(client, writer, book, "?name=Mist.lorebook")
    assert answer["world"]["name"] == "Mist" and answer["skipped"] == []
    found = things(client, writer, answer["world"]["world_id"])
    assert found["Ari"]["entity_type"] == "character"
    assert found["Ari"]["extensions"]["novelai"]["contextConfig"] == {"budgetPriority": 400}
    assert found["Thung Lũng"]["location_type"] == "place"
    assert found["Thung Lũng"]["description"] == long_text
    assert found["Unkeyed note"]["description"] == "No keys here."
    entries = {e["comment"]: e for e in lorebook_of(
        client, writer, answer["world"]["world_id"])["entries"].values()}
    assert entries["Thung Lũng"]["content"] == long_text
    assert entries["Ari"]["extensions"]["novelai"]["searchRange"] == 1000


@pytest.mark.parametrize("shape", ["list", "folders"])
def test_kobold_world_info_imports(client, writer, shape):
    items = [{"uid": 1, "title": "Bao", "key": "Bao, the smith", "keysecondary": "",
              "content": "Bao is a smith. He is 40.", "comment": "", "folder": None,
              "constant": False, "selective": False},
             {"uid": 2, "title": "", "key": "Ironhold", "content": "A mountain town.",
              "comment": "Ironhold", "constant": False}]
    body = items if shape == "list" else {"folders": {"root": [1, 2]},
                                          **{str(i["uid"]): i for i in items}}
    answer = imported(client, writer, body, "?name=kobold.json")
    found = things(client, writer, answer["world"]["world_id"])
    assert found["Bao"]["aliases"] == ["the smith"]
    assert found["Ironhold"]["location_type"] == "place"
    assert found["Bao"]["extensions"]["koboldai"]["title"] == "Bao"


def test_an_agnai_memory_book_imports(client, writer):
    book = {"kind": "memory", "name": "Agnai lore", "description": "Mine", "userId": "u",
            "entries": [{"name": "Kael", "entry": "Kael is a knight.", "keywords": ["Kael"],
                         "priority": 10, "weight": 5, "enabled": True}, "broken"]}
    answer = imported(client, writer, book)
    assert answer["world"]["name"] == "Agnai lore"
    assert answer["skipped"] == [{"index": 1, "reason": "the entry is not an object"}]
    kael = things(client, writer, answer["world"]["world_id"])["Kael"]
    assert kael["description"] == "Kael is a knight."
    assert kael["extensions"]["agnai"] == {"name": "Kael", "keywords": ["Kael"], "priority": 10,
                                           "weight": 5, "enabled": True}


def test_a_risu_lorebook_imports(client, writer):
    book = {"type": "risu", "ver": 1, "data": [
        {"key": "Mira, the seer", "secondkey": "", "comment": "Mira", "content": "A seer.",
         "mode": "normal", "insertorder": 100, "alwaysActive": False, "selective": False},
        {"key": "", "comment": "Always on", "content": "Tone: grim.", "mode": "normal",
         "insertorder": 1, "alwaysActive": True}]}
    answer = imported(client, writer, book, "?name=risu")
    found = things(client, writer, answer["world"]["world_id"])
    assert found["Mira"]["aliases"] == ["the seer"]
    assert found["Always on"]["entity_type"] == "lore"
    assert found["Mira"]["extensions"]["risuai"]["insertorder"] == 100


# Character Cards --------------------------------------------------------------------------------

def card(spec: str = "chara_card_v2") -> dict:
    """A Character Card V2 (or V3) with a character book, per the published specifications."""
    data = {"name": "Seraphina", "description": "A guardian of the forest glade.",
            "personality": "kind, protective", "scenario": "The glade at dusk.",
            "first_mes": "You wake in the glade.", "mes_example": "<START>", "creator_notes": "",
            "system_prompt": "", "post_history_instructions": "", "alternate_greetings": ["Hi"],
            "tags": ["fantasy"], "creator": "someone", "character_version": "1.0",
            "extensions": {"talkativeness": "0.5"},
            "character_book": {"name": "Glade lore", "scan_depth": 3, "extensions": {},
                               "entries": [
                                   {"keys": ["glade"], "content": "The glade is a place in the "
                                    "old forest.", "extensions": {}, "enabled": True,
                                    "insertion_order": 10, "name": "The Glade", "id": 1,
                                    "comment": "", "constant": False, "position": "before_char"},
                                   {"keys": [], "content": "Never break character.",
                                    "extensions": {}, "enabled": True, "insertion_order": 0,
                                    "constant": True, "comment": "Rule"}]}}
    if spec == "chara_card_v3":
        data.update(nickname="Sera", group_only_greetings=[], assets=[], creation_date=0)
    return {"spec": spec, "spec_version": "3.0" if spec == "chara_card_v3" else "2.0",
            "data": data}


def png_with(keyword: str, payload: dict) -> bytes:
    return with_text(blank_png(4, 4), {keyword: base64.b64encode(
        json.dumps(payload).encode()).decode("ascii")})


@pytest.mark.parametrize("how", ["v2 json", "v3 json", "v2 png", "v3 png"])
def test_a_character_card_becomes_a_character_and_its_book_the_worlds_lore(client, writer, how):
    version, carrier = how.split()
    body = card("chara_card_v3" if version == "v3" else "chara_card_v2")
    if carrier == "json":
        response = client.post(IMPORT, headers=writer, json=body)
    else:
        keyword = "ccv3" if version == "v3" else "chara"
        response = client.post(IMPORT, headers={**writer, "Content-Type": "image/png"},
                               data=png_with(keyword, body))
    answer = assert_ok(response, 201)
    assert answer["world"]["name"] == "Glade lore"
    found = things(client, writer, answer["world"]["world_id"])
    hero = found["Seraphina"]
    assert hero["entity_type"] == "character"
    assert hero["description"] == "A guardian of the forest glade."
    assert hero["attributes"] == {"personality": "kind, protective"}
    assert hero["extensions"]["character_card"]["first_mes"] == "You wake in the glade."
    assert found["The Glade"]["location_type"] == "place"
    assert found["Rule"]["entity_type"] == "lore"
    if version == "v3":
        assert hero["aliases"] == ["Sera"]


@pytest.mark.parametrize("data, reason", [
    (b"not a png at all", "not a PNG file"),
    (blank_png(2, 2), "the PNG holds no character card (no chara or ccv3 text chunk)"),
    (with_text(blank_png(2, 2), {"chara": "%%%"}), "not base64-encoded JSON"),
])
def test_a_png_that_is_not_a_card_is_2001_saying_why(client, writer, data, reason):
    answer = assert_error(client.post(IMPORT, headers={**writer, "Content-Type": "image/png"},
                                      data=data), 400, "2001")
    assert reason in answer["data"]["fields"]["body"]


def test_a_character_exports_as_a_v2_card_in_json_and_png_and_imports_back(client, writer):
    world = imported(client, writer, card())["world"]
    hero = things(client, writer, world["world_id"])["Seraphina"]
    as_json = export(client, writer, world["world_id"], "card", entity_id=hero["entity_id"])
    assert as_json.mimetype == "application/json"
    assert 'filename="Seraphina.card.json"' in as_json.headers["Content-Disposition"]
    exported = json.loads(as_json.data)
    assert_v2_card(exported)
    assert exported["data"]["first_mes"] == "You wake in the glade."
    assert exported["data"]["personality"] == "kind, protective"
    book = exported["data"]["character_book"]["entries"]
    assert {e["name"] for e in book} == {"The Glade", "Rule"}
    as_png = export(client, writer, world["world_id"], "card_png", entity_id=hero["entity_id"])
    assert as_png.mimetype == "image/png" and as_png.data.startswith(b"\x89PNG")
    inside = json.loads(base64.b64decode(text_chunks(as_png.data)["chara"]))
    assert inside == exported
    again = assert_ok(client.post(IMPORT, headers={**writer, "Content-Type": "image/png"},
                                  data=as_png.data), 201)["world"]
    assert things(client, writer, again["world_id"])["Seraphina"]["description"] == \
        "A guardian of the forest glade."


def assert_v2_card(value: dict) -> None:
    """The fields and types the Character Card V2 specification requires."""
    assert value["spec"] == "chara_card_v2" and value["spec_version"] == "2.0"
    data = value["data"]
    for name in ("name", "description", "personality", "scenario", "first_mes", "mes_example",
                 "creator_notes", "system_prompt", "post_history_instructions", "creator",
                 "character_version"):
        assert isinstance(data[name], str), name
    assert isinstance(data["alternate_greetings"], list) and isinstance(data["tags"], list)
    assert isinstance(data["extensions"], dict)
    for entry in data["character_book"]["entries"]:
        assert isinstance(entry["keys"], list) and isinstance(entry["content"], str)
        assert isinstance(entry["extensions"], dict) and isinstance(entry["enabled"], bool)
        assert isinstance(entry["insertion_order"], (int, float))
        assert entry.get("position") in (None, "before_char", "after_char")


def test_a_card_export_needs_a_character_of_the_world(client, writer):
    world = imported(client, writer, card())["world"]
    url = f"/api/worlds/{world['world_id']}/export?format=card"
    assert "entity_id" in assert_error(client.get(url, headers=writer), 400,
                                       "2002")["data"]["fields"]
    assert_error(client.get(url + "&entity_id=nope", headers=writer), 404, "3001")

