"""The wording of the story-craft commands: world book, note, players, branches, sharing,
votes. Kept beside :mod:`bot.replies` and written the same way: usages from the
request's dialect, user text quoted back short, every sentence a gettext message."""

from __future__ import annotations

from datetime import UTC, datetime

from babel.dates import format_datetime

from bot.commands import Command, Dialect
from bot.i18n import N_, SOURCE, _, ngettext, speaking
from bot.replies import done, error, info, last_lines, quoted
from bot.types import Final
from storage.base import Branch, Player, WorldEntry

MAX_LISTED = 30


def _parts(count: int) -> str:
    return ngettext("{count} part", "{count} parts", count).format(count=count)


def _when(timestamp: float) -> str:
    """A branch's day and time as the reader's language writes them."""
    moment = datetime.fromtimestamp(timestamp, UTC)
    if speaking() == SOURCE:
        return moment.strftime("%Y-%m-%d %H:%M")
    return format_datetime(moment, "short", tzinfo=UTC, locale=speaking())


# world book


def world_list(entries: list[WorldEntry], dialect: Dialect) -> Final:
    if not entries:
        return info(
            _(
                "This story's world book is empty. Add what the storyteller must not forget: "
                "{usage}."
            ).format(usage=dialect.usage(Command.WORLD, "add")),
            command=Command.WORLD.value,
        )
    lines = [_("This story's world book:")]
    for entry in entries[:MAX_LISTED]:
        pin = " " + _("(always on)") if entry.pinned else ""
        also = " — " + _("also {names}").format(names=", ".join(entry.aliases))
        lines.append(f"• {entry.name}{also if entry.aliases else ''}{pin}")
    lines += [
        "",
        _("{usage} shows an entry.").format(usage=dialect.usage(Command.WORLD, "show")),
    ]
    return info("\n".join(lines), command=Command.WORLD.value)


def world_entry(entry: WorldEntry) -> Final:
    also = "\n" + _("Also called: {names}").format(names=", ".join(entry.aliases))
    pin = "\n" + _("Always given to the storyteller.") if entry.pinned else ""
    also = also if entry.aliases else ""
    return info(f"{entry.name}{also}\n{entry.description}{pin}", command=Command.WORLD.value)


def world_added(entry: WorldEntry) -> Final:
    also = " (" + _("also {names}").format(names=", ".join(entry.aliases)) + ")"
    return done(
        _(
            "The world book now knows {name}; the storyteller is given it whenever "
            "that name comes up."
        ).format(name=entry.name + (also if entry.aliases else "")),
        command=Command.WORLD.value,
    )


def world_add_usage(dialect: Dialect) -> Final:
    return error(
        _(
            "Write it as {usage}, e.g. "
            "/story world add Mara, the thief: a quick-fingered girl who owes the guild money."
        ).format(usage=dialect.usage(Command.WORLD, "add")),
        command=Command.WORLD.value,
    )


def no_such_entry(name: str, dialect: Dialect) -> Final:
    return error(
        _("The world book has no entry “{name}”; {usage} lists them.").format(
            name=quoted(name), usage=dialect.usage(Command.WORLD, "list")
        ),
        command=Command.WORLD.value,
    )


def world_full(limit: int) -> Final:
    return error(
        _("This story's world book already has {limit} entries. Remove one first.").format(
            limit=limit
        ),
        command=Command.WORLD.value,
    )


# author's note


def note_shown(note: str, dialect: Dialect) -> Final:
    if not note:
        return info(
            _("This story has no author's note. Set one to guide every part: {usage}.").format(
                usage=dialect.usage(Command.NOTE, "set")
            ),
            command=Command.NOTE.value,
        )
    return info(
        _("Author's note: {note}").format(note=note)
        + "\n\n"
        + _("{usage} removes it.").format(usage=dialect.usage(Command.NOTE, "clear")),
        command=Command.NOTE.value,
    )


# players


def cast_list(players: list[Player], turn: Player | None, dialect: Dialect) -> Final:
    if not players:
        return info(
            _("Nobody plays a character in this story yet: {usage}.").format(
                usage=dialect.usage(Command.JOIN)
            ),
            command=Command.CAST.value,
        )
    lines = [_("The cast:")]
    for player in players:
        about = f" — {player.description}" if player.description else ""
        now = " " + _("(their turn)")
        now = now if turn is not None and turn.user_id == player.user_id else ""
        played = _("{character}, played by {player}").format(
            character=player.character, player=player.user_name
        )
        lines.append(f"• {played}{about}{now}")
    return info("\n".join(lines), command=Command.CAST.value)


def joined(player: Player) -> Final:
    return done(
        _(
            "{player} plays {character} in this story. What you write now is {character}'s doing."
        ).format(player=player.user_name, character=player.character),
        command=Command.JOIN.value,
    )


