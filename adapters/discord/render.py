"""Plain text to Discord message content, and how Discord measures it.

The engine's text is plain, so Discord markdown in it (a model's ``*``, a
user's ``||spoiler||`` or ``# heading``) is escaped and shows as typed. Mentions
are never escaped here: every message is sent with :data:`NO_MENTIONS`, so a
``@everyone`` or ``<@id>`` in a story shows but pings nobody.
"""

from __future__ import annotations

import discord

MAX_CONTENT = 2000
"""Discord's limit on a message's content, counted after escaping."""

NO_MENTIONS = discord.AllowedMentions.none()
"""``{"parse": []}``: no user, role or @everyone ping from any text we send."""


def render(text: str) -> str:
    """Message content showing ``text`` exactly as written."""
    return discord.utils.escape_markdown(text)


def measure(text: str) -> int:
    """Length as Discord counts it, so the delivery layer splits before 2,000."""
    return len(render(text))


def button_label(number: int, label: str, limit: int = 80) -> str:
    """``1. Go left``, cut to Discord's 80-character button label limit."""
    text = f"{number}. {' '.join(label.split())}"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
