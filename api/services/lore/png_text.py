"""PNG text chunks: reading and writing the `tEXt` chunks character cards keep their JSON in."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_CHUNK = 20 * 1024 * 1024


class NotPng(ValueError):
    """The bytes are not a well-formed PNG."""


def chunks(data: bytes):
    """(type, payload) of each chunk, in order; NotPng when the file is cut or malformed."""
    if not data.startswith(SIGNATURE):
        raise NotPng("not a PNG file")
    offset = len(SIGNATURE)
    while offset < len(data):
        if offset + 12 > len(data):
            raise NotPng("the PNG file is cut short")
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        end = offset + 8 + length
        if length > MAX_CHUNK or end + 4 > len(data):
            raise NotPng("the PNG file is cut short")
        yield kind, data[offset + 8:end]
        offset = end + 4
        if kind == b"IEND":
            return


def text_chunks(data: bytes) -> dict[str, str]:
    """Keyword → text of the `tEXt` and uncompressed `iTXt` chunks; the last one wins."""
    found = {}
    for kind, payload in chunks(data):
        if kind == b"tEXt" and b"\x00" in payload:
            keyword, text = payload.split(b"\x00", 1)
            found[keyword.decode("latin-1")] = text.decode("latin-1")
        elif kind == b"iTXt" and b"\x00" in payload:
            keyword, rest = payload.split(b"\x00", 1)
            parts = rest[2:].split(b"\x00", 2)    # language tag, translated keyword, text
            if rest[:1] == b"\x00" and len(parts) == 3:     # not compressed
                found[keyword.decode("latin-1")] = parts[2].decode("utf-8", "replace")
    return found


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (struct.pack(">I", len(payload)) + kind + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))


def with_text(data: bytes, texts: dict[str, str]) -> bytes:
    """The PNG with `tEXt` chunks of these keywords (replacing any of the same keyword)."""
    out = [SIGNATURE]
    for kind, payload in chunks(data):
        if kind == b"tEXt" and payload.split(b"\x00", 1)[0].decode("latin-1") in texts:
            continue
        if kind == b"IEND":
            out += [_chunk(b"tEXt", key.encode("latin-1") + b"\x00" + value.encode("latin-1"))
                    for key, value in texts.items()]
        out.append(_chunk(kind, payload))
    return b"".join(out)


def blank_png(width: int = 400, height: int = 600, rgb=(64, 72, 96)) -> bytes:
    """A plain PNG of one colour, the picture of a card that has none of its own."""
    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (SIGNATURE + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(row * height, 9)) + _chunk(b"IEND", b""))
