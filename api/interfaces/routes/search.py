"""GET /api/search: ranked search over what the caller may see."""

from flask import Blueprint

from core.errors import INVALID_PARAMETERS
from interfaces.auth_guards import OPTIONAL
from interfaces.schemas.search import SearchPageOut, SearchQuery


def create_search_bp(search_service, endpoints):
    """The search route."""
    bp = Blueprint("search", __name__, url_prefix="/api")
    route = endpoints.router(bp, tag="search")

    @route.get("/search", "Search worlds, stories, characters, places and events",
               access=OPTIONAL, query=SearchQuery, response=SearchPageOut,
               errors=(INVALID_PARAMETERS,), description=(
                   "Best match first; only what the caller may see. A blank or too long `q`, "
                   "or an unknown kind, answers 2001 naming the parameter."))
    def search(user, query):
        return search_service.search(user, query.q, query.world_id, query.kinds,
                                     query.page_request())

    return bp
