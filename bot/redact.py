"""Secrets kept out of every text Storybot writes: logs, HTTP answers, the CLI.

Credentials inside URLs are hidden before a URL is printed or logged.

A URL in the configuration can carry its own secret, outside any ``SecretStr``:
``https://user:pass@host/v1`` for a proxy in front of an LLM, or a feed at
``https://example.com/feed?token=...``. ``check-config`` and feed warnings print
these URLs, so they go through :func:`hide_url_credentials` first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from urllib.parse import unquote_plus, urlsplit, urlunsplit

HIDDEN = "***"
_SENSITIVE = re.compile(r"token|key|secret|pass|pwd|auth|sig|credential|session", re.IGNORECASE)


def hide_url_credentials(url: str) -> str:
    """``url`` with its userinfo password and sensitive parameter values replaced by ``***``.

    A userinfo without a password is hidden whole: ``https://TOKEN@host`` is a common
    way to pass a token. Parameters are judged by name (``token``, ``api_key``,
    ``sig``...), in the query and in the fragment. A URL that cannot be parsed is
    hidden whole, as there is no telling which part is secret.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return HIDDEN
    userinfo, at, host = parts.netloc.rpartition("@")
    if at:
        user, colon, _ = userinfo.partition(":")
        userinfo = f"{user}:{HIDDEN}" if colon else HIDDEN
    return urlunsplit(
        parts._replace(
            netloc=f"{userinfo}{at}{host}",
            query=_hide_params(parts.query),
            fragment=_hide_params(parts.fragment),
        )
    )


def _hide_params(text: str) -> str:
    params = []
    for param in text.split("&"):
        name, equals, value = param.partition("=")
        if equals and value and _SENSITIVE.search(unquote_plus(name)):
            param = f"{name}={HIDDEN}"
        params.append(param)
    return "&".join(params)


MASK = "**********"


class Masker:
    """Replaces every configured secret in a text, wherever it appears.

    Libraries put credentials in their error messages (python-telegram-bot's
    InvalidToken quotes the token), so log lines, HTTP answers and the CLI's
    messages all pass through one of these rather than trusting each place
    that writes. Secrets shorter than four characters are not masked: they
    would mask ordinary words.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self.secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)
        encoded = [json.dumps(s)[1:-1] for s in self.secrets]  # as JSON writes them
        self._bytes = sorted(
            {variant.encode() for variant in [*self.secrets, *encoded]}, key=len, reverse=True
        )

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text

    def body(self, data: bytes) -> bytes:
        """An HTTP body, with secrets masked as written and as JSON escapes them."""
        for secret in self._bytes:
            data = data.replace(secret, MASK.encode())
        return data
