"""What services return for reads: a model with the facts one caller sees about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.models.entity import Entity
from core.models.event import Event
from core.models.location import Location
from core.models.story import Story
from core.models.user import User
from core.models.world import World
from core.text import excerpt


@dataclass(frozen=True)
class Counts:
    """What a world holds, as one caller may see it."""

    stories: int = 0
    entities: int = 0
    locations: int = 0
    events: int = 0


class _Excerpted:
    """A view whose model has a description, shortened for lists."""

    @property
    def excerpt(self) -> str:
        """The start of the description, for lists."""
        return excerpt(self.model.description)


@dataclass
class WorldView(_Excerpted):
    """A world with its owner's name, its counts and the caller's role and rights."""

    model: World
    owner_username: str | None
    counts: Counts
    my_role: str | None
    permissions: dict


@dataclass
class StoryView:
    """A story with its world's name and the caller's rights."""

    model: Story
    world_name: str
    permissions: dict
    links: list = field(default_factory=list)
    seen_links: list | None = None     # linked ids the caller may see, when not all of them

    @property
    def linked_story_ids(self) -> list:
        """The linked stories' ids, without those the caller may not see."""
        return self.model.linked_story_ids if self.seen_links is None else self.seen_links


@dataclass
class EntityView(_Excerpted):
    """An entity with the names of the entities it is related to and the caller's rights."""

    model: Entity
    permissions: dict
    target_names: dict = field(default_factory=dict)

    @property
    def relationships(self) -> list[dict]:
        """The relationships, each with its target's name."""
        return [{**r, "target_name": self.target_names.get(r["target_entity_id"])}
                for r in self.model.relationships]


@dataclass
class LocationView(_Excerpted):
    """A place with its parent's name and the caller's rights."""

    model: Location
    permissions: dict
    parent_name: str | None = None


# The fields of an event the timeline lists as they are stored; with its era, date label and
# ages they make its summary (interfaces.schemas TimelineEventOut, checked by a test).
EVENT_SUMMARY_FIELDS = ("event_id", "story_id", "title", "kind", "year", "month", "day",
                        "precision", "day_number", "relative_to", "entity_ids", "location_ids",
                        "story_position", "version")


@dataclass
class EventView:
    """An event with its date written out, the ages of those in it and the caller's rights.

    `era` is the event's own era, or the calendar's era of its year when it has none.
    """

    model: Event
    permissions: dict
    era: str = ""
    date_label: str = ""
    ages: list = field(default_factory=list)


@dataclass
class AccountView:
    """An account with its quotas; never its password hash (the Out schemas omit it)."""

    model: User
    quotas: dict
    usage: dict = field(default_factory=lambda: {"prompt_tokens": 0, "completion_tokens": 0})

    @property
    def display_name(self) -> str:
        """The display name, or the username when none is set."""
        return self.model.display_name or self.model.username


@dataclass
class PageView:
    """One page of views and the total of the list."""

    items: list
    total: int
    page: int
    page_size: int
