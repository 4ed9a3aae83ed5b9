"""A world's calendar: dates to day numbers and back, validation, eras and date labels.

A day number counts days from the first day of year 1 (day 1); days before it are 0, -1, ....
Months, leap years and the missing year 0 live here and nowhere else: ordering, ages and gaps
elsewhere are arithmetic on day numbers.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from functools import lru_cache
import json

GREGORIAN_MONTHS = (("January", 31), ("February", 28), ("March", 31), ("April", 30), ("May", 31),
                    ("June", 30), ("July", 31), ("August", 31), ("September", 30),
                    ("October", 31), ("November", 30), ("December", 31))
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A leap rule's cycle (the least common multiple of its numbers) is kept below this, so one
# table per calendar answers every year.
MAX_LEAP_CYCLE = 10_000
DAY_MEMO_SIZE = 8_192             # remembered day numbers per calendar (about 1 MB)
LABEL_MEMO_SIZE = 4_096           # remembered date labels per calendar (about 0.6 MB)
MAX_YEAR = 1_000_000_000


class CalendarError(ValueError):
    """A date or a calendar that does not hold together; `field` names what is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def default_calendar() -> dict:
    """The Gregorian-like calendar every world starts with (month names come from its language)."""
    return {"year_name": "", "year_zero": False,
            "months": [{"name": "", "days": days} for _, days in GREGORIAN_MONTHS],
            "leap": {"month": 2, "rule": "4,!100,400"},
            "weekdays": [], "eras": []}


def parse_leap_rule(rule: str) -> tuple[tuple[int, bool], ...]:
    """Terms of a rule like "4,!100,400": (divisor, leap?) in order; the last term that divides wins."""
    terms = []
    for part in str(rule).replace(" ", "").split(","):
        if not part:
            continue
        negative = part.startswith("!")
        digits = part[1:] if negative else part
        if not digits.isdigit() or not 0 < int(digits) <= MAX_LEAP_CYCLE:
            raise CalendarError("calendar.leap.rule",
                                f"'{part}' is not a number of years from 1 to {MAX_LEAP_CYCLE}, "
                                "optionally after '!' (e.g. \"4,!100,400\")")
        terms.append((int(digits), not negative))
    if not terms:
        raise CalendarError("calendar.leap.rule", "the leap rule names no years (e.g. \"4\")")
    if len(terms) > 8:
        raise CalendarError("calendar.leap.rule", "a leap rule has at most 8 terms")
    return tuple(terms)


