"""A Python client generated from /apispec.json by openapi-python-client works against a real
server: it registers, creates a world and a story, reads the story and downloads an export."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest
import requests

from tests.support.server import serving

SECRET = "generated-client-secret-that-is-long-enough-0123456789"


@pytest.fixture(params=["tinydb", "postgresql"])
def server(request, tmp_path):
    """A `python run.py` process on loopback, on each storage backend; stopped afterwards."""
    with serving(tmp_path / "data", request.param,
                 {"JWT_SECRET": SECRET, "LOG_LEVEL": "WARNING"}) as process:
        yield process


@pytest.fixture
def generated(server, tmp_path, monkeypatch):
    """The client package generated from the running server's spec, imported."""
    spec = tmp_path / "apispec.json"
    spec.write_text(json.dumps(requests.get(server.url("/apispec.json"), timeout=10).json()))
    out = tmp_path / "client"
    run = subprocess.run(["openapi-python-client", "generate", "--path", str(spec),
                          "--output-path", str(out), "--meta", "none"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Warning" not in run.stdout + run.stderr, run.stdout + run.stderr
    monkeypatch.syspath_prepend(str(tmp_path))
    name = out.name
    for module in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
        del sys.modules[module]
    return name


def _module(package: str, path: str):
    return importlib.import_module(f"{package}.{path}")


def test_a_generated_client_registers_writes_reads_and_exports(server, generated):
    client_module = _module(generated, "client")
    models = _module(generated, "models")
    register = _module(generated, "api.auth.register")
    create_world = _module(generated, "api.worlds.create_world")
    create_story = _module(generated, "api.stories.create_story")
    get_story = _module(generated, "api.stories.get_story")
    export_world = _module(generated, "api.transfer.export_world")

    base = server.url("").rstrip("/")
    anonymous = client_module.Client(base_url=base, raise_on_unexpected_status=True)
    session = register.sync(client=anonymous, body=models.UserRegister(
        username="lan.nguyen", email="lan@example.com", password="correct horse battery"))
    assert isinstance(session, models.RegisterResponse201), session
    token = session.data.token
    signed_in = client_module.AuthenticatedClient(base_url=base, token=token,
                                                  raise_on_unexpected_status=True)

    world = create_world.sync(client=signed_in, body=models.WorldCreate(
        name="Đại Việt", description="Sông Hồng.")).data.world
    story = create_story.sync(client=signed_in, body=models.StoryCreate(
        world_id=world.world_id, title="Chiếu dời đô", content="Trẫm muốn dời đô.")).data.story
    assert story.title == "Chiếu dời đô"

    read = get_story.sync(story.story_id, client=signed_in).data.story
    assert (read.title, read.content, read.world_id) == \
        ("Chiếu dời đô", "Trẫm muốn dời đô.", world.world_id)

    bundle = export_world.sync(world.world_id, client=signed_in)
    assert isinstance(bundle, models.WorldBundle), bundle
    assert bundle.world.name == "Đại Việt"
    assert [s.title for s in bundle.stories] == ["Chiếu dời đô"]

