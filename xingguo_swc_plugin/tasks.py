"""QgsTask that runs one core function off the GUI thread.

The core function receives a ``QgsFeedback`` wired to the task's progress and
cancel; its result, or the exception it raised, is handed back on the main thread
(``finished``), where docks show it in the message bar.  Nothing touches widgets
from the worker thread.

Why the task is careful with references: Python's cyclic garbage collector runs in
whichever thread happens to allocate when a threshold is crossed.  If a dock, a
widget or a layer is cyclic garbage at that moment and the collector runs inside a
task's worker thread, the QObject is deleted off the GUI thread and QGIS crashes
(seen on Python 3.13 / QGIS 3.40).  So a ``CoreTask``

- refuses a bound method of a Qt object as its work (it would carry the dock into
  the worker thread); the work is a plain function of plain data,
- collects pending garbage on the GUI thread before its worker starts, and again
  after it has handed over its outcome,
- keeps no traceback of a failure (a traceback's frames lead back to the task and
  to everything the work touched), and
- drops its callbacks, the work, its arguments and its outcome in ``finished``, so
  after it the task holds nothing of the GUI whoever frees it, and wherever.
"""

from __future__ import annotations

import gc
import traceback
from typing import Any, Callable, Optional

from qgis.core import Qgis, QgsFeedback, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, QObject, QThread

from .core.errors import CanceledError, SwcError
from .core.log import log
from .translation import tr


def collect_on_gui_thread() -> bool:
    """Run the cyclic garbage collector now if this is the GUI thread.

    Whatever is garbage is then freed here, where deleting Qt objects is safe,
    instead of by chance in a worker thread.  Returns whether it ran."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return False
    gc.collect()
    return True


def _without_tracebacks(error: BaseException) -> BaseException:
    """``error`` with the tracebacks of it and of its causes cut off.

    The frames of a traceback hold the task (``self`` in ``run``) and the work's
    locals; kept on the error that goes to a dock they would tie task and dock into
    a cycle only the garbage collector frees, possibly in a worker thread."""
    seen, links = set(), [error]
    while links:
        link = links.pop()
        if link is None or id(link) in seen:
            continue
        seen.add(id(link))
        link.__traceback__ = None
        links += [link.__cause__, link.__context__]
    return error


class CoreTask(QgsTask):
    """Run ``function(*args, feedback=..., **kwargs)`` in a background task.

    ``on_done(result)`` or ``on_error(exception)`` is called on the main thread;
    a canceled run reaches ``on_error`` as a ``CanceledError``.  ``function`` must
    not be a method of a Qt object (a dock): pass a module-level function and plain
    data (paths, snapshots), so the worker thread holds nothing of the GUI.
    """

    def __init__(
        self,
        description: str,
        function: Callable[..., Any],
        *args: Any,
        on_done: Optional[Callable[[Any], None]] = None,
        on_error: Optional[Callable[[BaseException], None]] = None,
        **kwargs: Any,
    ):
        if isinstance(getattr(function, "__self__", None), QObject):
            raise TypeError(
                "CoreTask work must not be a method of a Qt object: {0!r}".format(function)
            )
        super().__init__(description, QgsTask.CanCancel)
        self.function: Optional[Callable[..., Any]] = function
        self.args: tuple = args
        self.kwargs: dict = kwargs
        self.on_done = on_done
        self.on_error = on_error
        self.result: Any = None
        self.exception: Optional[BaseException] = None
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self.setProgress)
        collect_on_gui_thread()  # garbage made so far is freed here, not in run()

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()

    def _canceled(self) -> CanceledError:
        """What was canceled, not just the task's name in a warning."""
        return CanceledError(tr("{0} canceled: nothing was written.").format(self.description()))

    def run(self) -> bool:
        function, args, kwargs = self.function, self.args, self.kwargs
        if function is None:  # already run and released
            return False
        try:
            self.result = function(*args, feedback=self.feedback, **kwargs)
        except BaseException as error:  # handed to the main thread in finished()
            if not isinstance(error, SwcError):
                log(traceback.format_exc(), level=Qgis.Critical)
            self.exception = _without_tracebacks(error)
            return False
        finally:
            del function, args, kwargs
        if self.feedback.isCanceled():
            self.result = None
            self.exception = self._canceled()
            return False
        return True

    def finished(self, ok: bool) -> None:
        on_done, on_error = self.on_done, self.on_error
        result, error = self.result, None
        if not ok:
            error = self.exception or self._canceled()
        self._release()
        try:
            if ok:
                if on_done is not None:
                    on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                log(str(error), level=Qgis.Critical)
        finally:
            del on_done, on_error, result, error
            collect_on_gui_thread()

    def _release(self) -> None:
        """Forget the callbacks, the work, its inputs and its outcome."""
        self.on_done = None
        self.on_error = None
        self.function = None
        self.args = ()
        self.kwargs = {}
        self.result = None
        self.exception = None
