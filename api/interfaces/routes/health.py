"""GET /api/health."""

from flask import Blueprint

from interfaces.auth_guards import PUBLIC
from interfaces.schemas.outputs import HealthOut


def create_health_bp(storage, gpt_service, version: str, endpoints):
    """The health route: storage backend and whether it can write, AI configuration, version."""
    bp = Blueprint("health", __name__, url_prefix="/api")
    route = endpoints.router(bp, tag="health")

    @route.get("/health", "Is the server up, and with what", access=PUBLIC, response=HealthOut,
               description="storage_health.writable is false while the storage cannot make "
                           "writes durable (a full or failing disk, an unreachable database).")
    def health():
        return {"status": "ok", "storage": storage.kind, "storage_health": storage.health(),
                "ai": gpt_service.status(), "version": version}

    return bp
