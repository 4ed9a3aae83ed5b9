"""An event on a world's timeline."""

from dataclasses import dataclass, field

from core.models._base import Model

EVENT_KINDS = ("birth", "death", "battle", "meeting", "journey", "other")


@dataclass
class Event(Model):
    """Something that happened at a world time, who was there and where.

    `day_number` is the date as one integer of the world's calendar (day 1 is the first day
    of year 1), set by the timeline from year, month and day; None when the date is unknown.
    """

    event_id: str
    world_id: str
    title: str
    created_at: str
    updated_at: str
    story_id: str | None = None
    description: str = ""
    kind: str = "other"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    era: str = ""
    precision: str = "unknown"
    day_number: int | None = None
    relative_to: dict | None = None
    entity_ids: list[str] = field(default_factory=list)
    location_ids: list[str] = field(default_factory=list)
    story_position: int | None = None
    connections: list = field(default_factory=list)
    source: dict = field(default_factory=lambda: {"kind": "user"})
    version: int = 0

    def to_document(self) -> dict:
        """The stored document, with the ids its connections point at for cascades."""
        doc = self.to_dict()
        doc["connection_target_ids"] = sorted({c["target_event_id"] for c in self.connections})
        return doc