@dataclass(frozen=True)
class Calendar:
    """One world's calendar, ready for arithmetic (build it with `calendar_of`)."""

    year_name: str
    year_zero: bool
    month_names: tuple[str, ...]
    month_days: tuple[int, ...]
    leap_month: int | None          # 1-based; a leap year adds one day to it
    leap_terms: tuple[tuple[int, bool], ...]
    weekdays: tuple[str, ...]
    eras: tuple[tuple[int, str], ...]   # (start_year, name), sorted

    # derived tables, filled by __post_init__
    def __post_init__(self):
        cycle = 1
        for divisor, _ in self.leap_terms:
            cycle = math.lcm(cycle, divisor)
        if cycle > MAX_LEAP_CYCLE:
            raise CalendarError("calendar.leap.rule",
                                f"the leap rule repeats only every {cycle} years; keep its cycle "
                                f"at most {MAX_LEAP_CYCLE} years")
        leap_prefix = [0]
        for index in range(cycle):
            leap_prefix.append(leap_prefix[-1] + self._leap_by_rule(index))
        object.__setattr__(self, "_cycle", cycle)
        object.__setattr__(self, "_leap_prefix", tuple(leap_prefix))
        object.__setattr__(self, "_common_days", sum(self.month_days))
        # Year starts within one cycle, relative to the cycle's start, for the way back.
        starts = [index * self._common_days + leap_prefix[index] for index in range(cycle + 1)]
        object.__setattr__(self, "_cycle_starts", tuple(starts))
        object.__setattr__(self, "_epoch", self._days_before_index(1))
        object.__setattr__(self, "_day_numbers", {})
        object.__setattr__(self, "_era_starts", tuple(start for start, _ in self.eras))
        object.__setattr__(self, "labels", {})   # date_label's memo, keyed by its arguments

    # years

    def _leap_by_rule(self, index: int) -> bool:
        if self.leap_month is None:
            return False
        leap = False
        for divisor, is_leap in self.leap_terms:
            if index % divisor == 0:
                leap = is_leap
        return leap

    def _index(self, year: int) -> int:
        """The year as a count with no gap (without a year 0, year -1 becomes index 0)."""
        return year if self.year_zero or year > 0 else year + 1

    def _year(self, index: int) -> int:
        return index if self.year_zero or index > 0 else index - 1

    def is_leap(self, year: int) -> bool:
        """Whether the year has the leap day (rules count years with no gap: 1 BC is index 0)."""
        return self._leap_by_rule(self._index(year))

    def _days_before_index(self, index: int) -> int:
        """Days from the start of year index 0 to the start of year `index` (negative before)."""
        whole, rest = divmod(index, self._cycle)
        return (index * self._common_days
                + whole * self._leap_prefix[-1] + self._leap_prefix[rest])

    def days_in_year(self, year: int) -> int:
        """How many days the year has."""
        return self._common_days + (1 if self.is_leap(year) else 0)

    def days_in_month(self, year: int, month: int) -> int:
        """How many days the month has in that year."""
        extra = 1 if month == self.leap_month and self.is_leap(year) else 0
        return self.month_days[month - 1] + extra

    # validation

    def check(self, year: int, month: int | None = None, day: int | None = None,
              prefix: str = "") -> None:
        """Raise CalendarError naming `prefix + field` when the date is not in this calendar."""
        if not isinstance(year, int) or isinstance(year, bool) or abs(year) > MAX_YEAR:
            raise CalendarError(prefix + "year", f"a year is a whole number up to {MAX_YEAR:,}")
        if year == 0 and not self.year_zero:
            raise CalendarError(prefix + "year", "this calendar has no year 0: year -1 is "
                                                 "followed by year 1")
        if day is not None and month is None:
            raise CalendarError(prefix + "month", "a day needs its month")
        if month is not None and not 1 <= month <= len(self.month_days):
            raise CalendarError(prefix + "month",
                                f"this calendar has months 1 to {len(self.month_days)}")
        if day is not None:
            days = self.days_in_month(year, month)
            if not 1 <= day <= days:
                leap_note = ""
                if month == self.leap_month and not self.is_leap(year):
                    leap_note = f" (year {year} is not a leap year)"
                raise CalendarError(prefix + "day",
                                    f"month {month} of year {year} has {days} days{leap_note}")

    # day numbers

    def day_number(self, year: int, month: int = 1, day: int = 1) -> int:
        """The day number of a valid date (check it first)."""
        # Remembered: a timeline asks for the day number of each event's date several times.
        key = (year, month, day)
        found = self._day_numbers.get(key)
        if found is None:
            if len(self._day_numbers) >= DAY_MEMO_SIZE:
                self._day_numbers.clear()
            found = self._day_numbers[key] = self._count_days(year, month, day)
        return found

    def _count_days(self, year: int, month: int, day: int) -> int:
        index = self._index(year)
        before_month = sum(self.month_days[:month - 1])
        if self.leap_month is not None and month > self.leap_month and self.is_leap(year):
            before_month += 1
        return self._days_before_index(index) - self._epoch + before_month + day

    def span(self, year: int, month: int | None = None, day: int | None = None) -> tuple[int, int]:
        """First and last day number a date may mean (a year alone spans the whole year)."""
        if month is None:
            first = self.day_number(year, 1, 1)
            return first, first + self.days_in_year(year) - 1
        if day is None:
            first = self.day_number(year, month, 1)
            return first, first + self.days_in_month(year, month) - 1
        number = self.day_number(year, month, day)
        return number, number

    def date_of(self, number: int) -> tuple[int, int, int]:
        """The (year, month, day) of a day number."""
        offset = number - 1 + self._epoch            # days since the start of year index 0
        per_cycle = self._cycle_starts[-1]
        whole, rest = divmod(offset, per_cycle)
        position = bisect.bisect_right(self._cycle_starts, rest) - 1
        index = whole * self._cycle + position
        year = self._year(index)
        rest -= self._cycle_starts[position]
        for month in range(1, len(self.month_days) + 1):
            days = self.days_in_month(year, month)
            if rest < days:
                return year, month, rest + 1
            rest -= days
        raise AssertionError("a day number fell outside its year")   # pragma: no cover

    def add(self, year: int, month: int | None, day: int | None, *, years: int = 0,
            months: int = 0, days: int = 0) -> tuple[int, int | None, int | None]:
        """The date moved by whole years, then months, then days (a day past a month's end is
        clamped to its last day, like 31 January + 1 month = 28/29 February)."""
        index = self._index(year) + years
        if month is not None and months:
            total = (index * len(self.month_days) + (month - 1)) + months
            index, month0 = divmod(total, len(self.month_days))
            month = month0 + 1
        elif months:
            index += months // len(self.month_days)
        year = self._year(index)
        if day is not None and month is not None:
            day = min(day, self.days_in_month(year, month))
        if days:
            start = self.day_number(year, month or 1, day or 1)
            year, month_full, day_full = self.date_of(start + days)
            if month is not None and day is not None:
                return year, month_full, day_full
            return year, month_full if month is not None else None, None
        return year, month, day

    def weekday(self, number: int) -> str | None:
        """The weekday name of a day number (day 1 is the first weekday), if the calendar has any."""
        if not self.weekdays:
            return None
        return self.weekdays[(number - 1) % len(self.weekdays)]

    def era_of(self, year: int) -> str:
        """The name of the era that contains the year ("" before the first era or without eras)."""
        position = bisect.bisect_right(self._era_starts, year) - 1
        return self.eras[position][1] if position >= 0 else ""

    def whole_years_between(self, born: tuple[int, int, int], then: tuple[int, int, int]) -> int:
        """Whole years completed from one (year, month, day) to a later one (an age)."""
        years = self._index(then[0]) - self._index(born[0])
        if (then[1], then[2]) < (born[1], born[2]):
            years -= 1
        return years


