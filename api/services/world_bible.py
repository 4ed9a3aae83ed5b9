"""The Markdown export: a readable world bible made from a world bundle, in the world's language.

Everything users wrote goes through core.markdown, so a name such as `*Ari* [x](javascript:..)`
reads as typed and never becomes formatting or a link.
"""

from __future__ import annotations

from core.markdown import block, inline
from core.text import fold
from services.bible_labels import (ENTITY_SECTIONS, LOCATION_TYPES, WORDS, WORLD_TYPES,
                                   relationship_phrase, word_for)


def world_bible(bundle: dict) -> str:
    """The bundle as Markdown: overview, calendar, characters, places, timeline, stories."""
    language = bundle["world"].get("language", "vi")
    if language not in WORDS:
        language = "vi"
    bible = _Bible(language, bundle)
    return "\n".join(bible.lines()).rstrip() + "\n"


class _Bible:
    """One world bible: its language's words and the names of the bundle's things."""

    def __init__(self, language: str, bundle: dict):
        self.language = language
        self.words = WORDS[language]
        self.bundle = bundle
        self.names = {e["entity_id"]: e["name"] for e in bundle["entities"]}
        self.names.update({p["location_id"]: p["name"] for p in bundle["locations"]})

    def lines(self) -> list[str]:
        """Every line of the bible, in order."""
        lines = self._overview(self.bundle["world"])
        for kind, title in ENTITY_SECTIONS[self.language]:
            chosen = [e for e in self.bundle["entities"] if e["entity_type"] == kind]
            if chosen:
                lines += [f"## {title}", ""]
                for entity in chosen:
                    lines += self._entity(entity)
        lines += self._places(self.bundle["locations"])
        lines += self._timeline(self.bundle["events"])
        return lines + self._stories(self.bundle["stories"])

    def _overview(self, world: dict) -> list[str]:
        words = self.words
        kind = word_for(WORLD_TYPES, self.language, world["world_type"])
        lines = [f"# {inline(world['name'])}", "", f"*{words['world_type']}:* {inline(kind)}", ""]
        if world["description"]:
            lines += [block(world["description"]), ""]
        lines += [f"## {words['calendar']}", ""] + self._months(world["calendar"])
        calendar = world["calendar"]
        for era in calendar.get("eras", []):
            end = era.get("end_year")
            lines.append(f"- {words['era']} **{inline(era['name'])}**: "
                         + words["era_from"].format(start=era["start_year"])
                         + (" " + words["era_to"].format(end=end) if end is not None else ""))
        return lines + [""]

    def _months(self, calendar: dict) -> list[str]:
        """The months: a list of {name, days}, or the older count, length and names."""
        words = self.words
        if "months" not in calendar:
            lines = [words["months"].format(months=calendar.get("months_per_year", 12),
                                             days=calendar.get("days_per_month", 30))]
            names = calendar.get("month_names") or []
        else:
            months = calendar["months"]
            days = {m["days"] for m in months}
            lines = [words["months"].format(months=len(months), days=days.pop())
                     if len(days) == 1 else words["months_varied"].format(
                         months=len(months), days=", ".join(str(m["days"]) for m in months))]
            names = [m["name"] for m in months if m.get("name")]
        if names:
            lines.append(f"{words['month_names']}: {', '.join(inline(n) for n in names)}.")
        return lines

    def _entity(self, entity: dict) -> list[str]:
        lines = [f"### {inline(entity['name'])}", ""]
        if entity["aliases"]:
            aliases = ", ".join(inline(a) for a in entity["aliases"])
            lines += [f"*{self.words['aliases']}:* {aliases}", ""]
        if entity["description"]:
            lines += [block(entity["description"]), ""]
        lines += [f"- **{inline(key)}:** {inline(value)}"
                  for key, value in entity["attributes"].items()]
        for rel in entity["relationships"]:
            label = f" ({inline(rel['label'])})" if rel.get("label") else ""
            target = inline(self.names.get(rel["target_entity_id"], "?"))
            lines.append(f"- *{relationship_phrase(rel['type'], self.language)}* "
                         f"**{target}**{label}")
        return lines + [""] if entity["attributes"] or entity["relationships"] else lines

    def _places(self, locations: list[dict]) -> list[str]:
        if not locations:
            return []
        known = {p["location_id"] for p in locations}
        children: dict = {}
        for place in locations:
            parent = place["parent_location_id"]
            children.setdefault(parent if parent in known else None, []).append(place)
        lines = [f"## {self.words['places']}", ""]
        self._place_tree(children, None, 0, lines, set())
        return lines + [""]

    def _place_tree(self, children: dict, parent_id, depth: int, lines: list,
                    seen: set) -> None:
        for place in sorted(children.get(parent_id, []), key=lambda p: fold(p["name"])):
            if place["location_id"] in seen:
                continue
            seen.add(place["location_id"])
            where = place.get("coordinates")
            at = f" {self.words['at']} ({where['x']:g}, {where['y']:g})" if where else ""
            kind = word_for(LOCATION_TYPES, self.language, place["location_type"])
            lines.append(f"{'  ' * depth}- **{inline(place['name'])}** ({kind}{at})")
            if place["description"].strip():
                # The description continues the item on lines of its own, line breaks kept.
                indent = "  " * (depth + 1)
                lines.append(indent + block(place["description"], indent))
            self._place_tree(children, place["location_id"], depth + 1, lines, seen)

    def _timeline(self, events: list[dict]) -> list[str]:
        if not events:
            return []
        lines = [f"## {self.words['timeline']}", ""]
        for event in events:
            when = (self.words["year"].format(year=event["year"])
                    if event.get("year") is not None else self.words["undated"])
            lines.append(f"- **{when}** — {inline(event['title'])}")
            if (event.get("description") or "").strip():
                lines.append("  " + block(event["description"], "  "))
        return lines + [""]

    def _stories(self, stories: list[dict]) -> list[str]:
        lines = [f"## {self.words['stories']}", ""] if stories else []
        for position, story in enumerate(stories, start=1):
            lines += [f"### {position}. {inline(story['title'])}", ""]
            facts = [inline(story["genre"])] if story.get("genre") else []
            if story.get("world_time"):
                facts.append(self.words["story_year"].format(year=story["world_time"]["year"]))
            linked = [inline(self.names[i]) for i in story["entity_ids"] + story["location_ids"]
                      if i in self.names]
            if linked:
                facts.append(f"{self.words['with']} " + ", ".join(linked))
            if facts:
                lines += [f"*{' · '.join(facts)}*", ""]
            if story.get("summary"):
                lines += ["\n".join(f"> {line}" for line in block(story["summary"]).split("\n")),
                          ""]
            lines += [block(story["content"]), ""]
        return lines
