"""Fixtures: one real offscreen QgsApplication with Processing and the provider.

Never mocks QGIS: layers are real files under pytest's tmp_path.
"""

from __future__ import annotations

import gc
import inspect
import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_NO_OVERRIDE_IMPORT", "1")
# Settings and auth database of this run only: never the user's profile.
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="xgswc-qgis-")

REPO = Path(__file__).resolve().parent.parent  # on sys.path through pyproject.toml

from qgis.core import QgsApplication  # noqa: E402

_APP = None
_PROVIDER = None


def _start_qgis() -> QgsApplication:
    global _APP, _PROVIDER
    if _APP is None:
        QgsApplication.setPrefixPath("/usr", True)
        _APP = QgsApplication([], True)
        _APP.initQgis()
        from processing.core.Processing import Processing

        Processing.initialize()
        from xingguo_swc_plugin.processing.provider import XingguoProvider

        _PROVIDER = XingguoProvider()  # the registry does not keep Python objects alive
        QgsApplication.processingRegistry().addProvider(_PROVIDER)
    return _APP


def pytest_configure(config):
    """The plugin's own deprecated calls fail the run (QGIS 3.40 warns where 3.22 did not)."""
    config.addinivalue_line("filterwarnings", r"error::DeprecationWarning:xingguo_swc_plugin(\.|$)")


_EXIT_STATUS = {}


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """End the process with pytest's own status once everything is reported.

    Left to the interpreter's exit, the QgsApplication and its providers are torn
    down in an arbitrary order and the process sometimes dies with SIGSEGV after
    the summary (seen on 3.22 and 3.40: "533 passed", exit 139), which would fail a
    run whose tests all passed.  Nothing is left to report or write at this point.
    """
    if _APP is None or "status" not in _EXIT_STATUS:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS["status"])


#: The slowest test functions (``make test-fast`` leaves them out); the list is written
#: from a timed run by ``tests/tools/slow_tests.py``.
SLOW_TESTS = frozenset(
    (Path(__file__).with_name("slow_tests.txt")).read_text(encoding="utf-8").split()
)


def _mentions_peer(item) -> bool:
    try:
        source = inspect.getsource(item.function)
    except (OSError, TypeError, AttributeError):
        return False
    return "peer" in source.lower()


def pytest_collection_modifyitems(config, items):
    """Markers from what a test needs, so new tests are marked without remembering to:
    ``postgis`` (uses the server fixture), ``e2e`` (under tests/e2e), ``peer`` (runs the
    geopandas venv), ``slow`` (listed in SLOW_TESTS)."""
    for item in items:
        path = Path(str(item.fspath))
        if "e2e" in path.parts or path.stem == "test_e2e":
            item.add_marker(pytest.mark.e2e)
        parameters = item.name.partition("[")[2]
        if "pg_server" in getattr(item, "fixturenames", ()) or "postgis" in parameters:
            item.add_marker(pytest.mark.postgis)
        if _mentions_peer(item):
            item.add_marker(pytest.mark.peer)
        if item.name.split("[")[0] in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread():
    """Each test's cyclic garbage (docks, widgets, layers) is freed here, on the GUI
    thread.  Left to chance, Python 3.13 (QGIS 3.40) may collect it inside a later
    test's QgsTask thread, and deleting a widget off the GUI thread crashes."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def qgis_app() -> QgsApplication:
    """The running QgsApplication (offscreen), Processing and provider ready."""
    return _start_qgis()


@pytest.fixture(scope="session")
def qapp(qgis_app):
    """pytest-qt uses this QApplication instead of creating its own."""
    return qgis_app


@pytest.fixture(scope="session")
def sample_workspace(qgis_app, tmp_path_factory) -> str:
    """A sample workspace (2000 parcels, fixed seed), generated once per run."""
    import processing

    path = str(tmp_path_factory.mktemp("sample") / "sample.gpkg")
    processing.run("xingguoswc:sampledata", {"OUTPUT": path, "PARCELS": 2000, "SEED": 7})
    return path


@pytest.fixture
def empty_workspace(qgis_app, tmp_path) -> str:
    import processing

    path = str(tmp_path / "workspace.gpkg")
    processing.run("xingguoswc:createworkspace", {"OUTPUT": path})
    return path


@pytest.fixture
def sample_copy(sample_workspace, tmp_path) -> str:
    """A private copy of the sample workspace, for tests that edit it."""
    path = str(tmp_path / "sample_copy.gpkg")
    # sqlite's backup reads through the write-ahead log QGIS may still hold open
    # (a plain file copy can miss tables not yet checkpointed into the .gpkg)
    import sqlite3

    with sqlite3.connect(sample_workspace) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return path


# Fixtures kept beside their capability's tests: the PostGIS server (a real
# PostgreSQL 15 + PostGIS for the run) and the hand-made gully workspace.
pytest_plugins = ("pg_fixtures", "benggang_fixtures", "backend_fixtures")
