"""The AI routes under /api/gpt: starting tasks, polling, listing and cancelling them."""

from flask import Blueprint

from core.errors import (AI_QUOTA_EXCEEDED, AI_RATE_LIMITED, AI_UNAVAILABLE, BATCH_TOO_LARGE,
                         FORBIDDEN, INVALID_PARAMETERS, INVALID_STATE, MISSING_FIELD, NOT_FOUND,
                         TASK_NOT_FOUND)
from interfaces.auth_guards import INTERNAL, TOKEN
from interfaces.schemas.common import PageQuery
from interfaces.schemas.gpt import (Analyze, BatchAnalyze, ConsistencyCheck, ExtractQuery,
                                   GenerateDescription, InternalAnalyze, InternalDescription,
                                   InternalRewrite, Rewrite, TaskOut, TaskPageOut,
                                   TaskStartedOut)
from services.ai_features import INTERNAL_OWNER

START_ERRORS = (AI_UNAVAILABLE, FORBIDDEN, AI_RATE_LIMITED, AI_QUOTA_EXCEEDED,
                INVALID_PARAMETERS, MISSING_FIELD)
START_DOC = ("Answers 202 with a pending task at once; poll `poll_url` until its status is "
             "completed, error, cancelled or interrupted. Without AI configured: 4001 and no task.")


def started(task, poll: str = "/api/gpt/results") -> dict:
    """The 202 answer of a started task."""
    return {"task_id": task.task_id, "status": "pending",
            "poll_url": f"{poll}/{task.task_id}"}


def create_gpt_bp(ai_features, task_runner, endpoints):
    """The AI routes."""
    bp = Blueprint("gpt", __name__, url_prefix="/api/gpt")
    route = endpoints.router(bp, tag="ai")

    @route.post("/generate-description", "Draft a world's description or a story's premise",
                access=TOKEN, body=GenerateDescription, response=TaskStartedOut, status=202,
                errors=(*START_ERRORS, NOT_FOUND), description=START_DOC +
                " Result: `{description, context}`.")
    def generate_description(user, body):
        return started(ai_features.generate_description(user, body.model_dump()))

    @route.post("/analyze", "Find the characters and places of a world description or a story",
                access=TOKEN, body=Analyze, response=TaskStartedOut, status=202,
                errors=(*START_ERRORS, NOT_FOUND), description=START_DOC + (
                    " Result for a world description: `{entities, locations, dropped, "
                    "context}`, ready to create. For a story: `{characters: [{name, entity_id, "
                    "description, quote}], locations: [{name, location_id, …}], dropped, "
                    "truncated, context}`; ids name the world's own match (by name or alias, "
                    "without case or diacritics) or are null. Names found neither in the text "
                    "nor in a quote of it are left out and counted in `dropped`."))
    def analyze(user, body):
        return started(ai_features.analyze(user, body.model_dump()))

    @route.post("/batch-analyze-stories", "Analyze up to three stories and link what they name",
                access=TOKEN, body=BatchAnalyze, response=TaskStartedOut, status=202,
                errors=(*START_ERRORS, NOT_FOUND, BATCH_TOO_LARGE), description=START_DOC + (
                    " Progress counts the stories. Each new name becomes one entity "
                    "(characters) or place (locations) with `source: {kind: \"ai\", task_id, "
                    "story_id, excerpt}`, even when several stories name it; every story is "
                    "linked to what it names and the world's story links follow. Nothing is "
                    "written if the task fails or is cancelled. Result: `{stories: [{story_id, "
                    "characters, locations, dropped}], created: {entities, locations}}`."))
    def batch_analyze(user, body):
        return started(ai_features.batch_analyze(user, body.model_dump()))

    @route.post("/consistency-check", "Where a story contradicts its world", access=TOKEN,
                body=ConsistencyCheck, response=TaskStartedOut, status=202,
                errors=(*START_ERRORS, NOT_FOUND), description=START_DOC + (
                    " Result: `{issues: [{severity, quote, story_position, fact: {kind, id, "
                    "field}, explanation}], dropped, context}`. Every quote is found in the "
                    "story and every fact id names a fact the model was given (`context`); "
                    "findings failing either check are left out and counted in `dropped`."))
    def consistency_check(user, body):
        return started(ai_features.consistency_check(user, body.model_dump()))

    @route.post("/rewrite", "Three rewrites of a passage: paraphrase, expand or continue",
                access=TOKEN, body=Rewrite, response=TaskStartedOut, status=202,
                errors=(*START_ERRORS, NOT_FOUND), description=START_DOC + (
                    " Result: `{suggestions: [three strings], mode, context}`; with `story_id` "
                    "the characters and places the passage names guide the voice."))
    def rewrite(user, body):
        return started(ai_features.rewrite(user, body.model_dump()))

    @route.get("/results/<task_id>", "Poll a task", access=TOKEN, response=TaskOut,
               errors=(TASK_NOT_FOUND,),
               description="Only the task's owner and admins read it; anyone else gets 3003.")
    def get_result(task_id, user):
        return task_runner.get(user, task_id)

    @route.get("/tasks", "The caller's AI tasks, newest change first", access=TOKEN,
               query=PageQuery, response=TaskPageOut, errors=(INVALID_PARAMETERS,))
    def list_tasks(user, query):
        return task_runner.list(user, query.page_request())

    @route.delete("/tasks/<task_id>", "Cancel a task", access=TOKEN, response=TaskOut,
                  errors=(TASK_NOT_FOUND, INVALID_STATE),
                  description="The job stops at its next step and writes nothing more. A task "
                              "that has already ended answers 0003.")
    def cancel_task(task_id, user):
        return task_runner.cancel(user, task_id)

    return bp


