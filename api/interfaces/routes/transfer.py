"""Export and import routes: a world as a file to download, and a file back as a new world."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from flask import Blueprint, Response

from interfaces.envelope import created
from interfaces.schemas.outputs import WorldEnvelopeOut
from interfaces.schemas.transfer import ExportQuery, WorldImport
from interfaces.swagger import doc
from interfaces.validation import validate_body, validate_query

_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
EXPORT_TYPES = ("application/json", "text/markdown")


def _ascii_name(filename: str) -> str:
    """An ASCII stand-in for a file name, for clients that ignore filename*."""
    decomposed = unicodedata.normalize("NFKD", filename.replace("đ", "d").replace("Đ", "D"))
    text = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NOT_ASCII_SAFE.sub("-", text).strip("-") or "world"


def content_disposition(filename: str) -> str:
    """An attachment header; names that are not plain ASCII also go in filename* (RFC 5987)."""
    fallback = _ascii_name(filename)
    header = f'attachment; filename="{fallback}"'
    if fallback != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


def _download(export_file) -> Response:
    return Response(export_file.content, status=200, content_type=export_file.media_type,
                    headers={"Content-Disposition": content_disposition(export_file.filename),
                             "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})


def _answers_a_file(view):
    """Document a download: its success answer is the file itself, not an envelope."""
    view.specs_dict["responses"]["200"]["content"] = {
        media_type: {"schema": {"type": "string", "format": "binary"}}
        for media_type in EXPORT_TYPES}
    return view


def create_transfer_bp(export_service, import_service, auth):
    """Routes GET /api/worlds/<world_id>/export and POST /api/worlds/import."""
    bp = Blueprint("transfer", __name__, url_prefix="/api/worlds")

    @bp.get("/<world_id>/export")
    @_answers_a_file
    @doc("Download a world as a file", tag="transfer", errors=("3001",),
         description="json: the whole bundle (stories the caller may see, entities, locations, "
                     "events) that POST /api/worlds/import reads back; markdown: a world bible; "
                     "lorebook: SillyTavern World Info. Errors are envelopes.")
    @auth.optional_auth
    @validate_query(ExportQuery)
    def export_world(world_id, user, query):
        return _download(export_service.export_world(user, world_id, query.format))

    @bp.post("/import")
    @doc("Import a world bundle or a SillyTavern lorebook as a new private world",
         tag="transfer", response=WorldEnvelopeOut, status=201, errors=("1004", "2004"),
         description="Every id is new and the caller owns the world. A file with any problem "
                     "creates nothing; data.fields names what is wrong.")
    @auth.token_required
    @validate_body(WorldImport)
    def import_world(user, body):
        return created(import_service.import_world(user, body.payload()))

    return bp
