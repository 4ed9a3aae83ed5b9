"""The API benchmark's load generator, run as its own process so it never shares a GIL.

    echo '{"host": ..., "port": ..., "connections": [[raw request, ...], ...], "expect": 200,
           "duration": 5, "warmup": 1}' | python bench/loadgen.py

An asyncio HTTP/1.1 client: one keep-alive connection per list of raw requests, each sending
its next request (cycling through its list) as soon as the previous answer is complete, and
opened again after `reconnect_every` requests (0: never) as clients come and go: gunicorn's
workers take turns accepting connections, so persistent ones could all land on one. After
`warmup` unmeasured seconds it counts, for `duration` seconds, every answer whose request was
sent and answered inside the window, and prints {requests, rps, p50_ms, p99_ms, p999_ms,
max_ms, errors} as JSON; `errors` counts answers whose status is not `expect` (0: the
connection broke).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time


def http_request(method: str, path: str, port: int, token: str | None = None,
                 body: dict | None = None) -> str:
    """One raw HTTP/1.1 keep-alive request (as latin-1 text, to travel in JSON)."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Accept: application/json"]
    if token:
        lines.append(f"Authorization: Bearer {token}")
    payload = b""
    if body is not None:
        payload = json.dumps(body).encode()
        lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode().decode("latin-1") + payload.decode(
        "latin-1")


async def _read_answer(reader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    status, length, chunked, close = int(head[9:12]), 0, False, False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value
        elif name == b"connection":
            close = value == b"close"
    if not chunked:
        await reader.readexactly(length)
        return status, close
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        await reader.readexactly(size + 2)
        if size == 0:
            return status, close


async def _connection(spec: dict, requests_: list[bytes], start: int, window: tuple,
                      stats: dict) -> None:
    begin, end = window
    reader = writer = None
    n = start
    while time.perf_counter() < end:
        if writer is None:
            reader, writer = await asyncio.open_connection(spec["host"], spec["port"])
        sent = time.perf_counter()
        writer.write(requests_[n % len(requests_)])
        n += 1
        try:
            status, close = await _read_answer(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            status, close = 0, True
        done = time.perf_counter()
        if begin <= sent and done <= end:
            stats["latencies"].append(done - sent)
            if status != spec["expect"]:
                stats["errors"][status] = stats["errors"].get(status, 0) + 1
        if close or (spec.get("reconnect_every") and (n - start) % spec["reconnect_every"] == 0):
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


def _percentile(ordered: list, q: float) -> float | None:
    """The q-quantile of sorted seconds, in milliseconds (nearest rank)."""
    return ordered[int(q * (len(ordered) - 1))] * 1000 if ordered else None


async def drive(spec: dict) -> dict:
    """Keep every connection of the spec busy through the warm-up and the measured window."""
    stats = {"latencies": [], "errors": {}}
    begin = time.perf_counter() + spec["warmup"]
    window = (begin, begin + spec["duration"])
    plans = [[r.encode("latin-1") for r in conn] for conn in spec["connections"]]
    await asyncio.gather(*(_connection(spec, plan, i * 7, window, stats)
                           for i, plan in enumerate(plans)))
    latencies = sorted(stats["latencies"])
    return {"requests": len(latencies), "rps": len(latencies) / spec["duration"],
            "p50_ms": _percentile(latencies, 0.50), "p99_ms": _percentile(latencies, 0.99),
            "p999_ms": _percentile(latencies, 0.999), "max_ms": _percentile(latencies, 1.0),
            "errors": {str(k): v for k, v in stats["errors"].items()}}


def main() -> int:
    """Read the spec as JSON on stdin, drive the server, print the figures as JSON."""
    print(json.dumps(asyncio.run(drive(json.load(sys.stdin)))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
