"""A character, creature, faction or item of a world."""

from dataclasses import dataclass, field

from core.models._base import Model


@dataclass
class Entity(Model):
    """Something that acts or is owned in a world, with typed relationships."""

    entity_id: str
    world_id: str
    name: str
    created_at: str
    updated_at: str
    aliases: list = field(default_factory=list)
    entity_type: str = "character"
    description: str = ""
    attributes: dict = field(default_factory=dict)
    relationships: list = field(default_factory=list)
    source: dict = field(default_factory=lambda: {"kind": "user"})
