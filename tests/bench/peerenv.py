"""The peer environment: geopandas >= 1.0 with shapely >= 2 from PyPI, in a venv.

Tests and ``make bench`` use the SAME venv (``<checkout>/.bench-venv``, ignored by
git), created on first use.  Debian's geopandas 0.12 / shapely 1.8 is not the peer
(and segfaults in some calls), so the independent computation always runs in a
subprocess of this venv's interpreter, never inside the QGIS process.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("XGSWC_BENCH_VENV", REPO / ".bench-venv"))
REQUIREMENTS = (
    "geopandas>=1.0",
    "shapely>=2.0",
    "pyogrio>=0.7",
    "pyproj>=3.4",
    "pandas>=2.0",
    "numpy>=1.24",
    "psutil",
)
#: A file that exists once the install finished (a half-made venv is redone).
STAMP = ".xgswc-ready"


def venv_python() -> Path:
    """The venv's interpreter, creating and filling the venv when needed."""
    python = VENV / "bin" / "python"
    if (VENV / STAMP).exists() and python.exists():
        return python
    VENV.parent.mkdir(parents=True, exist_ok=True)
    lock_path = Path(tempfile.gettempdir()) / "xgswc-bench-venv.lock"
    with open(lock_path, "w") as lock:  # tests and bench may start it together
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (VENV / STAMP).exists():
            base = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
            subprocess.run([base, "-m", "venv", "--clear", str(VENV)], check=True)
            subprocess.run(
                [
                    str(python),
                    "-m",
                    "pip",
                    "install",
                    "-q",
                    "--disable-pip-version-check",
                    *REQUIREMENTS,
                ],
                check=True,
            )
            (VENV / STAMP).write_text("ok\n")
    return python


def run_peer(script: Path, *args: str, timeout: float = None) -> subprocess.CompletedProcess:
    """Run ``script`` with the venv interpreter; stdout/stderr captured as text."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # keep Debian's dist-packages out of the peer
    return subprocess.run(
        [str(venv_python()), str(script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


if __name__ == "__main__":
    print(venv_python())
