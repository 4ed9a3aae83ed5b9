"""The calendar: dates to day numbers and back, validation naming the field, eras and labels."""

import datetime
import random

import pytest

from core.calendar import CalendarError, calendar_of, default_calendar
from core.date_labels import date_label

GREGORIAN = calendar_of(None)
# No year 0, a leap day on the 13th month every 4th year but not every 128th.
THIRTEEN_MOONS = calendar_of({
    "year_name": "AR", "year_zero": False,
    "months": [{"name": f"Moon {i + 1}", "days": 28} for i in range(12)] + [{"name": "Last", "days": 1}],
    "leap": {"month": 13, "rule": "4,!128"}, "weekdays": ["Sun", "Moon", "Star"],
    "eras": [{"name": "Age of Ash", "start_year": -3000}, {"name": "Age of Light", "start_year": 1}]})
# A year 0, uneven months, no leap years.
RIVER = calendar_of({
    "year_name": "", "year_zero": True,
    "months": [{"name": "Flood", "days": 40}, {"name": "Sowing", "days": 35},
               {"name": "Harvest", "days": 290}],
    "leap": None, "weekdays": [], "eras": []})


def test_the_default_calendar_is_the_gregorian_one_python_knows():
    rng = random.Random(7)
    for _ in range(20_000):
        date = datetime.date.fromordinal(rng.randint(1, datetime.date.max.toordinal()))
        number = GREGORIAN.day_number(date.year, date.month, date.day)
        assert number == date.toordinal()
        assert GREGORIAN.date_of(number) == (date.year, date.month, date.day)


@pytest.mark.parametrize("calendar", [GREGORIAN, THIRTEEN_MOONS, RIVER],
                         ids=["default", "thirteen-moons", "river-with-year-0"])
def test_100000_random_dates_survive_the_round_trip_in_order(calendar):
    rng = random.Random(2026)
    dates = []
    for _ in range(100_000):
        year = rng.randint(-50_000, 50_000)
        if year == 0 and not calendar.year_zero:
            year = 1
        month = rng.randint(1, len(calendar.month_days))
        day = rng.randint(1, calendar.days_in_month(year, month))
        dates.append((year, month, day))
    numbers = [calendar.day_number(*date) for date in dates]
    assert [calendar.date_of(n) for n in numbers] == dates
    # Day numbers order dates as the calendar does.
    assert sorted(range(len(dates)), key=lambda i: numbers[i]) == \
        sorted(range(len(dates)), key=lambda i: dates[i])


def test_consecutive_days_have_consecutive_numbers_across_years_and_the_missing_year_0():
    for calendar in (GREGORIAN, THIRTEEN_MOONS, RIVER):
        start = calendar.day_number(-3 if calendar.year_zero else -3, 1, 1)
        previous = calendar.date_of(start)
        for number in range(start + 1, start + 2_500):
            date = calendar.date_of(number)
            assert calendar.day_number(*date) == number
            assert date > previous or date[0] > previous[0]
            previous = date
    assert GREGORIAN.date_of(1) == (1, 1, 1) and GREGORIAN.date_of(0) == (-1, 12, 31)
    assert RIVER.date_of(0) == (0, 3, 290)


def test_leap_rules_follow_the_last_matching_term():
    assert [GREGORIAN.is_leap(y) for y in (1900, 2000, 2024, 2023)] == [False, True, True, False]
    assert GREGORIAN.is_leap(-1)            # 1 BC is the year before 1 AD, counted as year 0
    assert GREGORIAN.days_in_month(2024, 2) == 29 and GREGORIAN.days_in_month(2023, 2) == 28
    assert THIRTEEN_MOONS.days_in_month(128, 13) == 1 and THIRTEEN_MOONS.days_in_month(4, 13) == 2
    assert RIVER.days_in_year(4) == 365


@pytest.mark.parametrize("date,field", [
    ((2023, 2, 29), "day"), ((2024, 13, 1), "month"), ((2024, 4, 31), "day"),
    ((0, 1, 1), "year"), ((2024, 0, 1), "month"), ((2024, None, 3), "month"),
])
def test_a_date_outside_the_calendar_names_its_field(date, field):
    with pytest.raises(CalendarError) as caught:
        GREGORIAN.check(*date, prefix="world_time.")
    assert caught.value.field == f"world_time.{field}"


