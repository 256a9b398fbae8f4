"""Sample workspace: real township codes on synthetic geometry, reproducible."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from xingguo_swc_plugin.core.sampledata import SYNTHETIC_NOTE
from xingguo_swc_plugin.domain.townships import CSV_PATH

SHARED_CSV = Path(__file__).resolve().parents[3] / "shared" / "domain" / "townships.csv"


def _table_digest(path: str, table: str, columns: str) -> str:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT " + columns + ", hex(geom) FROM " + table + " ORDER BY fid"
        ).fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_townships_are_the_25_real_codes_on_a_county_of_3215_km2(sample_workspace):
    layer = QgsVectorLayer(sample_workspace + "|layername=township", "t", "ogr")
    with open(CSV_PATH, encoding="utf-8") as handle:
        expected = {row["xzqdm"]: row["xzqmc"] for row in csv.DictReader(handle)}
    found = {f["xzqdm"]: f["xzqmc"] for f in layer.getFeatures()}
    assert found == expected
    total_km2 = sum(f.geometry().area() for f in layer.getFeatures()) / 1e6
    assert total_km2 == pytest.approx(3214.5, rel=1e-3)
    assert layer.crs().authid() == "EPSG:4547"
    assert all(f.geometry().isGeosValid() for f in layer.getFeatures())


@pytest.mark.skipif(not SHARED_CSV.exists(), reason="shared/ not beside the checkout")
def test_bundled_township_list_equals_the_shared_domain_file():
    assert CSV_PATH.read_bytes() == SHARED_CSV.read_bytes()


def test_metadata_says_geometry_is_synthetic(sample_workspace):
    with sqlite3.connect(sample_workspace) as connection:
        descriptions = dict(connection.execute("SELECT table_name, description FROM gpkg_contents"))
    assert descriptions["township"] == SYNTHETIC_NOTE
    assert "Synthetic" in descriptions["parcel"]


def test_every_case_is_present(sample_workspace):
    def count(table: str, where: str = "1") -> int:
        with sqlite3.connect(sample_workspace) as connection:
            return connection.execute(
                "SELECT count(*) FROM " + table + " WHERE " + where
            ).fetchone()[0]

    assert count("parcel") == 2000
    assert count("parcel", "xmbh IS NULL") > 0
    assert count("parcel", "xmbh NOT IN (SELECT xmbh FROM dev_project)") > 0
    assert count("dev_project") > 100
    assert {grade for grade in range(1, 7)} == {
        row for row in range(1, 7) if count("erosion", "qsqd = %d" % row)
    }
    assert {"S", "M", "L"} == {scale for scale in "SML" if count("benggang", "gm = '%s'" % scale)}
    assert count("benggang_part") > 0
    assert count("measure", "mbtc = 'benggang'") > 0
    layer = QgsVectorLayer(sample_workspace + "|layername=parcel", "p", "ogr")
    invalid = [f["tbbh"] for f in layer.getFeatures() if not f.geometry().isGeosValid()]
    assert 0 < len(invalid) < 50


def test_same_seed_same_data_other_seed_other_data(qgis_app, tmp_path):
    import processing

    paths = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        path = str(tmp_path / (name + ".gpkg"))
        processing.run("xingguoswc:sampledata", {"OUTPUT": path, "PARCELS": 200, "SEED": seed})
        paths.append(path)
    digests = [_table_digest(p, "parcel", "uuid, tbbh, xmbh, xzqdm, kflx") for p in paths]
    assert digests[0] == digests[1] != digests[2]
    assert _table_digest(paths[0], "township", "xzqdm") == _table_digest(
        paths[1], "township", "xzqdm"
    )


def test_existing_file_is_never_overwritten(qgis_app, sample_workspace):
    import processing

    before = Path(sample_workspace).read_bytes()
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run("xingguoswc:sampledata", {"OUTPUT": sample_workspace, "PARCELS": 10})
    assert Path(sample_workspace).read_bytes() == before


def test_a_plain_file_copy_right_after_generation_is_complete(sample_workspace, tmp_path):
    import shutil

    copy = str(tmp_path / "copy.gpkg")
    shutil.copyfile(sample_workspace, copy)  # without the -wal file
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM township").fetchone()[0] == 25
        assert connection.execute("SELECT count(*) FROM parcel").fetchone()[0] == 2000
