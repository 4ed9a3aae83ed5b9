"""core.search_text and fold(): the words search files, the score and the snippet."""

import unicodedata

import pytest

from core.search_text import exact_terms, folded_terms, index_text, score, snippet
from core.text import fold


@pytest.mark.parametrize("text", ["Hà Nội", "HÀ NỘI", "hà nội", "Ha Noi"])
def test_nfc_and_nfd_fold_alike(text):
    assert fold(text) == fold(unicodedata.normalize("NFD", text)) == "ha noi"


@pytest.mark.parametrize("letter", ["đ", "Đ", "Ð", "Ɖ", "ɖ"])
def test_every_d_with_stroke_folds_to_d(letter):
    assert fold(f"{letter}à lạt") == "da lat"


def test_old_and_new_tone_placement_fold_alike_but_differ_exactly():
    assert folded_terms("hoà") == folded_terms("hòa") == ["hoa"]
    assert exact_terms("hoà") != exact_terms("hòa")
    assert exact_terms(unicodedata.normalize("NFD", "Hòa")) == exact_terms("hòa")


def test_index_text_reads_names_aliases_and_descriptions():
    title, folded, exact = index_text("entities", {
        "name": "Lê Lợi", "aliases": ["Bình Định Vương"], "description": "Lam Sơn"})
    assert title == "le loi"
    assert folded == "le loi binh dinh vuong lam son"
    assert exact == "lê lợi bình định vương lam sơn"


def test_accents_outrank_titles_which_outrank_bodies():
    assert score(False, True) > score(True, False) > score(False, False)


def test_snippet_escapes_everything_but_its_marks():
    text = "<img src=x onerror=alert(1)> gặp " + "Đà Lạt & bạn"
    out = snippet("T", text, ["da", "lat"])
    assert out.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    assert "&lt;img" in out and "&amp;" in out
    assert "<mark>Đà</mark> <mark>Lạt</mark>" in out


def test_snippet_centres_on_a_late_match_and_falls_back_to_the_title():
    out = snippet("T", "lorem " * 200 + "rồng vàng" + " ipsum" * 200, ["rong"])
    assert out.startswith("…") and out.endswith("…") and "<mark>rồng</mark>" in out
    assert len(out) < 250
    assert snippet("Rồng", "", ["rong"]) == "<mark>Rồng</mark>"
