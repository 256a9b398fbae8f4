"""Errors the core raises with a translated message meant for the user."""


class SwcError(Exception):
    """A user-facing error: the message says what is wrong and what to do."""


class WorkspaceError(SwcError):
    """The workspace cannot be created, opened or upgraded."""


class InputError(SwcError):
    """An input layer, field or parameter is not usable."""
