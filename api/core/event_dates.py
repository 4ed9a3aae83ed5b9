"""An event's date in its world's calendar: checked, computed from an anchor, and followed.

An event has its own date (year, month?, day?) or a date `relative_to` another event (the
anchor's date moved by whole years, months and days, core.calendar.Calendar.add). Relative
dates are stored computed, so every read and every ordering is plain arithmetic on
`day_number`; when an anchor moves, `follow` recomputes its dependents, transitively.
"""

from __future__ import annotations

from collections import defaultdict, deque

from core.calendar import Calendar, CalendarError

PRECISIONS = ("exact", "approximate", "unknown")


class DateProblem(ValueError):
    """A date that cannot be set; `field` names what is wrong (relative_to.event_id...)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def default_precision(year, month, day) -> str:
    """exact for a full date, approximate for a year or a month, unknown without a year."""
    if year is None:
        return "unknown"
    return "exact" if month is not None and day is not None else "approximate"


def set_day_number(calendar: Calendar, event) -> None:
    """Store the day number of the event's (valid) date; None without a year."""
    event.day_number = (None if event.year is None else
                        calendar.day_number(event.year, event.month or 1, event.day or 1))


def check_own_date(calendar: Calendar, event, prefix: str = "") -> None:
    """Raise CalendarError naming `prefix + year|month|day` when the date is not in the calendar."""
    if event.year is None:
        if event.month is not None or event.day is not None:
            raise CalendarError(prefix + "year", "a month or a day needs its year")
        return
    calendar.check(event.year, event.month, event.day, prefix)


def date_from_anchor(calendar: Calendar, event, anchor) -> None:
    """Set the event's year, month and day: the anchor's date moved by the offset."""
    if anchor.year is None:
        raise DateProblem("relative_to.event_id", "the anchor event has no date to count from")
    offset = event.relative_to
    event.year, event.month, event.day = calendar.add(
        anchor.year, anchor.month, anchor.day, years=int(offset.get("years") or 0),
        months=int(offset.get("months") or 0), days=int(offset.get("days") or 0))
    set_day_number(calendar, event)


def check_no_cycle(event_id: str, anchor_id: str, events_by_id: dict) -> None:
    """Raise DateProblem when following anchors from `anchor_id` comes back to `event_id`."""
    seen, current = set(), anchor_id
    while current is not None:
        if current == event_id:
            raise DateProblem("relative_to.event_id",
                              "the dates would depend on each other in a circle")
        if current in seen:
            return          # an older circle elsewhere; not this event's to report
        seen.add(current)
        anchor = events_by_id.get(current)
        current = (anchor.relative_to or {}).get("event_id") if anchor else None


def dependents_index(events) -> dict[str, list]:
    """{anchor event id: the events whose date is relative to it}."""
    index = defaultdict(list)
    for event in events:
        if event.relative_to:
            index[event.relative_to["event_id"]].append(event)
    return index


def follow(calendar: Calendar, moved, events) -> list:
    """Recompute every event whose date depends (transitively) on `moved`; returns them,
    each once, in the order they were recomputed."""
    index = dependents_index(events)
    changed, queue, seen = [], deque([moved]), {moved.event_id}
    while queue:
        anchor = queue.popleft()
        for dependent in index.get(anchor.event_id, ()):
            if dependent.event_id in seen:
                continue
            seen.add(dependent.event_id)
            if anchor.year is not None:
                date_from_anchor(calendar, dependent, anchor)
            changed.append(dependent)
            queue.append(dependent)
    return changed


def recompute_all(calendar: Calendar, events) -> list[tuple]:
    """Day numbers of every event under a (new) calendar, anchors first.

    Returns [(event, CalendarError)] for events whose own date the calendar does not hold.
    """
    problems = []
    by_id = {e.event_id: e for e in events}
    roots = [e for e in events if not e.relative_to or e.relative_to["event_id"] not in by_id]
    held = []
    for event in roots:
        try:
            check_own_date(calendar, event)
            set_day_number(calendar, event)
            held.append(event)
        except CalendarError as error:
            problems.append((event, error))
    # Dates that follow an anchor the calendar cannot hold cannot be computed either.
    for root in held:
        follow(calendar, root, events)
    return problems
