"""QgsTask that runs one core function off the GUI thread.

The core function receives a ``QgsFeedback`` wired to the task's progress and
cancel; its result, or the exception it raised, is handed back on the main thread
(``finished``), where docks show it in the message bar.  Nothing touches widgets
from the worker thread.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable, Optional

from qgis.core import Qgis, QgsFeedback, QgsTask

from .core.errors import CanceledError, SwcError
from .core.log import log
from .translation import tr


class CoreTask(QgsTask):
    """Run ``function(*args, feedback=..., **kwargs)`` in a background task.

    ``on_done(result)`` or ``on_error(exception)`` is called on the main thread.
    """

    def __init__(self, description: str, function: Callable[..., Any], *args: Any,
                 on_done: Optional[Callable[[Any], None]] = None,
                 on_error: Optional[Callable[[BaseException], None]] = None,
                 **kwargs: Any):
        super().__init__(description, QgsTask.CanCancel)
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.on_done = on_done
        self.on_error = on_error
        self.result: Any = None
        self.exception: Optional[BaseException] = None
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self.setProgress)

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()

    def _canceled(self) -> CanceledError:
        """What was canceled, not just the task's name in a warning."""
        return CanceledError(tr("{0} canceled: nothing was written.")
                             .format(self.description()))

    def run(self) -> bool:
        try:
            self.result = self.function(*self.args, feedback=self.feedback, **self.kwargs)
        except BaseException as error:  # handed to the main thread in finished()
            self.exception = error
            if not isinstance(error, SwcError):
                log(traceback.format_exc(), level=Qgis.Critical)
            return False
        if self.feedback.isCanceled():
            self.exception = self._canceled()
            return False
        return True

    def finished(self, ok: bool) -> None:
        if ok:
            if self.on_done is not None:
                self.on_done(self.result)
            return
        error = self.exception or self._canceled()
        if self.on_error is not None:
            self.on_error(error)
        else:
            log(str(error), level=Qgis.Critical)
