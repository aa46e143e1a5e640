"""Top functions by CPU share from a py-spy profile in collapsed-stack form.

``python -m bench.e2e --profile DIR`` records one with ``py-spy record
--format raw`` per measured run (py-spy is not a dependency: install it to
profile); ``python -m bench.e2e_profile FILE...`` prints the tables RESULTS.md
quotes: *self* is the share of samples in which a function was the one running,
*total* the share in which it was anywhere on the stack. Functions are named
``function (module path)`` with the site-packages prefix cut.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_FRAME = re.compile(r"^(?P<name>.*?) \((?P<file>[^():]*)(?::\d+)?\)$")
_PREFIXES = ("site-packages/", "lib/python3.11/", "/work/main/")


@dataclass(frozen=True, slots=True)
class Profile:
    samples: int
    own: Counter[str]
    total: Counter[str]
    groups: Counter[str]

    def top(self, counter: Counter[str], count: int) -> list[tuple[str, float]]:
        return [(name, n / self.samples) for name, n in counter.most_common(count)]


def frame_name(frame: str) -> str:
    match = _FRAME.match(frame.strip())
    if match is None:
        return frame.strip()
    path = match["file"]
    for prefix in _PREFIXES:
        if prefix in path:
            path = path.split(prefix, 1)[1]
    return f"{match['name']} ({path})"


def group_of(frame: str) -> str:
    """Which body of code a frame belongs to: a library, Storybot, or the standard library."""
    path = frame.rsplit("(", 1)[-1].rstrip(")")
    top = path.split("/", 1)[0]
    if top in ("bot", "adapters", "storage"):
        return "storybot"
    if top == "bench":
        return "bench (the floor's own code)"
    if path.endswith(".py") and "/" not in path:
        return "stdlib"
    return top.removesuffix(".py")


def read(*paths: Path) -> Profile:
    """One profile from one or more files (rounds of the same run, say), added together."""
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    samples = 0
    lines = [line for path in paths for line in path.read_text(errors="replace").splitlines()]
    for line in lines:
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [frame_name(f) for f in stack.split(";") if "(" in f]
        if not frames:
            continue
        samples += count
        own[frames[-1]] += count
        for name in set(frames):
            total[name] += count
        groups[group_of(frames[-1])] += count
    return Profile(samples, own, total, groups)


def render(profile: Profile, count: int = 15) -> str:
    lines = [f"{profile.samples} samples", "", "self  function"]
    lines += [f"{share:5.1%} {name}" for name, share in profile.top(profile.own, count)]
    lines += ["", "where the running code lives (self)"]
    lines += [f"{share:5.1%} {name}" for name, share in profile.top(profile.groups, 12)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.e2e_profile", description=__doc__)
    parser.add_argument("profile", type=Path, nargs="+", help="one or more, added together")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    sys.stdout.write(render(read(*args.profile), args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