def create_internal_ai_bp(ai_features, task_runner, endpoints):
    """/internal/ai/v1/...: analyze, generate-description and rewrite for other services,
    behind X-API-Key, on the text they send (no user's world is read)."""
    bp = Blueprint("internal_ai", __name__, url_prefix="/internal/ai/v1")
    route = endpoints.router(bp, tag="internal")
    errors = (AI_UNAVAILABLE, AI_RATE_LIMITED, INVALID_PARAMETERS, MISSING_FIELD)
    poll = "/internal/ai/v1/tasks"

    @route.post("/analyze", "Characters and places of a text", access=INTERNAL,
                body=InternalAnalyze, response=TaskStartedOut, status=202, errors=errors,
                description="Result: `{characters, locations, dropped, context}` (ids null).")
    def internal_analyze(user, body):
        return started(ai_features.internal("analyze", body.model_dump()), poll)

    @route.post("/generate-description", "A world's description from its name",
                access=INTERNAL, body=InternalDescription, response=TaskStartedOut, status=202,
                errors=errors, description="Result: `{description, context}`.")
    def internal_description(user, body):
        return started(ai_features.internal("generate-description", body.model_dump()), poll)

    @route.post("/rewrite", "Three rewrites of a passage", access=INTERNAL,
                body=InternalRewrite, response=TaskStartedOut, status=202, errors=errors,
                description="Result: `{suggestions, mode, context}`.")
    def internal_rewrite(user, body):
        return started(ai_features.internal("rewrite", body.model_dump()), poll)

    @route.get("/tasks/<task_id>", "Poll a task started through these routes",
               access=INTERNAL, response=TaskOut, errors=(TASK_NOT_FOUND,))
    def internal_task(task_id, user):
        return task_runner.get_owned_by(INTERNAL_OWNER, task_id)

    return bp


def create_extraction_bp(ai_features, endpoints):
    """POST /api/stories/<id>/events/extract and /api/worlds/<id>/events/extract."""
    bp = Blueprint("extraction", __name__, url_prefix="/api")
    route = endpoints.router(bp, tag="ai")
    doc = START_DOC + (
        " The events go on the timeline with `source: {kind: \"extracted\", task_id, "
        "story_id, excerpt}`; running it again on unchanged text answers the stored ones "
        "(`cached: true`) unless `force=true`, and otherwise replaces that story's extracted "
        "events (never duplicates them; events you made are untouched). Quotes not found in "
        "the story drop the event (`dropped`); dates outside the calendar or relative to no "
        "usable anchor leave it undated (`undated`); relative dates are computed by the "
        "calendar from their anchor.")

    @route.post("/stories/<story_id>/events/extract", "Put a story's events on the timeline",
                access=TOKEN, query=ExtractQuery, response=TaskStartedOut, status=202,
                errors=(*START_ERRORS, NOT_FOUND), description=doc + " Result: `{cached, "
                "events, created, replaced, dropped, undated, context}`.")
    def extract_story(story_id, user, query):
        return started(ai_features.extract_story_events(user, story_id, query.force))

    @route.post("/worlds/<world_id>/events/extract", "Put every story's events on the timeline",
                access=TOKEN, query=ExtractQuery, response=TaskStartedOut, status=202,
                errors=(*START_ERRORS, NOT_FOUND), description=doc + " Progress counts the "
                "stories; result: `{stories: [{story_id, cached, created, replaced, dropped, "
                "undated}], created}`.")
    def extract_world(world_id, user, query):
        return started(ai_features.extract_world_events(user, world_id, query.force))

    return bp
