"""A story and all its branches as Twee 3, the text form of a Twine story.

Twine (twinery.org) imports a ``.twee`` file as a story map: each part is a
passage, each option a link. The current line is "Part 1", "Part 2"...; an
alternative line's own parts are "Branch 7, part 4"..., linked from the part
it forks after. An option links to the part that followed it when the story
took it; the others are listed as options not taken.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence

from bot.providers.story_text import parse_choices, strip_choices
from storage.base import Branch, Part

FORMAT, FORMAT_VERSION = "Harlowe", "3.3.9"
_NAMESPACE = uuid.UUID("6f1c5a52-8d0e-4f55-9a0b-5b0f5c2a7d11")


def _escape(text: str) -> str:
    """Twee reads ``[[``, ``]]``, ``{`` and ``}`` at the start of passage text specially."""
    return (
        text.replace("\\", "\\\\")
        .replace("[[", "\\[\\[")
        .replace("]]", "\\]\\]")
        .replace("{", "\\{")
        .replace("}", "\\}")
    )


def _name(text: str) -> str:
    """A passage or link name: no brackets, pipes, arrows or newlines."""
    cleaned = " ".join(text.replace("[", "(").replace("]", ")").replace("|", "/").split())
    return cleaned.replace("->", "→").replace("<-", "←")


def passage_name(branch: Branch | None, seq: int) -> str:
    return f"Part {seq}" if branch is None else f"Branch {branch.id}, part {seq}"


def twee(
    title: str,
    story_key: str,
    line: Sequence[Part],
    branches: Sequence[tuple[Branch, Sequence[Part]]],
) -> str:
    """The whole tree: ``line`` is the current line, ``branches`` each alternative with its
    full line (its ancestors' parts included)."""
    ifid = str(uuid.uuid5(_NAMESPACE, story_key)).upper()
    data = {"ifid": ifid, "format": FORMAT, "format-version": FORMAT_VERSION, "start": "Part 1"}
    out = [f":: StoryTitle\n{title}\n", f":: StoryData\n{json.dumps(data, indent=2)}\n"]
    forks: dict[tuple[int | None, int], list[Branch]] = {}
    for alternative, _ in branches:
        forks.setdefault((alternative.parent_id, alternative.fork_seq), []).append(alternative)
    root = line[0].story_id if line else None
    lines: list[tuple[Branch | None, Sequence[Part]]] = [(None, line), *branches]
    for branch, parts in lines:
        first = 0 if branch is None else branch.fork_seq  # a branch's own parts only
        owner = root if branch is None else branch.id
        for part in parts[first:]:
            following = parts[part.seq] if part.seq < len(parts) else None
            alternatives = forks.get((owner, part.seq), [])
            out.append(_passage(branch, part, following, alternatives))
    return "\n".join(out)


def _passage(
    branch: Branch | None, part: Part, following: Part | None, alternatives: list[Branch]
) -> str:
    """One part: its text, its options (the one taken links on), and the other ways on."""
    links: list[str] = []
    after = passage_name(branch, part.seq + 1)
    taken = False
    for number, label in enumerate(parse_choices(part.text), start=1):
        if following is not None and following.direction == label and not taken:
            links.append(f"[[{number}. {_name(label)}->{after}]]")
            taken = True
        else:
            links.append(f"{number}. {_name(label)} (not taken)")
    if following is not None and not taken:
        links.append(f"[[Go on->{after}]]")
    for other in alternatives:
        target = passage_name(other, part.seq + 1)
        links.append(f"[[Another way ({other.kind or 'branch'} {other.id})->{target}]]")
    body = _escape(strip_choices(part.text).strip())
    tail = "\n".join(links)
    name = passage_name(branch, part.seq)
    return f":: {name}\n{body}\n\n{tail}\n" if tail else f":: {name}\n{body}\n"
