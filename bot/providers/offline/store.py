"""Storing a story: versioned JSON out, checked JSON in, and quick snapshots.

:func:`dump` writes the state the engine keeps with each part; :func:`load`
refuses anything it cannot read completely (not JSON, another version, a
field of the wrong type), and the caller then rebuilds the story from its
text instead. :func:`snapshot` and :func:`restore` let a part try a beat and
take it back.
"""

from __future__ import annotations

import copy
import json
import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any

from bot.providers.offline.model import MAX_SAID, MAX_USED, VERSION, Story


def snapshot(story: Story) -> Story:
    """A copy to go back to, quickly: only what a beat changes in place is copied deeply.

    Lists are copied, and the people, places, things, threads, goal and plot
    one level deep (their nouns are never changed once made); events are never
    changed once logged, except the readers' mark, never set under a snapshot.
    """
    copied = copy.copy(story)
    copied.cast = [copy.copy(who) for who in story.cast]
    copied.places = [copy.copy(place) for place in story.places]
    copied.things = [copy.copy(thing) for thing in story.things]
    copied.threads = [copy.copy(thread) for thread in story.threads]
    copied.offered = list(story.offered)
    copied.goal = copy.copy(story.goal)
    copied.plot = copy.copy(story.plot)
    copied.plot.beats, copied.plot.pending_args = (
        list(story.plot.beats),
        dict(story.plot.pending_args),
    )
    copied.events, copied.used, copied.said = list(story.events), dict(story.used), list(story.said)
    return copied


def restore(story: Story, saved: Story) -> None:
    """Put ``saved`` (a :func:`snapshot`) back into ``story``, in place."""
    for name in Story.__slots__:
        setattr(story, name, getattr(saved, name))


def dump(story: Story) -> str:
    """The story as compact JSON, with the oldest memories dropped past their bounds."""
    del story.said[:-MAX_SAID]
    if len(story.used) > MAX_USED:
        story.used = dict(list(story.used.items())[-MAX_USED:])
    return json.dumps(_plain(story), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies: five times faster on a story."""
    kind = type(value)
    if kind in (str, int, bool) or value is None:
        return value
    if kind is list:
        if value and type(value[0]) in (str, int):
            return list(value)
        return [_plain(item) for item in value]
    if kind is dict:
        if all(type(item) in (str, int) for item in value.values()):
            return dict(value)
        return {key: _plain(item) for key, item in value.items()}
    names = _FIELDS.get(type(value))
    if names is None:
        if not is_dataclass(value):
            return value
        names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


class Unreadable(ValueError):
    """A stored state that is not ours, not this version, or damaged."""


def load(raw: str) -> Story:
    """The story from :func:`dump`'s JSON, or :class:`Unreadable`."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise Unreadable("not JSON") from exc
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise Unreadable("not a state of this version")
    story = _build(Story, data)
    if not isinstance(story, Story) or not story.cast:
        raise Unreadable("no cast")
    return story


_FIELDS: dict[type, tuple[str, ...]] = {}
_CONVERTERS: dict[type, dict[str, Callable[[Any], Any]]] = {}


def _build(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise Unreadable(f"{cls.__name__} is not an object")
    converters = _CONVERTERS.get(cls)
    if converters is None:
        hints = typing.get_type_hints(cls)
        converters = _CONVERTERS[cls] = {f.name: _converter(hints[f.name]) for f in fields(cls)}
    values = {name: convert(data[name]) for name, convert in converters.items() if name in data}
    try:
        return cls(**values)
    except TypeError as exc:
        raise Unreadable(str(exc)) from exc


def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function that checks and converts one JSON value to ``hint``, made once per field."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _converter(next(a for a in typing.get_args(hint) if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is list:
        item = _converter(typing.get_args(hint)[0])
        if typing.get_args(hint)[0] is str:
            return _strings
        return lambda value: [item(v) for v in _checked(value, list)]
    if origin is dict:
        item = _converter(typing.get_args(hint)[1])
        return lambda value: {str(k): item(v) for k, v in _checked(value, dict).items()}
    if is_dataclass(hint) and isinstance(hint, type):
        return lambda value: _build(hint, value)
    if hint in (bool, int, str):
        return lambda value: _scalar(value, hint)
    raise Unreadable(f"unexpected type {hint}")


def _checked(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise Unreadable(f"expected {kind.__name__}")
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Unreadable("expected a list of strings")
    return value


def _scalar(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise Unreadable(f"expected {kind.__name__}")
    return value
