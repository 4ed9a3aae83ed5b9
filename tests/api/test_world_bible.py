"""The Markdown world bible: headings and labels in the world's language, user text escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from core.markdown import block, inline
from tests.api.helpers import assert_ok
from tests.builders import make_user

NASTY = "*Ari* [x](javascript:alert(1)) <img src=x onerror=alert(1)> _u_ `c` | ~~s~~ ![i](y)"
MARKUP = re.compile(r"(?<!\\)(\[[^\]]*\]\(|<[a-z/!]|!\[|`|\*\*?[^*\s]|__?[^_\s]|~~)")


@pytest.fixture
def writer(backend):
    return make_user(backend, "user", "writer")[1]


def bible(client, headers, language: str, **names) -> str:
    world = assert_ok(client.post("/api/worlds", headers=headers, json={
        "name": names.get("world", "Eldoria"), "language": language, "world_type": "fantasy",
        "description": names.get("description", "A land of rivers."),
        "calendar": {"months_per_year": 12, "days_per_month": 30,
                     "eras": [{"name": names.get("era", "Dawn"), "start_year": 1}]}}),
        201)["world"]
    url = f"/api/worlds/{world['world_id']}"
    hero = assert_ok(client.post(f"{url}/entities", headers=headers, json={
        "name": names.get("entity", "Ari"), "aliases": [names.get("alias", "The Fox")],
        "description": names.get("description", "A hero."),
        "attributes": {names.get("key", "age"): names.get("value", "30")}}), 201)["entity"]
    assert_ok(client.post(f"{url}/entities", headers=headers, json={
        "name": "Bao", "relationships": [{"target_entity_id": hero["entity_id"],
                                          "type": "child_of", "label": names.get("label", "")}]}),
        201)
    assert_ok(client.post(f"{url}/locations", headers=headers, json={
        "name": names.get("place", "Harbour"), "location_type": "city",
        "description": names.get("description", "By the sea.")}), 201)
    assert_ok(client.post("/api/stories", headers=headers, json={
        "world_id": world["world_id"], "title": names.get("story", "The First Tale"),
        "genre": names.get("genre", "epic"), "summary": names.get("summary", "It begins."),
        "content": names.get("content", "Once upon a time.")}), 201)
    response = client.get(f"{url}/export?format=markdown", headers=headers)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_an_english_world_bible_has_english_headings_and_labels(client, writer):
    text = bible(client, writer, "en")
    for expected in ("# Eldoria", "*World type:* fantasy", "## Calendar",
                     "12 months of 30 days.", "- Era **Dawn**: from year 1", "## Characters",
                     "*Also known as:* The Fox", "*child of* **Ari**", "## Places",
                     "- **Harbour** (city)", "## Stories", "### 1. The First Tale"):
        assert expected in text, expected
    assert not any(word in text for word in ("Nhân vật", "Địa điểm", "Lịch", "Còn gọi là"))


def test_a_vietnamese_world_bible_has_vietnamese_headings_and_labels(client, writer):
    text = bible(client, writer, "vi")
    for expected in ("# Eldoria", "*Thể loại:* kỳ ảo", "## Lịch",
                     "12 tháng, mỗi tháng 30 ngày.", "- Kỷ nguyên **Dawn**: từ năm 1",
                     "## Nhân vật", "*Còn gọi là:* The Fox", "*con của* **Ari**",
                     "## Địa điểm", "- **Harbour** (thành phố)", "## Truyện",
                     "### 1. The First Tale"):
        assert expected in text, expected
    assert not any(word in text for word in ("## Characters", "## Places", "## Calendar",
                                             "World type", "Also known as", "child of"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_user_text_cannot_make_formatting_or_links(client, writer, language):
    text = bible(client, writer, language, world=NASTY, entity="*Ari* [x](javascript:1)",
                 alias="<b>bold</b>", key="_key_", value="`v`", era="**Era**",
                 place="[home](http://evil.example)", story="# Not a heading",
                 genre="*g*", label="![i](x)", summary="> quoted\n- listed",
                 description="# Title\n- item\n1. one\n    code\n---\n<script>x</script>",
                 content="**bold** [link](javascript:alert(1))\n\n+ plus\n> quote\n```fence")
    user_lines = [line for line in text.splitlines() if line]
    leaks = [line for line in user_lines if MARKUP.search(_ours(line))]
    assert leaks == []
    assert "\\*Ari\\* \\[x\\](javascript:1)" in text
    assert "](javascript" not in text.replace("\\](javascript", "")
    assert not re.search(r"(?<!\\)<", text)          # no raw HTML: every < is escaped
    headings = [line for line in user_lines if line.startswith("#")]
    assert all(line.startswith(("# ", "## ", "### ")) for line in headings)
    assert not [line for line in user_lines if re.match(r"(> |    |```|---|[-+] |1\. )", line)
                and "**" not in line and not line.startswith("> \\")]


def _ours(line: str) -> str:
    """The line without the markup the bible itself writes (bold names, italic labels)."""
    line = re.sub(r"^\s*- ", "", line)
    line = re.sub(r"^#{1,3} (\d+\. )?", "", line)
    line = re.sub(r"^> ", "", line)
    line = re.sub(r"\*\*((?:[^*\\]|\\.)+)\*\*", r"\1", line)
    return re.sub(r"(?<!\\)\*((?:[^*\\]|\\.)+?)(?<!\\)\*", r"\1", line)


@pytest.mark.parametrize("text, escaped", [
    ("*Ari*", "\\*Ari\\*"), ("[x](javascript:y)", "\\[x\\](javascript:y)"),
    ("<b>", "\\<b\\>"), ("# no", "\\# no"), ("- no", "\\- no"), ("1. no", "1\\. no"),
    ("a_b_c", "a\\_b\\_c"), ("x\ny", "x y"), ("Đà Lạt (cũ)", "Đà Lạt (cũ)")])
def test_inline_escapes_what_markdown_would_read_as_markup(text, escaped):
    assert inline(text) == escaped


def test_block_keeps_lines_but_not_their_meaning():
    assert block("# h\n    code\n> q\nplain") == "\\# h\\\ncode\\\n\\> q\\\nplain"
    assert block("a\n\nb", "  ") == "a\n\n  b", "a blank line parts paragraphs, no break"


class _Visible(HTMLParser):
    """The text a browser shows, one line per block or line break, and the tags used."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "blockquote", "ul", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.tags = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag in self.BLOCKS:
            self._end_line()

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._end_line()

    def handle_data(self, data):
        self.current.append(data)

    def _end_line(self):
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []


