#!/usr/bin/python3
"""End-to-end test in the real QGIS desktop: ``make e2e``.

1. deploys the plugin (as ``make package`` would ship it) into a TEMPORARY QGIS
   profile whose QGIS3.ini enables it and sets the Chinese UI,
2. writes the demo workspace with the plugin's own Processing algorithm,
3. starts the real ``qgis`` binary under Xvfb with ``--code startup.py``, which drives
   the plugin's docks (simulated mouse clicks on the map canvas included), saves a
   screenshot per step under ``out/e2e/`` and writes ``out/e2e/result.json``,
4. fails (exit 1) when QGIS did not report every step as passed, and always ends
   QGIS: the start-up script has its own watchdog, this runner kills the process
   group it started after ``--timeout`` seconds.

Never touches the user's QGIS profile.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PLUGIN = "xingguo_swc_plugin"
PYTHON = "/usr/bin/python3"

#: QGIS3.ini of the temporary profile: plugin on, Chinese UI (``zh-Hans`` is the code
#: QGIS's own language option writes; the plugin maps it to its zh_CN file), nothing
#: that opens a dialog or goes to the network at start-up.
PROFILE_INI = """[PythonPlugins]
{plugin}=true
processing=true

[locale]
userLocale={locale}
overrideFlag=true
globalLocale=zh_CN

[qgis]
checkVersion=false
showTips=false
allowVersionCheck=false
hideSplash=true
askToSaveProjectChanges=false
askToDeleteLayers=false
askToSaveMemoryLayers=false
showNewsFeed=false
warnOldProjectVersion=false
enableMacros=Never
newProjectDefault=false
digitizing\\disable_enter_attribute_values_dialog=false
digitizing\\reuseLastValues=false

[core]
NewsFeed\\httpsfeedqgisorg\\disabled=true

[app]
plugin_installer\\checkOnStart=false
plugin_installer\\checkOnStartLastDate=2099-01-01
plugin_installer\\lastStartVersion=32216

