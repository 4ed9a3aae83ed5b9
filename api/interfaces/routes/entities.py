"""Entity routes under a world: list, create, read, update, delete."""

from flask import Blueprint

from core.errors import ALREADY_EXISTS, FORBIDDEN, NOT_FOUND, VERSION_CONFLICT
from interfaces.auth_guards import OPTIONAL, TOKEN
from interfaces.response_cache import world_scope
from interfaces.schemas.content import EntityCreate, EntityListQuery, EntityUpdate
from interfaces.schemas.outputs import DeletedEntityOut, EntityEnvelopeOut, EntityPageOut

WRITE_ERRORS = (NOT_FOUND, FORBIDDEN, ALREADY_EXISTS)


def create_entities_bp(entity_service, endpoints):
    """Routes under /api/worlds/<world_id>/entities."""
    bp = Blueprint("entities", __name__, url_prefix="/api/worlds/<world_id>/entities")
    route = endpoints.router(bp, tag="entities")

    @route.get("", "A world's characters, creatures, factions and items", access=OPTIONAL,
               query=EntityListQuery, response=EntityPageOut, errors=(NOT_FOUND,),
               cache=world_scope)
    def list_entities(world_id, user, query):
        return entity_service.list_entities(user, world_id, query.q, query.entity_type,
                                            query.page_request())

    @route.post("", "Create an entity (its relationships are mirrored)", access=TOKEN,
                body=EntityCreate, response=EntityEnvelopeOut, status=201, errors=WRITE_ERRORS)
    def create_entity(world_id, user, body):
        return {"entity": entity_service.create_entity(user, world_id, body.model_dump())}

    @route.get("/<entity_id>", "One entity with its relationships", access=OPTIONAL,
               response=EntityEnvelopeOut, errors=(NOT_FOUND,), cache=world_scope)
    def get_entity(world_id, entity_id, user):
        return {"entity": entity_service.get_entity(user, world_id, entity_id)}

    @route.put("/<entity_id>", "Change an entity's fields", access=TOKEN, body=EntityUpdate,
               versioned=True, response=EntityEnvelopeOut,
               errors=WRITE_ERRORS + (VERSION_CONFLICT,))
    def update_entity(world_id, entity_id, user, body, based_on):
        return {"entity": entity_service.update_entity(user, world_id, entity_id,
                                                       body.changes(), based_on)}

    @route.delete("/<entity_id>", "Delete an entity and every reference to it", access=TOKEN,
                  response=DeletedEntityOut, errors=(NOT_FOUND, FORBIDDEN))
    def delete_entity(world_id, entity_id, user):
        return {"entity_id": entity_service.delete_entity(user, world_id, entity_id)}

    return bp
