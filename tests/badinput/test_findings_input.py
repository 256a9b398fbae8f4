"""Findings and case status on a GeoPackage workspace (issue 13, findings class).

* Two parcels with the same ID used to move the 查认改罚 status of one onto the
  other and delete the other's finding: now refused, naming the ID, and the
  workspace is byte-for-byte (SQL dump) unchanged.
* Two runs merging findings into one GeoPackage at once used to double every
  finding: here they are two real processes started together; the merge holds
  the table's write lock in one transaction, so one adds and the other keeps.

The same two cases on PostGIS (two server connections) are in
tests/core/test_findings_backends.py (test_duplicate_parcel_ids_are_refused_and_
nothing_changes, test_two_runs_merging_at_once_do_not_duplicate, parametrised
over both backends).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

from data import digest  # noqa: E402


def test_duplicate_parcel_ids_refused_workspace_unchanged(empty_workspace, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    from validation_data import (
        PARCEL_FIELDS,
        box,
        make_parcels,
        make_projects,
        parcel_rows,
        parcel_uuid,
        write_layer,
    )

    from xingguo_swc_plugin.core.errors import SwcError
    from xingguo_swc_plugin.core.findings import (
        IDENTIFIED,
        load_findings,
        set_status,
        store_findings,
    )
    from xingguo_swc_plugin.core.validation import validate_parcels

    projects = make_projects(tmp_path)
    processing.run(
        "xingguoswc:validateparcels",
        {
            "PARCELS": make_parcels(tmp_path),
            "PROJECTS": projects,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "HANDLER": "张三",
            "WORKSPACE": empty_workspace,
        },
    )
    rows = {row.key: row for row in load_findings(empty_workspace)}
    set_status(empty_workspace, [rows[("T02", "UNREGISTERED")].fid], IDENTIFIED, "李四")
    twins_rows = parcel_rows() + [
        (
            {"uuid": parcel_uuid("T11"), "tbbh": "T02", "xmbh": "", "xzqdm": "360732100"},
            box(1200, 0, 1250, 50),
        )
    ]
    twins = write_layer(
        tmp_path / "twins.gpkg", "parcels", "MultiPolygon", PARCEL_FIELDS, twins_rows
    )
    before = digest(empty_workspace, str(tmp_path / "twins.gpkg"))
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "xingguoswc:validateparcels",
            {
                "PARCELS": twins,
                "PROJECTS": projects,
                "OUTPUT": "TEMPORARY_OUTPUT",
                "HANDLER": "张三",
                "WORKSPACE": empty_workspace,
            },
        )
    assert "T02" in str(info.value)
    with pytest.raises(SwcError) as info:
        store_findings(empty_workspace, validate_parcels(twins, projects), twins.crs())
    assert "T02" in str(info.value)
    assert digest(empty_workspace, str(tmp_path / "twins.gpkg")) == before
    after = {row.key: row for row in load_findings(empty_workspace)}
    assert after[("T02", "UNREGISTERED")].status == IDENTIFIED
    assert len(after) == len(rows)


def test_two_processes_merging_at_once_do_not_duplicate(empty_workspace, tmp_path):
    from xingguo_swc_plugin.core.findings import load_findings

    barrier = tmp_path / "barrier"
    barrier.mkdir()
    env = dict(os.environ)
    workers = []
    for n in range(2):
        folder = tmp_path / ("inspector%d" % n)
        folder.mkdir()
        workers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    str(HERE / "merge_worker.py"),
                    empty_workspace,
                    str(folder),
                    str(barrier),
                    "2",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
        )
    outputs = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-2000:]
        outputs.append(json.loads(out.strip().splitlines()[-1]))
    # both merges were called together (the barrier released them within 0.5 s)
    assert abs(outputs[0]["started"] - outputs[1]["started"]) < 0.5
    total = outputs[0]["findings"]
    assert total > 0 and outputs[1]["findings"] == total
    assert sorted(o["added"] for o in outputs) == [0, total]
    assert sorted(o["kept"] for o in outputs) == [0, total]
    rows = load_findings(empty_workspace)
    assert len(rows) == total == len({row.key for row in rows})
