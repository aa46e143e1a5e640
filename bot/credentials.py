"""Secrets from systemd credentials (``LoadCredential=``), read as configuration.

systemd copies each credential into a private, memory-backed directory that only
the service can read and names it in ``$CREDENTIALS_DIRECTORY``; unlike an
environment variable, a credential is not inherited by child processes nor
visible in ``/proc/<pid>/environ``. A file named ``storybot_telegram__token``
carries the same setting as the variable ``STORYBOT_TELEGRAM__TOKEN``; the shipped
unit loads a whole directory with ``LoadCredential=storybot:/etc/storybot/credentials``,
so the file ``/etc/storybot/credentials/telegram__token`` arrives under that name.

A credential never appears in a log line: warnings name the file and the reason only.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from typing import Any

log = logging.getLogger(__name__)

PREFIX = "storybot_"
MAX_CREDENTIAL_BYTES = 64 * 1024
_NAME = re.compile(r"storybot_[a-z0-9]+(?:_{1,2}[a-z0-9]+)*", re.IGNORECASE)


def credentials_env(directory: str | None = None) -> dict[str, str]:
    """Environment-style settings from the credential files in ``directory``.

    ``directory`` defaults to ``$CREDENTIALS_DIRECTORY``; without one the result
    is empty. Only files named ``storybot_...`` are read (a service may receive
    other credentials); one trailing newline is dropped, since ``echo`` and
    editors add one. A file that is unreadable, too large, not UTF-8 or empty is
    skipped with a warning, so one bad file does not hide the others.
    """
    if directory is None:
        directory = os.environ.get("CREDENTIALS_DIRECTORY") or None
    if directory is None:
        return {}
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        log.warning("cannot list the credentials directory %s: %s", directory, exc.strerror)
        return {}
    found: dict[str, str] = {}
    for entry in entries:
        if not entry.name.lower().startswith(PREFIX) or entry.is_dir():
            continue
        value = _read(entry)
        if value is not None:
            found[entry.name.upper()] = value
    return found


def _read(entry: os.DirEntry[str]) -> str | None:
    """The credential's text, or None (with a warning naming the file, never its content)."""
    if not _NAME.fullmatch(entry.name):
        _skip(entry.name, "its name is not a setting name (letters, digits, _)")
        return None
    if not entry.is_file():
        _skip(entry.name, "it is not a regular file")
        return None
    try:
        with open(entry.path, "rb") as file:
            data = file.read(MAX_CREDENTIAL_BYTES + 1)
    except OSError as exc:
        _skip(entry.name, f"it cannot be read ({exc.strerror})")
        return None
    if len(data) > MAX_CREDENTIAL_BYTES:
        _skip(entry.name, f"it is larger than {MAX_CREDENTIAL_BYTES} bytes")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _skip(entry.name, "it is not UTF-8 text")
        return None
    text = text.removesuffix("\n").removesuffix("\r") if text.endswith("\n") else text
    if not text:
        _skip(entry.name, "it is empty")
        return None
    return text


def _skip(name: str, reason: str) -> None:
    log.warning("credential %s ignored: %s", name, reason)
    return None


def credentials_settings(
    directory: str | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The credentials as nested keyword arguments for ``Settings(...)``/``load_settings``.

    A setting already present in ``environ`` (default ``os.environ``, compared
    without case as pydantic-settings does) is left out, so an explicitly set
    variable wins over a credential, and a credential wins over the TOML file.
    A misspelt file name then fails validation with the key named, rather than
    being silently ignored.
    """
    env = os.environ if environ is None else environ
    present = {key.upper() for key in env}
    nested: dict[str, Any] = {}
    for key, value in credentials_env(directory).items():
        if key in present:
            continue
        *sections, field = key.removeprefix(PREFIX.upper()).lower().split("__")
        target = nested
        for section in sections:
            target = target.setdefault(section, {})
            if not isinstance(target, dict):
                _skip(key.lower(), f"{section} is also given as a whole")
                break
        else:
            target[field] = value
    return nested
