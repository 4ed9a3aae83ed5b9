"""Sending a built file as its precompressed twin (`x.br`, `x.gz`) when the client accepts it."""

from __future__ import annotations

import mimetypes
import os

from flask import send_file

# The encodings the build writes beside a file, best first, with their file suffix.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str | None) -> dict[str, float]:
    """Accept-Encoding as {coding: q}; a malformed q counts as 0 (refused)."""
    wanted: dict[str, float] = {}
    for part in (header or "").split(","):
        coding, _, params = part.strip().partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        wanted[coding] = q
    return wanted


def allows(wanted: dict[str, float], coding: str) -> bool:
    """Whether the coding is acceptable: its own q, else the `*` q, else no (RFC 9110 §12.5.3)."""
    q = wanted.get(coding, wanted.get("x-gzip") if coding == "gzip" else None)
    if q is None:
        q = wanted.get("*", 0.0)
    return q > 0


def send_built_file(full_path: str, accept_encoding: str | None):
    """The file, or its .br/.gz twin the client accepts, typed as the original file.

    Answers vary by Accept-Encoding whenever a twin exists, so caches keep them apart.
    """
    wanted = accepted_encodings(accept_encoding)
    mimetype, encoding = mimetypes.guess_type(full_path)
    if encoding is not None or mimetype is None:
        # A twin asked for by its own name is an opaque file, not the text it encodes.
        mimetype = "application/octet-stream"
    twins = [(coding, full_path + suffix) for coding, suffix in ENCODINGS
             if os.path.isfile(full_path + suffix)]
    for coding, twin in twins:
        if allows(wanted, coding):
            response = send_file(twin, mimetype=mimetype, conditional=True,
                                 download_name=os.path.basename(full_path))
            response.headers["Content-Encoding"] = coding
            break
    else:
        response = send_file(full_path, mimetype=mimetype, conditional=True)
    if twins:
        response.vary.add("Accept-Encoding")
    return response
