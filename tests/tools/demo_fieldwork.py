"""`make demo` step: field package for QField and the case files of one township,
on a copy of the sample workspace with its findings (out/fieldwork/)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import List


def run(workspace: str, out: Path) -> List[str]:
    from xingguo_swc_plugin.core.casefile import write_case_files
    from xingguo_swc_plugin.core.casework import FindingFilter, text
    from xingguo_swc_plugin.core.fieldpackage import write_field_package
    from xingguo_swc_plugin.core.findings import store_findings
    from xingguo_swc_plugin.core.validation import validate_parcels
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    folder = out / "fieldwork"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copy = folder / "workspace_with_findings.gpkg"
    with sqlite3.connect(workspace) as source, sqlite3.connect(str(copy)) as target:
        source.backup(target)
    ws = open_workspace(str(copy))
    parcels = ws.layer("parcel")
    store_findings(
        ws, validate_parcels(parcels, ws.layer("dev_project")), parcels.crs(), who="demo"
    )
    counts = {}
    for feature in ws.layer("finding").getFeatures():
        counts[text(feature["xzqdm"])] = counts.get(text(feature["xzqdm"]), 0) + 1
    township = max(sorted(counts), key=lambda code: counts[code])
    package = write_field_package(
        ws, FindingFilter([township]), str(folder / "package"), inspector="外业核查员"
    )
    cases = write_case_files(ws, FindingFilter([township]), str(folder / "casefiles"))
    return [
        "Field package (QField, township %s): %s" % (township, package.project),
        "  " + package.lines()[0],
        "Case files: %d per finding, township file %s, index %s"
        % (len(cases.findings), cases.townships[0], cases.index),
    ]
