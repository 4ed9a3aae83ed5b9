"""Worlds stored with the older calendar shape are read in the month-list shape."""

from core.calendar import calendar_of, default_calendar
from storage.upgrades import upgrade_document


def test_an_older_calendar_becomes_months_of_equal_length():
    doc = {"world_id": "w", "version": 3, "calendar": {
        "months_per_year": 12, "days_per_month": 30, "month_names": [],
        "eras": [{"name": "First", "start_year": 1, "end_year": 99}]}}
    upgraded = upgrade_document("worlds", doc)
    assert upgraded["calendar"]["months"] == [{"name": "", "days": 30}] * 12
    assert upgraded["calendar"]["eras"] == [{"name": "First", "start_year": 1}]
    # the same day numbers as before: twelve months of thirty days, no leap day
    assert calendar_of(upgraded["calendar"]).day_number(2, 1, 1) == 361
    assert upgrade_document("worlds", upgraded) is upgraded


def test_a_world_without_a_calendar_gets_the_default():
    assert upgrade_document("worlds", {"world_id": "w", "version": 1})["calendar"] == \
        default_calendar()
