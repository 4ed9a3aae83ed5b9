"""The Markdown export: a readable world bible made from a world bundle."""

from __future__ import annotations

from core.text import fold

ENTITY_SECTIONS = (("character", "Characters"), ("faction", "Factions"),
                   ("creature", "Creatures"), ("item", "Items"), ("other", "Other"))


def relationship_phrase(relationship_type: str) -> str:
    """How a relationship type reads before the other's name: "parent of", "owned by"."""
    words = relationship_type.replace("_", " ")
    if words.split()[-1] in ("of", "by", "to") or words.startswith("has "):
        return words
    return f"{words} of"


def world_bible(bundle: dict) -> str:
    """The bundle as Markdown: overview, calendar, characters, places, timeline, stories."""
    names = {e["entity_id"]: e["name"] for e in bundle["entities"]}
    names.update({p["location_id"]: p["name"] for p in bundle["locations"]})
    lines = _overview(bundle["world"])
    for kind, title in ENTITY_SECTIONS:
        chosen = [e for e in bundle["entities"] if e["entity_type"] == kind]
        if chosen:
            lines += [f"## {title}", ""]
            for entity in chosen:
                lines += _entity(entity, names)
    lines += _places(bundle["locations"])
    lines += _timeline(bundle["events"])
    lines += _stories(bundle["stories"], names)
    return "\n".join(lines).rstrip() + "\n"


def _overview(world: dict) -> list[str]:
    lines = [f"# {world['name']}", "", f"*World type:* {world['world_type']}", ""]
    if world["description"]:
        lines += [world["description"], ""]
    calendar = world["calendar"]
    months = calendar["months"]
    lines += ["## Calendar", "", f"{len(months)} months of {sum(m['days'] for m in months)} "
                                 "days in all."]
    if any(m["name"] for m in months):
        lines.append(f"Months: {', '.join(m['name'] or str(i + 1) for i, m in enumerate(months))}.")
    if calendar.get("leap"):
        lines.append(f"Leap years (rule {calendar['leap']['rule']}) add a day to month "
                     f"{calendar['leap']['month']}.")
    for era in calendar.get("eras", []):
        lines.append(f"- Era **{era['name']}**: from year {era['start_year']}")
    return lines + [""]


def _entity(entity: dict, names: dict) -> list[str]:
    lines = [f"### {entity['name']}", ""]
    if entity["aliases"]:
        lines += [f"*Also known as:* {', '.join(entity['aliases'])}", ""]
    if entity["description"]:
        lines += [entity["description"], ""]
    lines += [f"- **{key}:** {value}" for key, value in entity["attributes"].items()]
    for rel in entity["relationships"]:
        label = f" ({rel['label']})" if rel.get("label") else ""
        lines.append(f"- *{relationship_phrase(rel['type'])}* "
                     f"**{names.get(rel['target_entity_id'], '?')}**{label}")
    return lines + [""] if entity["attributes"] or entity["relationships"] else lines


def _places(locations: list[dict]) -> list[str]:
    if not locations:
        return []
    known = {p["location_id"] for p in locations}
    children: dict = {}
    for place in locations:
        parent = place["parent_location_id"]
        children.setdefault(parent if parent in known else None, []).append(place)
    lines = ["## Places", ""]
    _place_tree(children, None, 0, lines, set())
    return lines + [""]


def _place_tree(children: dict, parent_id, depth: int, lines: list, seen: set) -> None:
    for place in sorted(children.get(parent_id, []), key=lambda p: fold(p["name"])):
        if place["location_id"] in seen:
            continue
        seen.add(place["location_id"])
        where = place.get("coordinates")
        at = f" at ({where['x']:g}, {where['y']:g})" if where else ""
        text = f" — {place['description']}" if place["description"] else ""
        lines.append(f"{'  ' * depth}- **{place['name']}** ({place['location_type']}{at}){text}")
        _place_tree(children, place["location_id"], depth + 1, lines, seen)


def _timeline(events: list[dict]) -> list[str]:
    if not events:
        return []
    lines = ["## Timeline", ""]
    for event in events:
        when = f"Year {event['year']}" if event.get("year") is not None else "Undated"
        text = f": {event['description']}" if event.get("description") else ""
        lines.append(f"- **{when}** — {event['title']}{text}")
    return lines + [""]


def _stories(stories: list[dict], names: dict) -> list[str]:
    lines = ["## Stories", ""] if stories else []
    for position, story in enumerate(stories, start=1):
        lines += [f"### {position}. {story['title']}", ""]
        facts = [story["genre"]] if story.get("genre") else []
        if story.get("world_time"):
            facts.append(f"year {story['world_time']['year']}")
        linked = [names[i] for i in story["entity_ids"] + story["location_ids"] if i in names]
        if linked:
            facts.append("with " + ", ".join(linked))
        if facts:
            lines += [f"*{' · '.join(facts)}*", ""]
        if story.get("summary"):
            lines += [f"> {story['summary']}", ""]
        lines += [story["content"], ""]
    return lines
