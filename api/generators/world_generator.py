"""The world generator without AI: characters, factions, creatures, items and places.

Pure: it draws from the `random.Random` it is given and returns plain data whose cross
references are local refs ("e3", "l7"); the caller gives them ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.text import fold
from generators.name_pools import (CREATURES, EN_EPITHETS, FACTIONS, ITEMS, PEOPLE,
                                   PEOPLE_CROWDED, VI_HONORIFICS, pick)
from generators.place_pools import PLACES, crowded
from generators.trait_pools import (ATTRIBUTE_LABELS, CLIMATES, CURRENCIES, ENTITY_MIX,
                                    FOUNDING_YEARS, GOALS, MATERIALS, OCCUPATIONS, PLACE_WORDS,
                                    POPULATIONS, TEMPERAMENTS, TERRAINS)
from generators.world_ties import join_factions, tie_characters

THEMES = ("fantasy", "sci-fi", "modern", "historical")
# Bounds of the share of Vietnamese per language choice; a mixed world draws its own share.
VI_SHARES = {"vi": (1.0, 1.0), "en": (0.0, 0.0), "mixed": (0.3, 0.7)}
MAP_SIZE = 1000
ATTEMPTS = 200          # draws per pattern before a wider pattern is used


@dataclass
class GeneratedWorld:
    """What the generator made: entity and location dicts linked by local refs."""

    entities: list = field(default_factory=list)
    locations: list = field(default_factory=list)


class NameBook:
    """Names and aliases already used, compared without case or diacritics."""

    def __init__(self):
        self._keys: set[str] = set()

    def claim(self, name: str) -> bool:
        """Take the name if it is still free."""
        key = fold(name)
        if not key or key in self._keys:
            return False
        self._keys.add(key)
        return True

    def draw(self, rng, patterns) -> str:
        """A free name from the first pattern that still yields one."""
        for pattern in patterns:
            for _ in range(ATTEMPTS):
                name = pick(rng, pattern)
                if self.claim(name):
                    return name
        raise RuntimeError("the name pools of the world generator are exhausted")


def generate_world(rng, world_type: str, entities: int, locations: int,
                   language: str = "mixed", labels: str = "vi") -> GeneratedWorld:
    """Entities and locations for a new world of the type (custom picks a theme at random).

    `language` is "vi" or "en" for a world in one language, "mixed" for both; attribute
    names are written in `labels` ("vi" or "en").
    """
    theme = world_type if world_type in THEMES else rng.choice(THEMES)
    generator = _Generator(rng, theme, language)
    places = generator.locations(locations)
    made = generator.entities(entities, places)
    names = ATTRIBUTE_LABELS[labels]
    for entity in made:
        entity["attributes"] = {names[key]: value for key, value in entity["attributes"].items()}
    return GeneratedWorld(entities=made, locations=places)


def _article(word: str) -> str:
    return "an" if word.lower().startswith(("a", "e", "i", "o", "u", "hon", "hour")) else "a"


def _number(value: int, language: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if language == "vi" else text


def _with_refs(places: list[dict]) -> list[dict]:
    """Give each place its ref and point to its parent by ref."""
    for index, place in enumerate(places):
        place["ref"] = f"l{index}"
    for place in places:
        parent = place.pop("parent")
        place["parent_ref"] = parent["ref"] if parent else None
    return places


class _Generator:
    """One world's worth of drawing: its theme, language mix and used names."""

    def __init__(self, rng, theme: str, language: str = "mixed"):
        self.rng = rng
        self.theme = theme
        # A share of 1.0 or 0.0 makes language() answer the one language every time.
        self.vi_share = rng.uniform(*VI_SHARES[language])
        self.entity_names = NameBook()
        self.place_names = NameBook()

    def language(self) -> str:
        """Vietnamese or English for the next thing drawn."""
        return "vi" if self.rng.random() < self.vi_share else "en"

    # places ----------------------------------------------------------------------------------

    def locations(self, count: int) -> list[dict]:
        """Regions, settlements inside them, and landmarks, wilds, waters and buildings."""
        regions = max(1, round(count * 0.12)) if count >= 3 else 0
        settlements = round((count - regions) * 0.5)
        made: list[dict] = []
        for _ in range(regions):
            made.append(self._place("region", None, self._spread_point(made)))
        for _ in range(settlements):
            kind = self.rng.choices(("city", "town", "village"), (1, 2, 3))[0]
            regions_made = [p for p in made if p["location_type"] == "region"]
            made.append(self._nested_place(kind, regions_made))
        for _ in range(count - regions - settlements):
            kind = self.rng.choice(("landmark", "wilderness", "water", "building"))
            made.append(self._nested_place(kind, self._parents_for(kind, made)))
        return _with_refs(made)

    def _parents_for(self, kind: str, made: list[dict]) -> list[dict]:
        wanted = ("city", "town", "village") if kind in ("landmark", "building") else ("region",)
        return [p for p in made if p["location_type"] in wanted] or \
            [p for p in made if p["location_type"] == "region"]

    def _nested_place(self, kind: str, parents: list[dict]) -> dict:
        if not parents:
            return self._place(kind, None, self._spread_point([]))
        parent = self.rng.choice(parents)
        spread = 70 if parent["location_type"] == "region" else 20
        center = parent["coordinates"]
        point = {"x": self._clamp(self.rng.gauss(center["x"], spread)),
                 "y": self._clamp(self.rng.gauss(center["y"], spread))}
        return self._place(kind, parent, point)

    def _spread_point(self, made: list[dict]) -> dict:
        """The best of a few random points: the one farthest from the places made so far."""
        taken = [p["coordinates"] for p in made]
        candidates = [{"x": self._clamp(self.rng.uniform(60, MAP_SIZE - 60)),
                       "y": self._clamp(self.rng.uniform(60, MAP_SIZE - 60))} for _ in range(12)]
        return max(candidates, key=lambda c: min(
            ((c["x"] - t["x"]) ** 2 + (c["y"] - t["y"]) ** 2 for t in taken), default=0))

    @staticmethod
    def _clamp(value: float) -> float:
        return round(min(max(value, 0.0), float(MAP_SIZE)), 1)

    def _place(self, kind: str, parent: dict | None, point: dict) -> dict:
        language = self.language()
        patterns = PLACES[self.theme][language][kind]
        name = self.place_names.draw(self.rng, [patterns, tuple(crowded(language, p)
                                                               for p in patterns)])
        return {"name": name, "aliases": [], "location_type": kind,
                "description": self._place_text(kind, parent, language), "coordinates": point,
                "parent": parent}

    def _place_text(self, kind: str, parent: dict | None, language: str) -> str:
        word = PLACE_WORDS[language][kind]
        climate = self.rng.choice(CLIMATES[language])
        if kind in POPULATIONS:
            people = _number(self.rng.randint(*POPULATIONS[kind]), language)
            if language == "vi":
                return f"Một {word} khoảng {people} dân, khí hậu {climate}."
            return f"{_article(climate).capitalize()} {climate} {word} of about {people} people."
        where = parent["name"] if parent else None
        terrain = self.rng.choice(TERRAINS[language])
        if language == "vi":
            return f"Một {word} ở miền {terrain}" + (f", gần {where}." if where else ".")
        return f"A {word} in {terrain} country" + (f" near {where}." if where else ".")

    # entities --------------------------------------------------------------------------------

    def entities(self, count: int, places: list[dict]) -> list[dict]:
        """Factions, characters, creatures and items, with a few ties between them."""
        plan = self._entity_plan(count)
        factions = [self._faction(places) for _ in range(plan["faction"])]
        characters = [self._character(places) for _ in range(plan["character"])]
        creatures = [self._creature(places) for _ in range(plan["creature"])]
        items = [self._item() for _ in range(plan["item"])]
        tie_characters(self.rng, characters)
        join_factions(self.rng, characters, factions)
        for character in characters:
            character["description"] = self._character_text(character)
        made = factions + characters + creatures + items
        for index, entity in enumerate(made):
            entity["ref"] = f"e{index}"
        for entity in made:
            del entity["language"]
            entity["relationships"] = [{"target_ref": r["target"]["ref"], "type": r["type"],
                                        "label": ""} for r in entity.pop("ties")]
        return made

    def _entity_plan(self, count: int) -> dict:
        plan = {"faction": 0, "creature": 0, "item": 0}
        if count >= 4:
            plan.update({kind: round(count * share)
                         for kind, share in ENTITY_MIX[self.theme].items()})
        plan["character"] = count - sum(plan.values())
        return plan

    def _entity(self, name: str, kind: str, language: str, attributes: dict,
                description: str = "") -> dict:
        return {"name": name, "aliases": [], "entity_type": kind, "description": description,
                "attributes": attributes, "language": language, "ties": []}

    def _character(self, places: list[dict]) -> dict:
        language, gender = self.language(), self.rng.choice((0, 1))
        name = self.entity_names.draw(self.rng, [PEOPLE[self.theme][language][gender],
                                                 PEOPLE_CROWDED[language][gender]])
        attributes = {"age": int(self.rng.triangular(16, 85, 30)),
                      "occupation": self.rng.choice(OCCUPATIONS[self.theme][language]),
                      "temperament": self.rng.choice(TEMPERAMENTS[language])}
        homes = [p["name"] for p in places if p["location_type"] in POPULATIONS]
        if homes:
            attributes["home"] = self.rng.choice(homes)
        character = self._entity(name, "character", language, attributes)
        character["aliases"] = self._aliases(name, language, gender, attributes["age"])
        return character

    def _aliases(self, name: str, language: str, gender: int, age: int) -> list[str]:
        if self.rng.random() > 0.35:
            return []
        words = name.split()
        if language == "vi":
            band = "old" if age >= 50 else "young"
            template = self.rng.choice(VI_HONORIFICS[(band, "mf"[gender])])
            alias = template.format(given=words[-1])
        else:
            template = self.rng.choice(EN_EPITHETS[self.theme])
            alias = template.format(given=words[0], initial=words[-1][0])
        return [alias] if self.entity_names.claim(alias) else []

    def _character_text(self, character: dict) -> str:
        attributes, language = character["attributes"], character["language"]
        home, faction = attributes.get("home"), attributes.get("faction")
        if language == "vi":
            text = f"{attributes['occupation'].capitalize()} {attributes['temperament']}, " \
                   f"{attributes['age']} tuổi"
            text += f", quê ở {home}" if home else ""
            return text + (f", thuộc {faction}." if faction else ".")
        temperament = attributes["temperament"]
        text = f"{_article(temperament).capitalize()} {temperament} " \
               f"{attributes['occupation']}, {attributes['age']} years old"
        text += f", from {home}" if home else ""
        return text + (f", sworn to {faction}." if faction else ".")

    def _faction(self, places: list[dict]) -> dict:
        language = self.language()
        name = self.entity_names.draw(self.rng, [FACTIONS[self.theme][language]])
        founded = self.rng.randint(*FOUNDING_YEARS[self.theme])
        goal = self.rng.choice(GOALS[language])
        attributes = {"founded": founded, "members": self.rng.randint(12, 5000), "goal": goal}
        seats = [p["name"] for p in places if p["location_type"] in ("city", "town")]
        if seats:
            attributes["seat"] = self.rng.choice(seats)
        text = (f"Một tổ chức thành lập năm {founded}, với mục tiêu {goal}." if language == "vi"
                else f"A faction founded in the year {founded}, sworn to {goal}.")
        return self._entity(name, "faction", language, attributes, text)

    def _creature(self, places: list[dict]) -> dict:
        language = self.language()
        name = self.entity_names.draw(self.rng, [CREATURES[self.theme][language]])
        wilds = [p["name"] for p in places if p["location_type"] in ("wilderness", "water")]
        habitat = self.rng.choice(wilds or TERRAINS[language])
        danger = self.rng.randint(1, 10)
        text = (f"Sinh vật sống ở {habitat}, mức nguy hiểm {danger}/10." if language == "vi"
                else f"A creature found in {habitat}, rated {danger}/10 for danger.")
        return self._entity(name, "creature", language, {"habitat": habitat, "danger": danger},
                            text)

    def _item(self) -> dict:
        language = self.language()
        name = self.entity_names.draw(self.rng, [ITEMS[self.theme][language]])
        material = self.rng.choice(MATERIALS[self.theme][language])
        value = self.rng.randint(5, 50_000)
        currency = CURRENCIES[self.theme][0 if language == "vi" else 1]
        text = (f"Một vật quý làm bằng {material}, trị giá {_number(value, language)} {currency}."
                if language == "vi" else
                f"Made of {material}, worth {_number(value, language)} {currency}.")
        return self._entity(name, "item", language,
                            {"material": material, "value": value, "currency": currency}, text)
