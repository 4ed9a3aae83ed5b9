"""Dates written out in a world's calendar and language ("ngày 6 tháng 5 năm 1300", "6 May 1300")."""

from __future__ import annotations

from core.calendar import GREGORIAN_MONTHS, LABEL_MEMO_SIZE, Calendar

_WORDS = {
    "vi": {"around": "khoảng", "unknown": "không rõ thời gian", "bc": "trước Công nguyên"},
    "en": {"around": "around", "unknown": "date unknown", "bc": "BC"},
}


def _month_name(calendar: Calendar, month: int, language: str) -> str:
    name = calendar.month_names[month - 1]
    if name:
        return name
    if language == "en":
        if len(calendar.month_days) == 12:
            return GREGORIAN_MONTHS[month - 1][0]
        return f"month {month}"
    return f"tháng {month}"


def _year_text(calendar: Calendar, year: int, language: str) -> str:
    words = _WORDS[language]
    if year < 0 and not calendar.year_zero and not calendar.eras:
        number = f"{-year} {words['bc']}"
    else:
        number = str(year)
    if calendar.year_name:
        number = f"{number} {calendar.year_name}"
    return number


def date_label(calendar: Calendar, year: int | None, month: int | None = None,
               day: int | None = None, *, era: str = "", precision: str = "exact",
               language: str = "vi") -> str:
    """The date as a writer reads it, in `language` (vi or en), with its era and precision."""
    language = language if language in _WORDS else "vi"
    # Remembered per calendar: a timeline writes the same few thousand dates on every request.
    key = (year, month, day, era, precision, language)
    found = calendar.labels.get(key)
    if found is None:
        if len(calendar.labels) >= LABEL_MEMO_SIZE:
            calendar.labels.clear()
        found = calendar.labels[key] = _label(calendar, year, month, day, era, precision,
                                              language)
    return found


def _label(calendar: Calendar, year: int | None, month: int | None, day: int | None,
           era: str, precision: str, language: str) -> str:
    words = _WORDS[language]
    if year is None:
        return words["unknown"]
    year_text = _year_text(calendar, year, language)
    if language == "vi":
        parts = []
        if day is not None and month is not None:
            parts.append(f"ngày {day}")
        if month is not None:
            parts.append(_month_name(calendar, month, language))
        parts.append(f"năm {year_text}")
        text = " ".join(parts)
    else:
        if month is None:
            text = year_text
        elif day is None:
            text = f"{_month_name(calendar, month, language)} {year_text}"
        else:
            text = f"{day} {_month_name(calendar, month, language)} {year_text}"
    era = era or calendar.era_of(year)
    if era:
        text = f"{text}, {era}"
    if precision == "approximate":
        text = f"{words['around']} {text}"
    return text
