"""`make demo`: generate the sample workspace and run every capability on it.

Each capability adds a module ``tests/tools/demo_<capability>.py`` with
``run(workspace: str, out: Path) -> list[str]`` (lines to print); this script runs
them in name order on a real offscreen QGIS and prints where everything is.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import QgsApplication  # noqa: E402


def main(out: Path) -> int:
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from xingguo_swc_plugin.processing.provider import XingguoProvider

    provider = XingguoProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    import processing

    out.mkdir(parents=True, exist_ok=True)
    workspace_dir = out / "workspace"
    workspace_dir.mkdir(exist_ok=True)
    workspace = workspace_dir / "xingguo_sample.gpkg"
    if workspace.exists():
        workspace.unlink()
    processing.run(
        "xingguoswc:sampledata", {"OUTPUT": str(workspace), "PARCELS": 2000, "SEED": 20220101}
    )
    print("Sample workspace (synthetic geometry):", workspace)
    failures = 0
    for step in sorted(Path(__file__).parent.glob("demo_*.py")):
        spec = importlib.util.spec_from_file_location(step.stem, step)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            for line in module.run(str(workspace), out):
                print(line)
        except Exception as error:  # report every step, fail at the end
            failures += 1
            print("FAILED", step.stem, ":", error)
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()
    print("Demo output under", out.resolve())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "out")))
