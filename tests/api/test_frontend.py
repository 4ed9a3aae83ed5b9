"""The web app's files: precompressed twins, the index fallback, robots.txt, unknown /api paths."""

from __future__ import annotations

import gzip

import pytest

from tests.api.helpers import assert_error
from tests.conftest import build_backend

# The server never decodes a twin; a stand-in for brotli keeps the test free of the library.
def fake_brotli(raw: bytes) -> bytes:
    return b"BR" + raw[::-1]


def unfake_brotli(data: bytes) -> bytes:
    assert data.startswith(b"BR")
    return data[2:][::-1]


INDEX = "<!doctype html><html><head><title>Storyloom</title></head><body>" + "app " * 300
SCRIPT = "export const words = [" + ", ".join(f'"word{i}"' for i in range(500)) + "];\n"
STYLE = "body { color: black; }\n" * 200


@pytest.fixture
def dist(tmp_path):
    """A built app: index.html and hashed assets, each with .br and .gz twins; a png without."""
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    files = {"index.html": INDEX, "assets/app-1a2b3c.js": SCRIPT,
             "assets/app-1a2b3c.css": STYLE}
    for name, text in files.items():
        raw = text.encode()
        (root / name).write_bytes(raw)
        (root / f"{name}.br").write_bytes(fake_brotli(raw))
        (root / f"{name}.gz").write_bytes(gzip.compress(raw))
    (root / "assets" / "only-gz.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "assets" / "only-gz.svg.gz").write_bytes(gzip.compress(
        b"<svg xmlns='http://www.w3.org/2000/svg'/>"))
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return root


@pytest.fixture
def web(tmp_path, dist):
    backend = build_backend(tmp_path, "memory", frontend_dist=str(dist))
    yield backend.app.test_client()
    backend.close()


def decoded(response) -> bytes:
    body = response.get_data()
    coding = response.headers.get("Content-Encoding")
    return {"br": unfake_brotli, "gzip": gzip.decompress}.get(coding, lambda b: b)(body)


@pytest.mark.parametrize("accept, coding", [
    ("br, gzip", "br"), ("gzip, deflate, br;q=0.5", "br"), ("gzip", "gzip"),
    ("br;q=0, gzip", "gzip"), ("br;q=0, *", "gzip"), ("*", "br"), ("identity", None),
    ("", None), ("br;q=0, gzip;q=0", None), ("*;q=0", None), ("x-gzip", "gzip"),
    ("BR;Q=1.0", "br"), ("br;q=oops, gzip", "gzip")])
