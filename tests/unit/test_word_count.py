"""Word counts follow one documented rule, shared with the app (tests/fixtures/word-count-vectors.json)."""

import json
from pathlib import Path

import pytest

from core.text import WORD_RULE, word_count
from storage.upgrades import upgrade_document

VECTORS = json.loads((Path(__file__).parents[1] / "fixtures" / "word-count-vectors.json")
                     .read_text(encoding="utf-8"))["vectors"]


@pytest.mark.parametrize("case", VECTORS, ids=[repr(c["text"])[:40] for c in VECTORS])
def test_word_count_follows_the_documented_rule(case):
    assert word_count(case["text"]) == case["words"]


def test_a_story_counted_by_an_older_rule_is_counted_again_on_load():
    stored = {"story_id": "s", "content": "mother-in-law **said** _no_", "word_count": 5,
              "version": 3}
    upgraded = upgrade_document("stories", stored)
    assert (upgraded["word_count"], upgraded["word_rule"]) == (3, WORD_RULE)
    assert upgrade_document("stories", upgraded) is upgraded     # nothing more to do
