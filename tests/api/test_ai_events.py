"""Event extraction onto the timeline: quotes checked, names matched, relative dates computed
by the calendar, cached by the story's text, replaced and never duplicated, all or nothing."""

from __future__ import annotations

import time

import pytest

from tests.api.helpers import assert_error, assert_ok
from tests.builders import make_entity, make_location, make_story, make_user, make_world, share
from tests.support.ai import wait
from tests.support.fake_openai import answer, hang

TEXT = ("Năm 1300, Ari đến Cảng Vân. Ba năm sau, Ari gặp Bình ở Cảng Vân. "
        "Mùa đông, Bình lên đường.")


def item(title, quote, kind="other", date_kind="unknown", year=0, month=0, day=0,
         anchor_index=-1, anchor_event_id="", years=0, characters=(), places=()):
    return {"title": title, "kind": kind, "quote": quote, "date_kind": date_kind, "year": year,
            "month": month, "day": day, "precision": "approximate",
            "anchor_index": anchor_index, "anchor_event_id": anchor_event_id,
            "offset_years": years, "offset_months": 0, "offset_days": 0,
            "characters": list(characters), "places": list(places)}


READING = {"events": [
    item("Ari đến cảng", "Ari đến Cảng Vân", "journey", "absolute", 1300,
         characters=["Ari"], places=["cang van"]),
    item("Gặp Bình", "Ba năm sau, Ari gặp Bình", "meeting", "relative", anchor_index=0, years=3,
         characters=["ARI", "Bình", "Người lạ"], places=["Cảng Vân"]),
    item("Bịa ra", "một câu không có trong truyện"),
    item("Ngày sai", "Mùa đông, Bình lên đường", "journey", "absolute", 1301, 2, 30),
    item("Vòng 1", "Ari đến Cảng Vân", date_kind="relative", anchor_index=5, years=1),
    item("Vòng 2", "Bình lên đường", date_kind="relative", anchor_index=4, years=1)]}


@pytest.fixture
def setting(ai):
    owner, headers = make_user(ai, "user", "owner")
    world = make_world(ai, owner, name="Biển Đông", language="vi")
    ari = make_entity(ai, owner, world["world_id"], name="Ari")
    binh = make_entity(ai, owner, world["world_id"], name="Bình")
    port = make_location(ai, owner, world["world_id"], name="Cảng Vân")
    story = make_story(ai, owner, world["world_id"], title="Hải trình", content=TEXT)
    return {"owner": owner, "headers": headers, "world": world, "ari": ari, "binh": binh,
            "port": port, "story": story}


def extract(client, headers, story_id, force=False) -> dict:
    suffix = "?force=true" if force else ""
    started = assert_ok(client.post(f"/api/stories/{story_id}/events/extract{suffix}",
                                    headers=headers), 202)
    return wait(client, headers, started["task_id"])


def extracted(client, setting) -> list:
    years = assert_ok(client.get(f"/api/worlds/{setting['world']['world_id']}/events",
                                 headers=setting["headers"]))["years"]
    return [e for y in years for e in y["events"]]


def test_extracted_events_are_checked_matched_and_dated_by_the_calendar(ai, fake, setting):
    client = ai.app.test_client()
    fake.script("extract_events", answer(READING))
    task = extract(client, setting["headers"], setting["story"]["story_id"])
    assert task["status"] == "completed", task
    result = task["result"]
    assert (result["created"], result["dropped"], result["undated"], result["cached"]) == \
        (5, 1, 3, False)
    by_title = {e["title"]: e for e in result["events"]}
    arrival, meeting = by_title["Ari đến cảng"], by_title["Gặp Bình"]
    assert arrival["year"] == 1300 and arrival["entity_ids"] == [setting["ari"]["entity_id"]]
    assert arrival["location_ids"] == [setting["port"]["location_id"]]
    assert meeting["year"] == 1303                           # computed, not the model's
    assert meeting["relative_to"]["event_id"] == arrival["event_id"]
    assert meeting["entity_ids"] == [setting["ari"]["entity_id"], setting["binh"]["entity_id"]]
    assert meeting["date_label"] == "khoảng năm 1303"
    assert all(by_title[t]["year"] is None for t in ("Ngày sai", "Vòng 1", "Vòng 2"))
    assert "Bịa ra" not in by_title

    stored = {e["title"]: e for e in extracted(client, setting)}
    assert set(stored) == set(by_title)
    event = assert_ok(client.get(f"/api/events/{meeting['event_id']}",
                                 headers=setting["headers"]))["event"]
    assert event["source"]["kind"] == "extracted"
    assert event["source"]["task_id"] == task["task_id"]
    assert event["source"]["story_id"] == setting["story"]["story_id"]
    assert event["source"]["excerpt"] == "Ba năm sau, Ari gặp Bình"
    message = fake.requests_for("extract_events")[0]["messages"][1]["content"]
    assert '"Ari"' in message and TEXT[:20] in message


