"""The world generator: POST /api/worlds with `generate` fills the world from templates."""

import random
import re

import pytest

from core.models import Entity, Location, World
from core.relationships import inverse_of
from core.text import fold
from generators.name_pools import (CREATURES, EN_EPITHETS, FACTIONS, ITEMS, PEOPLE,
                                   PEOPLE_CROWDED, VI_FAMILY, VI_HONORIFICS, Compose)
from generators.place_pools import PLACES, crowded
from generators.trait_pools import (ATTRIBUTE_LABELS, CLIMATES, CURRENCIES, GOALS, MATERIALS,
                                    OCCUPATIONS, PLACE_WORDS, TEMPERAMENTS, TERRAINS)
from generators.world_generator import THEMES, generate_world
from tests.api.helpers import assert_error, assert_ok
from tests.builders import count, make_user

NUMBERED = re.compile(r"\d")
WORLD_TYPES = (*THEMES, "custom")
OTHER = {"vi": "en", "en": "vi"}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The words the description templates put around names, numbers and traits.
FRAMES = {
    "vi": set("một khoảng dân khí hậu ở miền gần tuổi quê thuộc tổ chức thành lập năm với mục "
              "tiêu sinh vật sống mức nguy hiểm quý làm bằng trị giá".split()),
    "en": set("a an of about people in country near years old from sworn to faction founded the "
              "year creature found rated for danger made worth".split()),
}


@pytest.fixture
def writer(backend):
    return make_user(backend, "user", "writer")


def _generate(client, headers, entities=0, locations=0, language=None, **fields) -> dict:
    generate = {"entities": entities, "locations": locations}
    if language:
        generate["language"] = language
    body = {"name": "Generated", **fields, "generate": generate}
    return assert_ok(client.post("/api/worlds", headers=headers, json=body), 201)["world"]


def _stored(backend, model_cls, world_id: str) -> list:
    query = {Entity: backend.storage.entities_of_world,
             Location: backend.storage.locations_of_world}[model_cls]
    return query(world_id).items


def _regex(part) -> str:
    """A regular expression for every name a pool part (text, choices or Compose) can yield."""
    if isinstance(part, str):
        return re.escape(part)
    if isinstance(part, Compose):
        return re.escape(part.joiner).join(_regex(p) for p in part.parts)
    return "(?:" + "|".join(_regex(p) for p in part) + ")"


def _names_of(language: str) -> re.Pattern:
    """Every name the pools of the language can yield, for any world type."""
    parts = [*PEOPLE_CROWDED[language]]
    for theme in THEMES:
        parts += [*PEOPLE[theme][language], FACTIONS[theme][language]]
        parts += [pool[theme][language] for pool in (CREATURES, ITEMS) if theme in pool]
        for patterns in PLACES[theme][language].values():
            parts += [*patterns, *(crowded(language, p) for p in patterns)]
    return re.compile(_regex(tuple(parts)))


def _aliases_of(name: str, language: str) -> set[str]:
    """The aliases a character of the name may get in the language."""
    words = name.split()
    if language == "vi":
        return {t.format(given=words[-1]) for forms in VI_HONORIFICS.values() for t in forms}
    return {t.format(given=words[0], initial=words[-1][0])
            for forms in EN_EPITHETS.values() for t in forms}


def _traits_of(language: str) -> set[str]:
    """Every trait value of the language: occupations, temperaments, goals, materials..."""
    values = {*TEMPERAMENTS[language], *GOALS[language], *CLIMATES[language],
              *TERRAINS[language], *(c[("vi", "en").index(language)] for c in CURRENCIES.values())}
    for pool in (OCCUPATIONS, MATERIALS):
        values.update(v for by_language in pool.values() for v in by_language[language])
    return values


def _stray_words(text: str, names: list[str], vocabulary: set[str]) -> list[str]:
    """The words of a text that are neither in a generated name nor in the vocabulary."""
    for name in names:
        text = text.replace(name, " ")
    return [word for word in WORD.findall(text) if word.lower() not in vocabulary]


def test_generated_world_has_the_counts_asked_for(backend, client, writer):
    world = _generate(client, writer[1], entities=40, locations=15)
    assert world["counts"] == {"stories": 0, "entities": 40, "locations": 15, "events": 0}
    listed = assert_ok(client.get(f"/api/worlds/{world['world_id']}/entities?page_size=100",
                                  headers=writer[1]))
    assert listed["total"] == 40
    assert {e["source"]["kind"] for e in listed["items"]} == {"user"}


