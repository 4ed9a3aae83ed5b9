"""A place in a world."""

from dataclasses import dataclass, field

from core.models._base import Model
from core.models.entity import with_name_keys

LOCATION_TYPES = ("place", "continent", "region", "country", "city", "town", "village",
                  "building", "landmark", "wilderness", "water", "other")


@dataclass
class Location(Model):
    """A place, optionally inside another place, with map coordinates."""

    location_id: str
    world_id: str
    name: str
    created_at: str
    updated_at: str
    aliases: list[str] = field(default_factory=list)
    location_type: str = "place"
    description: str = ""
    coordinates: dict | None = None
    parent_location_id: str | None = None
    source: dict = field(default_factory=lambda: {"kind": "user"})
    extensions: dict = field(default_factory=dict)
    version: int = 0

    def to_document(self) -> dict:
        """The stored document, with folded name keys for unique names and lookups."""
        return with_name_keys(self.to_dict())
