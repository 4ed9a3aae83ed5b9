"""Events of a world's timeline: create, read, update, delete and connect, with their dates."""

from __future__ import annotations

import operator

from core.calendar import CalendarError
from core.clock import now_iso
from core.errors import NotFound, ValidationFailed
from core.event_dates import (DateProblem, check_no_cycle, check_own_date, date_from_anchor,
                              default_precision, follow, set_day_number)
from core.models import Entity, Event, Location, Story
from core.models._base import new_id
from core.models.views import EVENT_SUMMARY_FIELDS, EventView
from core.permissions import can_view_story
from core.timeline import ages_at, births
from core.date_labels import date_label
from services.cascade import delete_with_references
from services.dates import world_calendar, world_language
from services.world_access import check_version, load_world, require
from services.world_content import WorldContentService, check_ids_in_world
from storage import retry_on_conflict

FIELDS = ("title", "description", "kind", "year", "month", "day", "era", "precision",
          "entity_ids", "location_ids", "story_id", "story_position", "relative_to")
DATE_FIELDS = ("year", "month", "day")
_SUMMARY_VALUES = operator.itemgetter(*EVENT_SUMMARY_FIELDS)
MAX_CONNECTIONS = 200


def _written_dates(world, events: list[Event], known: list[Event]):
    """(event, era, date label, ages) of each event in the world's calendar and language; the
    era is the event's own or its year's, births are looked for among `known`."""
    calendar, language = world_calendar(world), world_language(world)
    born = births(calendar, known)
    for event in events:
        year = event.year
        yield (event, event.era or (calendar.era_of(year) if year is not None else ""),
               date_label(calendar, year, event.month, event.day, era=event.era,
                          precision=event.precision, language=language),
               ages_at(calendar, event, born))


