"""Writing user text into Markdown as plain text: nothing a user typed becomes formatting."""

from __future__ import annotations

import re

# Characters that start inline formatting, links, images, HTML, tables or escapes anywhere.
_INLINE = re.compile(r"([\\`*_\[\]<>|~!#{}&])")
# What makes a line a heading, quote, list item, rule or setext underline at its start.
_LINE_START = re.compile(r"^([-+=>])|^(\d+)([.)])")


def inline(text) -> str:
    """Text for one line of Markdown (a heading, a list item): escaped, white space collapsed."""
    return _escape_line(" ".join(str(text).split()))


def block(text) -> str:
    """Multi-line text for paragraphs: each line escaped and unindented (no code blocks)."""
    return "\n".join(_escape_line(line.strip()) for line in str(text).splitlines())


def _escape_line(line: str) -> str:
    escaped = _INLINE.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1)
                           else f"{m.group(2)}\\{m.group(3)}", escaped)
