"""The Swagger UI works offline (nothing from another host, no script error) and every request
body in the spec carries an example that is a valid body."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import shutil
import subprocess
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

import interfaces.schemas

backend_kinds = ["memory"]          # the spec and the page do not depend on storage


class _Page(HTMLParser):
    """The addresses a page makes the browser load, and its inline scripts."""

    def __init__(self):
        super().__init__()
        self.addresses: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href", "srcset", "data", "poster", "action"):
            if attrs.get(name):
                self.addresses.append(attrs[name])
        self._in_script = tag == "script" and not attrs.get("src")
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _off_host(address: str) -> bool:
    parts = urlsplit(address)
    return bool(parts.scheme and parts.scheme not in ("data",)) or bool(parts.netloc) \
        or address.startswith("//")


def _page(client) -> tuple[str, _Page]:
    response = client.get("/api/docs/")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    page = _Page()
    page.feed(text)
    return text, page


def test_the_docs_page_and_its_assets_come_from_this_server_only(client):
    text, page = _page(client)
    assert page.addresses, "the page loads its scripts and styles"
    assert [a for a in page.addresses if _off_host(a)] == []
    assert not re.search(r"https?://", text), "no address of another host in the page at all"
    for address in page.addresses:
        asset = client.get(address)
        assert asset.status_code == 200 and asset.get_data(), address
        if address.endswith(".css"):
            urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", asset.get_data(as_text=True))
            assert [u for u in urls if _off_host(u)] == [], address
        asset.close()


def test_the_docs_page_turns_the_online_validator_off(client):
    text, _ = _page(client)
    assert re.search(r"validatorUrl:\s*null", text)
    assert "fonts.googleapis" not in text and "jquery" not in text.lower()


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_page_script_runs_without_error_and_loads_our_spec(client):
    _, page = _page(client)
    script = "\n".join(page.scripts)
    harness = """
const calls = []; const listeners = {};
globalThis.window = globalThis;
window.addEventListener = (name, fn) => { listeners[name] = fn; };
window.SwaggerUIBundle = (config) => { calls.push(config); return {}; };
SwaggerUIBundle.presets = { apis: 'apis' }; SwaggerUIBundle.plugins = { DownloadUrl: 'dl' };
window.SwaggerUIStandalonePreset = 'preset';
""" + script + """
listeners.load();
process.stdout.write(JSON.stringify(calls.map(c => ({url: c.url, validatorUrl: c.validatorUrl,
                                                     dom: c.dom_id}))));
"""
    result = subprocess.run(["node", "-e", harness], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"url": "/apispec.json", "validatorUrl": None,
                                          "dom": "#swagger-ui"}]


def _body_models() -> dict:
    """Every pydantic model of interfaces/schemas, by name."""
    models = {}
    for info in pkgutil.iter_modules(interfaces.schemas.__path__):
        module = importlib.import_module(f"interfaces.schemas.{info.name}")
        models.update({name: value for name, value in vars(module).items()
                       if isinstance(value, type) and hasattr(value, "model_validate")})
    return models


def _request_bodies(spec: dict):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "body":
                    yield f"{method.upper()} {path}", parameter.get("schema", {}), parameter
            for media in (operation.get("requestBody") or {}).get("content", {}).values():
                yield f"{method.upper()} {path}", media.get("schema", {}), media


def _resolve(spec: dict, schema: dict) -> tuple[str | None, dict]:
    ref = schema.get("$ref")
    if not ref:
        return None, schema
    name = ref.rsplit("/", 1)[-1]
    return name, spec["components"]["schemas"][name]


def _example(spec, schema, holder):
    name, resolved = _resolve(spec, schema)
    for source in (holder, schema, resolved):
        if "example" in source:
            return name, source["example"]
    return name, None


def test_every_request_body_in_the_spec_has_an_example(client):
    spec = client.get("/apispec.json").get_json()
    bodies = list(_request_bodies(spec))
    assert len(bodies) >= 15
    missing = [where for where, schema, holder in bodies if schema.get("format") != "binary"
               and _example(spec, schema, holder)[1] is None]
    assert missing == [], "every JSON body has one (a file's bytes need none)"


def test_every_request_body_example_is_a_body_the_api_accepts(client):
    spec = client.get("/apispec.json").get_json()
    models = _body_models()
    for where, schema, holder in _request_bodies(spec):
        if schema.get("format") == "binary":
            continue
        name, example = _example(spec, schema, holder)
        model = models[name]
        parsed = model.model_validate(example)
        if hasattr(parsed, "problems"):
            assert parsed.problems() == ({}, {}), where


def test_every_required_field_of_a_schema_is_described(client):
    """A field called `title` once vanished from the spec: JSON Schema titles were dropped."""
    spec = client.get("/apispec.json").get_json()
    undescribed = {name: sorted(set(schema.get("required", ())) - set(schema["properties"]))
                   for name, schema in spec["components"]["schemas"].items()
                   if "properties" in schema}
    assert {name: fields for name, fields in undescribed.items() if fields} == {}
    assert "title" in spec["components"]["schemas"]["StoryCreate"]["properties"]
