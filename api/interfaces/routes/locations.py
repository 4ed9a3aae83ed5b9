"""Location routes under a world: list, create, read, update, delete."""

from flask import Blueprint

from interfaces.envelope import created, ok
from interfaces.schemas.content import LocationCreate, LocationListQuery, LocationUpdate
from interfaces.schemas.outputs import DeletedLocationOut, LocationEnvelopeOut, LocationPageOut
from interfaces.swagger import doc
from interfaces.validation import validate_body, validate_query

WRITE_ERRORS = ("3001", "1004", "3002")


def create_locations_bp(location_service, auth, cache):
    """Routes under /api/worlds/<world_id>/locations."""
    bp = Blueprint("locations", __name__, url_prefix="/api/worlds/<world_id>/locations")

    @bp.get("")
    @doc("A world's places", tag="locations",
         response=LocationPageOut, errors=("3001",))
    @auth.optional_auth
    @cache.cached
    @validate_query(LocationListQuery)
    def list_locations(world_id, user, query):
        return ok(location_service.list_locations(user, world_id, query.q, query.location_type,
                                               query.page, query.page_size))

    @bp.post("")
    @doc("Create a place", tag="locations",
         response=LocationEnvelopeOut, status=201, errors=WRITE_ERRORS)
    @auth.token_required
    @validate_body(LocationCreate)
    def create_location(world_id, user, body):
        return created(location_service.create_location(user, world_id, body.model_dump()))

    @bp.get("/<location_id>")
    @doc("One place with its parent", tag="locations", response=LocationEnvelopeOut,
         errors=("3001",))
    @auth.optional_auth
    @cache.cached
    def get_location(world_id, location_id, user):
        return ok(location_service.get_location(user, world_id, location_id))

    @bp.put("/<location_id>")
    @doc("Change a place's fields", tag="locations", response=LocationEnvelopeOut,
         errors=WRITE_ERRORS)
    @auth.token_required
    @validate_body(LocationUpdate)
    def update_location(world_id, location_id, user, body):
        return ok(location_service.update_location(user, world_id, location_id, body.changes()))

    @bp.delete("/<location_id>")
    @doc("Delete a place; places inside move to its parent", tag="locations",
         response=DeletedLocationOut, errors=("3001", "1004"))
    @auth.token_required
    def delete_location(world_id, location_id, user):
        return ok(location_service.delete_location(user, world_id, location_id))

    return bp
