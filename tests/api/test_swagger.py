"""The published spec documents every API route, its body, its auth and its errors."""

import re

from interfaces.schemas.outputs import SessionOut, WorldEnvelopeOut
from tests.api.helpers import assert_ok
from tests.builders import make_user


def _operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_api_route_is_documented(app, client):
    spec = client.get("/apispec.json").get_json()
    documented = {(path, method) for path, method, _ in _operations(spec)}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or rule.rule.startswith("/api/docs"):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method.lower()) in documented, (path, method)


def test_operations_list_their_errors_bodies_and_security(client):
    spec = client.get("/apispec.json").get_json()
    create = spec["paths"]["/api/worlds"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/WorldCreate")
    assert create["security"] == [{"bearerAuth": []}]
    shared = spec["components"]["responses"]

    def described(answer: dict) -> str:
        """A response's description, following its reference to the shared error responses."""
        if "$ref" in answer:
            answer = shared[answer["$ref"].rsplit("/", 1)[1]]
        return answer["description"]
    listed = " ".join(described(r) for r in create["responses"].values())
    for code in ("0001", "1001", "1004", "2001", "2002", "2003", "2006", "5001"):
        assert code in listed
    assert "WorldCreate" in spec["components"]["schemas"]
    assert "3001" in described(spec["paths"]["/api/worlds/{world_id}"]["get"]["responses"]["404"])
    assert all(answer["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorEnvelope")
               for answer in shared.values())
    assert {p["name"] for p in spec["paths"]["/api/worlds"]["get"]["parameters"]} >= {
        "page", "page_size", "q", "scope"}
    assert "| 5002 |" in spec["info"]["description"]


def test_docs_ui_is_served(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200 and b"swagger" in response.data.lower()


def test_documented_response_models_match_real_responses(backend, client):
    session = assert_ok(client.post("/api/auth/register", json={
        "username": "doc", "email": "doc@example.com", "password": "documented"}), 201)
    SessionOut.model_validate(session)
    _, headers = make_user(backend, "user", "doc2")
    world = assert_ok(client.post("/api/worlds", headers=headers, json={"name": "W"}), 201)
    WorldEnvelopeOut.model_validate(world)


def test_the_spec_passes_the_openapi_30_validator(client):
    from openapi_spec_validator import OpenAPIV30SpecValidator
    spec = client.get("/apispec.json").get_json()
    problems = [f"{'/'.join(map(str, e.path))}: {e.message[:200]}"
                for e in OpenAPIV30SpecValidator(spec).iter_errors()]
    assert problems == []


def test_every_operation_has_a_unique_id_named_after_its_handler(app, client):
    spec = client.get("/apispec.json").get_json()
    ids = {(path, method): operation.get("operationId")
           for path, methods in spec["paths"].items()
           for method, operation in methods.items() if isinstance(operation, dict)}
    assert None not in ids.values() and len(set(ids.values())) == len(ids)
    assert ids[("/api/stories", "post")] == "create_story"
    assert ids[("/api/gpt/results/{task_id}", "get")] == "get_result"
