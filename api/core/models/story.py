"""A story set in a world."""

from dataclasses import dataclass, field

from core.models._base import Model
from core.text import fold, word_count


@dataclass
class Story(Model):
    """A story, its place in the world's order and time, and what it links to."""

    story_id: str
    world_id: str
    title: str
    owner_id: str
    created_at: str
    updated_at: str
    content: str = ""
    summary: str = ""
    genre: str = ""
    visibility: str = "private"
    order: int = 1
    world_time: dict | None = None
    entity_ids: list = field(default_factory=list)
    location_ids: list = field(default_factory=list)
    linked_story_ids: list = field(default_factory=list)

    def to_dict(self) -> dict:
        """The stored document, with the derived word count and search key."""
        doc = super().to_dict()
        doc["word_count"] = word_count(self.content)
        doc["title_key"] = fold(self.title)
        return doc
