"""A world's timeline, its events, its graph and its story links, under /api/worlds/<id>."""

from flask import Blueprint

from core.errors import FORBIDDEN, INVALID_PARAMETERS, NOT_FOUND
from interfaces.auth_guards import OPTIONAL, TOKEN
from interfaces.response_cache import world_scope
from interfaces.schemas.events import EventCreate
from interfaces.schemas.timeline_outputs import (AutoLinkOut, EventEnvelopeOut, GraphOut,
                                                 TimelineOut)

TIMELINE_DOC = ("Years in calendar order (negative first; undated events in a last group with "
                "year null), events by month, day and story order. Implicit connections join "
                "each event to the next event, in time order, of another story that shares a "
                "character or place with it (not every pair). Conflicts: two_places (same day, "
                "places apart), after_death, before_birth, too_far (world.travel_per_day); "
                "definite when both dates are exact, possible when either is approximate; "
                "unknown precision raises none. Events of stories the caller may not see are "
                "left out.")


def create_timeline_bp(event_service, timeline_service, story_linker, endpoints):
    """Routes under /api/worlds/<world_id>: events, the timeline, the graph, auto-linking."""
    bp = Blueprint("timeline", __name__, url_prefix="/api/worlds/<world_id>")
    route = endpoints.router(bp, tag="timeline")

    @route.post("/events", "Create an event on the world's timeline", access=TOKEN,
                body=EventCreate, response=EventEnvelopeOut, status=201,
                errors=(NOT_FOUND, FORBIDDEN, INVALID_PARAMETERS),
                description="A date outside the world's calendar (month 13, 31 April, a leap "
                            "day in a common year) answers 2001 naming the field.")
    def create_event(world_id, user, body):
        return {"event": event_service.create_event(user, world_id,
                                                    body.model_dump(exclude_none=True))}

    @route.get("/events", "The world's timeline: years, connections and conflicts",
               access=OPTIONAL, response=TimelineOut, errors=(NOT_FOUND,), cache=world_scope,
               description=TIMELINE_DOC, exact=True)
    def get_timeline(world_id, user):
        return vars(timeline_service.get_timeline(user, world_id))

    @route.get("/graph", "Entities, places and stories with the edges between them",
               access=OPTIONAL, response=GraphOut, errors=(NOT_FOUND,), cache=world_scope,
               exact=True,
               description="Edges: relationship (once per mirrored pair), co_appearance "
                           "(weight = stories both appear in), appears_in (entity → story), "
                           "located_at (story → place, place → the place it lies inside). "
                           "Stories the caller may not see are neither nodes nor counted.")
    def get_graph(world_id, user):
        return timeline_service.get_graph(user, world_id)

    @route.post("/auto-link-stories", "Link the world's stories that share entities or places",
                access=TOKEN, response=AutoLinkOut, errors=(NOT_FOUND, FORBIDDEN), exact=True,
                description="Recomputes every story's linked_story_ids; links also follow "
                            "every change of a story's entities and places on their own.")
    def recompute_world(world_id, user):
        return {"links": story_linker.recompute_world(user, world_id)}

    return bp
