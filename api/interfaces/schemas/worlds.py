"""Bodies and query strings of the world routes."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from interfaces.schemas.common import (CollaboratorRole, Id, Language, Name, PageQuery,
                                       QueryModel, StrictModel, Versioned, Visibility,
                                       WorldType, example)

LANGUAGE_DOC = ("The world's language, vi (Vietnamese) or en (English): generated content, "
                "attribute names and the headings of its exports are written in it")


class Era(StrictModel):
    """A named era of a world's calendar."""

    name: Name
    start_year: int = Field(ge=-1_000_000_000, le=1_000_000_000)
    end_year: int | None = Field(None, ge=-1_000_000_000, le=1_000_000_000)
    nullable: ClassVar[frozenset] = frozenset({"end_year"})


class Calendar(StrictModel):
    """How a world counts time."""

    months_per_year: int = Field(12, ge=1, le=100)
    days_per_month: int = Field(30, ge=1, le=1000)
    month_names: list[Name] = Field(default_factory=list, max_length=100)
    eras: list[Era] = Field(default_factory=list, max_length=50)


class Generate(StrictModel):
    """How much the template generator puts in a new world, and in which language (no AI)."""

    entities: int = Field(0, ge=0, le=200, description="Characters, factions, creatures, items")
    locations: int = Field(0, ge=0, le=100, description="Places, some nested, with coordinates")
    language: Literal["vi", "en", "mixed"] | None = Field(
        None, description="Language of the names, descriptions and traits: vi (Vietnamese), "
                          "en (English) or mixed (both, in a share drawn per world); by "
                          "default the world's language. Attribute names follow it (the "
                          "world's language when mixed).")


class WorldCreate(StrictModel):
    """A new world; it is private unless `visibility` says otherwise."""

    model_config = example({"name": "Đại Việt", "description": "A kingdom by the Red River.",
                            "world_type": "historical", "visibility": "private",
                            "language": "vi", "generate": {"entities": 20, "locations": 10}})

    name: Name
    description: str = Field("", max_length=50_000)
    world_type: WorldType = "fantasy"
    visibility: Visibility = "private"
    language: Language = Field("vi", description=LANGUAGE_DOC)
    calendar: Calendar | None = None
    generate: Generate | None = Field(
        None, description="Fill the world from templates for its world_type")


class WorldUpdate(Versioned):
    """Fields to change; those left out keep their value."""

    model_config = example({"description": "A kingdom by the Red River, 1009-1225.",
                            "language": "en", "version": 2})

    name: Name | None = None
    description: str | None = Field(None, max_length=50_000)
    world_type: WorldType | None = None
    visibility: Visibility | None = None
    language: Language | None = Field(None, description=LANGUAGE_DOC)
    calendar: Calendar | None = None


class WorldShare(StrictModel):
    """Users to give a collaborator role, by username or id."""

    model_config = example({"usernames": ["minh", "thu.tran"], "role": "editor"})

    one_of: ClassVar[tuple] = ("usernames", "user_ids")
    usernames: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                     max_length=64)]] = Field(
        default_factory=list, max_length=50)
    user_ids: list[Id] = Field(default_factory=list, max_length=50)
    role: CollaboratorRole = "viewer"


class WorldUnshare(StrictModel):
    """Users whose collaborator role is taken away."""

    model_config = example({"usernames": ["minh"]})

    one_of: ClassVar[tuple] = ("user_ids", "usernames")
    user_ids: list[Id] = Field(default_factory=list, max_length=100)
    usernames: list[Annotated[str, StringConstraints(max_length=64)]] = Field(
        default_factory=list, max_length=100)


class StoryReorder(StrictModel):
    """Every story id of the world, in the new order."""

    model_config = example({"story_ids": ["<story_id 2>", "<story_id 1>", "<story_id 3>"]})

    story_ids: list[Id] = Field(min_length=1, max_length=5000)


class WorldListQuery(PageQuery):
    """Filters of the world list."""

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = Field(
        None, description="Part of the name, without case or diacritics")
    scope: Literal["all", "mine", "shared", "public"] = "all"


WorldPageQuery = PageQuery
__all__ = ["Calendar", "Era", "Generate", "WorldCreate", "WorldUpdate", "WorldShare",
           "WorldUnshare", "StoryReorder", "WorldListQuery", "QueryModel"]
