"""A story set in a world."""

from dataclasses import dataclass, field

from core.models._base import Model
from core.text import WORD_RULE, excerpt, fold, word_count


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
    entity_ids: list[str] = field(default_factory=list)
    location_ids: list[str] = field(default_factory=list)
    linked_story_ids: list[str] = field(default_factory=list)
    word_count: int = 0
    excerpt: str = ""
    version: int = 0

    def to_document(self) -> dict:
        """The stored document: word count and excerpt brought up to date, and a search key."""
        self.word_count = word_count(self.content)
        self.excerpt = excerpt(self.content)
        doc = self.to_dict()
        doc["title_key"] = fold(self.title)
        doc["word_rule"] = WORD_RULE
        return doc


@dataclass(frozen=True)
class StoryOutline:
    """What a story links to, without its text: for timelines, graphs and story links."""

    story_id: str
    title: str
    order: int
    visibility: str
    entity_ids: list[str]
    location_ids: list[str]
    linked_story_ids: list[str]
    world_time: dict | None = None
