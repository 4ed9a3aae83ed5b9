"""Analysis and descriptions against the world: what the model claims is checked in code."""

from __future__ import annotations

import pytest

from tests.api.helpers import assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world
from tests.support.ai import run, wait
from tests.support.fake_openai import answer

STORY = ("Đêm ấy Hưng Đạo Vương họp các tướng ở Vạn Kiếp. Yết Kiêu lặn xuống sông Bạch Đằng, "
         "còn Dã Tượng giữ voi.")


@pytest.fixture
def setting(ai):
    owner, headers = make_user(ai, "user", "owner")
    world = make_world(ai, owner, name="Đại Việt", language="vi")
    general = make_entity(ai, owner, world["world_id"], name="Trần Hưng Đạo",
                          aliases=["Hưng Đạo Vương"], description="Quốc công tiết chế")
    make_entity(ai, owner, world["world_id"], name="Trần Quang Khải")
    camp = make_location(ai, owner, world["world_id"], name="Vạn Kiếp")
    story = make_story(ai, owner, world["world_id"], title="Hội nghị", content=STORY)
    return {"owner": owner, "headers": headers, "world": world, "general": general,
            "camp": camp, "story": story}


def test_a_story_analysis_matches_known_names_proposes_new_ones_and_drops_inventions(
        ai, fake, setting):
    client = ai.app.test_client()
    fake.script("analyze_story", answer({
        "characters": [
            {"name": "Hưng Đạo Vương", "quote": "Hưng Đạo Vương họp các tướng",
             "description": "chủ tướng"},
            {"name": "YẾT KIÊU", "quote": "Yết Kiêu lặn xuống sông", "description": "thợ lặn"},
            {"name": "Voi chiến", "quote": "còn Dã Tượng giữ voi", "description": "quote ok"},
            {"name": "Trần Quốc Toản", "quote": "bóp nát quả cam", "description": "not there"},
            {"name": "Trần Hưng Đạo", "quote": "", "description": "same as the first"}],
        "locations": [
            {"name": "Vạn Kiếp", "quote": "ở Vạn Kiếp", "description": ""},
            {"name": "sông Bạch Đằng", "quote": "sông Bạch Đằng", "description": ""}]}))
    task = run(client, setting["headers"], "analyze", {"story_id": setting["story"]["story_id"]})
    assert task["status"] == "completed", task
    result = task["result"]
    characters = {c["name"]: c for c in result["characters"]}
    assert characters["Hưng Đạo Vương"]["entity_id"] == setting["general"]["entity_id"]
    assert characters["YẾT KIÊU"]["entity_id"] is None
    assert characters["Voi chiến"]["entity_id"] is None       # its quote is in the text
    assert "Trần Quốc Toản" not in characters                 # made up: name and quote absent
    assert "Trần Hưng Đạo" not in characters                  # the same entity, once
    assert {p["name"]: p["location_id"] for p in result["locations"]} == {
        "Vạn Kiếp": setting["camp"]["location_id"], "sông Bạch Đằng": None}
    assert result["dropped"] == 2 and result["truncated"] is False
    assert result["context"] == {"entity_ids": [setting["general"]["entity_id"]],
                                 "location_ids": [setting["camp"]["location_id"]],
                                 "event_ids": [], "cut": 0}
    user_message = fake.requests_for("analyze_story")[0]["messages"][1]["content"]
    assert "Trần Hưng Đạo" in user_message and "Trần Quang Khải" not in user_message


def test_a_world_description_analysis_keeps_only_names_of_the_text(ai, fake, setting):
    client = ai.app.test_client()
    fake.script("analyze_world", answer({
        "entities": [{"name": "Thánh Gióng", "entity_type": "character", "description": "x"},
                     {"name": "Thánh Gióng", "entity_type": "character", "description": "dup"},
                     {"name": "Rồng Vàng", "entity_type": "creature", "description": "absent"}],
        "locations": [{"name": "Phù Đổng", "location_type": "village", "description": "y"}]}))
    task = run(client, setting["headers"], "analyze", {
        "world_description": "Làng Phù Đổng có cậu bé thánh gióng.", "language": "vi"})
    assert task["status"] == "completed", task
    assert [e["name"] for e in task["result"]["entities"]] == ["Thánh Gióng"]
    assert [p["name"] for p in task["result"]["locations"]] == ["Phù Đổng"]
    assert task["result"]["dropped"] == 2


def test_an_entity_type_outside_the_schema_is_repaired(ai, fake, setting):
    client = ai.app.test_client()
    bad = {"entities": [{"name": "A", "entity_type": "wizard", "description": ""}],
           "locations": []}
    good = {"entities": [{"name": "A", "entity_type": "character", "description": ""}],
            "locations": []}
    fake.script("analyze_world", answer(bad), answer(good))
    task = run(client, setting["headers"], "analyze", {"world_description": "A là ai?"})
    assert task["result"]["entities"][0]["entity_type"] == "character"
    assert "wizard" in fake.requests_for("analyze_world")[1]["messages"][-1]["content"]


def test_a_story_premise_uses_its_world_and_chosen_characters(ai, fake, setting):
    client = ai.app.test_client()
    fake.script("story_description", answer({"description": "Một trận thủy chiến."}))
    task = run(client, setting["headers"], "generate-description", {
        "type": "story", "world_id": setting["world"]["world_id"], "story_title": "Bạch Đằng",
        "story_genre": "sử thi", "entity_ids": [setting["general"]["entity_id"]]})
    assert task["result"] == {"description": "Một trận thủy chiến.", "context": {
        "entity_ids": [setting["general"]["entity_id"]], "location_ids": [], "event_ids": [],
        "cut": 0}}
    user_message = fake.requests_for("story_description")[0]["messages"][1]["content"]
    assert "Quốc công tiết chế" in user_message and "Đại Việt" in user_message
    assert "Vietnamese" in user_message


