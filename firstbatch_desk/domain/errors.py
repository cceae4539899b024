"""Typed errors whose messages are fit to show an officer.

Every error carries a message code and its parameters; ``message(lang)``
renders it in Chinese (the default, also ``str(error)``) or English from the
catalogue in :mod:`firstbatch_desk.domain.messages`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from firstbatch_desk.domain.messages import render


class FirstBatchError(Exception):
    """Base of every error the program explains to its user."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("zh"))

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("zh")


class ValidationError(FirstBatchError):
    """Input that breaks a rule; ``field`` names the form field at fault."""

    def __init__(self, code: str, /, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(code, **params)


class NotFoundError(FirstBatchError):
    """A record asked for by id does not exist (or was deleted)."""


class DuplicateError(ValidationError):
    """A unique value is already taken; ``existing_id`` points at the holder."""

    def __init__(
        self, code: str, /, field: str | None = None, existing_id: str = "", **params: Any
    ) -> None:
        self.existing_id = existing_id
        super().__init__(code, field=field, **params)


class TransitionError(FirstBatchError):
    """A need was asked to move along a path its workflow does not allow."""


class StorageError(FirstBatchError):
    """The database file or data directory cannot be used."""


class PermissionDeniedError(FirstBatchError):
    """The acting account's role does not allow this (says what is not allowed and why)."""


class AuthenticationError(FirstBatchError):
    """A login or unlock was refused: wrong password, a locked or a deactivated account.

    ``tries_left`` counts the wrong passwords still allowed before the lock;
    ``locked_until`` is set while the account is locked.
    """

    def __init__(
        self,
        code: str,
        /,
        tries_left: int | None = None,
        locked_until: datetime | None = None,
        **params: Any,
    ) -> None:
        self.tries_left = tries_left
        self.locked_until = locked_until
        super().__init__(code, **params)


class SyncError(FirstBatchError):
    """A sync with the hub, or a bundle file, was refused; nothing was changed."""