class EventService(WorldContentService):
    """The rules for events; dates live in the world's calendar and follow their anchors."""

    model = Event
    kind = "event"

    # views

    def views(self, reader, user, world, events: list[Event],
              known: list[Event] | None = None) -> list[EventView]:
        """Events with their dates written out and ages; births are looked for among `known`
        (read from the world when None)."""
        if known is None:
            known = reader.events_of_world(world.world_id)
        rights = self.permissions(user, world)
        return [EventView(event, rights, era, label, ages)
                for event, era, label, ages in _written_dates(world, events, known)]

    @staticmethod
    def summaries(world, events: list[Event], known: list[Event]) -> list[dict]:
        """The events as the timeline lists them (EVENT_SUMMARY_FIELDS, era, date label and
        ages, births looked for among `known`): plain data in the answer's shape, sent as is.
        Their lists and dicts are the events' own."""
        summaries = []
        for event, era, label, ages in _written_dates(world, events, known):
            summary = dict(zip(EVENT_SUMMARY_FIELDS, _SUMMARY_VALUES(vars(event))))
            summary["era"], summary["date_label"], summary["ages"] = era, label, ages
            summaries.append(summary)
        return summaries

    def _view(self, reader, user, world, event: Event) -> EventView:
        return self.views(reader, user, world, [event])[0]

    # reads

    def _load_event(self, reader, user, event_id: str):
        """The world and the event if the user may see them (and its story); 3001 otherwise."""
        event = reader.get(Event, event_id)
        if event is None:
            raise NotFound("event")
        try:
            world = load_world(reader, user, event.world_id)
        except NotFound:
            raise NotFound("event") from None
        story = reader.get(Story, event.story_id) if event.story_id else None
        if story is not None and not can_view_story(user, world, story):
            raise NotFound("event")
        return world, event

    def get_event(self, user, event_id: str) -> EventView:
        """One event the caller may see."""
        world, event = self._load_event(self._storage, user, event_id)
        return self._view(self._storage, user, world, event)

    # writes

    @retry_on_conflict
    def create_event(self, user, world_id: str, fields: dict,
                     source: dict | None = None) -> EventView:
        """A new event; a relative date is computed from its anchor."""
        now = now_iso()
        event = Event(event_id=new_id(), world_id=world_id, created_at=now, updated_at=now,
                      source=source or {"kind": "user"},
                      **{k: v for k, v in fields.items() if k in FIELDS})
        event.connections = []
        with self._storage.transaction() as tx:
            world = self._editable_world(tx, user, world_id)
            self._check_refs(tx, world, event, fields)
            self._date(tx, world, event, fields, {})
            if fields.get("connections"):
                event.connections = self._connections(tx, world, event, fields["connections"])
            tx.insert(event)
            return self._view(tx, user, world, event)

    @retry_on_conflict
    def update_event(self, user, event_id: str, changes: dict,
                     based_on: int | None = None) -> EventView:
        """Change the fields given; a moved date moves every event relative to it."""
        with self._storage.transaction() as tx:
            world, event = self._load_event(tx, user, event_id)
            require(self.permissions(user, world)["edit"], "You may not change this world's "
                                                           "events")
            check_version("event", event, based_on, lambda: self._view(tx, user, world, event))
            for name in FIELDS:
                if name in changes:
                    setattr(event, name, changes[name])
            self._check_refs(tx, world, event, changes)
            if "connections" in changes:
                event.connections = self._connections(tx, world, event, changes["connections"])
            moved = []
            if "relative_to" in changes or any(f in changes for f in DATE_FIELDS):
                events = tx.events_of_world(world.world_id)
                self._date(tx, world, event, changes, {e.event_id: e for e in events})
                moved = follow(world_calendar(world), event,
                               [e for e in events if e.event_id != event_id])
            event.updated_at = now_iso()
            tx.update(event)
            for dependent in moved:
                dependent.updated_at = event.updated_at
                tx.update(dependent)
            return self._view(tx, user, world, event)

    @retry_on_conflict
    def connect_events(self, user, event_id: str, connection: dict) -> EventView:
        """Add a connection to another event of the world (one per target and relation)."""
        with self._storage.transaction() as tx:
            world, event = self._load_event(tx, user, event_id)
            require(self.permissions(user, world)["edit"], "You may not change this world's "
                                                           "events")
            kept = [c for c in event.connections
                    if (c["target_event_id"], c["relation_type"]) !=
                    (connection["target_event_id"], connection["relation_type"])]
            event.connections = self._connections(tx, world, event, kept + [connection],
                                                  field="target_event_id")
            event.updated_at = now_iso()
            tx.update(event)
            return self._view(tx, user, world, event)

    @retry_on_conflict
    def delete_event(self, user, event_id: str) -> str:
        """Delete an event: connections to it go, dates relative to it keep their value."""
        with self._storage.transaction() as tx:
            world, _ = self._load_event(tx, user, event_id)
            require(self.permissions(user, world)["delete"], "You may not delete this event")
            keep_dates_of_dependents(tx, tx.events_of_world(world.world_id), {event_id})
            delete_with_references(tx, Event, event_id)
        return event_id

    # rules

    @staticmethod
    def _check_refs(reader, world, event: Event, fields: dict) -> None:
        """Entities, places and the story must belong to the event's world (2001)."""
        if "entity_ids" in fields:
            event.entity_ids = list(dict.fromkeys(event.entity_ids))
            check_ids_in_world(reader, Entity, world.world_id, event.entity_ids, "entity_ids")
        if "location_ids" in fields:
            event.location_ids = list(dict.fromkeys(event.location_ids))
            check_ids_in_world(reader, Location, world.world_id, event.location_ids,
                               "location_ids")
        if fields.get("story_id"):
            story = reader.get(Story, event.story_id)
            if story is None or story.world_id != world.world_id:
                raise ValidationFailed({"story_id": "must be a story of the same world"})

    @staticmethod
    def _date(reader, world, event: Event, fields: dict, events_by_id: dict) -> None:
        """Check and set the date (own or relative) and its day number; 2001 naming the field."""
        calendar = world_calendar(world)
        try:
            if event.relative_to:
                if any(fields.get(f) is not None for f in DATE_FIELDS):
                    raise DateProblem("year", "a date relative to another event is computed: "
                                              "leave year, month and day out")
                anchor_id = event.relative_to["event_id"]
                anchor = events_by_id.get(anchor_id) or reader.get(Event, anchor_id)
                if anchor is None or anchor.world_id != world.world_id:
                    raise DateProblem("relative_to.event_id", "must be an event of the same "
                                                              "world")
                check_no_cycle(event.event_id, anchor_id, events_by_id)
                date_from_anchor(calendar, event, anchor)
                if "precision" not in fields:
                    event.precision = anchor.precision
            else:
                check_own_date(calendar, event)
                set_day_number(calendar, event)
                if "precision" not in fields and any(f in fields for f in DATE_FIELDS):
                    event.precision = default_precision(event.year, event.month, event.day)
        except (CalendarError, DateProblem) as problem:
            raise ValidationFailed({problem.field: problem.message}) from None

    @staticmethod
    def _connections(reader, world, event: Event, connections: list,
                     field: str = "connections") -> list:
        """The connections, each to another event of the same world (2001 otherwise)."""
        if len(connections) > MAX_CONNECTIONS:
            raise ValidationFailed({field: f"an event has at most {MAX_CONNECTIONS} "
                                           "connections"})
        targets = {e.event_id: e for e in reader.get_many(
            Event, {c["target_event_id"] for c in connections})}
        for index, link in enumerate(connections):
            target = targets.get(link["target_event_id"])
            if target is None or target.world_id != world.world_id or \
                    target.event_id == event.event_id:
                name = field if field != "connections" else f"connections.{index}." \
                                                            "target_event_id"
                raise ValidationFailed({name: "must be another event of the same world"})
        return [{"target_event_id": c["target_event_id"], "relation_type": c["relation_type"],
                 "label": c.get("label", "")} for c in connections]


def keep_dates_of_dependents(tx, events, gone_ids: set) -> None:
    """Events dated relative to one of the events about to go keep the date they have now."""
    for dependent in events:
        if (dependent.relative_to or {}).get("event_id") in gone_ids \
                and dependent.event_id not in gone_ids:
            dependent.relative_to = None
            dependent.updated_at = now_iso()
            tx.update(dependent)