def test_a_leap_day_in_a_common_year_says_why():
    with pytest.raises(CalendarError, match="not a leap year"):
        GREGORIAN.check(2023, 2, 29)
    GREGORIAN.check(2024, 2, 29)


@pytest.mark.parametrize("raw,field", [
    ({**default_calendar(), "months": []}, "calendar.months"),
    ({**default_calendar(), "leap": {"month": 13, "rule": "4"}}, "calendar.leap.month"),
    ({**default_calendar(), "leap": {"month": 2, "rule": "four"}}, "calendar.leap.rule"),
    ({**default_calendar(), "leap": {"month": 2, "rule": "9973,!9967"}}, "calendar.leap.rule"),
])
def test_a_calendar_that_does_not_hold_together_names_its_field(raw, field):
    with pytest.raises(CalendarError) as caught:
        calendar_of(raw)
    assert caught.value.field == field


def test_spans_cover_what_an_imprecise_date_may_mean():
    assert GREGORIAN.span(2024) == (GREGORIAN.day_number(2024, 1, 1),
                                    GREGORIAN.day_number(2024, 12, 31))
    assert GREGORIAN.span(2024, 2) == (GREGORIAN.day_number(2024, 2, 1),
                                       GREGORIAN.day_number(2024, 2, 29))


def test_offsets_move_by_years_months_and_days():
    assert GREGORIAN.add(2024, 1, 31, months=1) == (2024, 2, 29)
    assert GREGORIAN.add(2024, 2, 29, years=1) == (2025, 2, 28)
    assert GREGORIAN.add(-1, 12, 31, days=1) == (1, 1, 1)
    assert GREGORIAN.add(1, 3, None, years=-2) == (-2, 3, None)
    assert GREGORIAN.add(1300, 11, 20, months=3) == (1301, 2, 20)


def test_ages_are_whole_years_completed():
    born = (1300, 5, 6)
    assert GREGORIAN.whole_years_between(born, (1320, 5, 5)) == 19
    assert GREGORIAN.whole_years_between(born, (1320, 5, 6)) == 20
    assert GREGORIAN.whole_years_between((-5, 1, 1), (5, 1, 1)) == 9   # no year 0


def test_eras_and_weekdays():
    assert THIRTEEN_MOONS.era_of(-3001) == "" and THIRTEEN_MOONS.era_of(-5) == "Age of Ash"
    assert THIRTEEN_MOONS.era_of(1) == "Age of Light"
    assert [THIRTEEN_MOONS.weekday(n) for n in (1, 2, 3, 4, 0)] == ["Sun", "Moon", "Star", "Sun", "Star"]
    assert GREGORIAN.weekday(1) is None


@pytest.mark.parametrize("args,language,label", [
    ((GREGORIAN, 1300, 5, 6), "vi", "ngày 6 tháng 5 năm 1300"),
    ((GREGORIAN, 1300, 5, 6), "en", "6 May 1300"),
    ((GREGORIAN, 1300, 5, None), "en", "May 1300"),
    ((GREGORIAN, -500, None, None), "vi", "năm 500 trước Công nguyên"),
    ((GREGORIAN, -500, None, None), "en", "500 BC"),
    ((THIRTEEN_MOONS, 12, 2, 3), "en", "3 Moon 2 12 AR, Age of Light"),
    ((THIRTEEN_MOONS, -12, 2, 3), "vi", "ngày 3 Moon 2 năm -12 AR, Age of Ash"),
    ((GREGORIAN, None, None, None), "vi", "không rõ thời gian"),
])
def test_labels_are_written_in_the_calendar_and_language(args, language, label):
    assert date_label(*args, language=language) == label


def test_an_approximate_date_says_so():
    assert date_label(GREGORIAN, 1300, precision="approximate", language="en") == "around 1300"
    assert date_label(GREGORIAN, 1300, precision="approximate") == "khoảng năm 1300"
