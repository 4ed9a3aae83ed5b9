"""GET /api/stats: totals of what the caller may see."""

from flask import Blueprint

from interfaces.envelope import ok
from interfaces.schemas.outputs import StatsOut
from interfaces.swagger import doc


def create_stats_bp(stats_service, auth):
    """The public stats route."""
    bp = Blueprint("stats", __name__, url_prefix="/api")

    @bp.get("/stats")
    @doc("How many worlds, stories, entities, places and events you can see", tag="stats",
         response=StatsOut)
    @auth.optional_auth
    def visible_stats(user):
        return ok(stats_service.visible_stats(user))

    return bp
