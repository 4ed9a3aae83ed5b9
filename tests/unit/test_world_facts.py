"""The world facts given to the model: those the text names, within a budget."""

from core.models import Entity
from services.world_facts import choose_facts


def person(number: int) -> Entity:
    return Entity(entity_id=f"e{number}", world_id="w", name=f"Người {number}", created_at="",
                  updated_at="", description="x" * 500)


def test_facts_beyond_the_budget_are_cut_and_counted():
    people = [person(i) for i in range(30)]
    text = " ".join(p.name + "." for p in people)
    facts = choose_facts(text, people, [], budget=5_000)
    assert 0 < len(facts.entity_ids) < 30 and facts.cut == 30 - len(facts.entity_ids)
    assert facts.kind_of("e0") == "entity" and facts.kind_of("e29") is None
    names = [fact["name"] for fact in facts.of_kind("entity")]
    assert names == [p.name for p in people][:len(facts.given)]


def test_only_named_facts_are_given_whole_words_without_accents():
    people = [person(1), person(12)]
    facts = choose_facts("nguoi 1 di cho.", people, [])
    assert facts.entity_ids == ["e1"] and facts.cut == 0