def _months_of(raw: dict) -> tuple[tuple[str, ...], tuple[int, ...]]:
    months = raw.get("months")
    if months is None:
        # An older shape: {months_per_year, days_per_month, month_names}.
        count = int(raw.get("months_per_year") or 12)
        days = int(raw.get("days_per_month") or 30)
        names = list(raw.get("month_names") or [])
        months = [{"name": names[i] if i < len(names) else "", "days": days} for i in range(count)]
    if not months:
        raise CalendarError("calendar.months", "a calendar needs at least one month")
    names, days = [], []
    for position, month in enumerate(months):
        count = month.get("days")
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 1000:
            raise CalendarError(f"calendar.months.{position}.days",
                                "a month has 1 to 1000 days")
        names.append(str(month.get("name") or ""))
        days.append(count)
    return tuple(names), tuple(days)


def upgrade_calendar(raw: dict | None) -> dict:
    """The calendar in the current shape (an older {months_per_year, days_per_month,
    month_names, eras} calendar becomes months of equal length, without a leap day)."""
    if raw is None:
        return default_calendar()
    if "months" in raw:
        return raw
    names, days = _months_of(raw)
    return {"year_name": str(raw.get("year_name") or ""), "year_zero": False,
            "months": [{"name": n, "days": d} for n, d in zip(names, days)], "leap": None,
            "weekdays": [], "eras": [{"name": str(e.get("name") or ""),
                                      "start_year": int(e.get("start_year") or 0)}
                                     for e in raw.get("eras") or ()]}


def complete_calendar(raw: dict) -> dict:
    """The calendar with every key: missing ones take the default's (the Gregorian leap rule
    only when the months are the default's too)."""
    raw = upgrade_calendar(raw) if "months" not in raw and "months_per_year" in raw else raw
    default = default_calendar()
    complete = {key: raw.get(key, value) for key, value in default.items()}
    if "months" in raw and "leap" not in raw:
        complete["leap"] = None
    return complete


@lru_cache(maxsize=256)
def _cached(key: str) -> Calendar:
    raw = json.loads(key)
    names, days = _months_of(raw)
    leap = raw.get("leap") if "months" in raw else None
    leap_month, terms = None, ((1, False),)
    if leap:
        leap_month = leap.get("month")
        if not isinstance(leap_month, int) or not 1 <= leap_month <= len(days):
            raise CalendarError("calendar.leap.month",
                                f"the leap month is one of the months, 1 to {len(days)}")
        terms = parse_leap_rule(leap.get("rule") or "")
    eras = sorted((int(era["start_year"]), str(era["name"])) for era in raw.get("eras") or [])
    return Calendar(year_name=str(raw.get("year_name") or ""),
                    year_zero=bool(raw.get("year_zero", False)),
                    month_names=names, month_days=days, leap_month=leap_month,
                    leap_terms=terms, weekdays=tuple(str(w) for w in raw.get("weekdays") or ()),
                    eras=tuple(eras))


def calendar_of(raw: dict | None) -> Calendar:
    """The Calendar for a world's stored calendar (the default when None); raises CalendarError."""
    return _cached(json.dumps(raw if raw is not None else default_calendar(), sort_keys=True))
