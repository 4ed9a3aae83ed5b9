"""A world's language (vi or en): set on create and PUT, shown on answers, kept by export/import."""

from __future__ import annotations

import json

import pytest

from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_user


@pytest.fixture
def writer(backend):
    return make_user(backend, "user", "writer")[1]


def create(client, headers, **body):
    return assert_ok(client.post("/api/worlds", headers=headers,
                                 json={"name": "Sông Hồng", **body}), 201)["world"]


def test_a_new_world_is_vietnamese_unless_the_body_says_english(client, writer):
    assert create(client, writer)["language"] == "vi"
    english = create(client, writer, name="Albion", language="en")
    assert english["language"] == "en"
    read = assert_ok(client.get(f"/api/worlds/{english['world_id']}", headers=writer))["world"]
    assert read["language"] == "en"
    listed = assert_ok(client.get("/api/worlds?scope=mine", headers=writer))["items"]
    assert sorted(w["language"] for w in listed) == ["en", "vi"]


@pytest.mark.parametrize("value", ["fr", "VI", "", None, 1, "vi-VN", "mixed"])
def test_other_languages_answer_2001_naming_the_field(client, writer, value):
    body = assert_error(client.post("/api/worlds", headers=writer,
                                    json={"name": "X", "language": value}), 400, "2001")
    assert "language" in body["data"]["fields"]
    world = create(client, writer)
    body = assert_error(client.put(f"/api/worlds/{world['world_id']}", headers=writer,
                                   json={"language": value}), 400, "2001")
    assert "language" in body["data"]["fields"]
    again = assert_ok(client.get(f"/api/worlds/{world['world_id']}", headers=writer))["world"]
    assert again["language"] == "vi" and again["version"] == 1


def test_put_changes_the_language_and_keeps_the_rest(client, writer):
    world = create(client, writer, description="Đồng bằng.")
    changed = assert_ok(client.put(f"/api/worlds/{world['world_id']}", headers=writer,
                                   json={"language": "en"}))["world"]
    assert (changed["language"], changed["description"], changed["version"]) == \
        ("en", "Đồng bằng.", 2)
    renamed = assert_ok(client.put(f"/api/worlds/{world['world_id']}", headers=writer,
                                   json={"name": "Red River"}))["world"]
    assert renamed["language"] == "en"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_export_and_import_keep_the_language(client, writer, language):
    world = create(client, writer, language=language)
    exported = client.get(f"/api/worlds/{world['world_id']}/export?format=json",
                          headers=writer)
    bundle = json.loads(exported.get_data())
    assert bundle["world"]["language"] == language
    imported = assert_ok(client.post("/api/worlds/import", headers=writer, json=bundle),
                         201)["world"]
    assert imported["language"] == language


def test_a_bundle_without_a_language_imports_as_vietnamese_and_a_bad_one_is_2001(client, writer):
    bundle = {"format": "storyloom.world", "version": 1, "world": {"name": "Old file"}}
    assert assert_ok(client.post("/api/worlds/import", headers=writer, json=bundle),
                     201)["world"]["language"] == "vi"
    bundle["world"]["language"] = "de"
    body = assert_error(client.post("/api/worlds/import", headers=writer, json=bundle),
                        400, "2001")
    assert any(path.endswith("world.language") for path in body["data"]["fields"]), body
