"""Prompt templates: stored and versioned, with the built-in ones as defaults and fallback."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from string import Template

from ai.json_output import SchemaError, check_schema
from ai.templates import BUILT_IN, render
from core.clock import now_iso
from core.errors import NotFound, ValidationFailed
from core.models import PromptTemplate
from core.models._base import new_id
from storage import DuplicateKey, TransactionConflict, retry_on_conflict

log = logging.getLogger("storyloom.ai")
EDITABLE = ("system_prompt", "user_prompt_template", "output_format_schema", "active")


@dataclass
class Prompt:
    """A rendered prompt, ready to send, and where it came from."""

    name: str
    system: str
    user: str
    schema: dict
    version: int | None      # the stored template's version; None for the built-in fallback


def inputs_of(name: str) -> set[str]:
    """The `$names` a template of that name may use: those of its built-in version."""
    return set(Template(BUILT_IN[name]["user_prompt_template"]).get_identifiers())


class PromptTemplateService:
    """Reads, edits and renders the stored prompt templates."""

    def __init__(self, storage):
        self._storage = storage

    def install_defaults(self, attempts: int = 3) -> int:
        """Store every built-in template that is not stored yet (one write); returns how many
        were added."""
        missing = [PromptTemplate(template_id=new_id(), name=name, updated_at=now_iso(), **parts)
                   for name, parts in BUILT_IN.items()
                   if self._storage.prompt_template_named(name) is None]
        if not missing:
            return 0
        try:
            with self._storage.transaction() as tx:
                for template in missing:
                    tx.insert(template)
        except (DuplicateKey, TransactionConflict):
            # Another process (a second worker starting on a new database) installed them
            # between the check and the write: look again at what is stored now.
            if attempts <= 1:
                raise
            return self.install_defaults(attempts - 1)
        log.info("prompt templates installed", extra={"fields": {"count": len(missing)}})
        return len(missing)

    # reading

    def list_templates(self) -> list[PromptTemplate]:
        """Every stored template, by name."""
        return self._storage.prompt_templates()

    def active_templates(self) -> list[PromptTemplate]:
        """The stored templates that are in use."""
        return [t for t in self.list_templates() if t.active]

    def by_name(self, name: str) -> PromptTemplate:
        """One stored template by name; 3001 when there is none."""
        template = self._storage.prompt_template_named(name)
        if template is None:
            raise NotFound("prompt template")
        return template

    def by_id(self, template_id: str) -> PromptTemplate:
        """One stored template by id; 3001 when there is none."""
        template = self._storage.get(PromptTemplate, template_id)
        if template is None:
            raise NotFound("prompt template")
        return template

    # editing

    @retry_on_conflict
    def update(self, name: str, changes: dict) -> PromptTemplate:
        """Change a template's parts (2001 naming what would not work); its version goes up."""
        changes = {k: v for k, v in changes.items() if k in EDITABLE and v is not None}
        _check(name, changes)
        with self._storage.transaction() as tx:
            template = tx.prompt_template_named(name)
            if template is None:
                raise NotFound("prompt template")
            for field_name, value in changes.items():
                setattr(template, field_name, value)
            template.version += 1
            template.updated_at = now_iso()
            tx.update(template)
        log.info("prompt template changed", extra={"fields": {"name": name,
                                                              "version": template.version}})
        return template

    # using

    def prompt(self, name: str, values: dict) -> Prompt:
        """The stored template rendered with `values`; the built-in one when the stored one is
        missing, switched off or broken (logged)."""
        stored = self._storage.prompt_template_named(name)
        if stored is not None and stored.active:
            try:
                check_schema(stored.output_format_schema)
                return Prompt(name, stored.system_prompt,
                              render(stored.user_prompt_template, values),
                              stored.output_format_schema, stored.version)
            except (SchemaError, KeyError, ValueError) as problem:
                log.warning("stored prompt template unusable; using the built-in one",
                            extra={"fields": {"name": name, "problem": type(problem).__name__}})
        else:
            log.warning("stored prompt template missing or inactive; using the built-in one",
                        extra={"fields": {"name": name}})
        built_in = BUILT_IN[name]
        return Prompt(name, built_in["system_prompt"],
                      render(built_in["user_prompt_template"], values),
                      built_in["output_format_schema"], None)


def _check(name: str, changes: dict) -> None:
    """2001 for a schema that is not a JSON Schema object or a user prompt naming unknown
    inputs or holding a stray `$`."""
    problems = {}
    if name not in BUILT_IN:
        raise NotFound("prompt template")
    schema = changes.get("output_format_schema")
    if schema is not None:
        try:
            if not isinstance(schema, dict) or schema.get("type") != "object":
                raise SchemaError("the schema must describe a JSON object")
            check_schema(schema)
        except SchemaError as error:
            problems["output_format_schema"] = f"not a usable JSON Schema: {error.message}"
    text = changes.get("user_prompt_template")
    if text is not None:
        template = Template(text)
        allowed = inputs_of(name)
        if not template.is_valid():
            problems["user_prompt_template"] = "a `$` must start an input name (write `$$` " \
                                               "for a dollar sign)"
        elif set(template.get_identifiers()) - allowed:
            unknown = ", ".join(sorted(set(template.get_identifiers()) - allowed))
            problems["user_prompt_template"] = (f"unknown input(s) {unknown}; this template "
                                                f"takes {', '.join(sorted(allowed))}")
    if problems:
        raise ValidationFailed(problems)
