"""One inspector's run in its own process: validate, wait at a barrier,
merge the findings into the GeoPackage workspace; prints the merge counts.

Used by test_findings_input.py: two of these at once are two users, not two threads.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="xgswc-qgis-")
TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS.parent), str(TESTS)]


def main(workspace: str, folder: str, barrier: str, parties: int) -> None:
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from validation_data import make_parcels, make_projects

    from xingguo_swc_plugin.core.findings import store_findings
    from xingguo_swc_plugin.core.validation import parcel_ids, validate_parcels

    parcels, projects = make_parcels(Path(folder)), make_projects(Path(folder))
    findings = validate_parcels(parcels, projects)
    scope = parcel_ids(parcels, "tbbh")
    # a barrier across processes: each announces itself, all go when all are ready
    Path(barrier, str(os.getpid())).touch()
    deadline = time.time() + 240
    while len(os.listdir(barrier)) < parties and time.time() < deadline:
        time.sleep(0.005)
    started = time.time()
    result = store_findings(workspace, findings, parcels.crs(), scope, "inspector")
    print(
        json.dumps(
            {
                "added": result.added,
                "kept": result.kept,
                "started": started,
                "ended": time.time(),
                "findings": len(findings),
            }
        )
    )
    sys.stdout.flush()
    os._exit(0)  # skip QGIS's exit-time teardown (nothing left to write)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
