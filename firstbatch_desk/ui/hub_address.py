"""The hub's address shown without its password, which the sync dialog asks for apart.

``postgresql+psycopg://fbd:pa%40ss@server/hub`` is shown as
``postgresql+psycopg://fbd@server/hub`` with ``pa@ss`` in a masked field, and put
back together for the sync. Addresses that do not look like ``scheme://user:pw@…``
are left whole.
"""

from __future__ import annotations

from urllib.parse import quote, unquote


def _parts(url: str) -> tuple[str, str, str] | None:
    """(``scheme://``, ``user[:password]``, ``@host…``), or None without a user part."""
    scheme, found, rest = url.partition("://")
    if not found:
        return None
    authority_end = len(rest)
    for mark in "/?#":
        at = rest.find(mark)
        if at >= 0:
            authority_end = min(authority_end, at)
    user_info, at_sign, host = rest[:authority_end].rpartition("@")
    if not at_sign:
        return None
    return scheme + "://", user_info, "@" + host + rest[authority_end:]


def split_password(url: str) -> tuple[str, str]:
    """The address without its password, and the password (decoded; "" when none)."""
    parts = _parts(url)
    if parts is None:
        return url, ""
    head, user_info, tail = parts
    user, colon, password = user_info.partition(":")
    if not colon:
        return url, ""
    return head + user + tail, unquote(password)


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` in it (replacing one it has); ``url`` when there is no user."""
    if not password:
        return url
    parts = _parts(url)
    if parts is None:
        return url
    head, user_info, tail = parts
    user = user_info.partition(":")[0]
    return f"{head}{user}:{quote(password, safe='')}{tail}"


def has_user(url: str) -> bool:
    """Whether ``url`` names a user (``scheme://user@…``), where a password can go."""
    return _parts(url) is not None