def join_usage(dialect: Dialect) -> Final:
    return error(
        _("Write it as {usage}, e.g. /story join Mara: a thief with a conscience.").format(
            usage=dialect.usage(Command.JOIN)
        ),
        command=Command.JOIN.value,
    )


# branches


def branch_list(branches: list[Branch], current_parts: int, dialect: Dialect) -> Final:
    if not branches:
        return info(
            ngettext(
                "This story has one line, {count} part long. Retry, undo and edit "
                "keep what they replace as branches; {usage} starts one.",
                "This story has one line, {count} parts long. Retry, undo and edit "
                "keep what they replace as branches; {usage} starts one.",
                current_parts,
            ).format(count=current_parts, usage=dialect.usage(Command.BRANCH)),
            command=Command.BRANCHES.value,
        )
    lines = [
        _("Current line: {parts}.").format(parts=_parts(current_parts)),
        _("Branches:"),
    ]
    for branch in branches[:MAX_LISTED]:
        opening = quoted(branch.opening.replace("\n", " "))
        where = _("after part {seq}, {parts} ({kind}, {when})").format(
            seq=branch.fork_seq,
            parts=_parts(branch.parts),
            kind=branch_kind(branch.kind),
            when=_when(branch.created_at),
        )
        lines.append(f"{branch.id}. {where}: “{opening}”")
    lines += [
        "",
        _("{usage} continues one; nothing is deleted.").format(usage=dialect.usage(Command.SWITCH)),
    ]
    return info("\n".join(lines), command=Command.BRANCHES.value)


KINDS = {
    "branch": N_("branch"),
    "retry": N_("retry"),
    "undo": N_("undo"),
    "edit": N_("edit"),
    "switch": N_("switch"),
}
"""What made a branch, as a list shows it."""


def branch_kind(kind: str) -> str:
    """What made a branch (``retry``, ``edit``…) in the reader's language."""
    return _(KINDS.get(kind or "branch", kind))


def forked(seq: int, kind: str) -> str:
    """Where a branch forks and what made it, for a menu: ``after part 3 (retry)``."""
    return _("after part {seq} ({kind})").format(seq=seq, kind=branch_kind(kind))


def branched(branch: Branch, dialect: Dialect) -> Final:
    return done(
        _(
            "Parts {first}–{last} are kept as branch {branch}; the story goes on from part "
            "{seq}. {usage} writes the new part."
        ).format(
            first=branch.fork_seq + 1,
            last=branch.fork_seq + branch.parts,
            branch=branch.id,
            seq=branch.fork_seq,
            usage=dialect.usage(Command.CONTINUE),
        ),
        command=Command.BRANCH.value,
    )


def switched(title: str, parts: int, last: str, dialect: Dialect) -> Final:
    ending = last_lines(last)
    shown = f"\n\n…{ending}" if ending else ""
    now = _(
        "Now on this line of “{title}” ({parts}); the line it replaced is kept as a branch."
    ).format(title=title, parts=_parts(parts))
    listed = _("{usage} lists them all.").format(usage=dialect.usage(Command.BRANCHES))
    return done(
        f"{now}{shown}\n\n{listed}",
        command=Command.SWITCH.value,
    )


def edit_overtaken(seq: int, dialect: Dialect) -> Final:
    return error(
        _(
            "The story went on while you were editing: part {seq} is the last one now. Nothing "
            "was changed; {usage} opens it again."
        ).format(seq=seq, usage=dialect.usage(Command.EDIT)),
        command=Command.EDIT.value,
        outcome="stale",
    )


def edited(seq: int) -> Final:
    return done(
        _("Part {seq} is rewritten as you wrote it; the old text is kept as a branch.").format(
            seq=seq
        ),
        command=Command.EDIT.value,
    )


# sharing


def share_code(code: str, title: str, hours: int, dialect: Dialect) -> Final:
    return info(
        _("Share code for “{title}”: {code}").format(title=title, code=code)
        + "\n"
        + _(
            "In any channel, on any platform, {usage} starts a copy (valid {hours} h). "
            "This story is not changed."
        ).format(usage=dialect.usage(Command.IMPORT, code=code), hours=hours),
        command=Command.SHARE.value,
        private=False,
    )


def imported(title: str, parts: int, dialect: Dialect) -> Final:
    return done(
        _(
            "Imported “{title}” ({parts}) as this channel's story; the story that was "
            "running is archived. {usage} goes on from here."
        ).format(title=title, parts=_parts(parts), usage=dialect.usage(Command.CONTINUE)),
        command=Command.IMPORT.value,
    )


def unknown_code(code: str) -> Final:
    return error(
        _(
            "No story is shared under “{code}”: codes last 24 hours. Ask for a new one "
            "with /story share."
        ).format(code=quoted(code)),
        command=Command.IMPORT.value,
    )
