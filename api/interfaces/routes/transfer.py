"""Export and import routes: a world as a file to download, and a file back as a new world."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from flask import Blueprint, Response, request

from core.errors import (BATCH_TOO_LARGE, FORBIDDEN, MISSING_FIELD, NOT_FOUND,
                         ValidationFailed)
from interfaces.auth_guards import OPTIONAL, TOKEN
from interfaces.schemas.outputs import WorldImportOut
from interfaces.schemas.transfer import (ExportedJson, ExportQuery, ImportQuery, WorldBundle,
                                        WorldImport)
from interfaces.validation import json_value, parse_model, refuse_nul
from services.lore import FORMATS_READ, is_bundle
from services.lore.cards import card_of_png

_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
# The files an export answers: JSON ones by their model, the world bible as text, cards as bytes.
EXPORT_TYPES = {"application/json": ExportedJson, "text/markdown": None, "image/png": None}


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


PNG_TYPES = ("image/png", "application/octet-stream")


def read_import_file():
    """The uploaded file: JSON (an object or a list), or a character card PNG (sent as image/png
    or application/octet-stream)."""
    if request.mimetype in PNG_TYPES:
        try:
            card = card_of_png(request.get_data(cache=True))
        except ValueError as exc:
            raise ValidationFailed({"body": str(exc)}) from None
        refuse_nul(card)
        return card
    return json_value("a JSON file (or a character card PNG as image/png)")


def _download(export_file) -> Response:
    return Response(export_file.content, status=200, content_type=export_file.media_type,
                    headers={"Content-Disposition": content_disposition(export_file.filename),
                             "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})


def create_transfer_bp(export_service, import_service, endpoints):
    """Routes GET /api/worlds/<world_id>/export and POST /api/worlds/import."""
    bp = Blueprint("transfer", __name__, url_prefix="/api/worlds")
    route = endpoints.router(bp, tag="transfer")

    @route.get("/<world_id>/export", "Download a world as a file", access=OPTIONAL,
               query=ExportQuery, errors=(NOT_FOUND, MISSING_FIELD), download=EXPORT_TYPES,
               description="json: the whole bundle (stories the caller may see, entities, "
                           "locations, events) that POST /api/worlds/import reads back; "
                           "markdown: a world bible; lorebook: SillyTavern World Info (short "
                           "keys match whole words; accented keys also fire without accents); "
                           "card / card_png: the character `entity_id` as a Character Card "
                           "V2 (JSON, or a PNG with a `chara` text chunk), the world's other "
                           "lore as its character book. Errors are envelopes.")
    def export_world(world_id, user, query):
        return _download(export_service.export_world(user, world_id, query.format,
                                                      query.entity_id))

    @route.post("/import", "Import a world bundle or another tool's lore file as a new "
                "private world", access=TOKEN, body=WorldImport, query=ImportQuery,
                response=WorldImportOut, status=201, errors=(FORBIDDEN, BATCH_TOO_LARGE),
                read_body=read_import_file, also_accepts=("application/octet-stream",),
                description="Reads " + ", ".join(FORMATS_READ) + ". Every id is new and the "
                            "caller owns the world. A world named like one the caller owns "
                            "gets a suffix: `Name (imported)`, then `(imported 2)`... (`(nhập)` "
                            "in Vietnamese worlds). A bundle with any problem creates nothing "
                            "(data.fields names what is wrong); a lore file's entries that "
                            "cannot be imported are skipped and listed in `skipped`. A character "
                            "card PNG is sent as its bytes (image/png or "
                            "application/octet-stream).")
    def import_world(user, body, query):
        data = parse_model(WorldBundle, body).model_dump(mode="json", exclude_unset=True) \
            if is_bundle(body) else body
        imported = import_service.import_world(user, data, query.name)
        return {"world": imported.world, "skipped": imported.skipped}

    return bp
