"""Prompt templates: the admin's routes and the internal ones for other services (API.md §6)."""

from flask import Blueprint

from core.errors import INVALID_PARAMETERS, NOT_FOUND
from interfaces.auth_guards import ADMIN, INTERNAL
from interfaces.schemas.gpt import PromptTemplateChange, PromptTemplateListOut, \
    PromptTemplateOut


def create_prompt_templates_bp(templates, endpoints):
    """GET/PUT /api/admin/prompt-templates…, GET /api/v1/internal/prompt-templates/…"""
    bp = Blueprint("prompt_templates", __name__, url_prefix="/api")
    route = endpoints.router(bp, tag="prompt templates")

    @route.get("/admin/prompt-templates", "Every prompt template", access=ADMIN,
               response=PromptTemplateListOut)
    def list_templates(user):
        return {"items": templates.list_templates()}

    @route.get("/admin/prompt-templates/<name>", "One prompt template", access=ADMIN,
               response=PromptTemplateOut, errors=(NOT_FOUND,))
    def get_template(name, user):
        return templates.by_name(name)

    @route.put("/admin/prompt-templates/<name>", "Change a prompt template", access=ADMIN,
               body=PromptTemplateChange, response=PromptTemplateOut,
               errors=(NOT_FOUND, INVALID_PARAMETERS), description=(
                   "Each change raises `version`; the next task uses the new version. A schema "
                   "that is not a JSON Schema of an object, or a user prompt naming an input "
                   "the template does not have, answers 2001 naming the field. A stored "
                   "template that is switched off (`active: false`) or unusable is replaced "
                   "by the built-in one, and the server logs it."))
    def change_template(name, user, body):
        return templates.update(name, body.model_dump(exclude_none=True))

    @route.get("/v1/internal/prompt-templates/active", "The prompt templates in use",
               access=INTERNAL, response=PromptTemplateListOut)
    def internal_active(user):
        return {"items": templates.active_templates()}

    @route.get("/v1/internal/prompt-templates/by-name/<name>", "A prompt template by name",
               access=INTERNAL, response=PromptTemplateOut, errors=(NOT_FOUND,))
    def internal_by_name(name, user):
        return templates.by_name(name)

    @route.get("/v1/internal/prompt-templates/<template_id>", "A prompt template by id",
               access=INTERNAL, response=PromptTemplateOut, errors=(NOT_FOUND,))
    def internal_by_id(template_id, user):
        return templates.by_id(template_id)

    return bp
