"""Every reply Storybot writes that is not story text, worded once for every platform.

Usages in hints come from the request's :class:`~bot.commands.Dialect`, so a
Discord user is told ``/story new prompt:<text>`` where a Telegram user is told
``/story <prompt>``, and the core names no platform. Kept in one module so the
wording can be read, reviewed and (later) translated in one place.
"""

from __future__ import annotations

import time

from bot.commands import Command, Dialect
from bot.types import Attachment, Final, ReplyKind

SHOWN_MAX = 40
"""Characters of a user's bad input quoted back in an answer."""


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


def done(text: str, *, command: str) -> Final:
    """A change the whole channel should see (a setting, a prompt added)."""
    return info(text, command=command, private=False)


def error(text: str, *, command: str = "", outcome: str = "refused") -> Final:
    """Bad input or a failure: short, says what would work, shown only to the asker."""
    return Final(text, kind=ReplyKind.ERROR, private=True, command=command, outcome=outcome)


def quoted(text: str) -> str:
    """A user's input shown back, cut short: an answer never repeats a whole paste."""
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1] + "…"


# admission


def restarting() -> Final:
    return error("Storybot is restarting. Try again in a minute.", outcome="closing")


def busy(waiting: int) -> Final:
    return error(
        f"This channel already has {waiting} requests waiting. "
        "Give the story a moment, then try again.",
        outcome="busy",
    )


def busy_everywhere() -> Final:
    return error(
        "Storybot has too many stories on the go right now. Try again in a minute.",
        outcome="busy",
    )


def failed() -> Final:
    return error(
        "Something went wrong on my side, sorry. Nothing was lost; try again.", outcome="error"
    )


def did_you_mean(meant: Command, typed: str, dialect: Dialect) -> Final:
    """A slip of the keyboard changes nothing; the answer says how to do either."""
    start = dialect.usage(Command.NEW, text=typed, prompt=typed)
    return error(
        f"Did you mean {dialect.usage(meant)}? Nothing was changed. "
        f"To start a story about “{quoted(typed)}”, use {start}.",
        command=meant.value,
        outcome="typo",
    )


def not_your_turn(character: str, name: str, command: Command) -> Final:
    return error(
        f"It is {character}'s turn ({name}). Turns pass after each part; "
        "/story cast shows the order.",
        command=command.value,
        outcome="turn",
    )


def managers_only(command: Command) -> Final:
    return error("Only people who manage this channel can do that here.", command=command.value)


def over_user_budget(tokens: int, command: Command) -> Final:
    return error(
        f"You have used today's story budget ({tokens} tokens). It renews at midnight UTC.",
        command=command.value,
        outcome="budget",
    )


def over_channel_budget(tokens: int, command: Command) -> Final:
    return error(
        f"This channel has used today's story budget ({tokens} tokens). It renews at midnight UTC.",
        command=command.value,
        outcome="budget",
    )


# stories


def no_story(command: Command, dialect: Dialect) -> Final:
    return error(
        "There is no story in this channel yet. Start one with "
        f"{dialect.usage(Command.NEW, 'start')}, or {dialect.usage(Command.RANDOM)} "
        "for a surprise.",
        command=command.value,
        outcome="no_story",
    )


def too_long(what: str, length: int, limit: int, command: Command) -> Final:
    return error(
        f"That {what} is {length} characters; the limit is {limit}. Try a shorter one.",
        command=command.value,
    )


def stale_choice() -> Final:
    return error(
        "That choice belongs to an earlier part; the story has moved on.",
        command=Command.CHOOSE.value,
        outcome="stale",
    )


def no_choices(dialect: Dialect) -> Final:
    return error(
        f"The last part has no choices. Use {dialect.usage(Command.CONTINUE, 'steer')}, or "
        "turn choices on with "
        f"{dialect.usage(Command.SETTINGS, 'set', key='choices', value='on')}.",
        command=Command.CHOOSE.value,
    )


def pick_between(count: int, dialect: Dialect) -> Final:
    return error(
        f"Pick an option from 1 to {count}, e.g. {dialect.usage(Command.CHOOSE, n='1')}.",
        command=Command.CHOOSE.value,
    )


def you_chose(label: str) -> str:
    return f"You chose: {label}\n\n"


def random_prompt(premise: str) -> str:
    return f"Prompt: {premise}\n\n"


def ended(dialect: Dialect) -> str:
    return (
        "\n\nThis story is finished and archived. Start a new one with "
        f"{dialect.usage(Command.NEW, 'start')} or {dialect.usage(Command.RANDOM)}."
    )


