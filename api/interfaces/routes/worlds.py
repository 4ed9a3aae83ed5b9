"""World routes: CRUD, sharing, and the world's stories."""

from flask import Blueprint
from werkzeug.routing import BaseConverter

from core.errors import MISSING_TOKEN, NOT_FOUND, FORBIDDEN, PUBLIC_QUOTA_EXCEEDED, VERSION_CONFLICT
from interfaces.auth_guards import OPTIONAL, TOKEN
from interfaces.response_cache import WORLD_LISTS, world_scope
from interfaces.schemas.common import PageQuery
from interfaces.schemas.outputs import (DeletedWorldOut, StoryOrderOut, StoryPageOut,
                                        WorldEnvelopeOut, WorldPageOut)
from interfaces.schemas.worlds import (StoryReorder, WorldCreate, WorldListQuery, WorldShare,
                                       WorldUnshare, WorldUpdate)

WRITE_ERRORS = (NOT_FOUND, FORBIDDEN)


class WorldIdConverter(BaseConverter):
    """A world id in /api/worlds/<world_id>: any segment but `import`, the import route's own,
    so /api/worlds/import answers only for POST (405 listing it for the rest)."""

    regex = r"(?!import$)[^/]+"


def create_worlds_bp(world_service, story_service, endpoints):
    """Routes under /api/worlds."""
    bp = Blueprint("worlds", __name__, url_prefix="/api/worlds")
    bp.record_once(lambda state: state.app.url_map.converters.setdefault("world",
                                                                         WorldIdConverter))
    route = endpoints.router(bp, tag="worlds")

    @route.get("", "Worlds the caller may see", access=OPTIONAL, query=WorldListQuery,
               response=WorldPageOut, errors=(MISSING_TOKEN,), cache=WORLD_LISTS,
               description="scope=mine|shared needs a token.")
    def list_worlds(user, query):
        return world_service.list_worlds(user, query.scope, query.q, query.page_request())

    @route.post("", "Create a world", access=TOKEN, body=WorldCreate,
                response=WorldEnvelopeOut, status=201,
                errors=(PUBLIC_QUOTA_EXCEEDED, FORBIDDEN))
    def create_world(user, body):
        return {"world": world_service.create_world(user, body.model_dump(exclude_none=True))}

    @route.get("/<world:world_id>", "One world", access=OPTIONAL, response=WorldEnvelopeOut,
               errors=(NOT_FOUND,), cache=world_scope)
    def get_world(world_id, user):
        return {"world": world_service.get_world(user, world_id)}

    @route.put("/<world:world_id>", "Change a world's fields (visibility: owner only)", access=TOKEN,
               body=WorldUpdate, versioned=True, response=WorldEnvelopeOut,
               errors=WRITE_ERRORS + (PUBLIC_QUOTA_EXCEEDED, VERSION_CONFLICT))
    def update_world(world_id, user, body, based_on):
        return {"world": world_service.update_world(user, world_id, body.changes(), based_on)}

    @route.delete("/<world:world_id>", "Delete a world and everything in it", access=TOKEN,
                  response=DeletedWorldOut, errors=WRITE_ERRORS)
    def delete_world(world_id, user):
        return {"world_id": world_service.delete_world(user, world_id)}

    @route.post("/<world_id>/share", "Share the world with users as viewer or editor",
                access=TOKEN, body=WorldShare, response=WorldEnvelopeOut, errors=WRITE_ERRORS)
    def share_world(world_id, user, body):
        return {"world": world_service.share_world(user, world_id, body.role, body.usernames,
                                                   body.user_ids)}

    @route.post("/<world_id>/unshare", "Stop sharing the world with users", access=TOKEN,
                body=WorldUnshare, response=WorldEnvelopeOut, errors=WRITE_ERRORS)
    def unshare_world(world_id, user, body):
        return {"world": world_service.unshare_world(user, world_id, body.usernames,
                                                     body.user_ids)}

    @route.get("/<world_id>/stories", "The world's stories in order", access=OPTIONAL,
               query=PageQuery, response=StoryPageOut, errors=(NOT_FOUND,), cache=world_scope)
    def list_world_stories(world_id, user, query):
        return story_service.list_world_stories(user, world_id, query.page_request())

    @route.post("/<world_id>/stories/reorder", "Put the world's stories in a new order",
                access=TOKEN, body=StoryReorder, response=StoryOrderOut, errors=WRITE_ERRORS)
    def reorder_stories(world_id, user, body):
        return {"items": story_service.reorder_stories(user, world_id, body.story_ids)}

    return bp
