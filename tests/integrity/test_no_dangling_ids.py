"""Random sequences of creates, links and deletes never leave an id pointing to nothing."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from core.models import Entity, Event, Location, Story, World
from core.relationships import RELATIONSHIP_TYPES, inverse_of
from core.clock import now_iso
from tests.builders import make_user, store, stored
from tests.conftest import build_backend

NAMES = st.sampled_from(["An", "Bình", "Chi", "Dũng", "Em", "Phúc", "Giang", "Hà", "Khoa"])


class WorldModel(RuleBasedStateMachine):
    """Drives the services at random; the invariant walks the whole database."""

    @initialize()
    def start(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.backend = build_backend(self.tmp, "memory")
        self.user, _ = make_user(self.backend, "user", "owner")
        self.counter = 0

    def teardown(self):
        self.backend.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _all(self, model):
        return stored(self.backend, model)

    def _unique(self, name):
        self.counter += 1
        return f"{name} {self.counter}"

    @rule()
    def create_world(self):
        self.backend.world_service.create_world(self.user, {"name": self._unique("World")})

    @precondition(lambda self: self._all(World))
    @rule(data=st.data())
    def create_story(self, data):
        world = data.draw(st.sampled_from(self._all(World)))
        self.backend.story_service.create_story(self.user, world.world_id, {"title": "Tale"})

    @precondition(lambda self: self._all(World))
    @rule(data=st.data(), name=NAMES)
    def create_entity(self, data, name):
        world = data.draw(st.sampled_from(self._all(World)))
        self.backend.entity_service.create_entity(self.user, world.world_id,
                                                  {"name": self._unique(name)})

    @precondition(lambda self: self._all(World))
    @rule(data=st.data(), name=NAMES)
    def create_location(self, data, name):
        world = data.draw(st.sampled_from(self._all(World)))
        parents = [l.location_id for l in self._all(Location) if l.world_id == world.world_id]
        parent = data.draw(st.sampled_from([None, *parents]))
        self.backend.location_service.create_location(
            self.user, world.world_id, {"name": self._unique(name), "parent_location_id": parent})

    @precondition(lambda self: self._all(Story))
    @rule(data=st.data())
    def link_story(self, data):
        story = data.draw(st.sampled_from(self._all(Story)))
        entities = [e.entity_id for e in self._all(Entity) if e.world_id == story.world_id]
        locations = [l.location_id for l in self._all(Location) if l.world_id == story.world_id]
        others = [s for s in self._all(Story) if s.world_id == story.world_id
                  and s.story_id != story.story_id]
        if entities or locations:
            self.backend.link_service.link_entities(
                self.user, story.story_id, data.draw(st.lists(st.sampled_from(entities or [""]),
                                                              max_size=3)) if entities else [],
                data.draw(st.lists(st.sampled_from(locations), max_size=2)) if locations else [])
        if others:
            story.linked_story_ids = [data.draw(st.sampled_from(others)).story_id]
            store(self.backend, story)

    @precondition(lambda self: len(self._all(Entity)) >= 2)
    @rule(data=st.data(), rel_type=st.sampled_from(RELATIONSHIP_TYPES))
    def relate(self, data, rel_type):
        entity = data.draw(st.sampled_from(self._all(Entity)))
        targets = [e.entity_id for e in self._all(Entity)
                   if e.world_id == entity.world_id and e.entity_id != entity.entity_id]
        chosen = data.draw(st.lists(st.sampled_from(targets), max_size=3)) if targets else []
        self.backend.entity_service.update_entity(self.user, entity.world_id, entity.entity_id, {
            "relationships": [{"target_entity_id": t, "type": rel_type} for t in chosen]})

    @precondition(lambda self: self._all(Story))
    @rule(data=st.data())
    def add_event(self, data):
        story = data.draw(st.sampled_from(self._all(Story)))
        self.counter += 1
        store(self.backend, Event(
            event_id=f"event-{self.counter}", world_id=story.world_id, title="Event",
            created_at=now_iso(), updated_at=now_iso(), story_id=story.story_id,
            entity_ids=list(story.entity_ids), location_ids=list(story.location_ids)))

    @precondition(lambda self: self._all(Entity))
    @rule(data=st.data())
    def delete_entity(self, data):
        entity = data.draw(st.sampled_from(self._all(Entity)))
        self.backend.entity_service.delete_entity(self.user, entity.world_id, entity.entity_id)

    @precondition(lambda self: self._all(Location))
    @rule(data=st.data())
    def delete_location(self, data):
        location = data.draw(st.sampled_from(self._all(Location)))
        self.backend.location_service.delete_location(self.user, location.world_id,
                                                      location.location_id)

    @precondition(lambda self: self._all(Story))
    @rule(data=st.data())
    def delete_story(self, data):
        story = data.draw(st.sampled_from(self._all(Story)))
        self.backend.story_service.delete_story(self.user, story.story_id)

    @precondition(lambda self: self._all(World))
    @rule(data=st.data())
    def delete_world(self, data):
        world = data.draw(st.sampled_from(self._all(World)))
        self.backend.world_service.delete_world(self.user, world.world_id)

    @invariant()
    def no_id_points_to_nothing(self):
        if not hasattr(self, "backend"):
            return
        worlds = {w.world_id for w in self._all(World)}
        stories = {s.story_id: s.world_id for s in self._all(Story)}
        entities = {e.entity_id: e for e in self._all(Entity)}
        locations = {l.location_id: l.world_id for l in self._all(Location)}
        for story in self._all(Story):
            assert story.world_id in worlds
            assert all(entities[i].world_id == story.world_id for i in story.entity_ids)
            assert all(locations[i] == story.world_id for i in story.location_ids)
            assert all(i in stories for i in story.linked_story_ids)
        for entity in entities.values():
            assert entity.world_id in worlds
            for rel in entity.relationships:
                other = entities[rel["target_entity_id"]]
                assert (entity.entity_id, inverse_of(rel["type"])) in {
                    (r["target_entity_id"], r["type"]) for r in other.relationships}
        for location in self._all(Location):
            assert location.world_id in worlds
            assert location.parent_location_id is None or location.parent_location_id in locations
        for event in self._all(Event):
            assert event.world_id in worlds
            assert event.story_id is None or event.story_id in stories
            assert all(i in entities for i in event.entity_ids)
            assert all(i in locations for i in event.location_ids)


WorldModel.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None,
                                        suppress_health_check=[HealthCheck.too_slow])
TestWorldModelIntegrity = WorldModel.TestCase
