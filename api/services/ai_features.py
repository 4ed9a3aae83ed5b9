"""The AI assistant's features, each started as a background task (API.md §5).

A start checks everything it can at once (AI configured, the body, the caller's rights, the
short-term rate and the daily quota) and answers a pending task; the job then reads what it
needs by id, asks the model, and checks in code what the answer claims before it is shown:
names must be in the text or its quotes, quotes must be in the text, matches to the world's
characters and places are made here (folded names and aliases), never taken from the model.
"""

from __future__ import annotations

from core.date_labels import date_label
from core.errors import BatchTooLarge, Forbidden, MissingField, NotFound, ValidationFailed
from core.mentions import name_key, quoted_in, word_runs
from core.models import Entity, Story, World
from core.permissions import can_edit_content, has_permission
from core.text import fold
from services.dates import world_calendar, world_language
from services.ai_linking import link_found
from services.event_extraction import (content_hash, extracted_of, plan_events,
                                       replace_story_events, summary)
from services.task_runner import Finish
from services.world_facts import FACT_TEXT, Facts, choose_facts
from services.world_access import load_story, load_world, require
from services.world_content import check_ids_in_world

MAX_TEXT = 24_000            # characters of a text the model is given (the rest is cut)
MAX_KNOWN_EVENTS = 60        # existing events shown to the model as possible anchors
MAX_BATCH = 3                # stories a batch analysis takes
INTERNAL_OWNER = "internal"  # the owner of tasks started by other services


