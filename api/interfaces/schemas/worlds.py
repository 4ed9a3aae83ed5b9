"""Bodies and query strings of the world routes."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from core.calendar import default_calendar, upgrade_calendar

from interfaces.schemas.common import (CollaboratorRole, Extensions, Id, Language, Name,
                                       PageQuery, QueryModel, ShortText, StrictModel, Versioned,
                                       Visibility, WorldType, example)

LANGUAGE_DOC = ("The world's language, vi (Vietnamese) or en (English): generated content, "
                "attribute names and the headings of its exports are written in it")


class Era(StrictModel):
    """A named era of a world's calendar, from its first year on."""

    name: Name
    start_year: int = Field(ge=-1_000_000_000, le=1_000_000_000)


class Month(StrictModel):
    """A month of a world's calendar."""

    name: ShortText = ""
    days: int = Field(ge=1, le=1000)


class LeapRule(StrictModel):
    """Which years are leap years, and the month that gains a day in them."""

    month: int = Field(ge=1, le=100, description="1-based month that gains one day")
    rule: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                           max_length=100)] = Field(
        description='Years counted without a gap: "4,!100,400" = every 4th year, not every '
                    '100th, but every 400th', examples=["4,!100,400"])


def _gregorian_months() -> list:
    return [Month(**month) for month in default_calendar()["months"]]


class Calendar(StrictModel):
    """How a world counts time (the older {months_per_year, days_per_month, month_names,
    eras} shape is read too). Without `months`, the Gregorian months and leap rule apply."""

    year_name: ShortText = ""
    year_zero: bool = Field(False, description="Whether a year 0 exists (else -1 is followed "
                                               "by 1)")
    months: list[Month] = Field(default_factory=_gregorian_months, min_length=1,
                                max_length=100)
    leap: LeapRule | None = None
    weekdays: list[ShortText] = Field(default_factory=list, max_length=50)
    eras: list[Era] = Field(default_factory=list, max_length=50)
    nullable: ClassVar[frozenset] = frozenset({"leap"})
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "year_name": "AC", "year_zero": False,
        "months": [{"name": "Frostmoon", "days": 30}, {"name": "Thawmoon", "days": 28},
                   {"name": "Suncrest", "days": 31}],
        "leap": {"month": 2, "rule": "4,!100,400"}, "weekdays": ["Moonday", "Starday"],
        "eras": [{"name": "Age of Ash", "start_year": -500},
                 {"name": "Age of Rivers", "start_year": 1}]}]})

    @model_validator(mode="after")
    def _default_leap(self):
        # The default months come with the default leap rule (a calendar of its own has
        # leap years only when it says so).
        if not {"months", "leap"} & self.model_fields_set:
            self.leap = LeapRule(**default_calendar()["leap"])
        return self

    @model_validator(mode="before")
    @classmethod
    def _older_shape(cls, data):
        if isinstance(data, dict) and "months" not in data and (
                {"months_per_year", "days_per_month", "month_names"} & set(data)):
            extra = set(data) - {"months_per_year", "days_per_month", "month_names", "eras",
                                 "year_name"}
            if not extra:
                count, days = data.get("months_per_year", 12), data.get("days_per_month", 30)
                if not isinstance(count, int) or not 1 <= count <= 100:
                    raise ValueError("months_per_year is a whole number from 1 to 100")
                return upgrade_calendar({**data, "days_per_month": days})
        return data


class Generate(StrictModel):
    """How much the template generator puts in a new world, and in which language (no AI)."""

    entities: int = Field(0, ge=0, le=200, description="Characters, factions, creatures, items")
    locations: int = Field(0, ge=0, le=100, description="Places, some nested, with coordinates")
    language: Literal["vi", "en", "mixed"] | None = Field(
        None, description="Language of the names, descriptions and traits: vi (Vietnamese), "
                          "en (English) or mixed (both, in a share drawn per world); by "
                          "default the world's language. Attribute names follow it (the "
                          "world's language when mixed).")
    nullable: ClassVar[frozenset] = frozenset({"language"})


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
    travel_per_day: float | None = Field(None, gt=0, le=1_000_000, description=(
        "Map units a traveller covers in a day, for the timeline's too_far check"))
    generate: Generate | None = Field(
        None, description="Fill the world from templates for its world_type")
    extensions: Extensions = Field(default_factory=dict)


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
    travel_per_day: float | None = Field(None, gt=0, le=1_000_000, description=(
        "Map units a traveller covers in a day (null: no too_far check)"))
    extensions: Extensions | None = None
    nullable: ClassVar[frozenset] = frozenset({"travel_per_day"})


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
__all__ = ["Calendar", "Era", "Month", "LeapRule", "Generate", "WorldCreate", "WorldUpdate", "WorldShare",
           "WorldUnshare", "StoryReorder", "WorldListQuery", "QueryModel"]