def rendered(markdown: str) -> _Visible:
    """The world bible as CommonMark renders it, raw HTML allowed (so none may be written)."""
    parser = _Visible()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    parser.close()
    parser._end_line()
    return parser


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_commonmark_renderer_shows_every_name_and_description_as_written(client, writer,
                                                                         language):
    description = "# Not a heading\n- not a list\n1. nor this\n<b>bold?</b> & *stars*\nĐà Lạt"
    names = {"world": "<i>Eldoria</i> & [co](x)", "entity": "*Ari* _the_ `Fox`",
             "alias": "![pic](y.png)", "place": "Cảng #1 | <script>x</script>",
             "story": "> Chapter <1>"}
    page = rendered(bible(client, writer, language, description=description, **names))
    assert page.tags <= {"h1", "h2", "h3", "p", "em", "strong", "ul", "li", "blockquote",
                         "br"}, "no HTML, link, image or code from what users typed"
    shown = "\n".join(page.lines)
    for name in names.values():
        assert name in shown, name
    lines = description.split("\n")
    for start in [i for i, line in enumerate(page.lines) if line.endswith(lines[0])]:
        assert page.lines[start + 1:start + len(lines)] == lines[1:], "line breaks kept"
    assert sum(line.endswith(lines[0]) for line in page.lines) == 3, \
        "the world's, the character's and the place's descriptions, each whole"


@pytest.mark.parametrize("language, expected", [
    ("en", ["3 months of 31, 28, 31 days.", "Months: Frost\\*moon, Thaw."]),
    ("vi", ["3 tháng, lần lượt 31, 28, 31 ngày.", "Các tháng: Frost\\*moon, Thaw."])])
def test_a_calendar_of_named_months_of_their_own_lengths_is_written_out(language, expected):
    from services.world_bible import world_bible
    calendar = {"months": [{"name": "Frost*moon", "days": 31}, {"name": "Thaw", "days": 28},
                           {"name": "", "days": 31}], "eras": []}
    text = world_bible({"world": {"name": "W", "world_type": "custom", "description": "",
                                  "language": language, "calendar": calendar},
                        "entities": [], "locations": [], "events": [], "stories": []})
    assert all(line in text.splitlines() for line in expected), text
