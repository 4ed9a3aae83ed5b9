"""Story routes: list, create, read, update, delete."""

from flask import Blueprint

from interfaces.envelope import created, ok
from interfaces.schemas.content import StoryLinks
from interfaces.schemas.outputs import (DeletedStoryOut, LinkResultOut, StoryEnvelopeOut,
                                        StoryPageOut)
from interfaces.schemas.stories import StoryCreate, StoryListQuery, StoryUpdate
from interfaces.swagger import doc
from interfaces.validation import validate_body, validate_query

WRITE_ERRORS = ("3001", "1004")


def create_stories_bp(story_service, link_service, auth, cache):
    """Routes under /api/stories."""
    bp = Blueprint("stories", __name__, url_prefix="/api/stories")

    @bp.get("")
    @doc("Stories the caller may see (newest change first; in order with world_id)",
         tag="stories", response=StoryPageOut, errors=("3001",))
    @auth.optional_auth
    @cache.cached
    @validate_query(StoryListQuery)
    def list_stories(user, query):
        return ok(story_service.list_stories(user, query.world_id, query.scope, query.page,
                                             query.page_size))

    @bp.post("")
    @doc("Write a new story in a world", tag="stories", response=StoryEnvelopeOut, status=201,
         errors=WRITE_ERRORS + ("0001",))
    @auth.token_required
    @validate_body(StoryCreate)
    def create_story(user, body):
        fields = body.model_dump(exclude_none=True)
        return created(story_service.create_story(user, fields.pop("world_id"), fields))

    @bp.get("/<story_id>")
    @doc("One story", tag="stories", response=StoryEnvelopeOut, errors=("3001",))
    @auth.optional_auth
    @cache.cached
    def get_story(story_id, user):
        return ok(story_service.get_story(user, story_id))

    @bp.put("/<story_id>")
    @doc("Change a story's fields", tag="stories", response=StoryEnvelopeOut,
         errors=WRITE_ERRORS + ("0001",))
    @auth.token_required
    @validate_body(StoryUpdate)
    def update_story(story_id, user, body):
        return ok(story_service.update_story(user, story_id, body.changes()))

    @bp.delete("/<story_id>")
    @doc("Delete a story and the links to it", tag="stories", response=DeletedStoryOut,
         errors=WRITE_ERRORS)
    @auth.token_required
    def delete_story(story_id, user):
        return ok(story_service.delete_story(user, story_id))

    @bp.post("/<story_id>/link-entities")
    @doc("Link entities and places by id, or by name or alias", tag="stories",
         response=LinkResultOut, errors=WRITE_ERRORS,
         description="With create_missing, names that match nothing become new characters; "
                     "otherwise they are listed in `unresolved`.")
    @auth.token_required
    @validate_body(StoryLinks)
    def link_entities(story_id, user, body):
        return ok(link_service.link_entities(user, story_id, body.entity_ids, body.location_ids,
                                             body.names, body.create_missing))

    @bp.post("/<story_id>/clear-links")
    @doc("Remove every entity and place link of the story", tag="stories",
         response=StoryEnvelopeOut, errors=WRITE_ERRORS)
    @auth.token_required
    def clear_links(story_id, user):
        return ok(link_service.clear_links(user, story_id))

    return bp
