"""Lore readers take any JSON: they answer a bundle and skipped entries, or a clear 2001/2004,
never an exception (a 500), and the bundle they make always passes the import's checks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from core.errors import BatchTooLarge, ValidationFailed
from services.bundle_checks import check_bundle
from services.lore import read_lore

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=10)
ENTRY_FIELDS = ("key", "keys", "keysecondary", "comment", "content", "text", "displayName",
                "name", "entry", "keywords", "title", "uid", "id", "constant", "category",
                "extensions", "alwaysActive", "forceActivation")
MARK_FIELDS = ("kind", "type", "description_length", "attributes", "relationships", "parent",
               "coordinates")
marks = st.fixed_dictionaries({}, optional={
    "kind": st.sampled_from(["entity", "location", "x"]) | json_values,
    **{name: json_values for name in MARK_FIELDS[1:]}})
entries = st.dictionaries(st.sampled_from(ENTRY_FIELDS), json_values, max_size=6) | st.builds(
    lambda base, mark: {**base, "extensions": {"storyloom": mark}},
    st.dictionaries(st.sampled_from(ENTRY_FIELDS), json_values, max_size=4), marks) | json_values
entry_lists = st.lists(entries, max_size=4)
books = st.one_of(
    st.builds(lambda e, n: {"entries": e, "name": n},
              entry_lists | st.dictionaries(st.text(max_size=3), entries, max_size=4) | json_values,
              json_values),
    st.builds(lambda e, c: {"lorebookVersion": 5, "entries": e, "categories": c},
              entry_lists | json_values, json_values),
    st.builds(lambda e: {"kind": "memory", "entries": e, "name": "m"}, entry_lists),
    st.builds(lambda e: {"type": "risu", "data": e}, entry_lists),
    st.builds(lambda e: {"folders": {"root": []}, **{str(i): x for i, x in enumerate(e)}},
              entry_lists),
    entry_lists,
    st.builds(lambda d, b: {"spec": "chara_card_v2", "spec_version": "2.0",
                            "data": {**d, "character_book": b}},
              st.dictionaries(st.sampled_from(["name", "description", "personality",
                                               "nickname"]), json_values),
              json_values | st.builds(lambda e: {"entries": e}, entry_lists | json_values)),
    json_values)


def read_or_refuse(book) -> None:
    """Read the file; a refusal must be a 2001/2004, and what is read must pass the checks."""
    try:
        bundle, skipped = read_lore(book, "file")
    except (ValidationFailed, BatchTooLarge):
        return
    check_bundle(bundle)
    assert all(set(s) == {"index", "reason"} for s in skipped)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books)
def test_any_file_is_read_or_refused_clearly(book):
    read_or_refuse(book)


MARKED = {"key": ["a"], "comment": "A"}
TRICKY = [
    {"entries": [{**MARKED, "extensions": {"storyloom": {"kind": "entity", "relationships": 5}}}]},
    {"entries": [{**MARKED, "extensions": {"storyloom": {
        "kind": "entity", "attributes": {"x" * 61: 1, "ok": True, "n": [1]},
        "relationships": [{"target_ref": "0", "type": "nope"}, 3]}}}]},
    {"entries": [{**MARKED, "extensions": {"storyloom": {
        "kind": "location", "parent": {"a": 1}, "coordinates": {"x": "1", "y": None},
        "description_length": -4}}}]},
    {"entries": [{**MARKED, "uid": 0, "extensions": {"storyloom": {
        "kind": "entity", "relationships": [{"target_ref": "0", "type": "friend"}]}}}]},
    {"lorebookVersion": 5, "entries": 7, "categories": 3},
    {"lorebookVersion": 5, "entries": [{"text": 5, "keys": "a,b", "category": [1]}],
     "categories": [{"id": [1], "name": 2}]},
    {"kind": "memory", "entries": [{"name": None, "keywords": [1, "k"], "entry": {}}]},
    {"type": "risu", "data": [{"key": 5, "content": None}]},
    {"spec": "chara_card_v2", "data": {"name": 5, "character_book": {"entries": 9}}},
    {"spec": "chara_card_v3", "data": [1]},
    {"folders": 3, "1": {"title": "T", "key": "a"}, "2": "x"},
    [{"key": "a,b", "content": "c"}, 5],
    {"entries": {"0": {"key": ["\x00"], "content": "x"}}},
    {"entries": [{"key": ["a" * 121, "b"]}, {"key": ["B"]}, {"key": ["b"], "comment": "b"}]},
]


@pytest.mark.parametrize("book", TRICKY)
def test_files_of_odd_shapes_are_read_or_refused_clearly(book):
    read_or_refuse(book)
