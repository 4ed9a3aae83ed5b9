"""An event on a world's timeline."""

from dataclasses import dataclass, field

from core.models._base import Model


@dataclass
class Event(Model):
    """Something that happened at a world time, who was there and where."""

    event_id: str
    world_id: str
    title: str
    created_at: str
    updated_at: str
    story_id: str | None = None
    description: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    era: str = ""
    precision: str = "unknown"
    entity_ids: list = field(default_factory=list)
    location_ids: list = field(default_factory=list)
    story_position: int | None = None
    connections: list = field(default_factory=list)
    source: dict = field(default_factory=lambda: {"kind": "user"})
