"""Every reply Storybot writes that is not story text, worded once for every platform.

Usages in hints come from the request's :class:`~bot.commands.Dialect`, so a
Discord user is told ``/story new prompt:<text>`` where a Telegram user is told
``/story <prompt>``, and the core names no platform. Kept in one module so the
wording can be read, reviewed and translated in one place: every sentence is a
gettext message (:mod:`bot.i18n`) in the language of the turn, with named
placeholders a translator can move, and numbers, dates and plurals by that
language's rules.
"""

from __future__ import annotations

import re

from bot.commands import Command, Dialect
from bot.i18n import N_, _, date, listed, native_name, ngettext
from bot.i18n import number as figure
from bot.providers.base import Languages
from bot.providers.story_text import strip_choices
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
    return error(_("Storybot is restarting. Try again in a minute."), outcome="closing")


def busy(waiting: int) -> Final:
    return error(
        ngettext(
            "This channel already has {count} request waiting. "
            "Give the story a moment, then try again.",
            "This channel already has {count} requests waiting. "
            "Give the story a moment, then try again.",
            waiting,
        ).format(count=waiting),
        outcome="busy",
    )


def busy_everywhere() -> Final:
    return error(
        _("Storybot has too many stories on the go right now. Try again in a minute."),
        outcome="busy",
    )


def failed() -> Final:
    return error(
        _("Something went wrong on my side, sorry. Nothing was lost; try again."),
        outcome="error",
    )


def did_you_mean(meant: Command, typed: str, dialect: Dialect) -> Final:
    """A slip of the keyboard changes nothing; the answer says how to do either."""
    start = dialect.usage(Command.NEW, text=typed, prompt=typed)
    return error(
        _(
            "Did you mean {usage}? Nothing was changed. "
            "To start a story about “{typed}”, use {start}."
        ).format(usage=dialect.usage(meant), typed=quoted(typed), start=start),
        command=meant.value,
        outcome="typo",
    )


def not_your_turn(character: str, name: str, command: Command) -> Final:
    return error(
        _(
            "It is {character}'s turn ({name}). Turns pass after each part; "
            "/story cast shows the order."
        ).format(character=character, name=name),
        command=command.value,
        outcome="turn",
    )


def managers_only(command: Command) -> Final:
    return error(_("Only people who manage this channel can do that here."), command=command.value)


def over_user_budget(tokens: int, command: Command) -> Final:
    return error(
        _(
            "You have used today's story budget ({tokens} tokens). It renews at midnight UTC."
        ).format(tokens=figure(tokens)),
        command=command.value,
        outcome="budget",
    )


def over_channel_budget(tokens: int, command: Command) -> Final:
    return error(
        _(
            "This channel has used today's story budget ({tokens} tokens). "
            "It renews at midnight UTC."
        ).format(tokens=figure(tokens)),
        command=command.value,
        outcome="budget",
    )


# stories


def no_story(command: Command, dialect: Dialect) -> Final:
    return error(
        _(
            "There is no story in this channel yet. Start one with {start}, "
            "or {random} for a surprise."
        ).format(start=dialect.usage(Command.NEW, "start"), random=dialect.usage(Command.RANDOM)),
        command=command.value,
        outcome="no_story",
    )


TOO_LONG = {
    "prompt": N_("That prompt is {length} characters; the limit is {limit}. Try a shorter one."),
    "direction": N_(
        "That direction is {length} characters; the limit is {limit}. Try a shorter one."
    ),
    "part": N_("That part is {length} characters; the limit is {limit}. Try a shorter one."),
}
"""One whole sentence per thing that can be too long: a translator needs the noun's
gender and case, which a ``{what}`` slot would hide."""


def too_long(what: str, length: int, limit: int, command: Command) -> Final:
    return error(
        _(TOO_LONG[what]).format(length=figure(length), limit=figure(limit)),
        command=command.value,
    )


def stale_choice() -> Final:
    return error(
        _("That choice belongs to an earlier part; the story has moved on."),
        command=Command.CHOOSE.value,
        outcome="stale",
    )


def no_choices(dialect: Dialect) -> Final:
    return error(
        _("The last part has no choices. Use {steer}, or turn choices on with {on}.").format(
            steer=dialect.usage(Command.CONTINUE, "steer"),
            on=dialect.usage(Command.SETTINGS, "set", key="choices", value="on"),
        ),
        command=Command.CHOOSE.value,
    )


