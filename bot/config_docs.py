"""The README's configuration reference, written from the settings model.

Every key, its variable, its default and its meaning come from ``bot.config``,
so the table cannot fall behind the code: ``make docs`` rewrites it between
the README's markers, and a test fails when it is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from bot.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- configuration reference: written by `make docs` from bot/config.py -->"
END = "<!-- end of the configuration reference -->"


def _section(field: FieldInfo) -> type[BaseModel] | None:
    for inner in (field.annotation, *getattr(field.annotation, "__args__", ())):
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return None


def _default(field: FieldInfo) -> str:
    if field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
    else:
        value = field.default
    if value is None or value is PydanticUndefined or value == []:
        return "none"
    if isinstance(value, SecretStr):
        return "(secret)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"`{value}`"
    return f"{value:g}" if isinstance(value, float) else str(value)


def rows(model: type[BaseModel] = Settings, key: str = "") -> list[tuple[str, str, str, str]]:
    """(key, variable, default, meaning) for every setting, sections flattened."""
    found: list[tuple[str, str, str, str]] = []
    for name, field in model.model_fields.items():
        path = f"{key}.{name}" if key else name
        section = _section(field)
        if section is not None and field.default is not None:
            found += rows(section, path)
            continue
        env = "STORYBOT_" + path.replace(".", "__").upper()
        if section is not None:  # an optional section, e.g. llm.backup: name its variables
            env += "__…"
            path += ".*"
        found.append((path, env, _default(field), field.description or ""))
    return found


def reference() -> str:
    lines = ["| key | environment | default | meaning |", "| --- | --- | --- | --- |"]
    lines += [f"| `{k}` | `{e}` | {d} | {m} |" for k, e, d, m in rows()]
    return "\n".join(lines)


def written(readme: str) -> str:
    """The README with its reference block replaced by a fresh one."""
    head, start, rest = readme.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"README.md has no {START!r} ... {END!r} block")
    return f"{head}{START}\n{reference()}\n{END}{tail}"


def main() -> int:
    text = README.read_text("utf-8")
    fresh = written(text)
    if fresh != text:
        README.write_text(fresh, "utf-8")
        sys.stdout.write("README.md: configuration reference rewritten\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
