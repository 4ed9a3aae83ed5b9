"""GET /api/stats: totals of what the caller may see."""

from flask import Blueprint

from interfaces.auth_guards import OPTIONAL
from interfaces.schemas.outputs import StatsOut


def create_stats_bp(stats_service, endpoints):
    """The public stats route."""
    bp = Blueprint("stats", __name__, url_prefix="/api")
    route = endpoints.router(bp, tag="stats")

    @route.get("/stats", "How many worlds, stories, entities, places and events you can see",
               access=OPTIONAL, response=StatsOut)
    def visible_stats(user):
        return stats_service.visible_stats(user)

    return bp