@pytest.mark.parametrize("world_type", ["fantasy", "sci-fi", "modern", "historical", "custom"])
def test_every_world_type_has_templates(backend, client, writer, world_type):
    world = _generate(client, writer[1], entities=30, locations=12, world_type=world_type)
    entities = _stored(backend, Entity, world["world_id"])
    assert len(entities) == 30 and len(_stored(backend, Location, world["world_id"])) == 12
    assert {e.source["generator"] for e in entities} == {world_type}
    assert "character" in {e.entity_type for e in entities}
    assert len({e.entity_type for e in entities}) >= 2


def test_names_never_repeat_within_a_world_without_case_or_diacritics(backend, client, writer):
    world = _generate(client, writer[1], entities=200, locations=100)
    entity_keys = [fold(n) for e in _stored(backend, Entity, world["world_id"])
                   for n in [e.name, *e.aliases]]
    place_keys = [fold(p.name) for p in _stored(backend, Location, world["world_id"])]
    assert len(entity_keys) == len(set(entity_keys)) and len(entity_keys) >= 200
    assert len(place_keys) == len(set(place_keys)) == 100


def test_vietnamese_and_english_names_both_appear(backend, client, writer):
    names = [e.name for _ in range(3)
             for e in _stored(backend, Entity,
                                _generate(client, writer[1], 60, language="mixed")["world_id"])
             if e.entity_type == "character"]
    vietnamese = [n for n in names if n.split()[0] in VI_FAMILY]
    english = [n for n in names if n.isascii()]
    assert vietnamese and english
    assert any(fold(n) != n.lower() for n in vietnamese), "Vietnamese names keep their diacritics"


def test_names_never_degrade_to_numbered_placeholders(backend, writer):
    owner = writer[0]
    for index in range(30):
        world = backend.world_service.create_world(owner, {
            "name": f"World {index}", "world_type": ("fantasy", "sci-fi", "modern")[index % 3],
            "generate": {"entities": 200, "locations": 100}}).model
        entities = _stored(backend, Entity, world.world_id)
        places = _stored(backend, Location, world.world_id)
        assert len(entities) == 200 and len(places) == 100
        names = [n for e in entities for n in [e.name, *e.aliases]] + [p.name for p in places]
        assert not [n for n in names if NUMBERED.search(n)]
        assert len({fold(e.name) for e in entities}) == 200


def test_characters_and_places_have_plausible_attributes(backend, client, writer):
    world = _generate(client, writer[1], entities=80, locations=40, language="en")
    characters = [e for e in _stored(backend, Entity, world["world_id"])
                  if e.entity_type == "character"]
    assert all(16 <= c.attributes["age"] <= 85 and c.attributes["occupation"]
               and c.attributes["temperament"] and c.description for c in characters)
    places = {p.location_id: p for p in _stored(backend, Location, world["world_id"])}
    assert all(0 <= p.coordinates["x"] <= 1000 and 0 <= p.coordinates["y"] <= 1000
               for p in places.values())
    nested = [p for p in places.values() if p.parent_location_id]
    assert nested and all(p.parent_location_id in places for p in nested)
    spread = {(round(p.coordinates["x"], -2), round(p.coordinates["y"], -2))
              for p in places.values()}
    assert len(spread) >= 8, "places are spread over the map"


def test_generated_relationships_are_mirrored(backend, client, writer):
    world = _generate(client, writer[1], entities=60, locations=5)
    entities = {e.entity_id: e for e in _stored(backend, Entity, world["world_id"])}
    ties = [(e.entity_id, r["target_entity_id"], r["type"])
            for e in entities.values() for r in e.relationships]
    assert len([t for t in ties if entities[t[0]].entity_type == entities[t[1]].entity_type
                == "character"]) >= 2
    for source, target, kind in ties:
        assert (target, source, inverse_of(kind)) in set(ties)
    some = next(e for e in entities.values() if e.relationships)
    detail = assert_ok(client.get(f"/api/worlds/{world['world_id']}/entities/{some.entity_id}",
                                  headers=writer[1]))["entity"]
    assert all(r["target_name"] for r in detail["relationships"])


@pytest.mark.parametrize("generate, field", [
    ({"entities": 201}, "generate.entities"), ({"locations": 101}, "generate.locations"),
    ({"entities": -1}, "generate.entities"), ({"entities": "many"}, "generate.entities"),
    ({"characters": 3}, "generate.characters"), ({"language": "fr"}, "generate.language"),
    ({"language": "VI"}, "generate.language"),
])
def test_generator_limits_answer_2001_and_create_nothing(backend, client, writer, generate, field):
    body = assert_error(client.post("/api/worlds", headers=writer[1], json={
        "name": "Too big", "generate": generate}), 400, "2001")
    assert field in body["data"]["fields"]
    assert count(backend, World) == 0


