"""Import: the new world's name (told apart from the caller's own, a lorebook's own or its file's)
and clear answers for files of the wrong shape."""

from __future__ import annotations

import pytest

from core.models import Entity, World
from tests.api.helpers import assert_error, assert_ok
from tests.builders import count, make_user, make_world

IMPORT = "/api/worlds/import"


@pytest.fixture
def owner(backend):
    return make_user(backend, "user", "owner")


def bundle(name: str, language: str | None = None) -> dict:
    world = {"name": name, **({"language": language} if language else {})}
    return {"format": "storyloom.world", "version": 1, "world": world,
            "entities": [{"entity_id": "a", "name": "Ari"}]}


def imported(client, headers, body, query: str = "") -> dict:
    return assert_ok(client.post(IMPORT + query, headers=headers, json=body), 201)["world"]


@pytest.mark.parametrize("language, word", [("en", "imported"), ("vi", "nhập")])
def test_importing_a_name_the_caller_uses_adds_a_numbered_suffix(client, owner, language, word):
    headers = owner[1]
    names = [imported(client, headers, bundle("Eldoria", language))["name"] for _ in range(4)]
    assert names == ["Eldoria", f"Eldoria ({word})", f"Eldoria ({word} 2)",
                     f"Eldoria ({word} 3)"]
    mine = assert_ok(client.get("/api/worlds?scope=mine&page_size=100", headers=headers))
    assert sorted(w["name"] for w in mine["items"]) == sorted(names)


def test_names_are_compared_without_case_or_diacritics(backend, client, owner):
    make_world(backend, owner[0], name="ĐÀ LẠT")
    assert imported(client, owner[1], bundle("Đà Lạt", "en"))["name"] == "Đà Lạt (imported)"
    assert imported(client, owner[1], bundle("da lat", "en"))["name"] == "da lat (imported 2)"


def test_a_name_only_someone_else_uses_is_kept(backend, client, owner):
    other, _ = make_user(backend, "user", "other")
    make_world(backend, other, name="Eldoria", visibility="public")
    assert imported(client, owner[1], bundle("Eldoria"))["name"] == "Eldoria"


def test_a_longer_name_containing_the_name_does_not_count_as_taken(backend, client, owner):
    make_world(backend, owner[0], name="Eldoria Rising")
    assert imported(client, owner[1], bundle("Eldoria"))["name"] == "Eldoria"


def test_a_suffixed_name_of_the_longest_length_still_fits(client, owner):
    long_name = "N" * 120
    first = imported(client, owner[1], bundle(long_name, "en"))["name"]
    second = imported(client, owner[1], bundle(long_name, "en"))["name"]
    assert first == long_name
    assert len(second) == 120 and second.endswith(" (imported)")


def lorebook(**fields) -> dict:
    return {"entries": {"0": {"key": ["Ari"], "content": "A fox."}}, **fields}


def test_a_lorebook_keeps_its_own_name_before_the_file_name(client, owner):
    world = imported(client, owner[1], lorebook(name="Book of Foxes"), "?name=other.json")
    assert world["name"] == "Book of Foxes"


@pytest.mark.parametrize("file_name, expected", [
    ("Eldoria.json", "Eldoria"), ("Eldoria.lorebook", "Eldoria"),
    ("Sổ tay.lorebook.json", "Sổ tay"), ("C:\\fakepath\\Lore.JSON", "Lore"),
    ("  Notes v1.2  ", "Notes v1.2"), ("world.txt", "world.txt")])
def test_a_nameless_lorebook_takes_the_file_name_without_its_extension(client, owner,
                                                                      file_name, expected):
    world = imported(client, owner[1], lorebook(), f"?name={file_name}")
    assert world["name"] == expected


@pytest.mark.parametrize("book", [lorebook(), lorebook(name=""), lorebook(name="\u200b ")])
def test_a_nameless_lorebook_without_a_file_name_gets_the_default(client, owner, book):
    assert imported(client, owner[1], book)["name"] == "Imported lorebook"


@pytest.mark.parametrize("file_name", ["x" * 121 + ".json", "%E2%80%8B.json", ".json",
                                       "%E3%85%A4"])
def test_an_unusable_file_name_answers_2001_naming_it_and_creates_nothing(backend, client,
                                                                          owner, file_name):
    body = assert_error(client.post(f"{IMPORT}?name={file_name}", headers=owner[1],
                                    json=lorebook()), 400, "2001")
    assert "name" in body["data"]["fields"]
    assert count(backend, World) == 0


