"""Group votes on a part's options: who counts, when a vote is decided, who wins.

In a group channel with voting on, pressing an option is a ballot: one per
member, changeable until the vote closes. A vote closes when every player who
joined the story has voted, or as soon as a strict majority of the players
agree, or when its time runs out. The option with the most ballots wins; a
tie goes to the lower number; a vote nobody took part in goes to option 1.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from bot.i18n import LANGUAGES, N_, _, speaking, translator
from storage.base import Player, Vote


def tally(vote: Vote) -> tuple[int, ...]:
    """Ballots per option, option 1 first."""
    counts = Counter(choice for _, choice in vote.ballots)
    return tuple(counts.get(option, 0) for option in range(1, vote.options + 1))


def leader(vote: Vote) -> int:
    """The option with the most ballots, the lower number on a tie (1 with none)."""
    counts = tally(vote)
    return max(range(1, vote.options + 1), key=lambda option: (counts[option - 1], -option))


def decided(vote: Vote, players: Sequence[Player]) -> int | None:
    """The winner if the players have decided before the time runs out, else None.

    Without players (nobody joined) only the time decides.
    """
    ids = {p.user_id for p in players}
    if not ids:
        return None
    by_players = Counter(choice for voter, choice in vote.ballots if voter in ids)
    for option, count in by_players.items():
        if count * 2 > len(ids):  # a strict majority of the players agree
            return option
    if ids <= {voter for voter, _ in vote.ballots}:
        return leader(vote)
    return None


NOBODY = N_("Nobody voted, so the story goes on with {n}. {label}.")


def _chose(catalog: gettext.NullTranslations, total: int) -> str:
    return catalog.ngettext(
        "The vote chose {n}. {label} ({won} of {total} vote).",
        "The vote chose {n}. {label} ({won} of {total} votes).",
        total,
    )


def result(vote: Vote, winner: int, label: str) -> str:
    """What the message that continues the story says about the vote."""
    counts = tally(vote)
    total = sum(counts)
    if not total:
        return _(NOBODY).format(n=winner, label=label) + "\n\n"
    said = _chose(translator(speaking()), total)
    return said.format(n=winner, label=label, won=counts[winner - 1], total=total) + "\n\n"


@cache
def _results() -> re.Pattern[str]:
    """Any language's vote result, its placeholders matching anything."""
    templates = set()
    for language in LANGUAGES:
        catalog = translator(language)
        templates.add(catalog.gettext(NOBODY))
        templates.update(_chose(catalog, n) for n in (0, 1, 2, 1_000_000))
    shapes = (re.sub(r"\\\{\w+\\\}", ".*", re.escape(t)) for t in sorted(templates))
    return re.compile("|".join(f"(?:{shape})" for shape in shapes), re.DOTALL)


def result_of(text: str) -> str | None:
    """The vote's result a story reply opens with, if a vote chose its option (adapters
    show it where the vote was taken), in whichever language the reply was written."""
    first = text.split("\n\n", 1)[0]
    return first if _results().fullmatch(first) else None
