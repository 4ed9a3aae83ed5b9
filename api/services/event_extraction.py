"""Putting a story's events on its world's timeline from the model's reading of it.

The model names events, quotes the words that tell them, and dates each absolutely, relative
to another event ("ba năm sau": an anchor and an offset), or not at all. Code then decides:
an event whose quote is not in the story is dropped; characters and places are the world's own,
matched by folded name or alias (unknown names are left off); an absolute date outside the
calendar leaves the event undated; a relative date is computed by the calendar code from its
anchor, and a chain of anchors that loops leaves its events undated. A story's extracted
events carry `source.content_hash`; running the extraction again on unchanged text answers
them from that cache, and otherwise replaces them (user events are never touched).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from core.calendar import CalendarError
from core.clock import now_iso
from core.date_labels import date_label
from core.event_dates import DateProblem, check_own_date, date_from_anchor, set_day_number
from core.mentions import quoted_in
from core.models import Event
from core.models._base import new_id
from core.text import fold
from services.cascade import delete_with_references
from services.event_service import keep_dates_of_dependents

MAX_KNOWN_EVENTS = 60


def content_hash(title: str, content: str) -> str:
    """What the extraction cache is keyed by: the story's title and text."""
    return hashlib.sha256(f"{title}\n\n{content}".encode()).hexdigest()[:32]


def extracted_of(events, story_id: str) -> list:
    """The events an extraction made from this story."""
    return [e for e in events if e.story_id == story_id
            and (e.source or {}).get("kind") == "extracted"]


@dataclass
class Plan:
    """The events to put on the timeline for one story, and what was left out."""

    story_id: str
    events: list = field(default_factory=list)
    dropped: int = 0
    undated: int = 0


def plan_events(items: list, text: str, calendar, world_id: str, story_id: str,
                names: dict, known_events: dict, source: dict) -> Plan:
    """Event models for the model's items (not stored yet): checked, matched and dated.

    `names` maps folded names and aliases to ("entity" | "location", id); `known_events` maps
    the ids of existing events the model was shown to those events.
    """
    plan = Plan(story_id)
    kept = []                                   # (index in items, item, Event)
    for index, item in enumerate(items):
        quote = (item.get("quote") or "").strip()
        if not quoted_in(text, quote):
            plan.dropped += 1
            continue
        now = now_iso()
        event = Event(event_id=new_id(), world_id=world_id, title=item["title"].strip()[:200]
                      or quote[:80], created_at=now, updated_at=now, story_id=story_id,
                      kind=item["kind"], story_position=len(kept) + 1,
                      source={**source, "excerpt": quote[:500]})
        event.entity_ids = _matched(item.get("characters"), names, "entity")
        event.location_ids = _matched(item.get("places"), names, "location")
        kept.append((index, item, event))
    by_index = {index: event for index, _, event in kept}
    dated: dict[str, bool] = {}

    def date(index: int, item: dict, event: Event, visiting: frozenset) -> bool:
        if event.event_id in dated:
            return dated[event.event_id]
        dated[event.event_id] = ok = _date_one(index, item, event, visiting)
        if not ok:
            event.year = event.month = event.day = event.day_number = None
            event.relative_to, event.precision = None, "unknown"
        return ok

    def _date_one(index, item, event, visiting) -> bool:
        kind = item.get("date_kind")
        if kind == "absolute":
            event.year = item.get("year") or None
            event.month = item.get("month") or None
            event.day = item.get("day") or None if event.month else None
            try:
                check_own_date(calendar, event)
            except CalendarError:
                return False
            set_day_number(calendar, event)
            event.precision = item.get("precision") or "approximate"
            return event.year is not None
        if kind != "relative":
            return False
        anchor = known_events.get(item.get("anchor_event_id") or "")
        anchor_index = item.get("anchor_index", -1)
        if anchor is None and anchor_index in by_index and anchor_index != index \
                and anchor_index not in visiting:
            anchor_item = items[anchor_index]
            anchor = by_index[anchor_index]
            if not date(anchor_index, anchor_item, anchor, visiting | {index}):
                return False
        if anchor is None or anchor.year is None:
            return False
        event.relative_to = {"event_id": anchor.event_id,
                             "years": int(item.get("offset_years") or 0),
                             "months": int(item.get("offset_months") or 0),
                             "days": int(item.get("offset_days") or 0)}
        try:
            date_from_anchor(calendar, event, anchor)
        except (CalendarError, DateProblem):
            return False
        event.precision = anchor.precision if anchor.precision != "unknown" else "approximate"
        return True

    for index, item, event in kept:
        if not date(index, item, event, frozenset({index})):
            plan.undated += 1
    # Anchors first, so a relative event is stored after the event it counts from.
    order = {e.event_id: n for n, e in enumerate(_anchors_first([e for _, _, e in kept]))}
    plan.events = sorted((e for _, _, e in kept), key=lambda e: order[e.event_id])
    return plan


def replace_story_events(tx, world_id: str, plan: Plan) -> int:
    """Replace the story's extracted events by the plan's (none: the old ones just go);
    returns how many were replaced. Events dated relative to a replaced one keep their date,
    as when one is deleted."""
    existing = tx.events_of_world(world_id)
    old = extracted_of(existing, plan.story_id)
    keep_dates_of_dependents(tx, existing, {e.event_id for e in old})
    for event in old:
        delete_with_references(tx, Event, event.event_id)
    for event in plan.events:
        tx.insert(event)
    return len(old)


def summary(event: Event, calendar, language: str) -> dict:
    """An extracted event as a task's result lists it."""
    return {"event_id": event.event_id, "title": event.title, "kind": event.kind,
            "year": event.year, "month": event.month, "day": event.day,
            "date_label": date_label(calendar, event.year, event.month, event.day,
                                     era=event.era, precision=event.precision,
                                     language=language),
            "relative_to": event.relative_to, "entity_ids": event.entity_ids,
            "location_ids": event.location_ids,
            "quote": (event.source or {}).get("excerpt", "")}


def _matched(names_given, names: dict, kind: str) -> list:
    found = []
    for name in names_given or []:
        match = names.get(fold(name or ""))
        if match and match[0] == kind and match[1] not in found:
            found.append(match[1])
    return found


def _anchors_first(events: list) -> list:
    by_id = {e.event_id: e for e in events}
    placed, order = set(), []

    def place(event, depth=0):
        if event.event_id in placed or depth > len(events):
            return
        anchor_id = (event.relative_to or {}).get("event_id")
        if anchor_id in by_id:
            place(by_id[anchor_id], depth + 1)
        placed.add(event.event_id)
        order.append(event)
    for event in events:
        place(event)
    return order
