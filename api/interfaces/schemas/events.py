"""Bodies of the event routes: events on a world's timeline and their connections."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field, StringConstraints

from core.models.event import EVENT_KINDS
from interfaces.schemas.common import Id, ShortText, StrictModel, Title, Versioned
from interfaces.schemas.content import Description

EventKind = Literal[EVENT_KINDS]
RelationType = Literal["causation", "temporal", "character", "location"]
Precision = Literal["exact", "approximate", "unknown"]
Label = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Ids = Annotated[list[Id], Field(max_length=200)]
Year = Annotated[int, Field(ge=-1_000_000_000, le=1_000_000_000)]
Month = Annotated[int, Field(ge=1, le=100, description="1-based month of the world's calendar")]
Day = Annotated[int, Field(ge=1, le=1000)]


class RelativeDate(StrictModel):
    """A date counted from another event of the world: its date moved by whole years, then
    months, then days. It is computed, and moves when the anchor moves."""

    event_id: Id
    years: int = Field(0, ge=-1_000_000, le=1_000_000)
    months: int = Field(0, ge=-12_000_000, le=12_000_000)
    days: int = Field(0, ge=-400_000_000, le=400_000_000)


class Connection(StrictModel):
    """A link from this event to another event of the same world."""

    target_event_id: Id
    relation_type: RelationType
    label: Label = ""


class EventCreate(StrictModel):
    """A new event. Give a date (year, month?, day?) or `relative_to`, or neither (undated)."""

    title: Title
    description: Description = ""
    kind: EventKind = "other"
    year: Year | None = None
    month: Month | None = None
    day: Day | None = None
    era: ShortText = Field("", description="Free text; the calendar's era of the year when "
                                           "left out")
    precision: Precision | None = Field(None, description="Default: exact for a full date, "
                                                          "approximate for a year or month, "
                                                          "unknown without a year")
    entity_ids: Ids = Field(default_factory=list)
    location_ids: Ids = Field(default_factory=list)
    story_id: Id | None = None
    story_position: int | None = Field(None, ge=0, le=1_000_000)
    relative_to: RelativeDate | None = None
    connections: Annotated[list[Connection], Field(max_length=200)] = Field(
        default_factory=list)
    nullable: ClassVar[frozenset] = frozenset({"year", "month", "day", "precision", "story_id",
                                               "story_position", "relative_to"})
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"title": "Trận Chi Lăng", "kind": "battle", "year": 1427, "month": 10, "day": 10,
         "entity_ids": ["<entity_id>"], "location_ids": ["<location_id>"],
         "story_id": "<story_id>", "story_position": 3},
        {"title": "Coronation", "kind": "other", "relative_to": {"event_id": "<event_id>",
                                                                 "years": 1, "months": 4}}]})


class EventUpdate(Versioned):
    """Fields to change; null clears the date, the story, the position or `relative_to`
    (a date that was relative keeps its computed value)."""

    title: Title | None = None
    description: Description | None = None
    kind: EventKind | None = None
    year: Year | None = None
    month: Month | None = None
    day: Day | None = None
    era: ShortText | None = None
    precision: Precision | None = None
    entity_ids: Ids | None = None
    location_ids: Ids | None = None
    story_id: Id | None = None
    story_position: int | None = Field(None, ge=0, le=1_000_000)
    relative_to: RelativeDate | None = None
    connections: Annotated[list[Connection], Field(max_length=200)] | None = None
    nullable: ClassVar[frozenset] = frozenset({"year", "month", "day", "story_id",
                                               "story_position", "relative_to"})
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"version": 2, "year": 1428, "month": 4, "day": 29, "precision": "exact"}]})


class EventConnect(Connection):
    """A connection to add (it replaces one to the same event with the same relation)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"target_event_id": "<event_id>", "relation_type": "causation",
         "label": "leads to"}]})
