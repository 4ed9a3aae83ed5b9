"""Generated timelines through the timeline service on the in-memory backend: hundreds without
any conflict report none, and hundreds with one planted conflict report it, with the right
certainty.

A generated world has travellers (who move between places no faster than travel_per_day
allows, between their birth and their death) and residents (who never leave their home and
join the travellers' events there), and an event "sometime in the year" of each birth and
death, which the written dates do not put before the birth or after the death. Dates are exact or approximate full dates, or approximate
years; events of unknown precision are scattered anywhere and must never raise a conflict.
"""

from __future__ import annotations

import math
import random

import pytest

from core.calendar import calendar_of
from core.models import Entity, Event, Location, User, World
from services.event_service import EventService
from services.timeline_service import TimelineService
from storage.memory_storage import MemoryStorage

TRAVEL = 10.0
CALENDAR = calendar_of(None)
NOW = "2026-01-01T00:00:00Z"
OWNER = User(user_id="owner", username="owner", email="o@example.com", password_hash="x",
             created_at=NOW, updated_at=NOW)


class Generated:
    """One generated world: its models and, per traveller, its events in time order."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.world = World(world_id=f"w{seed}", name="W", owner_id="owner", created_at=NOW,
                           updated_at=NOW, travel_per_day=TRAVEL)
        self.places = [Location(location_id=f"p{i}", world_id=self.world.world_id,
                                name=f"Place {i}", created_at=NOW, updated_at=NOW,
                                coordinates={"x": self.rng.uniform(0, 800),
                                             "y": self.rng.uniform(0, 800)})
                       for i in range(6)]
        # a place inside place 0: being there and in place 0 the same day is no conflict
        self.places.append(Location(location_id="p-inner", world_id=self.world.world_id,
                                    name="Inner", created_at=NOW, updated_at=NOW,
                                    coordinates=self.places[0].coordinates,
                                    parent_location_id="p0"))
        self.entities, self.events, self.paths, self.count = [], [], {}, 0
        self.residents = {}
        for index in range(2):
            resident = self._entity(f"r{index}")
            self.residents[resident.entity_id] = self.places[index]
            self._event(1, 1, 1, "exact", [resident.entity_id], [self.places[index]], "birth")
        for index in range(4):
            self._travel(self._entity(f"t{index}"))
        for _ in range(5):
            self._unknown()

    def _entity(self, entity_id: str) -> Entity:
        entity = Entity(entity_id=entity_id, world_id=self.world.world_id,
                        name=f"Person {entity_id}", created_at=NOW, updated_at=NOW)
        self.entities.append(entity)
        return entity

    def _event(self, year, month, day, precision, entity_ids, places, kind="other") -> Event:
        self.count += 1
        event = Event(event_id=f"e{self.count:04d}", world_id=self.world.world_id,
                      title=f"Event {self.count}", created_at=NOW, updated_at=NOW, kind=kind,
                      year=year, month=month, day=day, precision=precision,
                      entity_ids=list(entity_ids),
                      location_ids=[p.location_id for p in places])
        self.events.append(event)
        return event

    def _dated(self, first_day: int, precision: str, entity_id: str, place, kind="other"):
        """An event on or after first_day; returns (event, last day its date may mean)."""
        if precision == "year":
            year = CALENDAR.date_of(first_day)[0] + 1
            # the date spans the whole year, so it starts no earlier than first_day
            event = self._event(year, None, None, "approximate", [entity_id], [place], kind)
            return event, CALENDAR.span(year)[1]
        year, month, day = CALENDAR.date_of(first_day)
        event = self._event(year, month, day, precision, [entity_id], [place], kind)
        return event, first_day

    def _precision(self) -> str:
        return self.rng.choices(["exact", "approximate", "year"], [6, 2, 1])[0]

    def _travel(self, person: Entity) -> None:
        """Birth, a journey of feasible steps, then death; residents join at their homes."""
        place = self.rng.choice(self.places)
        cursor = self.rng.randint(300_000, 400_000)
        path = []
        event, cursor = self._dated(cursor, self._precision(), person.entity_id, place, "birth")
        path.append(event)
        for _ in range(self.rng.randint(3, 12)):
            target = self.rng.choice(self.places)
            need = math.ceil(_distance(place, target) / TRAVEL)
            start = cursor + need + 2 + self.rng.randint(0, 300)
            event, cursor = self._dated(start, self._precision(), person.entity_id, target)
            for resident, home in self.residents.items():
                if home is target and self.rng.random() < 0.5:
                    event.entity_ids.append(resident)
            place = target
            path.append(event)
        event, cursor = self._dated(cursor + 2 + self.rng.randint(0, 300), self._precision(),
                                    person.entity_id, place, "death")
        path.append(event)
        self.paths[person.entity_id] = path
        # "sometime in the year of the birth/death": as written, no conflict with either
        for anchor in (path[0], path[-1]):
            self._event(anchor.year, None, None, "approximate", [person.entity_id],
                        [self._by_id(anchor.location_ids[0])])

    def _unknown(self) -> None:
        """An event of unknown precision, anywhere, with anyone: it never conflicts."""
        who = self.rng.choice(self.entities)
        year, month, day = CALENDAR.date_of(self.rng.randint(1, 500_000))
        self._event(year, month, day, "unknown", [who.entity_id],
                    [self.rng.choice(self.places)])

    # planting

    def full_dated(self, entity_id: str) -> list:
        """The traveller's non-birth, non-death events whose date names a day."""
        return [e for e in self.paths[entity_id][1:-1] if e.day is not None]

    def plant(self, kind: str) -> tuple[str, set, str]:
        """Add one conflict of the kind; returns (entity id, event ids, certainty)."""
        entity_id = self.rng.choice([i for i in self.paths if self.full_dated(i)])
        path = self.paths[entity_id]
        precision = self.rng.choice(["exact", "approximate"])
        if kind == "two_places":
            anchor = self.rng.choice(self.full_dated(entity_id))
            elsewhere = self._place_apart_from(anchor.location_ids[0])
            planted = self._event(anchor.year, anchor.month, anchor.day, precision,
                                  [entity_id], [elsewhere])
        elif kind in ("after_death", "before_birth"):
            anchor = path[-1] if kind == "after_death" else path[0]
            lo, hi = CALENDAR.span(anchor.year, anchor.month, anchor.day)
            number = hi + self.rng.randint(1, 900) if kind == "after_death" \
                else lo - self.rng.randint(1, 900)
            home = self._by_id(anchor.location_ids[0])
            planted = self._event(*CALENDAR.date_of(number), precision, [entity_id], [home])
        else:
            anchor = self.rng.choice(self.full_dated(entity_id))
            number = CALENDAR.day_number(anchor.year, anchor.month, anchor.day) + 1
            far = max(self.places, key=lambda p: _distance(p, self._by_id(
                anchor.location_ids[0])))
            planted = self._event(*CALENDAR.date_of(number), precision, [entity_id], [far])
        certainty = "definite" if precision == anchor.precision == "exact" else "possible"
        return entity_id, {anchor.event_id, planted.event_id}, certainty

    def _by_id(self, location_id: str):
        return next(p for p in self.places if p.location_id == location_id)

    def _place_apart_from(self, location_id: str):
        family = {location_id, "p0", "p-inner"} if location_id in ("p0", "p-inner") \
            else {location_id}
        return self.rng.choice([p for p in self.places if p.location_id not in family])

    def timeline(self):
        """The timeline service's answer for the owner."""
        storage = MemoryStorage()
        with storage.transaction() as tx:
            for model in [self.world, *self.places, *self.entities, *self.events]:
                tx.insert(model)
        return TimelineService(storage, EventService(storage)).get_timeline(
            OWNER, self.world.world_id)