class AiFeatures:
    """Starts the assistant's tasks; `gate.admit(user)` applies the rate limit and quota."""

    def __init__(self, storage, gpt, runner, gate):
        self._storage = storage
        self._gpt = gpt
        self._runner = runner
        self._gate = gate

    def _start(self, user, kind: str, job):
        """Every start has checked `self._gpt.require()` first (4001 before anything else)."""
        if not has_permission(user, "use_ai"):
            raise Forbidden("Your role may not use the AI assistant")
        self._gate.admit(user)
        return self._runner.submit(user.user_id, kind, job)

    # generate-description

    def generate_description(self, user, body: dict):
        """A world's description from its name and type, or a story's premise from its title,
        genre, world and chosen characters."""
        self._gpt.require()
        if body.get("type") == "story":
            return self._story_description(user, body)
        _need(body, "world_name")
        values = {"world_name": body["world_name"],
                  "world_type": body.get("world_type") or "fantasy"}
        return self._start(user, "generate_description",
                           self._world_description_job(values, body.get("language") or "vi"))

    def _world_description_job(self, values: dict, language: str):
        def job(context):
            answer = self._gpt.ask("world_description", values, language)
            context.add_usage(answer.prompt_tokens, answer.completion_tokens)
            return {"description": answer.data["description"].strip(),
                    "context": Facts().context()}
        return job

    def _story_description(self, user, body: dict):
        _need(body, "world_id", "story_title")
        world = load_world(self._storage, user, body["world_id"])
        entity_ids = list(dict.fromkeys(body.get("entity_ids") or []))
        check_ids_in_world(self._storage, Entity, world.world_id, entity_ids, "entity_ids")
        world_id, language = world.world_id, body.get("language") or world.language or "vi"
        title, genre = body["story_title"], body.get("story_genre") or ""

        def job(context):
            current = self._storage.get(World, world_id)
            cast = [e for e in self._storage.get_many(Entity, entity_ids)
                    if e.world_id == world_id]
            values = {"story_title": title, "story_genre": genre,
                      "world": {"name": current.name if current else "",
                                "description": (current.description if current else "")[:2000]},
                      "characters": [{"name": e.name, "description": e.description[:FACT_TEXT]}
                                     for e in cast]}
            answer = self._gpt.ask("story_description", values, language)
            context.add_usage(answer.prompt_tokens, answer.completion_tokens)
            return {"description": answer.data["description"].strip(),
                    "context": Facts(entity_ids=[e.entity_id for e in cast]).context()}
        return self._start(user, "generate_description", job)

    # analyze

    def analyze(self, user, body: dict):
        """Characters and places in a world description (to create), or in a story (matched to
        the world's own where they exist)."""
        self._gpt.require()
        if body.get("story_id"):
            story, world = load_story(self._storage, user, body["story_id"])
            return self._analyze_story(user, world, f"{story.title}\n\n{story.content}",
                                       body.get("language"))
        if body.get("world_id"):
            _need(body, "story_description")
            world = load_world(self._storage, user, body["world_id"])
            return self._analyze_story(user, world, body["story_description"],
                                       body.get("language"))
        _need(body, "world_description")
        return self._analyze_world(user, body)

    def _analyze_world(self, user, body: dict):
        text = body["world_description"][:MAX_TEXT]
        values = {"text": text, "world_type": body.get("world_type") or "fantasy"}
        language = body.get("language") or "vi"

        def job(context):
            answer = self._gpt.ask("analyze_world", values, language)
            context.add_usage(answer.prompt_tokens, answer.completion_tokens)
            runs = word_runs(text)
            entities, dropped_e = _named_in(answer.data["entities"], runs)
            locations, dropped_l = _named_in(answer.data["locations"], runs)
            return {"entities": entities, "locations": locations,
                    "dropped": dropped_e + dropped_l, "context": Facts().context()}
        return self._start(user, "analyze", job)

    def _analyze_story(self, user, world: World, full_text: str, language: str | None):
        text = full_text[:MAX_TEXT]
        world_id, language = world.world_id, language or world.language or "vi"

        def job(context):
            entities = self._storage.entities_of_world(world_id).items
            places = self._storage.locations_of_world(world_id).items
            facts = choose_facts(text, entities, places)
            values = {"text": text, "characters": facts.of_kind("entity"),
                      "places": facts.of_kind("location")}
            answer = self._gpt.ask("analyze_story", values, language)
            context.add_usage(answer.prompt_tokens, answer.completion_tokens)
            characters, dropped_c = _matched(answer.data["characters"], text, entities,
                                             "entity_id")
            locations, dropped_l = _matched(answer.data["locations"], text, places,
                                            "location_id")
            return {"characters": characters, "locations": locations,
                    "dropped": dropped_c + dropped_l, "truncated": len(full_text) > MAX_TEXT,
                    "context": facts.context()}
        return self._start(user, "analyze", job)


    # batch analysis

    def batch_analyze(self, user, body: dict):
        """Analyze up to three stories of a world: each new name becomes one entity or place
        (source ai), linked to the stories naming it, and the world's story links follow."""
        self._gpt.require()
        story_ids = list(dict.fromkeys(body.get("story_ids") or []))
        if len(story_ids) > MAX_BATCH:
            raise BatchTooLarge(f"At most {MAX_BATCH} stories at a time")
        if not story_ids:
            raise MissingField({"story_ids": "required"})
        world = load_world(self._storage, user, body.get("world_id") or "")
        require(can_edit_content(user, world), "You may not change this world's stories")
        for story_id in story_ids:
            story, _ = load_story(self._storage, user, story_id)
            if story.world_id != world.world_id:
                raise ValidationFailed({"story_ids": "every story must be of the world"})
        world_id, language = world.world_id, body.get("language") or world.language or "vi"

        def job(context):
            found = []
            for done, story_id in enumerate(story_ids):
                context.progress(done, len(story_ids), story_id)
                story = self._storage.get(Story, story_id)
                if story is None:
                    continue
                text = f"{story.title}\n\n{story.content}"[:MAX_TEXT]
                entities = self._storage.entities_of_world(world_id).items
                places = self._storage.locations_of_world(world_id).items
                facts = choose_facts(text, entities, places)
                answer = self._gpt.ask("analyze_story", {
                    "text": text, "characters": facts.of_kind("entity"),
                    "places": facts.of_kind("location")}, language)
                context.add_usage(answer.prompt_tokens, answer.completion_tokens)
                characters, dropped_c = _matched(answer.data["characters"], text, entities,
                                                 "entity_id")
                locations, dropped_l = _matched(answer.data["locations"], text, places,
                                                "location_id")
                found.append({"story_id": story_id, "characters": characters,
                              "locations": locations, "dropped": dropped_c + dropped_l})
            context.progress(len(story_ids), len(story_ids), "")
            result = {"stories": found, "created": {"entities": [], "locations": []}}
            source = {"kind": "ai", "task_id": context.task_id}
            return Finish(result, lambda tx: link_found(tx, world_id, found, source, result))
        return self._start(user, "batch_analyze", job)

    # events onto the timeline

    def extract_story_events(self, user, story_id: str, force: bool = False):
        """Put one story's events on its world's timeline (cached by the story's text)."""
        self._gpt.require()
        story, world = load_story(self._storage, user, story_id)
        require(can_edit_content(user, world), "You may not change this world's timeline")
        world_id = world.world_id

        def job(context):
            plan, result = self._extract(context, world_id, story_id, force)
            return Finish(result, None if plan is None else
                          lambda tx: replace_story_events(tx, world_id, plan))
        return self._start(user, "extract_events", job)

    def extract_world_events(self, user, world_id: str, force: bool = False):
        """Put the events of every story of a world on its timeline, story by story."""
        self._gpt.require()
        world = load_world(self._storage, user, world_id)
        require(can_edit_content(user, world), "You may not change this world's timeline")
        story_ids = [o.story_id for o in self._storage.story_outlines(world_id, links=False)]

        def job(context):
            plans, stories = [], []
            for done, story_id in enumerate(story_ids):
                context.progress(done, len(story_ids), story_id)
                plan, result = self._extract(context, world_id, story_id, force)
                if plan is not None:
                    plans.append(plan)
                stories.append({"story_id": story_id, **{k: result[k] for k in (
                    "cached", "created", "replaced", "dropped", "undated")}})
            context.progress(len(story_ids), len(story_ids), "")

            def write(tx):
                for plan in plans:
                    replace_story_events(tx, world_id, plan)
            return Finish({"stories": stories,
                           "created": sum(s["created"] for s in stories)}, write)
        return self._start(user, "extract_events", job)

    def _extract(self, context, world_id: str, story_id: str, force: bool):
        """(the plan to store or None when cached, the story's result)."""
        story, world = self._storage.get(Story, story_id), self._storage.get(World, world_id)
        if story is None or world is None:
            raise NotFound("story")
        digest = content_hash(story.title, story.content)
        calendar, language = world_calendar(world), world_language(world)
        events = self._storage.events_of_world(world_id)
        existing = extracted_of(events, story_id)
        if not force and existing and all((e.source or {}).get("content_hash") == digest
                                          for e in existing):
            return None, {"cached": True, "events": [summary(e, calendar, language)
                                                     for e in existing],
                          "created": 0, "replaced": 0, "dropped": 0, "undated": 0,
                          "context": Facts().context()}
        text = f"{story.title}\n\n{story.content}"[:MAX_TEXT]
        entities = self._storage.entities_of_world(world_id).items
        places = self._storage.locations_of_world(world_id).items
        facts = choose_facts(text, entities, places)
        mentioned_ids = set(facts.entity_ids)
        replaced = {e.event_id for e in existing}
        known = [e for e in events if e.event_id not in replaced and e.year is not None and (
            set(e.entity_ids) & mentioned_ids or e.story_id == story_id)][:MAX_KNOWN_EVENTS]
        answer = self._gpt.ask("extract_events", {
            "text": text, "story_time": story.world_time,
            "calendar": {"year_name": calendar.year_name,
                         "months": [n or str(i + 1) for i, n in enumerate(calendar.month_names)]},
            "events": [{"id": e.event_id, "title": e.title,
                        "date": date_label(calendar, e.year, e.month, e.day, era=e.era,
                                           precision=e.precision, language=language)}
                       for e in known],
            "characters": facts.of_kind("entity"), "places": facts.of_kind("location")},
            language)
        context.add_usage(answer.prompt_tokens, answer.completion_tokens)
        context.check()
        names = {}
        for kind, things, id_field in (("entity", entities, "entity_id"),
                                       ("location", places, "location_id")):
            for thing in things:
                for name in [thing.name, *(thing.aliases or [])]:
                    names.setdefault(fold(name), (kind, getattr(thing, id_field)))
        plan = plan_events(answer.data["events"], text, calendar, world_id, story_id, names,
                           {e.event_id: e for e in known},
                           {"kind": "extracted", "task_id": context.task_id,
                            "story_id": story_id, "content_hash": digest})
        context_result = {**facts.context(), "event_ids": [e.event_id for e in known]}
        return plan, {"cached": False, "events": [summary(e, calendar, language)
                                                  for e in plan.events],
                      "created": len(plan.events), "replaced": len(existing),
                      "dropped": plan.dropped, "undated": plan.undated,
                      "context": context_result}

    # consistency

    def consistency_check(self, user, body: dict):
        """Where a story contradicts its world's facts and timeline; each finding quotes the
        story and names a fact the model was given (checked here; `dropped` counts the rest)."""
        self._gpt.require()
        _need(body, "story_id")
        story, world = load_story(self._storage, user, body["story_id"])
        story_id, world_id = story.story_id, world.world_id
        language = body.get("language") or world_language(world)

        def job(context):
            current = self._storage.get(Story, story_id)
            if current is None:
                raise NotFound("story")
            text = f"{current.title}\n\n{current.content}"[:MAX_TEXT]
            calendar = world_calendar(self._storage.get(World, world_id) or world)
            facts = choose_facts(text, self._storage.entities_of_world(world_id).items,
                                 self._storage.locations_of_world(world_id).items,
                                 self._storage.events_of_world(world_id), current, calendar,
                                 language)
            answer = self._gpt.ask("consistency_check", {
                "text": text, "facts": facts.given, "story_time": current.world_time},
                language)
            context.add_usage(answer.prompt_tokens, answer.completion_tokens)
            issues, dropped = _verified_issues(answer.data["issues"], text, facts,
                                               current.content)
            return {"issues": issues, "dropped": dropped, "context": facts.context()}
        return self._start(user, "consistency_check", job)

    # rewrite

    def rewrite(self, user, body: dict):
        """Three rewrites of a passage (paraphrase, expand or continue), in the world's voice
        when the passage belongs to a story."""
        self._gpt.require()
        _need(body, "text")
        world, language = None, body.get("language")
        if body.get("story_id"):
            _, world = load_story(self._storage, user, body["story_id"])
            language = language or world.language
        text, mode = body["text"][:MAX_TEXT], body.get("mode") or "paraphrase"
        world_id = world.world_id if world else None

        def job(context):
            facts, about = Facts(), {}
            if world_id:
                current = self._storage.get(World, world_id)
                about = {"name": current.name, "description": current.description[:2000]} \
                    if current else {}
                facts = choose_facts(text, self._storage.entities_of_world(world_id).items,
                                     self._storage.locations_of_world(world_id).items)
            answer = self._gpt.ask("rewrite", {
                "text": text, "mode": mode, "world": about,
                "characters": facts.of_kind("entity"), "places": facts.of_kind("location")},
                language or "vi")
            context.add_usage(answer.prompt_tokens, answer.completion_tokens)
            return {"suggestions": [s.strip() for s in answer.data["suggestions"]],
                    "mode": mode, "context": facts.context()}
        return self._start(user, "rewrite", job)

    # for other services (X-API-Key): the text given, no user's world

    def internal(self, kind: str, body: dict):
        """analyze, generate-description or rewrite on the text given, as the internal
        caller's task (API.md §5)."""
        self._gpt.require()
        if kind == "analyze":
            _need(body, "text")
            text, language = body["text"][:MAX_TEXT], body.get("language") or "vi"

            def job(context):
                answer = self._gpt.ask("analyze_story", {"text": text, "characters": [],
                                                         "places": []}, language)
                context.add_usage(answer.prompt_tokens, answer.completion_tokens)
                characters, dropped_c = _matched(answer.data["characters"], text, [],
                                                 "entity_id")
                locations, dropped_l = _matched(answer.data["locations"], text, [],
                                                "location_id")
                return {"characters": characters, "locations": locations,
                        "dropped": dropped_c + dropped_l,
                        "context": Facts().context()}
        elif kind == "generate-description":
            _need(body, "name")          # the body's schema only takes worlds
            values = {"world_name": body["name"], "world_type": body.get("world_type") or
                      "fantasy"}
            job = self._world_description_job(values, body.get("language") or "vi")
        else:
            _need(body, "text")
            values = {"text": body["text"][:MAX_TEXT], "mode": body.get("mode") or "paraphrase",
                      "world": {}, "characters": [], "places": []}
            language = body.get("language") or "vi"

            def job(context):
                answer = self._gpt.ask("rewrite", values, language)
                context.add_usage(answer.prompt_tokens, answer.completion_tokens)
                return {"suggestions": [s.strip() for s in answer.data["suggestions"]],
                        "mode": values["mode"], "context": Facts().context()}
        self._gate.admit_internal()
        return self._runner.submit(INTERNAL_OWNER, kind.replace("-", "_"), job)


