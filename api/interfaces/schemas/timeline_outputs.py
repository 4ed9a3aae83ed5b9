"""Response shapes of events, the timeline, the graph and story links."""

from __future__ import annotations

from typing import Literal

from interfaces.schemas.outputs import ContentPermissionsOut, Out, SourceOut, StoryOut


class AgeOut(Out):
    entity_id: str
    age: int


class ConnectionOut(Out):
    target_event_id: str
    relation_type: Literal["causation", "temporal", "character", "location"]
    label: str


class TimelineEventOut(Out):
    """An event as the timeline lists it: a summary (no description, provenance or
    timestamps; its connections are in the timeline's `connections`)."""

    event_id: str
    story_id: str | None
    title: str
    kind: Literal["birth", "death", "battle", "meeting", "journey", "other"]
    year: int | None
    month: int | None
    day: int | None
    era: str
    precision: Literal["exact", "approximate", "unknown"]
    day_number: int | None
    relative_to: dict | None
    entity_ids: list[str]
    location_ids: list[str]
    story_position: int | None
    date_label: str
    ages: list[AgeOut]
    version: int


class EventOut(TimelineEventOut):
    """An event whole: the summary's fields and its text, connections, provenance and rights."""

    world_id: str
    description: str
    connections: list[ConnectionOut]
    source: SourceOut
    permissions: ContentPermissionsOut
    created_at: str
    updated_at: str


class EventEnvelopeOut(Out):
    event: EventOut


class DeletedEventOut(Out):
    event_id: str


class TimelineYearOut(Out):
    year: int | None
    era: str
    events: list[TimelineEventOut]


class TimelineConnectionOut(Out):
    from_event_id: str
    to_event_id: str
    relation_type: Literal["causation", "temporal", "character", "location"]
    label: str
    implicit: bool


class ConflictOut(Out):
    kind: Literal["two_places", "after_death", "before_birth", "too_far"]
    certainty: Literal["definite", "possible"]
    entity_id: str
    event_ids: list[str]
    explanation: str


class TimelineOut(Out):
    """The timeline; `permissions` says what the caller may do with the world's events."""

    years: list[TimelineYearOut]
    permissions: ContentPermissionsOut
    connections: list[TimelineConnectionOut]
    conflicts: list[ConflictOut]


class GraphNodeOut(Out):
    id: str
    kind: Literal["entity", "location", "story"]
    label: str


class GraphEdgeOut(Out):
    source: str
    target: str
    kind: Literal["relationship", "co_appearance", "appears_in", "located_at"]
    label: str
    weight: int


class GraphOut(Out):
    nodes: list[GraphNodeOut]
    edges: list[GraphEdgeOut]


class LinkReasonOut(Out):
    kind: Literal["entity", "location"]
    id: str
    name: str


class StoryLinkOut(Out):
    story_id: str
    linked_story_id: str
    weight: int
    reasons: list[LinkReasonOut]


class AutoLinkOut(Out):
    links: list[StoryLinkOut]


class LinkedStoryOut(Out):
    story_id: str
    title: str
    weight: int
    reasons: list[LinkReasonOut]


class StoryDetailOut(StoryOut):
    links: list[LinkedStoryOut]


class StoryDetailEnvelopeOut(Out):
    story: StoryDetailOut