def test_the_generator_is_pure_and_random_per_world():
    first = generate_world(random.Random(7), "fantasy", 50, 20)
    again = generate_world(random.Random(7), "fantasy", 50, 20)
    other = generate_world(random.Random(8), "fantasy", 50, 20)
    assert first == again
    assert [e["name"] for e in first.entities] != [e["name"] for e in other.entities]


@pytest.mark.parametrize("world_type", WORLD_TYPES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_one_language_world_has_every_name_trait_and_description_in_it(
        backend, client, writer, language, world_type):
    world = _generate(client, writer[1], 200, 100, language=language, world_type=world_type)
    entities = _stored(backend, Entity, world["world_id"])
    places = _stored(backend, Location, world["world_id"])
    names = sorted((item.name for item in entities + places), key=len, reverse=True)
    own, other = _names_of(language), _names_of(OTHER[language])
    assert [n for n in names if not own.fullmatch(n)] == []
    assert [n for n in names if other.fullmatch(n)] == []
    assert [e.name for e in entities if not set(e.aliases) <= _aliases_of(e.name, language)] == []
    traits = _traits_of(language)
    assert [v for e in entities for v in e.attributes.values()
            if isinstance(v, str) and v not in traits and v not in names] == []
    labels = set(ATTRIBUTE_LABELS[language].values())
    assert {k for e in entities for k in e.attributes} - labels == set()
    words = traits | set(PLACE_WORDS[language].values())
    vocabulary = FRAMES[language] | {w.lower() for text in words for w in WORD.findall(text)}
    texts = [item.description for item in entities + places]
    assert all(texts)
    assert [t for t in texts if _stray_words(t, names, vocabulary)] == []


@pytest.mark.parametrize("world_type", WORLD_TYPES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_one_language_world_of_maximum_size_never_repeats_a_name(language, world_type):
    for seed in range(5):
        made = generate_world(random.Random(seed), world_type, 200, 100, language)
        entity_keys = [fold(n) for e in made.entities for n in [e["name"], *e["aliases"]]]
        assert len(made.entities) == 200 and len(entity_keys) == len(set(entity_keys))
        assert len({fold(p["name"]) for p in made.locations}) == len(made.locations) == 100


def test_mixed_is_the_default_language():
    assert generate_world(random.Random(7), "modern", 40, 10) == \
        generate_world(random.Random(7), "modern", 40, 10, "mixed")


def _attribute_names(backend, world_id: str) -> set[str]:
    return {key for e in _stored(backend, Entity, world_id) for key in e.attributes}


ENGLISH_NAMES = set(ATTRIBUTE_LABELS["en"].values())
VIETNAMESE_NAMES = set(ATTRIBUTE_LABELS["vi"].values())


@pytest.mark.parametrize("world_type", WORLD_TYPES)
def test_a_vietnamese_world_gets_vietnamese_attribute_names_by_default(backend, client, writer,
                                                                        world_type):
    world = _generate(client, writer[1], 120, 30, world_type=world_type)
    assert world["language"] == "vi"
    names = _attribute_names(backend, world["world_id"])
    assert {"tuổi", "nghề nghiệp", "tính cách"} <= names
    assert names <= VIETNAMESE_NAMES and not names & ENGLISH_NAMES
    entities = _stored(backend, Entity, world["world_id"])
    assert not [e.name for e in entities if _names_of("en").fullmatch(e.name)]


@pytest.mark.parametrize("world_type", WORLD_TYPES)
def test_an_english_world_gets_english_attribute_names_and_content(backend, client, writer,
                                                                    world_type):
    body = {"name": "English", "language": "en", "world_type": world_type,
            "generate": {"entities": 120, "locations": 30}}
    world = assert_ok(client.post("/api/worlds", headers=writer[1], json=body), 201)["world"]
    assert world["language"] == "en"
    names = _attribute_names(backend, world["world_id"])
    assert {"age", "occupation", "temperament"} <= names
    assert names <= ENGLISH_NAMES and not names & VIETNAMESE_NAMES
    entities = _stored(backend, Entity, world["world_id"])
    assert not [e.name for e in entities if _names_of("vi").fullmatch(e.name)]


def test_a_mixed_world_names_attributes_in_the_world_language(backend, client, writer):
    body = {"name": "Both", "language": "en",
            "generate": {"entities": 80, "locations": 20, "language": "mixed"}}
    world = assert_ok(client.post("/api/worlds", headers=writer[1], json=body), 201)["world"]
    assert _attribute_names(backend, world["world_id"]) <= ENGLISH_NAMES