NOTHING_WRITTEN = "The storyteller wrote nothing this time. Try again."
INTERRUPTED = "Storybot is restarting, so this part was interrupted."
TOO_MUCH = "The storyteller kept going far past this part's length, so it was stopped."


def cut_off(reason: str | None, dialect: Dialect) -> str:
    """The note after a part the storyteller did not finish."""
    why = reason or "The storyteller stopped early."
    return f"\n\n[{why} The part was cut off here; {dialect.usage(Command.RETRY)} rewrites it.]"


def not_saved(shown: str, command: Command) -> Final:
    """The part was shown but could not be stored: say so, never "nothing was lost"."""
    return Final(
        shown + "\n\n[This part could not be saved, so the story does not include it. "
        "Try again in a moment.]",
        kind=ReplyKind.ERROR,
        command=command.value,
        outcome="not_saved",
    )


# greetings


def first_greeting(dialect: Dialect) -> str:
    return (
        "Type a story idea to begin; then plain text steers the story and a number picks "
        f"an option. {dialect.usage(Command.HELP)} lists the commands."
    )


def welcome_back(title: str, parts: int, last: str, dialect: Dialect) -> str:
    """The running story, where it stopped, and the ways on."""
    ending = last_lines(last)
    shown = f"\n\n…{ending}\n\n" if ending else "\n\n"
    return (
        f"Welcome back. This chat's story, “{title}”, has {parts} "
        f"part{'s' if parts != 1 else ''}.{shown}"
        "Type what happens next to continue it (or a number to pick an option), "
        f"{dialect.usage(Command.NEW)} to start another (this one is archived), "
        f"or {dialect.usage(Command.HELP)} for everything else."
    )


def last_lines(text: str, most: int = 280) -> str:
    """The end of a part as a reader would want it recalled: its last sentences,
    without the options list, cut at a sentence or word boundary."""
    body = text.split("\n\nWhat happens next?")[0].strip()
    if len(body) <= most:
        return body
    tail = body[-most:]
    for stop in (". ", "! ", "? ", "。", "\n"):
        cut = tail.find(stop)
        if 0 <= cut < most // 2:
            return tail[cut + len(stop) :].strip()
    return tail.split(" ", 1)[-1].strip()


# channel commands


def help_text(dialect: Dialect, storyteller: str) -> str:
    from bot.commands import SPECS

    lines = [
        "Storybot writes stories with this channel. Commands:",
        *(f"{dialect.usage(spec.command)} - {spec.summary}" for spec in SPECS),
        "",
    ]
    if dialect.prose_starts_story:
        lines.append("Any other text after /story starts a new story from it.")
    lines.append(f"Stories are written by {storyteller}.")
    return "\n".join(lines)


def story_list(stories: list[tuple[int, str, str, int, float]], dialect: Dialect) -> Final:
    """``(id, title, status, parts, last played)`` for each story, newest first."""
    if not stories:
        return info(
            f"This channel has no stories yet. Start one with "
            f"{dialect.usage(Command.NEW, 'start')}.",
            command=Command.STORIES.value,
        )
    lines = ["This channel's stories:"]
    for number, title, status, parts, played in stories:
        when = time.strftime("%Y-%m-%d", time.gmtime(played))
        state = "current" if status == "active" else status
        lines.append(
            f"{number}. {title} ({parts} part{'s' if parts != 1 else ''}, "
            f"last played {when}, {state})"
        )
    lines += ["", f"{dialect.usage(Command.RESUME)} makes one current again; nothing is deleted."]
    return info("\n".join(lines), command=Command.STORIES.value)


def resume_needs_number(dialect: Dialect) -> Final:
    return error(
        f"Give the story's number: {dialect.usage(Command.RESUME)} "
        f"(see {dialect.usage(Command.STORIES)}).",
        command=Command.RESUME.value,
    )


def no_such_story(number: str, dialect: Dialect) -> Final:
    return error(
        f"There is no story {quoted(number)} in this channel; "
        f"{dialect.usage(Command.STORIES)} lists them.",
        command=Command.RESUME.value,
    )


def resumed(title: str, parts: int, last: str, dialect: Dialect) -> Final:
    ending = last_lines(last)
    shown = f"\n\n…{ending}" if ending else ""
    return done(
        f"Back to “{title}” ({parts} part{'s' if parts != 1 else ''}); the story that was "
        f"running is archived.{shown}\n\n{dialect.usage(Command.CONTINUE)} goes on from here.",
        command=Command.RESUME.value,
    )


