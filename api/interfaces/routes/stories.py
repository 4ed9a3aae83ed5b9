"""Story routes: list, create, read, update, delete, and links to entities and places."""

from flask import Blueprint

from core.errors import FORBIDDEN, NOT_FOUND, PUBLIC_QUOTA_EXCEEDED, VERSION_CONFLICT
from interfaces.auth_guards import OPTIONAL, TOKEN
from interfaces.response_cache import STORY_READS
from interfaces.schemas.content import StoryLinks
from interfaces.schemas.outputs import (DeletedStoryOut, LinkResultOut, StoryEnvelopeOut,
                                        StoryPageOut)
from interfaces.schemas.timeline_outputs import StoryDetailEnvelopeOut
from interfaces.schemas.stories import StoryCreate, StoryListQuery, StoryUpdate

WRITE_ERRORS = (NOT_FOUND, FORBIDDEN)


def create_stories_bp(story_service, link_service, endpoints):
    """Routes under /api/stories."""
    bp = Blueprint("stories", __name__, url_prefix="/api/stories")
    route = endpoints.router(bp, tag="stories")

    @route.get("", "Stories the caller may see (newest change first; in order with world_id)",
               access=OPTIONAL, query=StoryListQuery, response=StoryPageOut,
               errors=(NOT_FOUND,), cache=STORY_READS)
    def list_stories(user, query):
        return story_service.list_stories(user, query.world_id, query.scope,
                                          query.page_request())

    @route.post("", "Write a new story in a world", access=TOKEN, body=StoryCreate,
                response=StoryEnvelopeOut, status=201,
                errors=WRITE_ERRORS + (PUBLIC_QUOTA_EXCEEDED,))
    def create_story(user, body):
        fields = body.model_dump(exclude_none=True)
        return {"story": story_service.create_story(user, fields.pop("world_id"), fields)}

    @route.get("/<story_id>", "One story, with the stories linked to it and why",
               access=OPTIONAL, response=StoryDetailEnvelopeOut, errors=(NOT_FOUND,),
               cache=STORY_READS + ("table:entities", "table:locations"),
               description="`links`: the stories sharing entities or places with this one "
                           "that the caller may see, with weight (things shared) and reasons.")
    def get_story(story_id, user):
        return {"story": story_service.get_story(user, story_id)}

    @route.put("/<story_id>", "Change a story's fields", access=TOKEN, body=StoryUpdate,
               versioned=True, response=StoryEnvelopeOut,
               errors=WRITE_ERRORS + (PUBLIC_QUOTA_EXCEEDED, VERSION_CONFLICT))
    def update_story(story_id, user, body, based_on):
        return {"story": story_service.update_story(user, story_id, body.changes(), based_on)}

    @route.delete("/<story_id>", "Delete a story and the links to it", access=TOKEN,
                  response=DeletedStoryOut, errors=WRITE_ERRORS)
    def delete_story(story_id, user):
        return {"story_id": story_service.delete_story(user, story_id)}

    @route.post("/<story_id>/link-entities", "Link entities and places by id, or by name or "
                "alias", access=TOKEN, body=StoryLinks, response=LinkResultOut,
                errors=WRITE_ERRORS,
                description="With create_missing, names that match nothing become new "
                            "characters; otherwise they are listed in `unresolved`.")
    def link_entities(story_id, user, body):
        return link_service.link_entities(user, story_id, body.entity_ids, body.location_ids,
                                          body.names, body.create_missing)

    @route.post("/<story_id>/clear-links", "Remove every entity and place link of the story",
                access=TOKEN, response=StoryEnvelopeOut, errors=WRITE_ERRORS)
    def clear_links(story_id, user):
        return {"story": link_service.clear_links(user, story_id)}

    return bp
