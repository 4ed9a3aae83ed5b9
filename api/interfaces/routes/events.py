"""Event routes: one event (read, change, delete) and its connections, under /api/events."""

from flask import Blueprint

from core.errors import FORBIDDEN, INVALID_PARAMETERS, NOT_FOUND, VERSION_CONFLICT
from interfaces.auth_guards import OPTIONAL, TOKEN
from interfaces.schemas.events import EventConnect, EventUpdate
from interfaces.schemas.timeline_outputs import DeletedEventOut, EventEnvelopeOut

WRITE_ERRORS = (NOT_FOUND, FORBIDDEN, INVALID_PARAMETERS)
EVENT_READS = ("table:events", "table:worlds", "table:stories")


def create_events_bp(event_service, endpoints):
    """Routes under /api/events."""
    bp = Blueprint("events", __name__, url_prefix="/api/events")
    route = endpoints.router(bp, tag="events")

    @route.get("/<event_id>", "One event, its date in the world's calendar and ages",
               access=OPTIONAL, response=EventEnvelopeOut, errors=(NOT_FOUND,),
               cache=EVENT_READS)
    def get_event(event_id, user):
        return {"event": event_service.get_event(user, event_id)}

    @route.put("/<event_id>", "Change an event (events dated relative to it move with it)",
               access=TOKEN, body=EventUpdate, versioned=True, response=EventEnvelopeOut,
               errors=WRITE_ERRORS + (VERSION_CONFLICT,),
               description="A date outside the world's calendar, an entity, place or story "
                           "of another world, or relative dates in a circle answer 2001 "
                           "naming the field.")
    def update_event(event_id, user, body, based_on):
        return {"event": event_service.update_event(user, event_id, body.changes(), based_on)}

    @route.delete("/<event_id>", "Delete an event; connections to it go, dates relative to "
                  "it keep their value", access=TOKEN, response=DeletedEventOut,
                  errors=(NOT_FOUND, FORBIDDEN))
    def delete_event(event_id, user):
        return {"event_id": event_service.delete_event(user, event_id)}

    @route.post("/<event_id>/connections", "Connect the event to another event of its world",
                access=TOKEN, body=EventConnect, response=EventEnvelopeOut, status=201,
                errors=WRITE_ERRORS)
    def connect_events(event_id, user, body):
        return {"event": event_service.connect_events(user, event_id, body.model_dump())}

    return bp
