"""GET /api/search: folding, ranking, snippets, filters, pages and visibility on every backend."""

from __future__ import annotations

import unicodedata

import pytest

from tests.api.helpers import assert_error, assert_ok


def search(client, headers=None, **params):
    """The data of a successful search."""
    return assert_ok(client.get("/api/search", query_string=params, headers=headers or {}))


def ids(data) -> list[str]:
    return [item["id"] for item in data["items"]]


@pytest.fixture
def public_world(actors):
    return actors.world("public", name="Việt Sử", description="Chronicles of the south.")


@pytest.mark.parametrize("query", ["ha noi", "HÀ NỘI", "Hà Nội", "hà nội",
                                   unicodedata.normalize("NFD", "Hà Nội")])
def test_folded_and_nfd_queries_find_accented_text(client, actors, public_world, query):
    story = actors.story(public_world, title="Mùa thu", content="Một buổi sáng ở Hà Nội.",
                         visibility="public")
    actors.story(public_world, title="Sài Gòn", content="Nắng.", visibility="public")
    assert ids(search(client, q=query)) == [story["story_id"]]


def test_d_with_stroke_folds_to_d(client, actors, public_world):
    place = actors.location(public_world, name="Đà Lạt", description="City of flowers")
    data = search(client, q="da lat")
    assert ids(data) == [place["location_id"]]
    assert data["items"][0]["kind"] == "location"
    assert data["items"][0]["title"] == "Đà Lạt"


@pytest.mark.parametrize("query", ["hoà", "hòa", "hoa"])
def test_old_and_new_tone_placement_match(client, actors, public_world, query):
    story = actors.story(public_world, title="Thái Hòa", content="Hoà bình.",
                         visibility="public")
    assert ids(search(client, q=query)) == [story["story_id"]]


def test_exact_accents_rank_above_folded_matches(client, actors, public_world):
    folded_only = actors.story(public_world, title="Ba", content="Ghé thăm Hạ Long.",
                               visibility="public")
    exact = actors.story(public_world, title="Bà", content="Ghé thăm Hà Nội.",
                         visibility="public")
    data = search(client, q="Hà")
    assert ids(data) == [exact["story_id"], folded_only["story_id"]]
    assert data["items"][0]["score"] > data["items"][1]["score"]
    plain = search(client, q="ha")
    assert {*ids(plain)} == {exact["story_id"], folded_only["story_id"]}


def test_title_match_ranks_above_body_match(client, actors, public_world):
    body = actors.story(public_world, title="Một", content="rồng bay", visibility="public")
    title = actors.story(public_world, title="Rồng", content="bay", visibility="public")
    assert ids(search(client, q="rồng")) == [title["story_id"], body["story_id"]]


def test_snippet_marks_words_and_escapes_html(client, actors, public_world):
    actors.story(public_world, title="Trap",
                 content='Before <script>alert("x")</script> the dragon & <b>Hà</b> Nội',
                 visibility="public")
    item = search(client, q="ha noi")["items"][0]
    assert "<script>" not in item["snippet"] and "<b>" not in item["snippet"]
    assert "&lt;script&gt;" in item["snippet"] and "&amp;" in item["snippet"]
    assert "<mark>Hà</mark>" in item["snippet"] and "<mark>Nội</mark>" in item["snippet"]


def test_every_kind_is_found_and_kinds_filter(client, actors, public_world):
    actors.story(public_world, title="Kiếm thần", content="x", visibility="public")
    actors.entity(public_world, name="Kiếm sĩ", aliases=["Người kiếm"])
    actors.location(public_world, name="Làng kiếm")
    world = actors.world("public", name="Thế giới kiếm")
    kinds = [item["kind"] for item in search(client, q="kiem")["items"]]
    assert sorted(kinds) == ["entity", "location", "story", "world"]
    only = search(client, q="kiem", kinds="entity,location")
    assert sorted(i["kind"] for i in only["items"]) == ["entity", "location"]
    in_world = search(client, q="kiem", world_id=world["world_id"])
    assert ids(in_world) == [world["world_id"]]


def test_entity_alias_and_description_are_searched(client, actors, public_world):
    entity = actors.entity(public_world, name="Lê Lợi", aliases=["Bình Định Vương"],
                           description="Người khởi nghĩa Lam Sơn")
    assert ids(search(client, q="binh dinh vuong")) == [entity["entity_id"]]
    assert ids(search(client, q="lam son")) == [entity["entity_id"]]


