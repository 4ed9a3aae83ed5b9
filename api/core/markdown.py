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


def block(text, indent: str = "") -> str:
    """Multi-line text for paragraphs: each line escaped and unindented (no code blocks), and
    ended by a hard line break (a backslash) when another line follows, so line breaks show.

    `indent` starts every line after the first (the continuation of a list item).
    """
    lines = [_escape_line(line.strip()) for line in str(text).splitlines()]
    return "\n".join(
        ("" if i == 0 or not line else indent) + line
        + ("\\" if line and i + 1 < len(lines) and lines[i + 1] else "")
        for i, line in enumerate(lines))


def _escape_line(line: str) -> str:
    escaped = _INLINE.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1)
                           else f"{m.group(2)}\\{m.group(3)}", escaped)
