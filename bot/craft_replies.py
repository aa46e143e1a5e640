"""The wording of the story-craft commands: world book, note, players, branches, sharing,
votes. Kept beside :mod:`bot.replies` and written the same way: usages from the
request's dialect, user text quoted back short."""

from __future__ import annotations

import time

from bot.commands import Command, Dialect
from bot.replies import done, error, info, last_lines, quoted
from bot.types import Final
from storage.base import Branch, Player, WorldEntry

MAX_LISTED = 30


def _s(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# world book


def world_list(entries: list[WorldEntry], dialect: Dialect) -> Final:
    if not entries:
        return info(
            "This story's world book is empty. Add what the storyteller must not forget: "
            f"{dialect.usage(Command.WORLD, 'add')}.",
            command=Command.WORLD.value,
        )
    lines = ["This story's world book:"]
    for entry in entries[:MAX_LISTED]:
        pin = " (always on)" if entry.pinned else ""
        also = f" — also {', '.join(entry.aliases)}" if entry.aliases else ""
        lines.append(f"• {entry.name}{also}{pin}")
    lines += ["", f"{dialect.usage(Command.WORLD, 'show')} shows an entry."]
    return info("\n".join(lines), command=Command.WORLD.value)


def world_entry(entry: WorldEntry) -> Final:
    also = f"\nAlso called: {', '.join(entry.aliases)}" if entry.aliases else ""
    pin = "\nAlways given to the storyteller." if entry.pinned else ""
    return info(f"{entry.name}{also}\n{entry.description}{pin}", command=Command.WORLD.value)


def world_added(entry: WorldEntry) -> Final:
    also = f" (also {', '.join(entry.aliases)})" if entry.aliases else ""
    return done(
        f"The world book now knows {entry.name}{also}; the storyteller is given it whenever "
        "that name comes up.",
        command=Command.WORLD.value,
    )


def world_add_usage(dialect: Dialect) -> Final:
    return error(
        f"Write it as {dialect.usage(Command.WORLD, 'add')}, e.g. "
        "/story world add Mara, the thief: a quick-fingered girl who owes the guild money.",
        command=Command.WORLD.value,
    )


def no_such_entry(name: str, dialect: Dialect) -> Final:
    return error(
        f"The world book has no entry “{quoted(name)}”; {dialect.usage(Command.WORLD, 'list')} "
        "lists them.",
        command=Command.WORLD.value,
    )


def world_full(limit: int) -> Final:
    return error(
        f"This story's world book already has {limit} entries. Remove one first.",
        command=Command.WORLD.value,
    )


# author's note


def note_shown(note: str, dialect: Dialect) -> Final:
    if not note:
        return info(
            "This story has no author's note. Set one to guide every part: "
            f"{dialect.usage(Command.NOTE, 'set')}.",
            command=Command.NOTE.value,
        )
    return info(
        f"Author's note: {note}\n\n{dialect.usage(Command.NOTE, 'clear')} removes it.",
        command=Command.NOTE.value,
    )


# players


def cast_list(players: list[Player], turn: Player | None, dialect: Dialect) -> Final:
    if not players:
        return info(
            f"Nobody plays a character in this story yet: {dialect.usage(Command.JOIN)}.",
            command=Command.CAST.value,
        )
    lines = ["The cast:"]
    for player in players:
        about = f" — {player.description}" if player.description else ""
        now = " (their turn)" if turn is not None and turn.user_id == player.user_id else ""
        lines.append(f"• {player.character}, played by {player.user_name}{about}{now}")
    return info("\n".join(lines), command=Command.CAST.value)


def joined(player: Player) -> Final:
    return done(
        f"{player.user_name} plays {player.character} in this story. What you write now is "
        f"{player.character}'s doing.",
        command=Command.JOIN.value,
    )


def join_usage(dialect: Dialect) -> Final:
    return error(
        f"Write it as {dialect.usage(Command.JOIN)}, e.g. /story join Mara: a thief with a "
        "conscience.",
        command=Command.JOIN.value,
    )


# branches


def branch_list(branches: list[Branch], current_parts: int, dialect: Dialect) -> Final:
    if not branches:
        return info(
            f"This story has one line, {_s(current_parts, 'part')} long. Retry, undo and edit "
            f"keep what they replace as branches; {dialect.usage(Command.BRANCH)} starts one.",
            command=Command.BRANCHES.value,
        )
    lines = [f"Current line: {_s(current_parts, 'part')}.", "Branches:"]
    for branch in branches[:MAX_LISTED]:
        when = time.strftime("%Y-%m-%d %H:%M", time.gmtime(branch.created_at))
        opening = quoted(branch.opening.replace("\n", " "))
        lines.append(
            f"{branch.id}. after part {branch.fork_seq}, {_s(branch.parts, 'part')} "
            f"({branch.kind or 'branch'}, {when}): “{opening}”"
        )
    lines += ["", f"{dialect.usage(Command.SWITCH)} continues one; nothing is deleted."]
    return info("\n".join(lines), command=Command.BRANCHES.value)


def branched(branch: Branch, dialect: Dialect) -> Final:
    return done(
        f"Parts {branch.fork_seq + 1}–{branch.fork_seq + branch.parts} are kept as branch "
        f"{branch.id}; the story goes on from part {branch.fork_seq}. "
        f"{dialect.usage(Command.CONTINUE)} writes the new part.",
        command=Command.BRANCH.value,
    )


def switched(title: str, parts: int, last: str, dialect: Dialect) -> Final:
    ending = last_lines(last)
    shown = f"\n\n…{ending}" if ending else ""
    return done(
        f"Now on this line of “{title}” ({_s(parts, 'part')}); the line it replaced is kept as "
        f"a branch.{shown}\n\n{dialect.usage(Command.BRANCHES)} lists them all.",
        command=Command.SWITCH.value,
    )


def edit_overtaken(seq: int, dialect: Dialect) -> Final:
    return error(
        f"The story went on while you were editing: part {seq} is the last one now. Nothing "
        f"was changed; {dialect.usage(Command.EDIT)} opens it again.",
        command=Command.EDIT.value,
        outcome="stale",
    )


def edited(seq: int) -> Final:
    return done(
        f"Part {seq} is rewritten as you wrote it; the old text is kept as a branch.",
        command=Command.EDIT.value,
    )


# sharing


def share_code(code: str, title: str, hours: int, dialect: Dialect) -> Final:
    return info(
        f"Share code for “{title}”: {code}\nIn any channel, on any platform, "
        f"{dialect.usage(Command.IMPORT, code=code)} starts a copy (valid {hours} h). "
        "This story is not changed.",
        command=Command.SHARE.value,
        private=False,
    )


def imported(title: str, parts: int, dialect: Dialect) -> Final:
    return done(
        f"Imported “{title}” ({_s(parts, 'part')}) as this channel's story; the story that was "
        f"running is archived. {dialect.usage(Command.CONTINUE)} goes on from here.",
        command=Command.IMPORT.value,
    )


def unknown_code(code: str) -> Final:
    return error(
        f"No story is shared under “{quoted(code)}”: codes last 24 hours. Ask for a new one "
        "with /story share.",
        command=Command.IMPORT.value,
    )
