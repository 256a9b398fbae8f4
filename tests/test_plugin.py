"""The plugin as QGIS loads it: without an interface (qgis_process), from the
``make package`` zip unzipped into a temporary profile, and via qgis_process.bin.

Each load runs in a fresh Python process with its own QgsApplication, so the
provider registered by conftest cannot hide a registration bug; HOME and the QGIS
settings are temporary, never the user's profile.  Loading with the real desktop
interface (load, unload, load) is checked by the e2e (tests/e2e).
"""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PLUGIN = "xingguo_swc_plugin"
PYTHON = "/usr/bin/python3"

#: Runs in a child process: load the plugin found in argv[1] as QGIS does with
#: iface=None, unload, load again; print what the Processing registry saw.
LOADER = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
import qgis.utils
plugins_dir, name = sys.argv[1], sys.argv[2]
qgis.utils.plugin_paths = [plugins_dir]
sys.path.insert(0, plugins_dir)
qgis.utils.updateAvailablePlugins()
registry = QgsApplication.processingRegistry()
report = {"available": name in qgis.utils.available_plugins,
          "metadata": {key: qgis.utils.pluginMetadata(name, key) for key in
                       ("name", "qgisMinimumVersion", "version", "hasProcessingProvider",
                        "icon", "about", "description", "author", "email", "tracker",
                        "repository")},
          "before": registry.providerById("xingguoswc") is not None}
report["loaded"] = qgis.utils.loadPlugin(name)
report["started"] = qgis.utils.startPlugin(name)
provider = registry.providerById("xingguoswc")
report["after_start"] = provider is not None
report["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
report["module_file"] = sys.modules[name].__file__
report["unloaded"] = qgis.utils.unloadPlugin(name)
report["after_unload"] = registry.providerById("xingguoswc") is not None
report["modules_left"] = sorted(m for m in sys.modules if m == name or m.startswith(name + "."))
report["reloaded"] = qgis.utils.loadPlugin(name) and qgis.utils.startPlugin(name)
report["after_reload"] = registry.providerById("xingguoswc") is not None
qgis.utils.unloadPlugin(name)
print("REPORT" + json.dumps(report))
app.exitQgis()
"""


def _clean_env(tmp_path: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QGIS_", "PYTHONPATH"))
    }
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(
        {
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONDONTWRITEBYTECODE": "1",
            "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "config"),
        }
    )
    return env


def _load(plugins_dir: Path, tmp_path: Path) -> dict:
    proc = subprocess.run(
        [PYTHON, "-c", LOADER, str(plugins_dir), PLUGIN],
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
        cwd=str(tmp_path),
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("REPORT")]
    assert lines, "loader failed:\n" + proc.stdout + proc.stderr
    return json.loads(lines[-1][len("REPORT") :])


def _check_load_unload(report: dict, plugins_dir: Path) -> None:
    assert report["available"], report
    assert report["loaded"] and report["started"], report
    assert not report["before"], "provider registered before the plugin loaded"
    assert report["after_start"], "classFactory(None) + initGui did not register xingguoswc"
    assert "xingguoswc:createworkspace" in report["algorithms"], report["algorithms"]
    assert report["module_file"].startswith(str(plugins_dir)), report["module_file"]
    assert report["unloaded"] and not report["after_unload"], "provider left after unload"
    # qgis.utils.unloadPlugin only forgets modules its import hook saw (not those
    # loaded by importlib), so sys.modules is not checked here.
    assert report["reloaded"] and report["after_reload"], "second load failed"


def test_class_factory_without_iface_from_checkout(tmp_path):
    """As qgis_process loads it: iface=None; load, unload, load leaves no trace."""
    report = _load(REPO, tmp_path)
    _check_load_unload(report, REPO)
    assert report["metadata"]["qgisMinimumVersion"] == "3.22"
    assert report["metadata"]["hasProcessingProvider"] == "yes"


@pytest.fixture(scope="module")
def package_zip() -> Path:
    """``make package`` exactly as a release would run it."""
    proc = subprocess.run(
        ["make", "-s", "package"], cwd=str(REPO), capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    zips = sorted((REPO / "dist").glob(PLUGIN + "-*.zip"))
    assert len(zips) == 1, zips
    return zips[0]


def test_package_zip_contents(package_zip):
    """One top folder named as the plugin, run-time files only, compiled Chinese."""
    with zipfile.ZipFile(package_zip) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {PLUGIN}, tops
    for required in ("__init__.py", "metadata.txt", "plugin.py", "i18n/xingguo_swc_zh_CN.qm"):
        assert PLUGIN + "/" + required in names, required
    metadata = {}
    with zipfile.ZipFile(package_zip) as archive:
        for line in archive.read(PLUGIN + "/metadata.txt").decode("utf-8").splitlines():
            if "=" in line and not line.startswith((" ", "\t")):
                key, value = line.split("=", 1)
                metadata[key.strip()] = value.strip()
        assert PLUGIN + "/" + metadata["icon"] in names, "icon of metadata.txt missing"
        qm = archive.read(PLUGIN + "/i18n/xingguo_swc_zh_CN.qm")
    assert len(qm) > 1000, "the compiled translation is (nearly) empty"
    forbidden = [
        name
        for name in names
        if name.endswith((".ts", ".pyc"))
        or "__pycache__" in name
        or "/tests/" in name
        or name.endswith("/.git")
    ]
    assert forbidden == [], forbidden


def test_package_zip_loads_in_temporary_profile(package_zip, tmp_path):
    """Unzipped into a fresh profile's plugins folder (what the installer does)."""
    plugins_dir = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(plugins_dir)
    assert not any(p.is_symlink() for p in (plugins_dir / PLUGIN).rglob("*"))
    report = _load(plugins_dir, tmp_path)
    _check_load_unload(report, plugins_dir)
    for key, value in report["metadata"].items():
        assert value and not value.startswith("__error__"), (key, value)


def test_qgis_process_enable_and_create_workspace(tmp_path):
    """Issue 2: QGIS_PLUGINPATH=<checkout> qgis_process.bin plugins enable, then run."""
    env = _clean_env(tmp_path)
    env.pop("QGIS_CUSTOM_CONFIG_PATH")
    env["QGIS_PLUGINPATH"] = str(REPO)
    enable = subprocess.run(
        ["/usr/bin/qgis_process.bin", "plugins", "enable", PLUGIN],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert enable.returncode == 0, enable.stdout + enable.stderr
    assert "* " + PLUGIN in enable.stdout, enable.stdout
    output = tmp_path / "w.gpkg"
    run = subprocess.run(
        [
            "/usr/bin/qgis_process.bin",
            "run",
            "xingguoswc:createworkspace",
            "--",
            "OUTPUT=" + str(output),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert output.is_file()
    import sqlite3

    with sqlite3.connect(str(output)) as connection:
        tables = {row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")}
    assert {"township", "benggang", "measure", "parcel", "finding"} <= tables, tables
    # The user's real profile was not touched: the settings went to the temporary HOME.
    assert (Path(env["HOME"]) / ".local/share/QGIS/QGIS3/profiles/default").is_dir()
