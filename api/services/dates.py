"""A world's calendar as services use it: checked, and dates checked against it (2001)."""

from __future__ import annotations

from core.calendar import Calendar, CalendarError, calendar_of
from core.clock import now_iso
from core.errors import ValidationFailed
from core.event_dates import recompute_all


def world_calendar(world) -> Calendar:
    """The calendar of a stored world (stored calendars were checked when they were set)."""
    return calendar_of(world.calendar)


def world_language(world) -> str:
    """The language dates and explanations are written in for this world (vi unless en)."""
    return "en" if getattr(world, "language", None) == "en" else "vi"


def checked_calendar(raw: dict, prefix: str = "") -> Calendar:
    """The calendar, or 2001 naming the field (`calendar.leap.rule`, ...) that does not hold,
    after `prefix` (`world.` in an imported bundle)."""
    try:
        return calendar_of(raw)
    except CalendarError as error:
        raise ValidationFailed({prefix + error.field: error.message}) from None


def check_date(calendar: Calendar, year, month=None, day=None, prefix: str = "") -> None:
    """2001 naming `prefix + year|month|day` when the date is not in the calendar."""
    try:
        calendar.check(year, month, day, prefix)
    except CalendarError as error:
        raise ValidationFailed({error.field: error.message}) from None


def date_events(calendar: Calendar, events) -> None:
    """Set every event's day number (relative dates computed) under the calendar; 2001 naming
    `calendar` when the calendar does not hold an event's date."""
    _refuse_calendar(recompute_all(calendar, events), "event(s)", "a date", "the dates")


def check_story_times(tx, world_id: str, calendar: Calendar) -> None:
    """2001 naming `calendar` when a story's `world_time` is not a date of the new calendar."""
    problems = []
    for story in tx.story_outlines(world_id, links=False):
        when = story.world_time
        if when:
            try:
                calendar.check(when["year"], when.get("month"), when.get("day"), "world_time.")
            except CalendarError as error:
                problems.append((story, error))
    _refuse_calendar(problems, "story(ies)", "a world time", "the world time")


def _refuse_calendar(problems: list, things: str, one: str, held: str) -> None:
    """2001 naming `calendar` and the first (titled thing, CalendarError) it does not hold."""
    if problems:
        first, error = problems[0]
        raise ValidationFailed(
            {"calendar": f"{len(problems)} {things} would have {one} outside this calendar, "
                         f"e.g. “{first.title}”: {error.message}"},
            f"The calendar does not hold {held} of {len(problems)} {things}")


def redate_events(tx, world_id: str, calendar: Calendar) -> None:
    """Recompute every event's day number under a new calendar of its world, in the caller's
    transaction; 2001 (nothing changed) when the calendar does not hold an event's date."""
    events = tx.events_of_world(world_id)
    before = {e.event_id: (e.year, e.month, e.day, e.day_number) for e in events}
    date_events(calendar, events)
    now = now_iso()
    for event in events:
        if (event.year, event.month, event.day, event.day_number) != before[event.event_id]:
            event.updated_at = now
            tx.update(event)