def pick_between(count: int, dialect: Dialect) -> Final:
    return error(
        _("Pick an option from 1 to {count}, e.g. {usage}.").format(
            count=count, usage=dialect.usage(Command.CHOOSE, n="1")
        ),
        command=Command.CHOOSE.value,
    )


def you_chose(label: str) -> str:
    return _("You chose: {label}").format(label=label) + "\n\n"


def random_prompt(premise: str) -> str:
    return _("Prompt: {premise}").format(premise=premise) + "\n\n"


def ended(dialect: Dialect) -> str:
    return "\n\n" + _(
        "This story is finished and archived. Start a new one with {start} or {random}."
    ).format(start=dialect.usage(Command.NEW, "start"), random=dialect.usage(Command.RANDOM))


NOTHING_WRITTEN = N_("The storyteller wrote nothing this time. Try again.")
INTERRUPTED = N_("Storybot is restarting, so this part was interrupted.")
TOO_MUCH = N_("The storyteller kept going far past this part's length, so it was stopped.")
"""Why a part failed, kept in English while the part is written (and in logs) and
translated with :func:`~bot.i18n._` where the reader is told, as a provider's
``user_message`` is."""


def cut_off(reason: str | None, dialect: Dialect) -> str:
    """The note after a part the storyteller did not finish."""
    why = _(reason or N_("The storyteller stopped early."))
    note = _("{why} The part was cut off here; {usage} rewrites it.")
    return f"\n\n[{note.format(why=why, usage=dialect.usage(Command.RETRY))}]"


def not_saved(shown: str, command: Command) -> Final:
    """The part was shown but could not be stored: say so, never "nothing was lost"."""
    return Final(
        shown
        + "\n\n["
        + _(
            "This part could not be saved, so the story does not include it. Try again in a moment."
        )
        + "]",
        kind=ReplyKind.ERROR,
        command=command.value,
        outcome="not_saved",
    )


# greetings


def first_greeting(dialect: Dialect) -> str:
    return _(
        "Type a story idea to begin; then plain text steers the story and a number picks "
        "an option. {help} lists the commands."
    ).format(help=dialect.usage(Command.HELP))


def welcome_back(title: str, parts: int, last: str, dialect: Dialect) -> str:
    """The running story, where it stopped, and the ways on."""
    ending = last_lines(last)
    shown = f"\n\n…{ending}\n\n" if ending else "\n\n"
    has = ngettext(
        "Welcome back. This chat's story, “{title}”, has {count} part.",
        "Welcome back. This chat's story, “{title}”, has {count} parts.",
        parts,
    ).format(title=title, count=parts)
    ways = _(
        "Type what happens next to continue it (or a number to pick an option), "
        "{new} to start another (this one is archived), or {help} for everything else."
    ).format(new=dialect.usage(Command.NEW), help=dialect.usage(Command.HELP))
    return f"{has}{shown}{ways}"


def last_lines(text: str, most: int = 280) -> str:
    """The end of a part as a reader would want it recalled: its last sentences,
    without the options list, cut at a sentence or word boundary."""
    body = strip_choices(text).strip()  # the options, under their heading in any language
    if len(body) <= most:
        return body
    tail = body[-most:]
    for stop in (". ", "! ", "? ", "。", "！", "？", "\n"):
        cut = tail.find(stop)
        if 0 <= cut < most // 2:
            return tail[cut + len(stop) :].strip()
    return tail.split(" ", 1)[-1].strip()


# channel commands


def help_text(dialect: Dialect, storyteller: str) -> str:
    from bot.commands import SPECS

    lines = [
        _("Storybot writes stories with this channel. Commands:"),
        *(f"{dialect.usage(spec.command)} - {_(spec.summary)}" for spec in SPECS),
        "",
    ]
    if dialect.prose_starts_story:
        lines.append(_("Any other text after /story starts a new story from it."))
    lines.append(
        _("Stories are written by {storyteller}.").format(storyteller=storyteller_name(storyteller))
    )
    return "\n".join(lines)


STATES = {"active": N_("current"), "ended": N_("ended"), "archived": N_("archived")}
"""A story's status as a list shows it."""


