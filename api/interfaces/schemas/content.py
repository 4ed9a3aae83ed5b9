"""Bodies and query strings of the entity, location and story-link routes."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from core.models.entity import ENTITY_TYPES
from core.models.location import LOCATION_TYPES
from core.relationships import RELATIONSHIP_TYPES
from interfaces.schemas.common import (Extensions, Id, Name, PageQuery, StrictModel,
                                       Versioned, example)

EntityType = Literal[ENTITY_TYPES]
LocationType = Literal[LOCATION_TYPES]
RelationshipType = Literal[RELATIONSHIP_TYPES]
AttributeName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                 max_length=60)]
AttributeValue = int | float | Annotated[str, StringConstraints(max_length=500)]
Aliases = Annotated[list[Name], Field(max_length=20)]
Description = Annotated[str, Field(max_length=200_000)]


class Relationship(StrictModel):
    """A typed link to another entity of the same world; it is mirrored on the other side."""

    target_entity_id: Id
    type: RelationshipType
    label: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] = ""


class Coordinates(StrictModel):
    """A position on the world's map."""

    x: float = Field(ge=-1_000_000, le=1_000_000)
    y: float = Field(ge=-1_000_000, le=1_000_000)


class EntityCreate(StrictModel):
    """A new character, creature, faction or item."""

    model_config = example({
        "name": "Nguyễn Trãi", "aliases": ["Ức Trai"], "entity_type": "character",
        "description": "Scholar and strategist of the Lam Sơn uprising.",
        "attributes": {"born": 1380, "title": "Quan Phục hầu"},
        "relationships": [{"target_entity_id": "<entity_id>", "type": "ally",
                           "label": "sworn at Lũng Nhai"}]})

    name: Name
    aliases: Aliases = Field(default_factory=list)
    entity_type: EntityType = "character"
    description: Description = ""
    attributes: Annotated[dict[AttributeName, AttributeValue], Field(max_length=50)] = Field(
        default_factory=dict)
    relationships: Annotated[list[Relationship], Field(max_length=200)] = Field(
        default_factory=list)
    extensions: Extensions = Field(default_factory=dict)


class EntityUpdate(Versioned):
    """Fields to change; `relationships` replaces the whole list (and its mirrors)."""

    model_config = example({"description": "Author of the Bình Ngô đại cáo.", "version": 3})

    name: Name | None = None
    aliases: Aliases | None = None
    entity_type: EntityType | None = None
    description: Description | None = None
    attributes: Annotated[dict[AttributeName, AttributeValue], Field(max_length=50)] | None = None
    relationships: Annotated[list[Relationship], Field(max_length=200)] | None = None
    extensions: Extensions | None = None


class LocationCreate(StrictModel):
    """A new place."""

    model_config = example({"name": "Thăng Long", "aliases": ["Hà Nội"],
                            "location_type": "city", "description": "The capital by the river.",
                            "coordinates": {"x": 120.5, "y": 210},
                            "parent_location_id": None})

    name: Name
    aliases: Aliases = Field(default_factory=list)
    location_type: LocationType = "place"
    description: Description = ""
    coordinates: Coordinates | None = None
    parent_location_id: Id | None = None
    extensions: Extensions = Field(default_factory=dict)
    nullable: ClassVar[frozenset] = frozenset({"coordinates", "parent_location_id"})


class LocationUpdate(Versioned):
    """Fields to change; null clears coordinates or the parent."""

    model_config = example({"coordinates": {"x": 130, "y": 205}, "parent_location_id": None,
                            "version": 2})

    name: Name | None = None
    aliases: Aliases | None = None
    location_type: LocationType | None = None
    description: Description | None = None
    coordinates: Coordinates | None = None
    parent_location_id: Id | None = None
    extensions: Extensions | None = None
    nullable: ClassVar[frozenset] = frozenset({"coordinates", "parent_location_id"})


class StoryLinks(StrictModel):
    """What to link to a story: ids, or names and aliases (created when asked)."""

    model_config = example({"entity_ids": ["<entity_id>"], "names": ["Lê Lợi", "Lam Sơn"],
                            "create_missing": True})

    one_of: ClassVar[tuple] = ("entity_ids", "location_ids", "names")
    entity_ids: list[Id] = Field(default_factory=list, max_length=200)
    location_ids: list[Id] = Field(default_factory=list, max_length=200)
    names: list[Name] = Field(default_factory=list, max_length=200)
    create_missing: bool = False


class EntityListQuery(PageQuery):
    """Filters of the entity list."""

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None
    entity_type: EntityType | None = None


class LocationListQuery(PageQuery):
    """Filters of the location list."""

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None
    location_type: LocationType | None = None