@pytest.mark.parametrize("path", ["/assets/app-1a2b3c.js", "/assets/app-1a2b3c.css"])
def test_an_asset_comes_as_the_best_twin_the_client_accepts(web, dist, path, accept, coding):
    response = web.get(path, headers={"Accept-Encoding": accept})
    plain = web.get(path, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == coding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert response.headers["Content-Type"] == plain.headers["Content-Type"]
    # Saved from the browser, a twin keeps the file's own name, not app.js.br.
    assert response.headers.get("Content-Disposition") == plain.headers.get("Content-Disposition")
    assert response.headers["Content-Type"].startswith(
        "text/javascript" if path.endswith(".js") else "text/css")
    assert int(response.headers["Content-Length"]) == len(response.get_data())
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert decoded(response) == (dist / path.lstrip("/")).read_bytes()


def test_a_gzip_only_twin_serves_gzip_to_a_brotli_client(web):
    response = web.get("/assets/only-gz.svg", headers={"Accept-Encoding": "br, gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Content-Type"].startswith("image/svg+xml")
    only_br = web.get("/assets/only-gz.svg", headers={"Accept-Encoding": "br"})
    assert "Content-Encoding" not in only_br.headers
    assert only_br.get_data().startswith(b"<svg")


def test_a_file_without_twins_is_sent_as_is_without_vary(web, dist):
    response = web.get("/logo.png", headers={"Accept-Encoding": "br, gzip"})
    assert response.status_code == 200 and "Content-Encoding" not in response.headers
    assert "Accept-Encoding" not in response.headers.get("Vary", "")
    assert response.get_data() == (dist / "logo.png").read_bytes()


@pytest.mark.parametrize("path", ["/", "/worlds/abc/characters", "/index.html"])
def test_the_index_and_the_app_fallback_are_precompressed_and_not_cached(web, path):
    response = web.get(path, headers={"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert response.headers["Cache-Control"] == "no-cache"
    assert decoded(response).decode() == INDEX


def test_head_answers_the_headers_of_the_twin_without_a_body(web):
    get = web.get("/assets/app-1a2b3c.js", headers={"Accept-Encoding": "gzip"})
    head = web.head("/assets/app-1a2b3c.js", headers={"Accept-Encoding": "gzip"})
    assert head.status_code == 200 and head.get_data() == b""
    for name in ("Content-Encoding", "Content-Type", "Content-Length", "Vary", "ETag"):
        assert head.headers[name] == get.headers[name]


def test_a_range_request_gets_a_range_of_the_encoded_twin(web):
    full = web.get("/assets/app-1a2b3c.js", headers={"Accept-Encoding": "br"})
    part = web.get("/assets/app-1a2b3c.js", headers={"Accept-Encoding": "br",
                                                     "Range": "bytes=0-9"})
    assert part.status_code == 206 and part.headers["Content-Encoding"] == "br"
    assert part.get_data() == full.get_data()[:10]
    assert part.headers["Content-Range"] == f"bytes 0-9/{len(full.get_data())}"
    assert part.headers["Content-Length"] == "10"


def test_twins_have_their_own_etags_and_revalidate(web):
    br = web.get("/assets/app-1a2b3c.css", headers={"Accept-Encoding": "br"})
    gz = web.get("/assets/app-1a2b3c.css", headers={"Accept-Encoding": "gzip"})
    assert br.headers["ETag"] != gz.headers["ETag"]
    again = web.get("/assets/app-1a2b3c.css", headers={"Accept-Encoding": "br",
                                                       "If-None-Match": br.headers["ETag"]})
    assert again.status_code == 304


def test_paths_cannot_leave_the_dist_folder(web, tmp_path):
    (tmp_path / "secret.txt").write_text("do not serve")
    response = web.get("/../secret.txt")
    assert b"do not serve" not in decoded(response)


def test_robots_txt_keeps_crawlers_out_of_the_api_and_private_pages(web):
    response = web.get("/robots.txt")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow")}
    assert {"/api/", "/admin", "/profile", "/*/edit", "/*/new", "/worlds/new"} <= disallowed
    assert "Allow: /" in lines
    assert not any(line.lower().startswith("sitemap") for line in lines)
    assert "<html" not in response.get_data(as_text=True)


def test_robots_txt_is_served_without_a_built_app(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("path", ["/api/no/such/route", "/api", "/api/worlds/w1/nonsense",
                                  "/api/health/extra", "/api//health", "/api/worlds//export"])
def test_unknown_api_paths_answer_an_enveloped_404_for_every_method(web, method, path):
    response = getattr(web, method)(path)
    assert_error(response, 404, "3001")
    assert response.mimetype == "application/json"


def test_unknown_api_paths_answer_404_to_head_without_the_app_page(web):
    response = web.head("/api/no/such/route")
    assert response.status_code == 404 and response.mimetype == "application/json"


def test_a_known_route_with_a_wrong_method_still_answers_405(web):
    assert_error(web.patch("/api/worlds"), 405, "2005")
    assert_error(web.post("/api/worlds/w1"), 405, "2005")


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "TRACE", "PATCH"])
def test_a_post_only_route_answers_405_listing_only_its_own_methods(web, method):
    """The web app's catch-all once made GET /api/auth/login a 404 and put GET in its Allow."""
    response = web.open("/api/auth/login", method=method)
    assert_error(response, 405, "2005")
    assert set(response.headers["Allow"].split(", ")) == {"POST", "OPTIONS"}


def test_options_on_an_api_route_lists_only_its_methods(web):
    allowed = web.options("/api/auth/login").headers["Allow"].split(", ")
    assert set(allowed) == {"POST", "OPTIONS"}
    assert set(web.options("/api/worlds").headers["Allow"].split(", ")) == \
        {"GET", "HEAD", "POST", "OPTIONS"}


def test_a_twin_asked_for_by_name_is_an_opaque_file_not_mislabelled_text(web, dist):
    response = web.get("/assets/app-1a2b3c.js.gz", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.mimetype == "application/octet-stream"
    assert "Content-Encoding" not in response.headers
    assert response.get_data() == (dist / "assets" / "app-1a2b3c.js.gz").read_bytes()
