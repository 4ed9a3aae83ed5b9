"""Location routes under a world: list, create, read, update, delete."""

from flask import Blueprint

from core.errors import ALREADY_EXISTS, FORBIDDEN, NOT_FOUND, VERSION_CONFLICT
from interfaces.auth_guards import OPTIONAL, TOKEN
from interfaces.response_cache import world_scope
from interfaces.schemas.content import LocationCreate, LocationListQuery, LocationUpdate
from interfaces.schemas.outputs import DeletedLocationOut, LocationEnvelopeOut, LocationPageOut

WRITE_ERRORS = (NOT_FOUND, FORBIDDEN, ALREADY_EXISTS)


def create_locations_bp(location_service, endpoints):
    """Routes under /api/worlds/<world_id>/locations."""
    bp = Blueprint("locations", __name__, url_prefix="/api/worlds/<world_id>/locations")
    route = endpoints.router(bp, tag="locations")

    @route.get("", "A world's places", access=OPTIONAL, query=LocationListQuery,
               response=LocationPageOut, errors=(NOT_FOUND,), cache=world_scope)
    def list_locations(world_id, user, query):
        return location_service.list_locations(user, world_id, query.q, query.location_type,
                                               query.page_request())

    @route.post("", "Create a place", access=TOKEN, body=LocationCreate,
                response=LocationEnvelopeOut, status=201, errors=WRITE_ERRORS)
    def create_location(world_id, user, body):
        return {"location": location_service.create_location(user, world_id,
                                                             body.model_dump())}

    @route.get("/<location_id>", "One place with its parent", access=OPTIONAL,
               response=LocationEnvelopeOut, errors=(NOT_FOUND,), cache=world_scope)
    def get_location(world_id, location_id, user):
        return {"location": location_service.get_location(user, world_id, location_id)}

    @route.put("/<location_id>", "Change a place's fields", access=TOKEN, body=LocationUpdate,
               versioned=True, response=LocationEnvelopeOut,
               errors=WRITE_ERRORS + (VERSION_CONFLICT,))
    def update_location(world_id, location_id, user, body, based_on):
        return {"location": location_service.update_location(user, world_id, location_id,
                                                             body.changes(), based_on)}

    @route.delete("/<location_id>", "Delete a place; places inside move to its parent",
                  access=TOKEN, response=DeletedLocationOut, errors=(NOT_FOUND, FORBIDDEN))
    def delete_location(world_id, location_id, user):
        return {"location_id": location_service.delete_location(user, world_id, location_id)}

    return bp
