"""`make demo` step: the township atlas of the sample workspace.

Writes ``out/atlas/<xzqdm>_<xzqmc>.pdf`` (25 sheets) and ``out/atlas/atlas.pdf``
(merged), and renders the first sheet to ``out/atlas_page.png`` with pdftoppm
for a person to look at.  The sheets come from a copy of the workspace in which
the parcels were validated first (geometry rules), so the findings rows are
filled; the sample geometry is synthetic and every sheet says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import List


def _with_findings(workspace_path: str, folder: str) -> str:
    """A copy of the workspace with the findings of the geometry rules stored."""
    from xingguo_swc_plugin.core.findings import store_findings
    from xingguo_swc_plugin.core.validation import parcel_ids, validate_parcels
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    copy = os.path.join(folder, "atlas_workspace.gpkg")
    shutil.copyfile(workspace_path, copy)
    workspace = open_workspace(copy)
    parcels = workspace.layer("parcel")
    findings = validate_parcels(parcels, workspace.layer("dev_project"))
    store_findings(workspace, findings, parcels.crs(), parcel_ids(parcels, "tbbh"), who="demo")
    return copy


def run(workspace_path: str, out: Path) -> List[str]:
    from xingguo_swc_plugin.core import atlas
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    folder = out / "atlas"
    if folder.exists():
        shutil.rmtree(folder)
    lines = []
    with tempfile.TemporaryDirectory(prefix="xgswc-atlas-") as scratch:
        try:
            source = _with_findings(workspace_path, scratch)
        except Exception as error:  # validation missing: the atlas still works
            lines.append("Atlas without findings ({0})".format(error))
            source = workspace_path
        townships = open_workspace(source).layer("township")
        started = time.perf_counter()
        result = atlas.export_atlas(
            townships, atlas.default_layers(townships), str(folder), merged=True
        )
        seconds = time.perf_counter() - started
    sizes = [os.path.getsize(path) for path in result.files]
    lines.append(
        "Atlas: {0} township sheets at {1} dpi in {2:.1f} s ({3:.2f} s per "
        "sheet incl. statistics), {4:.0f}-{5:.0f} KB each, merged {6:.0f} KB: {7}".format(
            result.pages,
            atlas.DEFAULT_DPI,
            seconds,
            seconds / result.pages,
            min(sizes) / 1024,
            max(sizes) / 1024,
            os.path.getsize(result.merged) / 1024,
            folder,
        )
    )
    png = out / "atlas_page.png"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "100",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            result.files[0],
            str(png.with_suffix("")),
        ],
        check=True,
    )
    lines.append(
        "Atlas page for a look: {0} (from {1})".format(png, os.path.basename(result.files[0]))
    )
    return lines