def test_pages_split_the_ranked_list(client, actors, public_world):
    made = {actors.story(public_world, title=f"Chuyện {n}", content="sông Hồng",
                         visibility="public")["story_id"] for n in range(5)}
    first = search(client, q="song hong", page=1, page_size=2)
    second = search(client, q="song hong", page=2, page_size=2)
    third = search(client, q="song hong", page=3, page_size=2)
    assert first["total"] == second["total"] == 5
    assert (first["page"], first["page_size"]) == (1, 2)
    assert set(ids(first) + ids(second) + ids(third)) == made
    assert len(ids(third)) == 1
    assert search(client, q="song hong", page=9, page_size=2) == {
        "items": [], "total": 5, "page": 9, "page_size": 2}


@pytest.mark.parametrize("params, field", [
    ({}, "q"), ({"q": "   "}, "q"), ({"q": "!!!"}, "q"), ({"q": "a" * 201}, "q"),
    ({"q": "x", "kinds": "story,dragon"}, "kinds"), ({"q": "x", "page_size": 0}, "page_size")])
def test_bad_parameters_answer_2001_naming_them(client, params, field):
    body = assert_error(client.get("/api/search", query_string=params), 400, "2001")
    assert field in body["data"]["fields"]


def test_updates_and_deletes_show_at_once(client, actors, public_world):
    story = actors.story(public_world, title="Cũ", content="bình minh", visibility="public")
    owner = actors.headers["owner"]
    assert ids(search(client, q="binh minh")) == [story["story_id"]]
    assert_ok(client.put(f"/api/stories/{story['story_id']}", headers=owner,
                         json={"content": "hoàng hôn"}))
    assert ids(search(client, q="binh minh")) == []
    assert ids(search(client, q="hoang hon")) == [story["story_id"]]
    assert_ok(client.delete(f"/api/stories/{story['story_id']}", headers=owner))
    assert ids(search(client, q="hoang hon")) == []


def test_deleting_a_world_removes_everything_in_it(client, actors, public_world):
    actors.story(public_world, title="Núi", content="mây trắng", visibility="public")
    actors.entity(public_world, name="Mây trắng")
    assert search(client, q="may trang")["total"] == 2
    assert_ok(client.delete(f"/api/worlds/{public_world['world_id']}",
                            headers=actors.headers["owner"]))
    assert search(client, q="may trang")["total"] == 0


# Who sees a story of each level, in a world of each level (core.visibility).
SEES = {
    ("public", "public"): {"anonymous", "other", "guest", "viewer", "editor", "owner",
                           "moderator", "admin"},
    ("public", "private"): {"viewer", "editor", "owner", "moderator", "admin"},
    ("public", "draft"): {"editor", "owner", "moderator", "admin"},
    ("private", "draft"): {"editor", "owner", "moderator", "admin"},
    ("private", "private"): {"viewer", "editor", "owner", "moderator", "admin"},
    ("draft", "draft"): {"editor", "owner", "moderator", "admin"},
}


@pytest.mark.parametrize("world_level, story_level", list(SEES))
def test_search_shows_only_what_each_role_may_see(client, actors, world_level, story_level):
    world = actors.world(world_level, name="Cõi Khuất")
    story = actors.story(world, title="Bí mật", content="kho báu", visibility=story_level)
    entity = actors.entity(world, name="Kho báu vàng")
    for name in ("anonymous", "other", "guest", "viewer", "editor", "owner", "moderator",
                 "admin"):
        found = set(ids(search(client, actors.headers[name], q="kho bau")))
        sees_world = name in SEES[(world_level, world_level)]
        expected = ({story["story_id"]} if name in SEES[(world_level, story_level)] else set())
        expected |= {entity["entity_id"]} if sees_world else set()
        assert found == expected, name


def test_visibility_change_of_a_world_applies_at_once(client, actors):
    world = actors.world("public", name="Đảo xa")
    actors.entity(world, name="Rùa thần")
    assert search(client, q="rua than")["total"] == 1
    assert_ok(client.put(f"/api/worlds/{world['world_id']}", headers=actors.headers["owner"],
                         json={"visibility": "private"}))
    assert search(client, q="rua than")["total"] == 0
    assert search(client, actors.headers["viewer"], q="rua than")["total"] == 1
