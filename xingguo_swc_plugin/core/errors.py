"""Errors the core raises with a translated message meant for the user."""


class SwcError(Exception):
    """A user-facing error: the message says what is wrong and what to do."""


class WorkspaceError(SwcError):
    """The workspace cannot be created, opened or upgraded."""


class InputError(SwcError):
    """An input layer, field or parameter is not usable."""


class CanceledError(SwcError):
    """The user canceled: the run ends without a result and writes nothing."""

    def __init__(self, message: str = ""):
        if not message:
            from ..translation import tr

            message = tr("Canceled.")
        super().__init__(message)


def raise_if_canceled(feedback) -> None:
    """Raise CanceledError when ``feedback`` (may be None) was canceled.

    Why one helper: a loop that ``break``s on cancel returns a partial result
    that looks complete; a canceled run must end as canceled, everywhere.
    """
    if feedback is not None and feedback.isCanceled():
        raise CanceledError()
