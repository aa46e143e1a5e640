"""Short non-story replies, worded once for every platform."""

from __future__ import annotations

from bot.commands import NATIVE_PLATFORMS
from bot.types import Attachment, Final, ReplyKind


def info(
    text: str,
    *,
    command: str = "",
    private: bool = True,
    attachments: tuple[Attachment, ...] = (),
) -> Final:
    """An answer for the asker (help, settings, lists): private where the platform can."""
    return Final(
        text, kind=ReplyKind.INFO, private=private, command=command, attachments=attachments
    )


def error(text: str, *, command: str = "", outcome: str = "refused") -> Final:
    """Bad input or a failure: short, says what would work, shown only to the asker."""
    return Final(text, kind=ReplyKind.ERROR, private=True, command=command, outcome=outcome)


def no_story(command: str, platform: str = "") -> Final:
    start = "/story new prompt:<text>" if platform in NATIVE_PLATFORMS else "/story <prompt>"
    return error(
        f"There is no story in this channel yet. Start one with {start}, "
        "or /story random for a surprise.",
        command=command,
        outcome="no_story",
    )
