"""The world facts handed to the model for a text: chosen, not dumped (ARCHITECTURE.md).

The characters and places the text names (by name or alias, folded), their relationships, and
the events of those characters and places nearest the story's world time, each fact with its
id, in that order until the budget of characters is spent; what did not fit is counted as cut.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from core.date_labels import date_label
from core.mentions import mentioned

FACT_TEXT = 600            # characters of a description given per fact
BUDGET = 16_000            # characters of facts (as JSON) given to the model


@dataclass
class Facts:
    """The facts given (as the prompt shows them), their ids by kind, and how many were cut."""

    given: list = field(default_factory=list)
    entity_ids: list = field(default_factory=list)
    location_ids: list = field(default_factory=list)
    event_ids: list = field(default_factory=list)
    cut: int = 0

    def context(self) -> dict:
        """A task result's `context` (API.md §5)."""
        return {"entity_ids": self.entity_ids, "location_ids": self.location_ids,
                "event_ids": self.event_ids, "cut": self.cut}

    def of_kind(self, kind: str) -> list:
        """The facts given of one kind (entity, location or event), as the prompt shows them."""
        return [fact for fact in self.given if fact["kind"] == kind]

    def kind_of(self, fact_id: str) -> str | None:
        """entity, location or event when the id names a fact given; None otherwise."""
        for kind, ids in (("entity", self.entity_ids), ("location", self.location_ids),
                          ("event", self.event_ids)):
            if fact_id in ids:
                return kind
        return None


def choose_facts(text: str, entities: list, places: list, events=(), story=None, calendar=None,
                 language: str = "vi", budget: int = BUDGET) -> Facts:
    """The facts of the world that matter to the text, within the budget (events need the
    calendar and language their dates are written in)."""
    entity_by_id = {e.entity_id: e for e in entities}
    place_by_id = {p.location_id: p for p in places}
    named_entities = mentioned(text, {i: [e.name, *e.aliases] for i, e in entity_by_id.items()})
    named_places = mentioned(text, {i: [p.name, *p.aliases] for i, p in place_by_id.items()})
    names = {**{i: e.name for i, e in entity_by_id.items()},
             **{i: p.name for i, p in place_by_id.items()}}
    candidates = [("entity", i, _entity(entity_by_id[i], names)) for i in named_entities]
    candidates += [("location", i, _place(place_by_id[i], names)) for i in named_places]
    involved = set(named_entities) | set(named_places)
    nearby = [e for e in events if e.story_id != getattr(story, "story_id", None)
              and involved & (set(e.entity_ids) | set(e.location_ids))]
    target = _story_day(calendar, story)
    nearby.sort(key=lambda e: (e.day_number is None,
                               abs((e.day_number or 0) - target) if target is not None else 0,
                               e.day_number or 0))
    candidates += [("event", e.event_id, _event(e, names, calendar, language)) for e in nearby]

    facts, spent = Facts(), 0
    for kind, fact_id, fact in candidates:
        size = len(json.dumps(fact, ensure_ascii=False))
        if spent + size > budget:
            facts.cut += 1
            continue
        spent += size
        facts.given.append(fact)
        {"entity": facts.entity_ids, "location": facts.location_ids,
         "event": facts.event_ids}[kind].append(fact_id)
    return facts


def _story_day(calendar, story) -> int | None:
    when = getattr(story, "world_time", None) or {}
    if when.get("year") is None:
        return None
    try:
        return calendar.day_number(when["year"], when.get("month") or 1, when.get("day") or 1)
    except (KeyError, ValueError, TypeError):
        return None


def _entity(entity, names: dict) -> dict:
    return {"id": entity.entity_id, "kind": "entity", "name": entity.name,
            "aliases": list(entity.aliases), "type": entity.entity_type,
            "description": entity.description[:FACT_TEXT],
            "attributes": {str(k): str(v)[:200] for k, v in list(entity.attributes.items())[:20]},
            "relationships": [{"type": r.get("type", ""), "with": names.get(
                r.get("target_entity_id"), "?")} for r in entity.relationships[:30]]}


def _place(place, names: dict) -> dict:
    return {"id": place.location_id, "kind": "location", "name": place.name,
            "aliases": list(place.aliases), "type": place.location_type,
            "description": place.description[:FACT_TEXT],
            "inside": names.get(place.parent_location_id) if place.parent_location_id else None}


def _event(event, names: dict, calendar, language: str) -> dict:
    return {"id": event.event_id, "kind": "event", "title": event.title,
            "event_kind": event.kind,
            "date": date_label(calendar, event.year, event.month, event.day, era=event.era,
                               precision=event.precision, language=language),
            "characters": [names.get(i, "?") for i in event.entity_ids],
            "places": [names.get(i, "?") for i in event.location_ids]}
