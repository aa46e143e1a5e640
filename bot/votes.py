"""Group votes on a part's options: who counts, when a vote is decided, who wins.

In a group channel with voting on, pressing an option is a ballot: one per
member, changeable until the vote closes. A vote closes when every player who
joined the story has voted, or as soon as a strict majority of the players
agree, or when its time runs out. The option with the most ballots wins; a
tie goes to the lower number; a vote nobody took part in goes to option 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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


RESULT_OPENINGS = ("The vote chose ", "Nobody voted, so ")


def result(vote: Vote, winner: int, label: str) -> str:
    """What the message that continues the story says about the vote."""
    counts = tally(vote)
    total = sum(counts)
    if not total:
        return f"{RESULT_OPENINGS[1]}the story goes on with {winner}. {label}.\n\n"
    won = counts[winner - 1]
    votes = f"{total} vote{'s' if total != 1 else ''}"
    return f"{RESULT_OPENINGS[0]}{winner}. {label} ({won} of {votes}).\n\n"


def result_of(text: str) -> str | None:
    """The vote's result a story reply opens with, if a vote chose its option (adapters
    show it where the vote was taken)."""
    first = text.split("\n\n", 1)[0]
    return first if first.startswith(RESULT_OPENINGS) else None
