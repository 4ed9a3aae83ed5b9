"""Timeline conflicts: one entity in two places at once, after its death, before its birth, or
further than it can travel, found by sweeping each entity's dated events in time order.

Dates are compared as written: an event's date spans the days it may mean (a year alone spans
the year, core.calendar.Calendar.span). A conflict is raised only when the written dates
conflict under every reading of their spans; `certainty` is `definite` when both dates are
exact and `possible` when either is approximate. Dates of unknown precision raise none.

- two_places: two events of the entity on the same day (both dates name the day) at places
  none of which contains or equals a place of the other.
- after_death / before_birth: an event that starts after the day the entity's (earliest) death
  event ends, or ends before its (earliest) birth event starts.
- too_far: two consecutive events of the entity on different days whose places, by their
  coordinates, lie further apart than `travel_per_day` times the most days the dates allow.
"""

from __future__ import annotations

import math
from collections import defaultdict
from operator import attrgetter

from core.date_labels import date_label
from core.timeline import dated

_TEXT = {
    "en": {
        "two_places": "{who} is at {place_a} and at {place_b} on the same day, {date_a}.",
        "after_death": "{who} takes part in “{event}” ({date_a}) after dying in “{anchor}” "
                       "({date_b}).",
        "before_birth": "{who} takes part in “{event}” ({date_a}) before being born in "
                        "“{anchor}” ({date_b}).",
        "too_far": "{who} cannot travel from {place_a} ({date_a}) to {place_b} ({date_b}): "
                   "{distance} map units in at most {days}, at {speed} a day.",
    },
    "vi": {
        "two_places": "{who} ở {place_a} và ở {place_b} trong cùng một ngày, {date_a}.",
        "after_death": "{who} có mặt trong “{event}” ({date_a}) sau khi đã mất trong "
                       "“{anchor}” ({date_b}).",
        "before_birth": "{who} có mặt trong “{event}” ({date_a}) trước khi ra đời trong "
                        "“{anchor}” ({date_b}).",
        "too_far": "{who} không thể đi từ {place_a} ({date_a}) đến {place_b} ({date_b}): "
                   "{distance} đơn vị bản đồ trong nhiều nhất {days}, mỗi ngày {speed}.",
    },
}


_ORDER = attrgetter("order")


class ConflictFinder:
    """Finds the conflicts of a world's events; names and places come from the world."""

    def __init__(self, calendar, names: dict, locations: dict, travel_per_day=None,
                 language: str = "vi", labels: dict | None = None):
        """`names` maps entity ids to names; `locations` maps ids to place models (names,
        coordinates, parents); `labels` may give events' date labels already written, by id."""
        self.calendar = calendar
        self.names = names
        self.locations = locations
        self.travel_per_day = travel_per_day
        self.language = language if language in _TEXT else "vi"
        self._labels = dict(labels or {})

    def find(self, events) -> list[dict]:
        """Every conflict among the events, by entity, in time order."""
        chains = defaultdict(list)          # entity id -> its dated events
        for event in events:
            span = dated(self.calendar, event)
            if span is not None:
                for entity_id in event.entity_ids:
                    chains[entity_id].append(span)
        conflicts = []
        for entity_id, chain in chains.items():
            if len(chain) < 2:              # every kind needs two events of the entity
                continue
            chain.sort(key=_ORDER)
            conflicts += self._two_places(entity_id, chain)
            conflicts += self._life(entity_id, chain)
            conflicts += self._too_far(entity_id, chain)
        return conflicts

    # kinds

    def _two_places(self, entity_id: str, chain: list) -> list[dict]:
        """Consecutive events on one named day (adjacent in time order) at places apart."""
        found, previous = [], None
        for item in chain:
            if not (item.full and item.event.location_ids):
                continue
            if previous is not None and previous.lo == item.lo and \
                    self._apart(previous.event.location_ids, item.event.location_ids):
                found.append(self._conflict("two_places", entity_id, previous, item,
                                            place_a=self._place(previous),
                                            place_b=self._place(item)))
            previous = item
        return found

    def _life(self, entity_id: str, chain: list) -> list[dict]:
        """Events after the earliest death, then events before the earliest birth."""
        death = birth = None
        for item in chain:                  # time order: the first found is the earliest
            kind = item.event.kind
            if kind == "death" and death is None:
                death = item
            elif kind == "birth" and birth is None:
                birth = item
        found = []
        if death is not None:
            found += [self._conflict("after_death", entity_id, item, death)
                      for item in chain if item is not death and item.lo > death.hi]
        if birth is not None:
            found += [self._conflict("before_birth", entity_id, item, birth)
                      for item in chain if item is not birth and item.hi < birth.lo]
        return found

    def _too_far(self, entity_id: str, chain: list) -> list[dict]:
        if not self.travel_per_day:
            return []
        found, previous = [], None
        for item in chain:
            point = self._point(item.event)
            if point is None:
                continue
            if previous is not None and previous[0].hi < item.lo:
                days = item.hi - previous[0].lo
                distance = math.dist(previous[1], point)
                if distance > self.travel_per_day * days:
                    found.append(self._conflict(
                        "too_far", entity_id, previous[0], item,
                        place_a=self._place(previous[0]), place_b=self._place(item),
                        distance=_number(distance), days=self._days(days),
                        speed=_number(self.travel_per_day)))
            previous = (item, point)
        return found

    # places

    def _ancestry(self, location_id: str) -> set:
        chain, current = set(), location_id
        while current and current not in chain:
            chain.add(current)
            place = self.locations.get(current)
            current = place.parent_location_id if place else None
        return chain

    def _apart(self, first: list, second: list) -> bool:
        """Whether no place of one list is, contains or lies inside a place of the other."""
        first_up = set().union(*(self._ancestry(i) for i in first))
        second_up = set().union(*(self._ancestry(i) for i in second))
        return not (first_up & set(second) or second_up & set(first))

    def _point(self, event):
        for location_id in event.location_ids:
            place = self.locations.get(location_id)
            if place is not None and place.coordinates:
                return (place.coordinates["x"], place.coordinates["y"])
        return None

    def _place(self, item) -> str:
        names = [self.locations[i].name for i in item.event.location_ids if i in self.locations]
        return ", ".join(names) or "?"

    # answers

    def _days(self, days: int) -> str:
        if self.language == "vi":
            return f"{days} ngày"
        return f"{days} day" if days == 1 else f"{days} days"

    def _label(self, item) -> str:
        event = item.event
        label = self._labels.get(event.event_id)
        if label is None:
            label = self._labels[event.event_id] = date_label(
                self.calendar, event.year, event.month, event.day, era=event.era,
                precision=event.precision, language=self.language)
        return label

    def _conflict(self, kind: str, entity_id: str, item, other, **words) -> dict:
        labels = self._labels
        text = _TEXT[self.language][kind].format(
            who=self.names.get(entity_id, "?"), event=item.event.title,
            anchor=other.event.title,
            date_a=labels.get(item.event.event_id) or self._label(item),
            date_b=labels.get(other.event.event_id) or self._label(other), **words)
        return {"kind": kind, "certainty": "definite" if item.exact and other.exact
                else "possible", "entity_id": entity_id,
                "event_ids": [item.event.event_id, other.event.event_id], "explanation": text}


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
