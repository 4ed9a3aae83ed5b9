"""A fictional world: the container of stories, characters, places and a timeline."""

from dataclasses import dataclass, field

from core.calendar import default_calendar
from core.models._base import Model
from core.text import fold

VISIBILITIES = ("draft", "private", "public")
WORLD_TYPES = ("fantasy", "sci-fi", "modern", "historical", "custom")
COLLABORATOR_ROLES = ("viewer", "editor")
# The language a world is written in: its generated content, its exports' headings and labels.
LANGUAGES = ("vi", "en")


@dataclass
class Collaborator(Model):
    """A user the owner shared the world with."""

    user_id: str
    username: str
    role: str


@dataclass
class World(Model):
    """A world and who may see and change it."""

    world_id: str
    name: str
    owner_id: str
    created_at: str
    updated_at: str
    description: str = ""
    world_type: str = "fantasy"
    visibility: str = "private"
    language: str = "vi"
    collaborators: list = field(default_factory=list)
    calendar: dict = field(default_factory=default_calendar)
    travel_per_day: float | None = None
    extensions: dict = field(default_factory=dict)
    version: int = 0

    def to_document(self) -> dict:
        """The stored document, with derived keys that storage indexes."""
        doc = self.to_dict()
        doc["name_key"] = fold(self.name)
        doc["editor_ids"] = [c["user_id"] for c in self.collaborators if c["role"] == "editor"]
        doc["viewer_ids"] = [c["user_id"] for c in self.collaborators if c["role"] == "viewer"]
        return doc
