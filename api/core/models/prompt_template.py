"""A stored prompt the AI service sends."""

from dataclasses import dataclass, field

from core.models._base import Model


@dataclass
class PromptTemplate(Model):
    """A named, versioned prompt with the JSON schema its answer must match."""

    template_id: str
    name: str
    system_prompt: str
    user_prompt_template: str
    updated_at: str
    output_format_schema: dict = field(default_factory=dict)
    active: bool = True
    version: int = 1
