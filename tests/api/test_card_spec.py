"""Exported character cards read by the parsers other tools use: `character-card-utils` checks
the V2 specification, `png-chunks-extract` and `png-chunk-text` read the PNG as SillyTavern does.

They are npm packages of the frontend's dev dependencies (`npm ci` in frontend/, which the test
command runs first); the test fails, never skips, when they are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.api.helpers import assert_ok
from tests.builders import make_user

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECKER = os.path.join(ROOT, "tests", "support", "check_cards.mjs")
PACKAGES = os.path.join(ROOT, "frontend", "node_modules", "character-card-utils")


def checked(paths: list) -> dict:
    """{file name: the checker's verdict} for the card files."""
    assert shutil.which("node"), "Node.js is needed: the test command installs it with the app"
    assert os.path.isdir(PACKAGES), "run `npm ci` in frontend/ (the test command does)"
    run = subprocess.run(["node", CHECKER, *map(str, paths)], capture_output=True, text=True,
                         timeout=60, check=True)
    return {os.path.basename(v["file"]): v for v in map(json.loads, run.stdout.splitlines())}


@pytest.fixture
def writer(backend):
    return make_user(backend, "user", "writer")[1]


def test_exported_cards_pass_the_v2_spec_parser_in_json_and_png(client, writer, tmp_path):
    world = assert_ok(client.post("/api/worlds", headers=writer, json={
        "name": "Đảo Sương", "language": "vi"}), 201)["world"]
    url = f"/api/worlds/{world['world_id']}"
    hero = assert_ok(client.post(f"{url}/entities", headers=writer, json={
        "name": "Mai Hoa", "aliases": ["Hoa"], "description": "Nữ kiếm khách.\nÍt nói.",
        "attributes": {"personality": "lạnh lùng", "tuổi": 19}}), 201)["entity"]
    assert_ok(client.post(f"{url}/entities", headers=writer, json={
        "name": "Ari", "relationships": [{"target_entity_id": hero["entity_id"],
                                          "type": "friend"}]}), 201)
    assert_ok(client.post(f"{url}/locations", headers=writer, json={
        "name": "Hà Nội", "description": "Kinh đô."}), 201)
    files = []
    for file_format, name in (("card", "hoa.card.json"), ("card_png", "hoa.png")):
        response = client.get(f"{url}/export?format={file_format}&entity_id="
                              f"{hero['entity_id']}", headers=writer)
        assert response.status_code == 200
        (tmp_path / name).write_bytes(response.data)
        files.append(tmp_path / name)
    verdicts = checked(files)
    for verdict in verdicts.values():
        assert verdict["ok"], verdict["issues"]
    card = verdicts["hoa.png"]["card"]
    assert card == verdicts["hoa.card.json"]["card"]
    assert card["data"]["name"] == "Mai Hoa"
    assert card["data"]["description"] == "Nữ kiếm khách.\nÍt nói."
    assert card["data"]["personality"] == "lạnh lùng"
    book = {e["name"]: e for e in card["data"]["character_book"]["entries"]}
    assert set(book) == {"Ari", "Hà Nội"}
    assert book["Hà Nội"]["keys"] == ["Hà Nội", "ha noi"]


def test_the_checker_refuses_what_is_not_a_v2_card(tmp_path):
    bad = tmp_path / "bad.card.json"
    bad.write_text(json.dumps({"spec": "chara_card_v2", "spec_version": "2.0",
                               "data": {"name": "x"}}))
    verdict = checked([bad])["bad.card.json"]
    assert not verdict["ok"] and any("description" in issue for issue in verdict["issues"])
