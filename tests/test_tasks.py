"""tasks.CoreTask through the real QgsTaskManager: outcomes reach the main thread,
and once a task has finished it holds nothing of the dock that started it.

Why: Python's cyclic garbage collector runs in whichever thread allocates; a dock
kept alive by a task's callbacks (a cycle dock -> task -> bound method -> dock) can
end up freed by a later task's worker thread, and deleting a QObject off the GUI
thread crashes QGIS (Python 3.13 / QGIS 3.40)."""

from __future__ import annotations

import gc
import threading
import time
import weakref

import pytest
from qgis.core import QgsApplication, QgsFeedback
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QProgressBar
from test_measures_dock import dock_setup  # noqa: F401 (fixture: a real dock)

from xingguo_swc_plugin.core.errors import CanceledError, SwcError
from xingguo_swc_plugin.tasks import CoreTask

MAIN = threading.get_ident()


def total(values, scale: float = 1.0, feedback: QgsFeedback = None) -> float:
    """Plain work on plain data, reporting progress like the core functions do."""
    result = 0.0
    for index, value in enumerate(values):
        result += value * scale
        feedback.setProgress(100.0 * (index + 1) / len(values))
    return result


def refuse(name: str, feedback: QgsFeedback = None) -> None:
    raise SwcError("Field {0} is missing.".format(name))


def crash(feedback: QgsFeedback = None) -> None:
    try:
        {}["missing"]
    except KeyError as error:
        raise ValueError("broken input") from error


def wait_for_cancel(started: threading.Event, feedback: QgsFeedback = None) -> str:
    """Blocks until canceled; the deadline only keeps a broken build from hanging."""
    started.set()
    deadline = time.monotonic() + 60
    while not feedback.isCanceled():
        if time.monotonic() > deadline:
            raise RuntimeError("never canceled")
        time.sleep(0.005)
    return "partial result"


class Outcome:
    """Where a dock reports what it got; lives outside the dock, so it can be read
    after the dock is gone."""

    def __init__(self):
        self.done, self.errors, self.threads, self.progress = [], [], [], []


class TaskDock(QgsDockWidget):
    """Starts a CoreTask the way the plugin's docks do: ``self.task``, bound
    methods as callbacks, the task's progress wired to a widget."""

    def __init__(self, outcome: Outcome):
        super().__init__("task dock")
        self.outcome = outcome
        self.bar = QProgressBar(self)
        self.setWidget(self.bar)
        self.task = None

    def start(self, function, *args, **kwargs) -> CoreTask:
        self.task = CoreTask(
            "test task", function, *args, on_done=self._done, on_error=self._failed, **kwargs
        )
        self.task.progressChanged.connect(self._progress)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _progress(self, value: float) -> None:
        self.bar.setValue(int(value))
        self.outcome.progress.append(value)

    def _done(self, result) -> None:
        self.task = None
        self.outcome.threads.append(threading.get_ident())
        self.outcome.done.append(result)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.outcome.threads.append(threading.get_ident())
        self.outcome.errors.append(error)


def released(task: CoreTask) -> bool:
    return (
        task.on_done is None
        and task.on_error is None
        and task.function is None
        and task.args == ()
        and task.kwargs == {}
        and task.result is None
        and task.exception is None
    )


def ended(outcome: Outcome) -> bool:
    return bool(outcome.done or outcome.errors)


def test_result_reaches_the_main_thread_and_the_task_forgets_the_dock(qtbot, qgis_app):
    outcome = Outcome()
    dock = TaskDock(outcome)
    task = dock.start(total, [1.0, 2.0, 3.5], scale=2.0)
    qtbot.waitUntil(lambda: ended(outcome), timeout=60_000)
    assert outcome.done == [13.0] and outcome.errors == []
    assert outcome.threads == [MAIN]
    assert released(task)
    dock_ref = weakref.ref(dock)
    del dock
    gc.collect()
    assert dock_ref() is None, "something still holds the dock after its task ended"


@pytest.mark.parametrize(
    "function, args, kind, text",
    [
        (refuse, ("xzqdm",), SwcError, "Field xzqdm is missing."),
        (crash, (), ValueError, "broken input"),
    ],
)
def test_errors_reach_the_main_thread_without_tying_the_dock(
    qtbot, qgis_app, function, args, kind, text
):
    outcome = Outcome()
    dock = TaskDock(outcome)
    task = dock.start(function, *args)
    qtbot.waitUntil(lambda: ended(outcome), timeout=60_000)
    assert outcome.done == [] and len(outcome.errors) == 1
    error = outcome.errors[0]
    assert isinstance(error, kind) and str(error) == text
    assert outcome.threads == [MAIN]
    # no traceback: its frames would lead back to the task and the work's locals
    assert error.__traceback__ is None
    assert error.__cause__ is None or error.__cause__.__traceback__ is None
    assert released(task)
    dock_ref = weakref.ref(dock)
    del dock
    gc.collect()
    assert dock_ref() is None


def test_cancel_while_running_ends_as_canceled_not_with_the_partial_result(qtbot, qgis_app):
    outcome = Outcome()
    dock = TaskDock(outcome)
    started = threading.Event()
    task = dock.start(wait_for_cancel, started)
    qtbot.waitUntil(started.is_set, timeout=60_000)
    dock.task.cancel()
    qtbot.waitUntil(lambda: ended(outcome), timeout=60_000)
    assert outcome.done == [], "a canceled task delivered its partial result"
    assert len(outcome.errors) == 1 and isinstance(outcome.errors[0], CanceledError)
    assert "test task" in str(outcome.errors[0])
    assert outcome.threads == [MAIN]
    assert released(task)
    dock_ref = weakref.ref(dock)
    del dock
    gc.collect()
    assert dock_ref() is None


def test_cancel_before_the_work_starts_ends_as_canceled(qgis_app):
    outcome = Outcome()
    task = CoreTask(
        "never run", total, [1.0], on_done=outcome.done.append, on_error=outcome.errors.append
    )
    task.cancel()
    task.finished(task.run())
    assert outcome.done == [] and isinstance(outcome.errors[0], CanceledError)
    assert released(task)


def test_a_method_of_a_qt_object_is_refused_as_the_work(qgis_app):
    """The work would carry the dock (and its widgets) into the worker thread."""
    dock = TaskDock(Outcome())
    with pytest.raises(TypeError):
        CoreTask("bad", dock.bar.setValue, 5)
    with pytest.raises(TypeError):
        CoreTask("bad", dock.start, total, [1.0])


class Cycle:
    """Cyclic garbage that records the thread freeing it."""

    freed_in: list = []

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.freed_in.append(threading.get_ident())


def test_garbage_made_before_a_task_is_freed_on_the_gui_thread(qgis_app):
    """A task collects on the GUI thread before its worker can start, so garbage of
    closed docks is not left for a worker thread's collection."""
    Cycle.freed_in = []
    Cycle()  # unreachable at once, but only the cyclic collector can free it
    task = CoreTask("collects first", total, [1.0])
    assert Cycle.freed_in == [MAIN]
    task.finished(task.run())


def test_a_plugin_dock_task_keeps_nothing_of_the_dock(dock_setup, qtbot):
    """The same through a real dock (the treatment measures summary): after its
    task ends, the task refers to neither the dock's methods nor its inputs."""
    dock = dock_setup[1]
    task = dock.summarize()
    assert task is not None and task.on_done.__self__ is dock
    qtbot.waitUntil(lambda: dock.last_summary is not None, timeout=60_000)
    assert dock.task is None
    assert released(task)
    assert not any(getattr(ref, "__self__", None) is dock for ref in gc.get_referents(task))