def settings_shown(described: str, dialect: Dialect) -> Final:
    return info(
        f"Story settings for this channel:\n{described}\n\n"
        f"Change one with {dialect.usage(Command.SETTINGS, 'set')}.",
        command=Command.SETTINGS.value,
    )


def unknown_setting(key: str, valid: str) -> Final:
    return error(f"Unknown setting `{quoted(key)}`. {valid}", command=Command.SETTINGS.value)


def setting_needs_value(key: str, hint: str, dialect: Dialect) -> Final:
    usage = dialect.usage(Command.SETTINGS, "set", key=key)
    return error(f"Give a value: {usage} ({hint}).", command=Command.SETTINGS.value)


def prompt_list(starters: list[str], own: list[tuple[int, str]], dialect: Dialect) -> Final:
    lines = ["Starter prompts:"]
    lines += [f"s{i}. {text}" for i, text in enumerate(starters, start=1)]
    if own:
        lines += ["", "This channel's prompts:"]
        lines += [f"{number}. {text}" for number, text in own]
    lines += [
        "",
        f"Add one with {dialect.usage(Command.PROMPTS, 'add')}; "
        f"{dialect.usage(Command.RANDOM)} picks one.",
    ]
    return info("\n".join(lines), command=Command.PROMPTS.value)


def prompt_needs_text(dialect: Dialect) -> Final:
    return error(
        f"Give the prompt's text: {dialect.usage(Command.PROMPTS, 'add')}.",
        command=Command.PROMPTS.value,
    )


def prompts_full(limit: int, dialect: Dialect) -> Final:
    return error(
        f"This channel already has {limit} prompts. Remove one with "
        f"{dialect.usage(Command.PROMPTS, 'remove')} first.",
        command=Command.PROMPTS.value,
    )


def prompt_needs_number(dialect: Dialect) -> Final:
    return error(
        f"Give the prompt's number: {dialect.usage(Command.PROMPTS, 'remove')} "
        f"(see {dialect.usage(Command.PROMPTS, 'list')}).",
        command=Command.PROMPTS.value,
    )


def no_such_prompt(number: str, dialect: Dialect) -> Final:
    return error(
        f"There is no prompt {quoted(number)} in this channel; "
        f"{dialect.usage(Command.PROMPTS, 'list')} lists them.",
        command=Command.PROMPTS.value,
    )


def prompts_usage(dialect: Dialect) -> Final:
    return error(
        f"Use {dialect.usage(Command.PROMPTS, 'list')}, {dialect.usage(Command.PROMPTS, 'add')} "
        f"or {dialect.usage(Command.PROMPTS, 'remove')}.",
        command=Command.PROMPTS.value,
    )


def only_opening_left(dialect: Dialect) -> Final:
    return error(
        f"Only the opening is left. Rewrite it with {dialect.usage(Command.RETRY)}, or start "
        f"anew with {dialect.usage(Command.NEW)}.",
        command=Command.UNDO.value,
    )


def dropped(seq: int, dialect: Dialect) -> Final:
    return done(
        f"Dropped part {seq}. The story now ends at part {seq - 1}; "
        f"{dialect.usage(Command.CONTINUE)} writes a new one.",
        command=Command.UNDO.value,
    )


def forget_first(dialect: Dialect) -> Final:
    return error(
        "This deletes every story, setting and prompt stored for this channel. To go ahead: "
        + dialect.usage(Command.FORGET, "confirm"),
        command=Command.FORGET.value,
        outcome="confirm",
    )


def no_scheduler() -> Final:
    return error(
        "The story of the day works when Storybot runs as a service (storybot run), not here.",
        command=Command.SUBSCRIBE.value,
    )


def subscribe_needs_time(dialect: Dialect) -> Final:
    example = dialect.usage(Command.SUBSCRIBE, time="09:00", timezone="Europe/Berlin")
    return error(
        f"Give a time of day, e.g. {example.replace('[', '').replace(']', '')} "
        "(the timezone is optional; UTC by default).",
        command=Command.SUBSCRIBE.value,
    )


def unknown_timezone(zone: str) -> Final:
    return error(
        f"Unknown timezone `{quoted(zone)}`. Use a name like Europe/Berlin, "
        "America/New_York or UTC.",
        command=Command.SUBSCRIBE.value,
    )


def subscribed(at_time: str, zone: str, dialect: Dialect) -> Final:
    return done(
        f"Every day at {at_time} ({zone}) this channel gets a fresh story. "
        f"{dialect.usage(Command.UNSUBSCRIBE)} stops it.",
        command=Command.SUBSCRIBE.value,
    )
