"""A world's timeline and graph, as far as the caller may see them."""

from __future__ import annotations

from dataclasses import dataclass

from core.conflicts import ConflictFinder
from core.graph import build_graph
from core.models import Entity
from core.permissions import visible_levels
from core.timeline import implicit_connections, year_groups
from services.dates import world_calendar, world_language
from services.world_access import load_world


@dataclass
class TimelineView:
    """Years of events (summaries), connections between them and conflicts found: plain data
    in the answer's shape (TimelineOut)."""

    years: list
    connections: list
    conflicts: list
    permissions: dict


class TimelineService:
    """Reads a world's events as a timeline and its content as a graph."""

    def __init__(self, storage, event_service):
        self._storage = storage
        self._events = event_service

    def get_timeline(self, user, world_id: str) -> TimelineView:
        """Years in calendar order, connections (explicit and implicit) and conflicts."""
        world = load_world(self._storage, user, world_id)
        order = self._storage.story_orders(world_id, visible_levels(user, world))
        # Shared models: nothing below changes an event's or a place's lists in place.
        events = [e for e in self._storage.events_of_world(world_id, shared=True)
                  if e.story_id is None or e.story_id in order]
        calendar = world_calendar(world)
        # Entities are named only (their text is not needed); places also give where they lie.
        entity_names = self._storage.names_of(
            Entity, {entity_id for e in events for entity_id in e.entity_ids})
        places = {p.location_id: p
                  for p in self._storage.locations_of_world(world_id, shared=True).items}
        summaries = {s["event_id"]: s for s in self._events.summaries(world, events, events)}
        years = [{"year": year, "era": era, "events": [summaries[e.event_id] for e in group]}
                 for year, era, group in year_groups(calendar, events, order)]
        names = {**entity_names, **{i: p.name for i, p in places.items()}}
        connections = [{"from_event_id": e.event_id, "to_event_id": c["target_event_id"],
                        "relation_type": c["relation_type"], "label": c.get("label", ""),
                        "implicit": False}
                       for e in events for c in e.connections
                       if c["target_event_id"] in summaries]
        connections += implicit_connections(calendar, events, names)
        finder = ConflictFinder(calendar, entity_names, places, world.travel_per_day,
                                world_language(world),
                                {i: s["date_label"] for i, s in summaries.items()})
        return TimelineView(years, connections, finder.find(events),
                            self._events.permissions(user, world))

    def get_graph(self, user, world_id: str) -> dict:
        """Entities, places and the stories the caller may see, with the edges between them."""
        world = load_world(self._storage, user, world_id)
        stories = self._storage.story_outlines(world_id, visible_levels(user, world),
                                               links=False)
        # Shared models: the graph only reads them.
        return build_graph(self._storage.entities_of_world(world_id, shared=True).items,
                           self._storage.locations_of_world(world_id, shared=True).items,
                           stories)