def _verified_issues(items: list, text: str, facts, content: str) -> tuple[list, int]:
    """Findings whose quote is in the text and whose fact id was given (of that kind), each
    with where the quote starts in the story's content; and how many failed either check."""
    issues = []
    for item in items:
        quote, fact_id = (item.get("quote") or "").strip(), item.get("fact_id") or ""
        if not quoted_in(text, quote) or facts.kind_of(fact_id) != item.get("fact_kind"):
            continue
        issues.append({"severity": item["severity"], "quote": quote,
                       "story_position": _position(content, quote),
                       "fact": {"kind": item["fact_kind"], "id": fact_id,
                                "field": item.get("fact_field") or ""},
                       "explanation": (item.get("explanation") or "").strip()})
    return issues, len(items) - len(issues)


def _position(text: str, quote: str) -> int:
    """Where the quote starts in the text (its first word, when white space differs; 0 for a
    quote of the title)."""
    found = text.find(quote)
    if found >= 0:
        return found
    first = quote.split()[0] if quote.split() else ""
    return max(0, text.find(first))


def _need(body: dict, *names: str) -> None:
    missing = {n: "required" for n in names if not (body.get(n) or "").strip()}
    if missing:
        raise MissingField(missing)


def _named_in(items: list, runs: set) -> tuple[list, int]:
    """Items whose name the text holds (folded, whole words), each name once; and the count of
    the others (names the model made up)."""
    kept, seen = [], set()
    for item in items:
        key = name_key(item["name"])
        if key and key in runs and key not in seen:
            seen.add(key)
            kept.append({**item, "name": item["name"].strip()})
    return kept, len(items) - len(kept)


def _matched(items: list, text: str, known: list, id_field: str) -> tuple[list, int]:
    """Items the text really mentions (their name in it, or their quote found verbatim), each
    matched to the world's thing of that folded name or alias (`id_field`, or null)."""
    runs = word_runs(text)
    by_key = {}
    for thing in known:
        for name in [thing.name, *(getattr(thing, "aliases", []) or [])]:
            by_key.setdefault(fold(name), getattr(thing, id_field))
    kept, seen = [], set()
    for item in items:
        name = item["name"].strip()
        quote = item.get("quote", "")
        in_text = name_key(name) in runs
        if not name or not (in_text or quoted_in(text, quote)):
            continue
        match = by_key.get(fold(name))
        key = match or fold(name)
        if key in seen:
            continue
        seen.add(key)
        kept.append({"name": name, id_field: match, "description": item.get("description", ""),
                     "quote": quote if quoted_in(text, quote) else ""})
    return kept, len(items) - len(kept)