def test_a_story_the_caller_may_not_see_is_not_found(ai, setting):
    client = ai.app.test_client()
    _, stranger = make_user(ai, "user", "stranger")
    answer_ = client.post("/api/gpt/analyze", headers=stranger,
                          json={"story_id": setting["story"]["story_id"]})
    assert answer_.status_code == 404 and answer_.get_json()["errorCode"] == "3001"
    assert assert_ok(client.get("/api/gpt/tasks", headers=stranger))["total"] == 0


def test_a_rewrite_gives_three_suggestions_guided_by_the_names_in_the_passage(ai, fake, setting):
    client = ai.app.test_client()
    fake.script("rewrite", answer({"suggestions": ["Một.", "Hai."]}),
                answer({"suggestions": [" Một. ", "Hai.", "Ba."]}))
    task = run(client, setting["headers"], "rewrite", {
        "text": "Hưng Đạo Vương nhìn ra sông.", "mode": "continue",
        "story_id": setting["story"]["story_id"]})
    assert task["status"] == "completed", task
    assert task["result"]["suggestions"] == ["Một.", "Hai.", "Ba."]
    assert task["result"]["context"]["entity_ids"] == [setting["general"]["entity_id"]]
    first = fake.requests_for("rewrite")[0]["messages"][1]["content"]
    assert '"continue"' in first and "Quốc công tiết chế" in first
    assert "3" in fake.requests_for("rewrite")[1]["messages"][-1]["content"]   # the repair


# batch analysis

def test_a_batch_creates_each_new_name_once_links_every_story_and_relinks_the_world(
        ai, fake, setting):
    client, headers = ai.app.test_client(), setting["headers"]
    world_id = setting["world"]["world_id"]
    second = make_story(ai, setting["owner"], world_id, title="Hai",
                        content="Yết Kiêu gặp Hưng Đạo Vương ở Vạn Kiếp.")
    found = {"characters": [
        {"name": "Hưng Đạo Vương", "quote": "", "description": ""},
        {"name": "Yết Kiêu", "quote": "", "description": "thợ lặn giỏi"}],
        "locations": [{"name": "Vạn Kiếp", "quote": "", "description": ""}]}
    fake.script("analyze_story", answer(found))
    started = assert_ok(client.post("/api/gpt/batch-analyze-stories", headers=headers, json={
        "world_id": world_id,
        "story_ids": [setting["story"]["story_id"], second["story_id"]]}), 202)
    task = run_started(client, headers, started)
    assert task["status"] == "completed", task
    assert task["progress"] == {"done": 2, "total": 2, "message": ""}
    [made] = task["result"]["created"]["entities"]
    assert made["name"] == "Yết Kiêu" and task["result"]["created"]["locations"] == []
    entities = assert_ok(client.get(f"/api/worlds/{world_id}/entities?page_size=100",
                                    headers=headers))["items"]
    assert [e["name"] for e in entities].count("Yết Kiêu") == 1
    yet = assert_ok(client.get(f"/api/worlds/{world_id}/entities/{made['entity_id']}",
                               headers=headers))["entity"]
    assert yet["source"]["kind"] == "ai" and yet["source"]["task_id"] == task["task_id"]
    assert yet["description"] == "thợ lặn giỏi"
    for story in (setting["story"], second):
        linked = assert_ok(client.get(f"/api/stories/{story['story_id']}",
                                      headers=headers))["story"]
        assert {setting["general"]["entity_id"], made["entity_id"]} <= set(linked["entity_ids"])
        assert setting["camp"]["location_id"] in linked["location_ids"]
    first = assert_ok(client.get(f"/api/stories/{setting['story']['story_id']}",
                                 headers=headers))["story"]
    assert first["linked_story_ids"] == [second["story_id"]]


def test_a_batch_takes_at_most_three_stories_of_its_world(ai, setting):
    client, headers = ai.app.test_client(), setting["headers"]
    body = {"world_id": setting["world"]["world_id"], "story_ids": ["a", "b", "c", "d"]}
    answer_ = client.post("/api/gpt/batch-analyze-stories", headers=headers, json=body)
    assert answer_.status_code == 400 and answer_.get_json()["errorCode"] == "2004"


def test_a_failed_batch_writes_nothing(ai, fake, setting):
    client, headers = ai.app.test_client(), setting["headers"]
    world_id = setting["world"]["world_id"]
    second = make_story(ai, setting["owner"], world_id, title="Hai", content="Yết Kiêu.")
    fake.script("analyze_story", answer({"characters": [
        {"name": "Yết Kiêu", "quote": "Yết Kiêu", "description": ""}], "locations": []}),
        answer("not json"))
    started = assert_ok(client.post("/api/gpt/batch-analyze-stories", headers=headers, json={
        "world_id": world_id, "story_ids": [setting["story"]["story_id"],
                                            second["story_id"]]}), 202)
    task = run_started(client, headers, started)
    assert task["status"] == "error" and task["error"]["errorCode"] == "4004"
    names = [e["name"] for e in assert_ok(client.get(
        f"/api/worlds/{world_id}/entities", headers=headers))["items"]]
    assert "Yết Kiêu" not in names


def run_started(client, headers, started):
    return wait(client, headers, started["task_id"])
