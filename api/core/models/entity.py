"""A character, creature, faction, item or lore entry of a world."""

from dataclasses import dataclass, field

from core.models._base import Model
from core.text import fold

# `lore`: an entry that is neither a character nor a place (a rule, a note for the model).
ENTITY_TYPES = ("character", "creature", "faction", "item", "lore", "other")


@dataclass
class Entity(Model):
    """Something that acts or is owned in a world, with typed relationships."""

    entity_id: str
    world_id: str
    name: str
    created_at: str
    updated_at: str
    aliases: list[str] = field(default_factory=list)
    entity_type: str = "character"
    description: str = ""
    attributes: dict = field(default_factory=dict)
    relationships: list = field(default_factory=list)
    source: dict = field(default_factory=lambda: {"kind": "user"})
    extensions: dict = field(default_factory=dict)
    version: int = 0

    def to_document(self) -> dict:
        """The stored document, with folded name keys and relationship targets for indexes."""
        doc = with_name_keys(self.to_dict())
        doc["relationship_target_ids"] = sorted({r["target_entity_id"] for r in self.relationships})
        return doc


def name_keys(name: str, aliases) -> list[str]:
    """The folded name and aliases under which a named thing can be found."""
    return sorted({fold(n) for n in [name, *aliases] if fold(n)})


def with_name_keys(doc: dict) -> dict:
    """A named thing's document with the keys storage sorts, finds and searches it by."""
    doc["name_key"] = fold(doc["name"])
    doc["name_keys"] = name_keys(doc["name"], doc["aliases"])
    doc["search_key"] = " | ".join(doc["name_keys"])
    return doc
