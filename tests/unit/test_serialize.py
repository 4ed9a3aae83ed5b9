"""Answers dumped field by field as the Out schemas say, through a view's model or not."""

from dataclasses import dataclass

from interfaces.schemas.outputs import Out
from interfaces.serialize import dump


class ThingOut(Out):
    name: str
    size: int
    label: str
    shown: bool


@dataclass
class Thing:
    name: str
    size: int
    label: str
    secret: str = "never leaves"


@dataclass
class ThingWithDerivedLabel:
    name: str
    size: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.size})"


@dataclass
class ThingView:
    model: object
    shown: bool = True


def test_a_view_dumps_its_models_fields_and_its_own_and_nothing_else():
    assert dump(ThingOut, ThingView(Thing("Ari", 3, "hero"))) == {
        "name": "Ari", "size": 3, "label": "hero", "shown": True}


def test_a_model_field_that_is_a_property_is_read_like_any_other():
    for _ in range(2):        # the second time the dumper knows the model's type
        assert dump(ThingOut, ThingView(ThingWithDerivedLabel("Bo", 2), shown=False)) == {
            "name": "Bo", "size": 2, "label": "Bo (2)", "shown": False}
    assert dump(ThingOut, ThingView(Thing("Cu", 1, "x"))) == {
        "name": "Cu", "size": 1, "label": "x", "shown": True}


def test_lists_of_views_and_empty_lists_dump_alike():
    class ShelfOut(Out):
        things: list[ThingOut]
        empty: list[ThingOut]

    shelf = {"things": [ThingView(Thing("A", 1, "a")), ThingView(ThingWithDerivedLabel("B", 2))],
             "empty": []}
    assert dump(ShelfOut, shelf) == {"things": [
        {"name": "A", "size": 1, "label": "a", "shown": True},
        {"name": "B", "size": 2, "label": "B (2)", "shown": True}], "empty": []}