def _distance(first, second) -> float:
    return math.dist((first.coordinates["x"], first.coordinates["y"]),
                     (second.coordinates["x"], second.coordinates["y"]))


@pytest.mark.parametrize("chunk", range(4))
def test_generated_timelines_without_conflicts_report_none(chunk):
    for seed in range(chunk * 50, chunk * 50 + 50):
        world = Generated(seed)
        timeline = world.timeline()
        assert timeline.conflicts == [], (seed, timeline.conflicts)
        assert sum(len(y["events"]) for y in timeline.years) == len(world.events)


@pytest.mark.parametrize("kind", ["two_places", "after_death", "before_birth", "too_far"])
def test_each_planted_conflict_is_found_with_its_certainty(kind):
    certainties = set()
    for seed in range(1000, 1060):
        world = Generated(seed)
        entity_id, event_ids, certainty = world.plant(kind)
        found = world.timeline().conflicts
        matching = [c for c in found if c["kind"] == kind and c["entity_id"] == entity_id
                    and set(c["event_ids"]) == event_ids]
        assert [c["certainty"] for c in matching] == [certainty], (seed, found)
        planted = max(event_ids)
        assert all(planted in c["event_ids"] for c in found), (seed, found)
        certainties.add(certainty)
    assert certainties == {"definite", "possible"}