def test_a_bundle_keeps_its_world_name_whatever_the_file_is_called(client, owner):
    assert imported(client, owner[1], bundle("Eldoria"), "?name=backup.json")["name"] == \
        "Eldoria"


def test_a_lorebook_named_like_a_world_of_the_caller_is_suffixed_too(backend, client, owner):
    make_world(backend, owner[0], name="Foxes", language="en")
    assert imported(client, owner[1], lorebook(), "?name=Foxes.json")["name"] == \
        "Foxes (nhập)", "an imported lorebook is a Vietnamese world unless it says otherwise"


MALFORMED = [
    ({"entries": "x"}, "2001", "entries"),
    ({"format": "storyloom.world"}, "2002", "world"),
    ({"format": "other", "version": 1, "world": {"name": "x"}}, "2001", "format"),
    ({"format": "storyloom.world", "version": 1, "world": "x"}, "2001", "world"),
    ({"format": "storyloom.world", "version": 1, "world": {"name": "x"}, "entities": {}},
     "2001", "entities"),
    ({"format": "storyloom.world", "version": 1, "world": {"name": "x"}, "entities": [None]},
     "2001", "entities.0"),
    ({"format": "storyloom.world", "version": 1, "world": {"name": "x"},
      "stories": [{"story_id": "s", "title": "t", "world_time": "1200"}]},
     "2001", "stories.0.world_time"),
    ({"format": "storyloom.world", "version": 1, "world": {"name": "x"},
      "events": [{"event_id": "e", "title": "t", "connections": [{"target_event_id": "e",
                                                                  "relation_type": "x"}]}]},
     "2001", "events.0.connections.0.relation_type"),
    ({}, "2001", "body"),
    ([1, 2], "2001", "body"),
    ({"format": "storyloom.world", "version": 1, "world": {"name": "x", "calendar": {
        "months": [{"days": 30}], "leap": {"month": 1, "rule": "0" * 99}}}},
     "2001", "world.calendar.leap.rule"),
]


@pytest.mark.parametrize("body, code, field", MALFORMED)
def test_a_file_of_the_wrong_shape_answers_naming_what_is_wrong(backend, client, owner, body,
                                                                code, field):
    answer = assert_error(client.post(IMPORT, headers=owner[1], json=body), 400, code)
    assert field in answer["data"]["fields"], answer
    assert not any("[" in path or path.startswith(("bundle.", "lorebook."))
                   for path in answer["data"]["fields"]), "paths name the file's own fields"
    assert (count(backend, World), count(backend, Entity)) == (0, 0)


def test_an_unknown_format_names_the_formats_read(client, owner):
    answer = assert_error(client.post(IMPORT, headers=owner[1], json={"title": "x"}), 400,
                          "2001")
    for name in ("SillyTavern", "NovelAI", "KoboldAI", "Agnai", "RisuAI", "Character Card"):
        assert name in answer["data"]["fields"]["body"]


BAD_ENTRIES = [
    (1, "the entry is not an object"),
    (None, "the entry is not an object"),
    ({"key": [1]}, "its key is not a list of texts"),
    ({"key": ["a"], "content": 5}, "its content is not a text"),
    ({"key": ["a"], "extensions": "x"}, "its extensions is not an object"),
    ({"key": ["\u200b"]}, "the entry has no name, comment or key to be named by"),
    ({"key": ["a"], "comment": 7}, "its comment is not a text"),
    ({"key": ["a"], "content": "x" * 200_001}, "its text is longer than 200,000 characters"),
]


@pytest.mark.parametrize("entry, reason", BAD_ENTRIES)
def test_a_bad_lorebook_entry_is_skipped_and_reported_and_the_rest_imports(
        backend, client, owner, entry, reason):
    book = {"name": "Mixed", "entries": {"3": entry, "4": {"key": ["Bao"], "content": "ok"}}}
    answer = assert_ok(client.post(IMPORT, headers=owner[1], json=book), 201)
    assert answer["skipped"] == [{"index": "3", "reason": reason}]
    assert answer["world"]["name"] == "Mixed" and answer["world"]["counts"]["entities"] == 1


def test_the_import_file_name_parameter_is_in_the_spec(client):
    spec = client.get("/apispec.json").get_json()
    parameters = spec["paths"]["/api/worlds/import"]["post"]["parameters"]
    name = next(p for p in parameters if p["name"] == "name")
    assert name["in"] == "query" and not name["required"]
    assert ".lorebook" in name["description"]