[Processing]
Configuration\\SHOW_PROVIDERS_TOOLTIP=false
"""


def deploy(profile: Path) -> Path:
    """Copy the plugin as the package ships it (symlinks resolved, no sources of
    translations, no caches) into ``profile/python/plugins``."""
    target = profile / "python" / "plugins" / PLUGIN
    shutil.copytree(
        REPO / PLUGIN,
        target,
        symlinks=False,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts"),
    )
    return target


def write_profile(root: Path, locale: str) -> Path:
    profile = root / "profiles" / "default"
    (profile / "QGIS").mkdir(parents=True)
    (profile / "QGIS" / "QGIS3.ini").write_text(
        PROFILE_INI.format(plugin=PLUGIN, locale=locale), encoding="utf-8"
    )
    (root / "profiles" / "profiles.ini").write_text(
        "[core]\ndefaultProfile=default\n", encoding="utf-8"
    )
    return profile


def make_workspace(path: Path, parcels: int, env: Dict[str, str]) -> str:
    proc = subprocess.run(
        [PYTHON, str(HERE / "make_workspace.py"), str(path), str(parcels)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0 or not path.is_file():
        raise RuntimeError("demo workspace failed:\n" + proc.stdout + proc.stderr)
    return proc.stdout.strip().splitlines()[-1].split()[0]


def build_package() -> str:
    """``make package``: the zip a user installs with *Install from ZIP*."""
    proc = subprocess.run(
        ["make", "-s", "package"], cwd=str(REPO), capture_output=True, text=True, timeout=300
    )
    zips = sorted((REPO / "dist").glob(PLUGIN + "-*.zip"))
    if proc.returncode != 0 or len(zips) != 1:
        raise RuntimeError("make package failed:\n" + proc.stdout + proc.stderr)
    return str(zips[0])


def run_qgis(root: Path, startup: Path, env: Dict[str, str], log: Path, timeout: float) -> int:
    """Start QGIS under Xvfb; kill its whole process group after ``timeout``."""
    command = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1600x1000x24 -nolisten tcp",
        "qgis",
        "--profiles-path",
        str(root),
        "--profile",
        "default",
        "--nologo",
        "--noversioncheck",
        "--code",
        str(startup),
    ]
    with open(log, "wb") as stream:
        proc = subprocess.Popen(
            command, env=env, stdout=stream, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            return -999


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "out" / "e2e"))
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds before QGIS is killed"
    )
    parser.add_argument("--parcels", type=int, default=400)
    parser.add_argument("--locale", default="zh-Hans")
    parser.add_argument("--keep", action="store_true", help="keep the temporary profile")
    args = parser.parse_args(argv)

    if shutil.which("qgis") is None or shutil.which("xvfb-run") is None:
        print("e2e: qgis and xvfb-run are required (make deps installs them)")
        return 2
    out = Path(args.out).resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    tmp = Path(tempfile.mkdtemp(prefix="xgswc-e2e-"))
    started = time.monotonic()
    timings: Dict[str, float] = {}
    try:
        runtime = tmp / "runtime"
        runtime.mkdir(mode=0o700)
        home = tmp / "home"
        home.mkdir()
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_QPA", "QGIS_", "DISPLAY", "XAUTHORITY", "WAYLAND"))
        }
        env.update(
            {
                "HOME": str(home),
                "XDG_RUNTIME_DIR": str(runtime),
                "PYTHONDONTWRITEBYTECODE": "1",
                "LANG": "C.UTF-8",
                "QGIS_DISABLE_MESSAGE_HOOKS": "1",
            }
        )
        root = tmp / "qgis"
        profile = write_profile(root, args.locale)
        deploy(profile)
        timings["deploy_s"] = time.monotonic() - started

        t0 = time.monotonic()
        workspace = tmp / "xingguo_e2e.gpkg"
        kind = make_workspace(
            workspace, args.parcels, dict(env, QGIS_CUSTOM_CONFIG_PATH=str(tmp / "ws-config"))
        )
        timings["workspace_s"] = time.monotonic() - t0

        t0 = time.monotonic()
        package = build_package()
        timings["package_s"] = time.monotonic() - t0

        result_path = out / "result.json"
        config = {
            "package": package,
            "workspace": str(workspace),
            "workspace_kind": kind,
            "out": str(out),
            "result": str(result_path),
            "plugin": PLUGIN,
            "e2e_dir": str(HERE),
            "repo": str(REPO),
            "watchdog_s": max(30.0, args.timeout - 20.0),
        }
        env["XGSWC_E2E_CONFIG"] = json.dumps(config)
        t0 = time.monotonic()
        code = run_qgis(root, HERE / "startup.py", env, out / "qgis.log", args.timeout)
        timings["qgis_s"] = time.monotonic() - t0
    finally:
        if args.keep:
            print("e2e: temporary profile kept in", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    timings["total_s"] = time.monotonic() - started
    return report(out, code, timings)


def report(out: Path, code: int, timings: Dict[str, float]) -> int:
    result_path = out / "result.json"
    if not result_path.is_file():
        print("e2e: FAILED, QGIS wrote no result (exit code", code, "); log:", out / "qgis.log")
        print((out / "qgis.log").read_text(errors="replace")[-4000:])
        return 1
    result = json.loads(result_path.read_text(encoding="utf-8"))
    result["exit_code"] = code
    result["timings"] = {key: round(value, 1) for key, value in timings.items()}
    result_path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    failed = [step for step in result.get("steps", []) if step["status"] == "failed"]
    for step in result.get("steps", []):
        line = "  {status:7} {name} ({seconds:.1f} s)".format(**step)
        if step.get("detail"):
            line += ": " + str(step["detail"])[:300]
        print(line)
        if step["status"] == "failed":
            print("          " + step.get("error", "").replace("\n", "\n          "))
    for error in result.get("errors", []):
        print("  ERROR", error[:2000])
    if code != 0:
        print(
            "  ERROR QGIS exit code {0} ({1}); log: {2}".format(
                code,
                "killed after the timeout" if code == -999 else "crash or abort",
                out / "qgis.log",
            )
        )
    ok = not failed and not result.get("errors") and result.get("finished") and code == 0
    print(
        "e2e: {0} — {1} steps, {2} failed, QGIS exit code {3}, times {4}; "
        "screenshots and result.json in {5}".format(
            "passed" if ok else "FAILED",
            len(result.get("steps", [])),
            len(failed),
            code,
            result["timings"],
            out,
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