OFFLINE_NAME = N_("the built-in offline storyteller")
_MODEL_NAME = re.compile(r"the (?P<model>\S+) model(?: at (?P<host>\S+))?")


def storyteller_name(name: str) -> str:
    """A storyteller's name in the reader's language. The built-in one's is a message;
    a model's is "the <model> model at <host>" (as :mod:`bot.providers` labels it), its
    model and host kept; any other name is shown as it is."""
    model = _MODEL_NAME.fullmatch(name)
    if model is None:
        return _(name)
    if model["host"] is None:
        return _("the {model} model").format(model=model["model"])
    return _("the {model} model at {host}").format(model=model["model"], host=model["host"])


def story_list(stories: list[tuple[int, str, str, int, float]], dialect: Dialect) -> Final:
    """``(id, title, status, parts, last played)`` for each story, newest first."""
    if not stories:
        return info(
            _("This channel has no stories yet. Start one with {start}.").format(
                start=dialect.usage(Command.NEW, "start")
            ),
            command=Command.STORIES.value,
        )
    lines = [_("This channel's stories:")]
    for number, title, status, parts, played in stories:
        state = _(STATES.get(status, status))
        about = ngettext(
            "{count} part, last played {when}, {state}",
            "{count} parts, last played {when}, {state}",
            parts,
        ).format(count=parts, when=date(played), state=state)
        lines.append(f"{number}. {title} ({about})")
    lines += [
        "",
        _("{usage} makes one current again; nothing is deleted.").format(
            usage=dialect.usage(Command.RESUME)
        ),
    ]
    return info("\n".join(lines), command=Command.STORIES.value)


def resume_needs_number(dialect: Dialect) -> Final:
    return error(
        _("Give the story's number: {usage} (see {stories}).").format(
            usage=dialect.usage(Command.RESUME), stories=dialect.usage(Command.STORIES)
        ),
        command=Command.RESUME.value,
    )


def no_such_story(number: str, dialect: Dialect) -> Final:
    return error(
        _("There is no story {number} in this channel; {stories} lists them.").format(
            number=quoted(number), stories=dialect.usage(Command.STORIES)
        ),
        command=Command.RESUME.value,
    )


def resumed(title: str, parts: int, last: str, dialect: Dialect) -> Final:
    ending = last_lines(last)
    shown = f"\n\n…{ending}" if ending else ""
    back = ngettext(
        "Back to “{title}” ({count} part); the story that was running is archived.",
        "Back to “{title}” ({count} parts); the story that was running is archived.",
        parts,
    ).format(title=title, count=parts)
    on = _("{usage} goes on from here.").format(usage=dialect.usage(Command.CONTINUE))
    return done(
        f"{back}{shown}\n\n{on}",
        command=Command.RESUME.value,
    )


def settings_shown(described: str, dialect: Dialect) -> Final:
    return info(
        _("Story settings for this channel:")
        + f"\n{described}\n\n"
        + _("Change one with {usage}.").format(usage=dialect.usage(Command.SETTINGS, "set")),
        command=Command.SETTINGS.value,
    )


def language_not_written(wanted: str, current: str, writes: Languages) -> Final:
    """A story language the storyteller cannot write is refused when set: kept, it would
    be shown in the settings while every part came in another language."""
    names = listed([native_name(code) for code in writes.codes])
    return error(
        _(
            "The built-in storyteller writes only {languages}, not “{wanted}”, so the story "
            "language stays {current}. A language model storyteller writes any language."
        ).format(languages=names, wanted=quoted(wanted), current=current),
        command=Command.SETTINGS.value,
    )


def unknown_setting(key: str, valid: str) -> Final:
    return error(
        _("Unknown setting `{key}`. {valid}").format(key=quoted(key), valid=valid),
        command=Command.SETTINGS.value,
    )


def setting_needs_value(key: str, hint: str, dialect: Dialect) -> Final:
    usage = dialect.usage(Command.SETTINGS, "set", key=key)
    return error(
        _("Give a value: {usage} ({hint}).").format(usage=usage, hint=hint),
        command=Command.SETTINGS.value,
    )


