"""World routes: CRUD, sharing, and the world's stories."""

from flask import Blueprint

from interfaces.envelope import created, ok
from interfaces.schemas.common import PageQuery
from interfaces.schemas.outputs import (DeletedWorldOut, StoryOrderOut, StoryPageOut,
                                        WorldEnvelopeOut, WorldPageOut)
from interfaces.schemas.worlds import (StoryReorder, WorldCreate, WorldListQuery, WorldShare,
                                       WorldUnshare, WorldUpdate)
from interfaces.swagger import doc
from interfaces.validation import validate_body, validate_query

NOT_FOUND = ("3001",)
WRITE_ERRORS = ("3001", "1004")


def create_worlds_bp(world_service, story_service, auth, cache):
    """Routes under /api/worlds."""
    bp = Blueprint("worlds", __name__, url_prefix="/api/worlds")

    @bp.get("")
    @doc("Worlds the caller may see", tag="worlds", response=WorldPageOut, errors=("1001",),
         description="scope=mine|shared needs a token.")
    @auth.optional_auth
    @cache.cached
    @validate_query(WorldListQuery)
    def list_worlds(user, query):
        return ok(world_service.list_worlds(user, query.scope, query.q, query.page,
                                            query.page_size))

    @bp.post("")
    @doc("Create a world", tag="worlds", response=WorldEnvelopeOut, status=201,
         errors=("0001", "1004"))
    @auth.token_required
    @validate_body(WorldCreate)
    def create_world(user, body):
        return created(world_service.create_world(user, body.model_dump(exclude_none=True)))

    @bp.get("/<world_id>")
    @doc("One world", tag="worlds", response=WorldEnvelopeOut, errors=NOT_FOUND)
    @auth.optional_auth
    @cache.cached
    def get_world(world_id, user):
        return ok(world_service.get_world(user, world_id))

    @bp.put("/<world_id>")
    @doc("Change a world's fields (visibility: owner only)", tag="worlds",
         response=WorldEnvelopeOut, errors=WRITE_ERRORS + ("0001",))
    @auth.token_required
    @validate_body(WorldUpdate)
    def update_world(world_id, user, body):
        return ok(world_service.update_world(user, world_id, body.changes()))

    @bp.delete("/<world_id>")
    @doc("Delete a world and everything in it", tag="worlds", response=DeletedWorldOut,
         errors=WRITE_ERRORS)
    @auth.token_required
    def delete_world(world_id, user):
        return ok(world_service.delete_world(user, world_id))

    @bp.post("/<world_id>/share")
    @doc("Share the world with users as viewer or editor", tag="worlds",
         response=WorldEnvelopeOut, errors=WRITE_ERRORS)
    @auth.token_required
    @validate_body(WorldShare)
    def share_world(world_id, user, body):
        return ok(world_service.share_world(user, world_id, body.role, body.usernames,
                                            body.user_ids))

    @bp.post("/<world_id>/unshare")
    @doc("Stop sharing the world with users", tag="worlds", response=WorldEnvelopeOut,
         errors=WRITE_ERRORS)
    @auth.token_required
    @validate_body(WorldUnshare)
    def unshare_world(world_id, user, body):
        return ok(world_service.unshare_world(user, world_id, body.usernames, body.user_ids))

    @bp.get("/<world_id>/stories")
    @doc("The world's stories in order", tag="worlds", response=StoryPageOut, errors=NOT_FOUND)
    @auth.optional_auth
    @cache.cached
    @validate_query(PageQuery)
    def list_world_stories(world_id, user, query):
        return ok(story_service.list_world_stories(user, world_id, query.page, query.page_size))

    @bp.post("/<world_id>/stories/reorder")
    @doc("Put the world's stories in a new order", tag="worlds", response=StoryOrderOut,
         errors=WRITE_ERRORS)
    @auth.token_required
    @validate_body(StoryReorder)
    def reorder_stories(world_id, user, body):
        return ok(story_service.reorder_stories(user, world_id, body.story_ids))

    return bp
