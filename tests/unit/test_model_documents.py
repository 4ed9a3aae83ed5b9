"""Models built from stored documents: every field, defaults for older documents, no sharing."""

import sys

import orjson

from core.models import Event, Story

NOW = "2026-01-01T00:00:00Z"


def _event_document() -> dict:
    return Event(event_id="e1", world_id="w1", title="Trận Bạch Đằng", created_at=NOW,
                 updated_at=NOW, entity_ids=["a", "b"],
                 connections=[{"target_event_id": "e2", "relation_type": "causes"}]).to_document()


def test_a_stored_document_gives_back_the_same_model_without_its_derived_keys():
    document = _event_document()
    assert "connection_target_ids" in document
    built = Event.from_dict(document)
    assert built == Event.from_own_dict(dict(document))
    assert built.title == "Trận Bạch Đằng" and built.entity_ids == ["a", "b"]
    assert not hasattr(built, "connection_target_ids")


def test_from_dict_shares_no_list_or_dict_with_the_document():
    document = _event_document()
    built = Event.from_dict(document)
    built.entity_ids.append("c")
    built.connections[0]["relation_type"] = "follows"
    assert document["entity_ids"] == ["a", "b"]
    assert document["connections"][0]["relation_type"] == "causes"


def test_a_driver_document_gives_attributes_keyed_by_the_field_names_themselves():
    # A driver's keys are equal strings, not the interned names: attribute reads through them
    # leave CPython's fast path, which halved the speed of the timeline's sweeps.
    fresh = orjson.loads(orjson.dumps(_event_document()))
    assert not all(key is sys.intern(key) for key in fresh)
    built = Event.from_own_dict(fresh)
    assert all(key is sys.intern(key) for key in vars(built))
    assert built == Event.from_dict(_event_document())


def test_a_document_written_before_a_field_existed_gets_its_default():
    document = _event_document()
    del document["connections"], document["source"]
    for build in (Event.from_dict, Event.from_own_dict):
        built = build(dict(document))
        assert built.connections == [] and built.source == {"kind": "user"}
        assert built.entity_ids == ["a", "b"]


def test_a_model_with_derived_fields_in_its_document_builds_alike():
    story = Story(story_id="s1", world_id="w1", owner_id="u1", title="Chương một",
                  content="Một hai ba", created_at=NOW, updated_at=NOW)
    document = story.to_document()
    assert Story.from_dict(document) == story


def test_a_copy_of_another_models_fields_shares_no_list_or_dict_with_it():
    kept = Event.from_own_dict(orjson.loads(orjson.dumps(_event_document())))
    kept.relative_to = {"event_id": "e2", "offset": {"years": 3}}
    copy = Event.from_fields(vars(kept))
    assert copy == kept and copy is not kept
    copy.entity_ids.append("c")
    copy.connections[0]["relation_type"] = "follows"
    copy.relative_to["offset"]["years"] = 4
    copy.source["kind"] = "ai"
    assert (kept.entity_ids, kept.connections[0]["relation_type"], kept.relative_to["offset"],
            kept.source) == (["a", "b"], "causes", {"years": 3}, {"kind": "user"})
    assert all(key is sys.intern(key) for key in vars(copy))


def test_a_field_typed_as_a_list_of_ids_but_holding_a_dict_is_still_copied():
    # Lists of ids are copied by slicing (the write schemas make them lists of strings); a
    # document that broke the type must not share what it holds instead.
    kept = Event.from_dict(_event_document())
    kept.location_ids = {"odd": ["shape"]}
    for copy in (Event.from_fields(vars(kept)), Event.from_dict(vars(kept))):
        copy.location_ids["odd"].append("changed")
        assert kept.location_ids == {"odd": ["shape"]}
