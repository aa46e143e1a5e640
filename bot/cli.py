"""``storybot``: chat in the terminal, check the configuration, run the service.

Exit codes: 0 done, 1 the database or a platform could not be used, 2 the
configuration is invalid or names nothing to run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from bot.config import (
    ConfigError,
    Settings,
    dotenv_names,
    load_settings,
    redacted,
    secret_values,
    unknown_variables,
)
from bot.logs import setup_logging
from storage.base import StorageError

EXIT_FAILURE = 1
EXIT_CONFIG = 2


def _common(parser: argparse.ArgumentParser, default: object) -> None:
    """Options accepted before the subcommand and after it (``storybot chat --log-level X``)."""
    parser.add_argument(
        "--config", metavar="PATH", default=default, help="TOML config file (or STORYBOT_CONFIG)"
    )
    parser.add_argument(
        "--log-level",
        type=str.upper,
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        default=default,
        help="override STORYBOT_LOG_LEVEL",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storybot", description="An AI story bot for Discord, Telegram and Slack."
    )
    parser.add_argument("--version", action="version", version=f"storybot {_version()}")
    _common(parser, None)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chat = commands.add_parser("chat", help="tell stories in the terminal")
    chat.add_argument("--user", default="you", help="your name in the story (default: you)")
    chat.add_argument("--channel", default="local", help="which story to continue")
    for name, help_text in (
        ("check-config", "validate and print the configuration"),
        ("run", "run the bot on every configured platform"),
    ):
        commands.add_parser(name, help=help_text)
    web = commands.add_parser("web", help="the browser console: set the operator password")
    web_commands = web.add_subparsers(dest="web_command", required=True, metavar="ACTION")
    password = web_commands.add_parser(
        "set-password", help="hash a new operator password (Argon2) and write it out"
    )
    password.add_argument(
        "--write",
        metavar="FILE",
        help="write the hash to FILE (mode 600), e.g. /etc/storybot/credentials/web__password_hash",
    )
    password.add_argument(
        "--stdin", action="store_true", help="read the password from standard input (scripts)"
    )
    db = commands.add_parser("db", help="the database: copy it into PostgreSQL")
    copy = db.add_subparsers(dest="db_command", required=True, metavar="ACTION").add_parser(
        "copy", help="copy every table into PostgreSQL and check it (safe to run again)"
    )
    copy.add_argument("--from", dest="source", metavar="PATH_OR_URL", help="default: database_path")
    copy.add_argument("--to", dest="target", metavar="URL", help="default: database.url")
    copy.add_argument("--replace", action="store_true", help="empty the target's tables first")
    _common(copy, argparse.SUPPRESS)
    for sub in commands.choices.values():
        _common(sub, argparse.SUPPRESS)  # given after the subcommand, it wins
    return parser


def _version() -> str:
    try:
        return metadata.version("storybot")
    except metadata.PackageNotFoundError:  # a bare checkout
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "web":
        return set_password(args.write, args.stdin)
    overrides = {"log_level": args.log_level} if args.log_level else {}
    try:
        settings = load_settings(args.config, **overrides)
    except ConfigError as exc:
        print(f"storybot: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    ignored = unknown_variables([*os.environ, *dotenv_names()])
    if args.command == "db":
        from bot.db_command import run_copy

        return run_copy(settings, args.source, args.target, args.replace)
    if args.command == "check-config":
        for line in ignored:
            print(f"storybot: warning: {line}", file=sys.stderr)
        print(json.dumps(redacted(settings), indent=2))
        return 0
    try:
        if args.command == "chat":
            # stdout carries the story, so logs go to stderr, and only problems by default.
            setup_logging(args.log_level or "WARNING", sys.stderr, secret_values(settings))
            _warn(ignored)
            with contextlib.suppress(KeyboardInterrupt):
                asyncio.run(_chat(settings, args.user, args.channel))
            return 0
        setup_logging(settings.log_level, secrets=secret_values(settings))
        _warn(ignored)
        return asyncio.run(_run(settings))
    except StorageError as exc:
        print(f"storybot: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except ConfigError as exc:  # found while building the storyteller
        print(f"storybot: {exc}", file=sys.stderr)
        return EXIT_CONFIG


def set_password(target: str | None, from_stdin: bool) -> int:
    """Ask for the operator password (twice at a terminal), print or write its hash.

    Only the Argon2 hash is ever written; the password itself goes nowhere. The
    configuration reads the hash from ``STORYBOT_WEB__PASSWORD_HASH`` or from the
    systemd credential ``web__password_hash``.
    """
    import getpass

    from adapters.web.guard import hash_password

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("New operator password: ")
        if getpass.getpass("Again: ") != password:
            print("storybot: the two passwords differ; nothing was changed", file=sys.stderr)
            return EXIT_FAILURE
    if len(password) < 10:
        print("storybot: use a password of at least 10 characters", file=sys.stderr)
        return EXIT_FAILURE
    hashed = hash_password(password)
    if target is None:
        print(f"STORYBOT_WEB__PASSWORD_HASH='{hashed}'")
        return 0
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(hashed + "\n")
    os.chmod(target, 0o600)
    print(f"storybot: the password hash is in {target}", file=sys.stderr)
    return 0


def _warn(lines: list[str]) -> None:
    for line in lines:
        logging.getLogger("bot.config").warning("%s", line)


async def _chat(settings: Settings, user: str, channel: str) -> None:
    from adapters.terminal import TerminalChat
    from bot.app import open_app

    folder = Path(settings.database_path).parent
    if settings.database_path != ":memory:":
        folder.mkdir(parents=True, exist_ok=True)  # a first chat needs no set-up
    async with open_app(settings) as app:
        chat = TerminalChat(
            app.engine,
            user=user,
            channel=channel,
            export_dir=folder,
            history=folder / ".chat_history",
            default_language=settings.i18n.default,
        )
        await chat.run()


async def _run(settings: Settings) -> int:
    from bot.service import run_service

    return await run_service(settings)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
