"""The timeline of a world as pure functions: dated events, ages, year groups, implicit links.

Everything here walks inverted indexes (entity or place → its dated events in time order);
nothing compares every pair of events.
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter

from core.calendar import Calendar

UNORDERED = 10 ** 12     # story order of events outside any story: after those in stories
_DAY_THEN_ID = itemgetter(0, 1)     # (day number, event id, event) in time order


class Dated:
    """An event with the first and last day number its date, as written, may mean.

    `full`: the date names a day (year, month and day); `exact`: the writer says the date is
    exact. A plain slotted class: a timeline makes one per dated event and entity.
    """

    __slots__ = ("event", "lo", "hi", "full", "exact", "order")

    def __init__(self, event, lo: int, hi: int):
        self.event, self.lo, self.hi = event, lo, hi
        self.full = event.month is not None and event.day is not None
        self.exact = event.precision == "exact"
        self.order = (lo, hi, event.event_id)     # the sweeps' time order

    def __repr__(self) -> str:
        return f"Dated({self.event.event_id!r}, {self.lo}, {self.hi})"


def dated(calendar: Calendar, event) -> Dated | None:
    """The event's span of days, or None when it has no year or an unknown precision."""
    if event.year is None or event.precision == "unknown":
        return None
    lo, hi = calendar.span(event.year, event.month, event.day)
    return Dated(event, lo, hi)


def births(calendar: Calendar, events) -> dict[str, tuple[int, tuple[int, int, int]]]:
    """{entity id: (day number, (year, month, day)) of its earliest dated birth event} (month
    and day default to 1)."""
    found: dict[str, tuple] = {}
    for event in events:
        if event.kind != "birth" or event.year is None:
            continue
        date = (event.year, event.month or 1, event.day or 1)
        number = calendar.day_number(*date)
        for entity_id in event.entity_ids:
            if entity_id not in found or number < found[entity_id][0]:
                found[entity_id] = (number, date)
    return found


def ages_at(calendar: Calendar, event, born: dict) -> list[dict]:
    """[{entity_id, age}]: whole years completed at the event by those born (`births`) on or
    before its day."""
    if event.year is None:
        return []
    ages, then, then_number = [], None, 0
    for entity_id in event.entity_ids:
        birth = born.get(entity_id)
        if birth is None:
            continue
        if then is None:
            then = (event.year, event.month or 1, event.day or 1)
            then_number = calendar.day_number(*then)
        if then_number >= birth[0]:
            age = calendar.whole_years_between(birth[1], then)
            if age >= 0:
                ages.append({"entity_id": entity_id, "age": age})
    return ages


def sort_key(story_order: dict):
    """The timeline's order: year, month, day, then the story's order and the position in it."""
    def key(event):
        return (event.month or 0, event.day or 0, story_order.get(event.story_id, UNORDERED),
                event.story_position if event.story_position is not None else UNORDERED,
                event.title, event.event_id)
    return key


def year_groups(calendar: Calendar, events, story_order: dict) -> list[tuple]:
    """[(year or None, era, [events])], years ascending (negative first), undated last."""
    by_year = defaultdict(list)
    for event in events:
        by_year[event.year].append(event)
    key = sort_key(story_order)
    years = sorted(y for y in by_year if y is not None)
    groups = [(year, calendar.era_of(year), sorted(by_year[year], key=key)) for year in years]
    if None in by_year:
        groups.append((None, "", sorted(by_year[None], key=key)))
    return groups


def implicit_connections(calendar: Calendar, events, names: dict) -> list[dict]:
    """Links between events of different stories that share a character or a place.

    Each event is linked to the next event, in time order, of the same entity or place that
    belongs to another story: O(n log n) for n (event, entity) pairs, never every pair.
    `names` maps entity and location ids to their names, for labels.
    """
    in_time = sorted(((calendar.day_number(e.year, e.month or 1, e.day or 1), e.event_id, e)
                      for e in events if e.year is not None and e.story_id is not None),
                     key=_DAY_THEN_ID)
    chains = defaultdict(list)      # (relation_type, id) -> dated events of stories, in time
    for _, _, event in in_time:
        for entity_id in event.entity_ids:
            chains[("character", entity_id)].append(event)
        for location_id in event.location_ids:
            chains[("location", location_id)].append(event)
    links, seen = [], set()
    for (relation_type, thing_id), chain in chains.items():
        for event, later in _next_of_another_story(chain):
            pair = (event.event_id, later.event_id)
            if pair in seen:
                continue
            seen.add(pair)
            links.append({"from_event_id": pair[0], "to_event_id": pair[1],
                          "relation_type": relation_type,
                          "label": names.get(thing_id, ""), "implicit": True})
    return links


def _next_of_another_story(chain: list) -> list[tuple]:
    """(event, the first later event of another story) along a time-ordered chain, in O(n).

    Walking back, `nearest` is the next event and `other` the next one whose story differs
    from `nearest`'s; one of the two is the answer for any story.
    """
    pairs, nearest, other = [], None, None
    for event in reversed(chain):
        if nearest is not None:
            target = nearest if nearest.story_id != event.story_id else other
            if target is not None:
                pairs.append((event, target))
        if nearest is None or nearest.story_id != event.story_id:
            other = nearest
        nearest = event
    return pairs