def test_unchanged_text_is_answered_from_the_cache_and_edits_replace_never_duplicate(
        ai, fake, setting):
    client, headers, story_id = ai.app.test_client(), setting["headers"], \
        setting["story"]["story_id"]
    fake.script("extract_events", answer(READING))
    first = extract(client, headers, story_id)["result"]
    again = extract(client, headers, story_id)
    assert again["result"]["cached"] is True and again["result"]["created"] == 0
    assert {e["event_id"] for e in again["result"]["events"]} == \
        {e["event_id"] for e in first["events"]}
    assert len(fake.requests_for("extract_events")) == 1

    story = assert_ok(client.get(f"/api/stories/{story_id}", headers=headers))["story"]
    assert_ok(client.put(f"/api/stories/{story_id}", headers=headers, json={
        "content": "Năm 1310, Ari đến Cảng Vân.", "version": story["version"]}))
    fake.script("extract_events", answer({"events": [READING["events"][0]]}))
    replaced = extract(client, headers, story_id)["result"]
    assert (replaced["created"], replaced["replaced"]) == (1, 5)
    titles = [e["title"] for e in extracted(client, setting)]
    assert titles == ["Ari đến cảng"]

    forced = extract(client, headers, story_id, force=True)["result"]
    assert forced["cached"] is False and len(fake.requests_for("extract_events")) == 3
    assert [e["title"] for e in extracted(client, setting)] == ["Ari đến cảng"]


def test_a_world_extraction_reports_each_story_and_writes_nothing_when_cancelled(
        ai, fake, setting):
    client, headers = ai.app.test_client(), setting["headers"]
    make_story(ai, setting["owner"], setting["world"]["world_id"], title="Hai",
               content="Ari đến Cảng Vân lần nữa.")
    fake.script("extract_events", answer(READING), hang(2))
    world_id = setting["world"]["world_id"]
    started = assert_ok(client.post(f"/api/worlds/{world_id}/events/extract", headers=headers),
                        202)
    running = wait(client, headers, started["task_id"], until=("completed",), seconds=1.0)
    assert running["progress"]["total"] == 2
    assert_ok(client.delete(f"/api/gpt/tasks/{started['task_id']}", headers=headers))
    time.sleep(2.5)
    assert extracted(client, setting) == []                 # the first story's events too

    fake.script("extract_events", answer(READING), answer({"events": []}))
    done = wait(client, headers, assert_ok(client.post(
        f"/api/worlds/{world_id}/events/extract", headers=headers), 202)["task_id"])
    assert done["status"] == "completed", done
    assert [s["created"] for s in done["result"]["stories"]] == [5, 0]
    assert done["result"]["created"] == 5 and done["progress"]["done"] == 2


def test_only_editors_extract(ai, setting):
    client = ai.app.test_client()
    viewer, viewer_headers = make_user(ai, "user", "reader")
    share(ai, setting["owner"], setting["world"]["world_id"], viewer, "viewer")
    assert_error(client.post(f"/api/stories/{setting['story']['story_id']}/events/extract",
                             headers=viewer_headers), 403, "1004")
    assert_error(client.post(f"/api/worlds/{setting['world']['world_id']}/events/extract",
                             headers=viewer_headers), 403, "1004")


# the consistency check

def test_a_planted_contradiction_is_found_next_to_its_sentence_and_claims_are_checked(
        ai, fake, setting):
    client, headers = ai.app.test_client(), setting["headers"]
    world_id, owner = setting["world"]["world_id"], setting["owner"]
    blind = make_entity(ai, owner, world_id, name="Lão Mù", description="Mù từ lúc sinh ra.")
    make_entity(ai, owner, world_id, name="Người Xa Lạ", description="Không xuất hiện.")
    death = assert_ok(client.post(f"/api/worlds/{world_id}/events", headers=headers, json={
        "title": "Lão Mù qua đời", "kind": "death", "year": 1290,
        "entity_ids": [blind["entity_id"]]}), 201)["event"]
    content = "Năm 1300, Lão Mù nhìn thấy cánh buồm đỏ ở Cảng Vân."
    story = make_story(ai, owner, world_id, title="Cánh buồm", content=content,
                       world_time={"year": 1300})
    quote = "Lão Mù nhìn thấy cánh buồm đỏ"
    fake.script("consistency_check", answer({"issues": [
        {"severity": "error", "quote": quote, "fact_kind": "entity",
         "fact_id": blind["entity_id"], "fact_field": "description",
         "explanation": "Lão Mù bị mù nên không thể nhìn thấy."},
        {"severity": "error", "quote": "Năm 1300, Lão Mù", "fact_kind": "event",
         "fact_id": death["event_id"], "fact_field": "date",
         "explanation": "Lão Mù đã mất năm 1290."},
        {"severity": "warning", "quote": "một câu bịa", "fact_kind": "entity",
         "fact_id": blind["entity_id"], "fact_field": "description", "explanation": "x"},
        {"severity": "info", "quote": quote, "fact_kind": "entity", "fact_id": "no-such-id",
         "fact_field": "name", "explanation": "x"},
        {"severity": "info", "quote": quote, "fact_kind": "location",
         "fact_id": blind["entity_id"], "fact_field": "name", "explanation": "wrong kind"}]}))
    started = assert_ok(client.post("/api/gpt/consistency-check", headers=headers,
                                    json={"story_id": story["story_id"]}), 202)
    task = wait(client, headers, started["task_id"])
    assert task["status"] == "completed", task
    result = task["result"]
    assert result["dropped"] == 3
    assert [(i["quote"], i["fact"]["id"], i["story_position"]) for i in result["issues"]] == [
        (quote, blind["entity_id"], content.index(quote)),
        ("Năm 1300, Lão Mù", death["event_id"], 0)]
    assert result["context"]["entity_ids"] == [blind["entity_id"]]
    assert result["context"]["location_ids"] == [setting["port"]["location_id"]]
    assert result["context"]["event_ids"] == [death["event_id"]]
    given = fake.requests_for("consistency_check")[0]["messages"][1]["content"]
    assert "Mù từ lúc sinh ra." in given and "Lão Mù qua đời" in given
    assert "Người Xa Lạ" not in given

