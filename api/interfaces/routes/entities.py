"""Entity routes under a world: list, create, read, update, delete."""

from flask import Blueprint

from interfaces.envelope import created, ok
from interfaces.schemas.content import EntityCreate, EntityListQuery, EntityUpdate
from interfaces.schemas.outputs import DeletedEntityOut, EntityEnvelopeOut, EntityPageOut
from interfaces.swagger import doc
from interfaces.validation import validate_body, validate_query

WRITE_ERRORS = ("3001", "1004", "3002")


def create_entities_bp(entity_service, auth, cache):
    """Routes under /api/worlds/<world_id>/entities."""
    bp = Blueprint("entities", __name__, url_prefix="/api/worlds/<world_id>/entities")

    @bp.get("")
    @doc("A world's characters, creatures, factions and items", tag="entities",
         response=EntityPageOut, errors=("3001",))
    @auth.optional_auth
    @cache.cached
    @validate_query(EntityListQuery)
    def list_entities(world_id, user, query):
        return ok(entity_service.list_entities(user, world_id, query.q, query.entity_type,
                                               query.page, query.page_size))

    @bp.post("")
    @doc("Create an entity (its relationships are mirrored)", tag="entities",
         response=EntityEnvelopeOut, status=201, errors=WRITE_ERRORS)
    @auth.token_required
    @validate_body(EntityCreate)
    def create_entity(world_id, user, body):
        return created(entity_service.create_entity(user, world_id, body.model_dump()))

    @bp.get("/<entity_id>")
    @doc("One entity with its relationships", tag="entities", response=EntityEnvelopeOut,
         errors=("3001",))
    @auth.optional_auth
    @cache.cached
    def get_entity(world_id, entity_id, user):
        return ok(entity_service.get_entity(user, world_id, entity_id))

    @bp.put("/<entity_id>")
    @doc("Change an entity's fields", tag="entities", response=EntityEnvelopeOut,
         errors=WRITE_ERRORS)
    @auth.token_required
    @validate_body(EntityUpdate)
    def update_entity(world_id, entity_id, user, body):
        return ok(entity_service.update_entity(user, world_id, entity_id, body.changes()))

    @bp.delete("/<entity_id>")
    @doc("Delete an entity and every reference to it", tag="entities",
         response=DeletedEntityOut, errors=("3001", "1004"))
    @auth.token_required
    def delete_entity(world_id, entity_id, user):
        return ok(entity_service.delete_entity(user, world_id, entity_id))

    return bp
