#!/usr/bin/python3
"""Copy the README's screenshots from the last e2e run (``out/e2e``) into
``resources/screenshots/`` as small palette PNGs (not shipped: ``make package``
leaves that folder out).  Run after ``make e2e``: ``python3 tests/e2e/readme_screenshots.py``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QGuiApplication, QImage  # noqa: E402

REPO = Path(__file__).resolve().parents[2]

#: README name -> screenshot of the e2e step (the first whose file name ends so).
WANTED = {
    # the docks, as each role leaves them (README "The docks in the Chinese interface")
    "overview": "_load_workspace.png",
    "benggang_dock": "_technician_2_gully_draft_dock.png",
    "measures_dock": "_technician_3_measure_tagged_dock.png",
    "inspection_dock": "_inspector_2_finding_zoomed_dock.png",
    "stats_dock": "_supervisor_1_statistics_dock.png",
    "atlas_dock": "_supervisor_3_atlas_dock.png",
    "inspection_1280x800": "_reach_XingguoSwcInspectionDock.png",
    "help": "_help_index.png",
    # each role's workflow at 1280×800 (README "Workflows"): <role>_<step>
    "technician_1_open_workspace": "_technician_1_open_workspace_dialog.png",
    "technician_2_digitize_gully": "_technician_2_gully_draft.png",
    "technician_3_tag_measure": "_technician_3_measure_tagged.png",
    "inspector_1_import_projects": "_inspector_1_import_report.png",
    "inspector_2_validate": "_inspector_2_finding_zoomed.png",
    "inspector_3_case_steps": "_inspector_3_case_status_set.png",
    "inspector_4_export": "_inspector_4_export_dialog.png",
    "inspector_5_field_package": "_inspector_5_field_package.png",
    "supervisor_1_statistics": "_supervisor_1_statistics.png",
    "supervisor_2_plan_progress": "_supervisor_2_plan_progress.png",
    "supervisor_3_atlas": "_supervisor_3_atlas.png",
}


def shrink(source: Path, target: Path, max_width: int) -> int:
    image = QImage(str(source))
    if image.isNull():
        raise RuntimeError("cannot read " + str(source))
    if image.width() > max_width:
        image = image.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
    )
    image.save(str(target), "PNG", 9)
    return target.stat().st_size


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # QImage scaling needs an application
    out = REPO / "out" / "e2e"
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    if not all(step["status"] != "failed" for step in result["steps"]):
        print("the last e2e run has failed steps: screenshots not taken over")
        return 1
    target_dir = REPO / "resources" / "screenshots"
    target_dir.mkdir(parents=True, exist_ok=True)
    not_run = {step.get("screenshot") for step in result["steps"] if step["status"] != "passed"}
    files = sorted(p.name for p in out.glob("*.png") if p.name not in not_run)
    for name, suffix in WANTED.items():
        matches = [f for f in files if f.endswith(suffix)]
        if not matches:
            print("missing", name)
            continue
        width = 520 if name.endswith("_dock") or "_case_" in matches[0] else 1000
        size = shrink(out / matches[0], target_dir / (name + ".png"), width)
        print("{0:18} {1:7d} bytes  from {2}".format(name, size, matches[0]))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