def prompt_list(starters: list[str], own: list[tuple[int, str]], dialect: Dialect) -> Final:
    lines = [_("Starter prompts:")]
    lines += [f"s{i}. {text}" for i, text in enumerate(starters, start=1)]
    if own:
        lines += ["", _("This channel's prompts:")]
        lines += [f"{number}. {text}" for number, text in own]
    lines += [
        "",
        _("Add one with {add}; {random} picks one.").format(
            add=dialect.usage(Command.PROMPTS, "add"), random=dialect.usage(Command.RANDOM)
        ),
    ]
    return info("\n".join(lines), command=Command.PROMPTS.value)


def prompt_needs_text(dialect: Dialect) -> Final:
    return error(
        _("Give the prompt's text: {usage}.").format(usage=dialect.usage(Command.PROMPTS, "add")),
        command=Command.PROMPTS.value,
    )


def prompts_full(limit: int, dialect: Dialect) -> Final:
    return error(
        _("This channel already has {limit} prompts. Remove one with {usage} first.").format(
            limit=limit, usage=dialect.usage(Command.PROMPTS, "remove")
        ),
        command=Command.PROMPTS.value,
    )


def prompt_needs_number(dialect: Dialect, action: str = "remove") -> Final:
    return error(
        _("Give the prompt's number: {usage} (see {list}).").format(
            usage=dialect.usage(Command.PROMPTS, action),
            list=dialect.usage(Command.PROMPTS, "list"),
        ),
        command=Command.PROMPTS.value,
    )


def no_such_prompt(number: str, dialect: Dialect) -> Final:
    return error(
        _("There is no prompt {number} in this channel; {list} lists them.").format(
            number=quoted(number), list=dialect.usage(Command.PROMPTS, "list")
        ),
        command=Command.PROMPTS.value,
    )


def prompts_usage(dialect: Dialect) -> Final:
    return error(
        _("Use {list}, {add} or {remove}.").format(
            list=dialect.usage(Command.PROMPTS, "list"),
            add=dialect.usage(Command.PROMPTS, "add"),
            remove=dialect.usage(Command.PROMPTS, "remove"),
        ),
        command=Command.PROMPTS.value,
    )


def only_opening_left(dialect: Dialect) -> Final:
    return error(
        _("Only the opening is left. Rewrite it with {retry}, or start anew with {new}.").format(
            retry=dialect.usage(Command.RETRY), new=dialect.usage(Command.NEW)
        ),
        command=Command.UNDO.value,
    )


def dropped(seq: int, dialect: Dialect) -> Final:
    return done(
        _(
            "Dropped part {seq}. The story now ends at part {last}; {usage} writes a new one."
        ).format(seq=seq, last=seq - 1, usage=dialect.usage(Command.CONTINUE)),
        command=Command.UNDO.value,
    )


def forget_first(dialect: Dialect) -> Final:
    return error(
        _(
            "This deletes every story, setting and prompt stored for this channel. "
            "To go ahead: {usage}"
        ).format(usage=dialect.usage(Command.FORGET, "confirm")),
        command=Command.FORGET.value,
        outcome="confirm",
    )


def no_scheduler() -> Final:
    return error(
        _("The story of the day works when Storybot runs as a service (storybot run), not here."),
        command=Command.SUBSCRIBE.value,
    )


def subscribe_needs_time(dialect: Dialect) -> Final:
    example = dialect.usage(Command.SUBSCRIBE, time="09:00", timezone="Europe/Berlin")
    return error(
        _("Give a time of day, e.g. {example} (the timezone is optional; UTC by default).").format(
            example=example.replace("[", "").replace("]", "")
        ),
        command=Command.SUBSCRIBE.value,
    )


def unknown_timezone(zone: str) -> Final:
    return error(
        _(
            "Unknown timezone `{zone}`. Use a name like Europe/Berlin, America/New_York or UTC."
        ).format(zone=quoted(zone)),
        command=Command.SUBSCRIBE.value,
    )


def subscribed(at_time: str, zone: str, dialect: Dialect) -> Final:
    return done(
        _("Every day at {time} ({zone}) this channel gets a fresh story. {usage} stops it.").format(
            time=at_time, zone=zone, usage=dialect.usage(Command.UNSUBSCRIBE)
        ),
        command=Command.SUBSCRIBE.value,
    )
