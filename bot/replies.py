"""Short non-story replies, worded once for every platform."""

from __future__ import annotations

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


def no_story(command: str) -> Final:
    return error(
        "There is no story in this channel yet. Start one with /story <prompt>, "
        "or /story random for a surprise.",
        command=command,
        outcome="no_story",
    )
