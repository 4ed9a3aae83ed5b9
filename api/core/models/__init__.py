"""Plain dataclasses for Storyloom's aggregates, with to_dict/from_dict and no Flask or storage."""

from core.models.user import User
from core.models.world import World, Collaborator, VISIBILITIES, WORLD_TYPES, COLLABORATOR_ROLES
from core.models.story import Story
from core.models.entity import Entity
from core.models.location import Location
from core.models.event import Event
from core.models.task import Task
from core.models.prompt_template import PromptTemplate
from core.models.records import TokenRevocation, AiUsage

__all__ = ["User", "World", "Collaborator", "Story", "Entity", "Location", "Event", "Task",
           "PromptTemplate", "TokenRevocation", "AiUsage", "VISIBILITIES", "WORLD_TYPES", "COLLABORATOR_ROLES"]
