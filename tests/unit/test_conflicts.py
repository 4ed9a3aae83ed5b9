"""Conflict explanations in the world's language, and places inside places."""

from core.calendar import calendar_of
from core.conflicts import ConflictFinder
from core.models import Event, Location

NOW = "2026-01-01T00:00:00Z"


def _event(event_id, year, month, day, places, kind="other", precision="exact"):
    return Event(event_id=event_id, world_id="w", title=event_id.title(), created_at=NOW,
                 updated_at=NOW, kind=kind, year=year, month=month, day=day,
                 precision=precision, entity_ids=["aria"], location_ids=places)


def _finder(language):
    places = {"city": Location(location_id="city", world_id="w", name="Hanoi", created_at=NOW,
                               updated_at=NOW, coordinates={"x": 0, "y": 0}),
              "hall": Location(location_id="hall", world_id="w", name="Hall", created_at=NOW,
                               updated_at=NOW, parent_location_id="city"),
              "port": Location(location_id="port", world_id="w", name="Port", created_at=NOW,
                               updated_at=NOW, coordinates={"x": 300, "y": 400})}
    return ConflictFinder(calendar_of(None), {"aria": "Aria"}, places, travel_per_day=100,
                          language=language)


def test_english_explanations_name_who_where_and_when():
    found = _finder("en").find([
        _event("death", 1300, 5, 6, ["city"], kind="death"),
        _event("walk", 1300, 5, 7, ["port"], precision="approximate")])
    texts = {c["kind"]: c["explanation"] for c in found}
    assert texts["after_death"] == ("Aria takes part in “Walk” (around 7 May 1300) after dying "
                                    "in “Death” (6 May 1300).")
    assert texts["too_far"] == ("Aria cannot travel from Hanoi (6 May 1300) to Port (around "
                                "7 May 1300): 500 map units in at most 1 day, at 100 a day.")


def test_vietnamese_is_the_default():
    found = _finder("fr").find([_event("a", 1300, 5, 6, ["city"]),
                                _event("b", 1300, 5, 6, ["port"])])
    assert [c["explanation"] for c in found] == [
        "Aria ở Hanoi và ở Port trong cùng một ngày, ngày 6 tháng 5 năm 1300."]


def test_a_place_inside_another_is_not_two_places():
    assert _finder("en").find([_event("a", 1300, 5, 6, ["city"]),
                               _event("b", 1300, 5, 6, ["hall"])]) == []


def test_date_labels_already_written_for_the_events_are_the_ones_explained():
    places = _finder("en").locations
    finder = ConflictFinder(calendar_of(None), {"aria": "Aria"}, places, language="en",
                            labels={"a": "the Feast of Lanterns"})
    found = finder.find([_event("a", 1300, 5, 6, ["city"]), _event("b", 1300, 5, 6, ["port"])])
    assert [c["explanation"] for c in found] == [
        "Aria is at Hanoi and at Port on the same day, the Feast of Lanterns."]
