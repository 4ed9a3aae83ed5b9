"""GET /api/health."""

from flask import Blueprint

from interfaces.envelope import ok
from interfaces.schemas.outputs import HealthOut
from interfaces.swagger import doc


def create_health_bp(storage_kind: str, gpt_service, version: str):
    """The health route: storage backend, AI configuration and version."""
    bp = Blueprint("health", __name__, url_prefix="/api")

    @bp.get("/health")
    @doc("Is the server up, and with what", tag="health", response=HealthOut)
    def health():
        return ok({"status": "ok", "storage": storage_kind, "ai": gpt_service.status(),
                   "version": version})

    return bp
