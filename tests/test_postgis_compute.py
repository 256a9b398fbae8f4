"""Server-side computation in PostGIS equals the local engine on the same data.

The sample workspace (GeoPackage, local engine) and its copy in PostGIS (the
core functions dispatch to SQL) must give the same rows, counts and findings,
areas within 1e-6 relative.
"""

from __future__ import annotations

import math

import pytest
from qgis.core import QgsApplication

from xingguo_swc_plugin.core.overlaps import find_overlaps
from xingguo_swc_plugin.core.postgis_compute import same_postgis_database
from xingguo_swc_plugin.core.stats import conservation_rate, township_area_stats
from xingguo_swc_plugin.core.workspace import open_workspace

REL = 1e-6


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL, abs_tol=1e-6)


class ServerLog:
    """Collects the plugin's log lines, to tell which engine ran."""

    def __enter__(self):
        self.messages = []
        QgsApplication.messageLog().messageReceived.connect(self._add)
        return self

    def _add(self, message, tag, level):
        self.messages.append(message)

    def __exit__(self, *args):
        QgsApplication.messageLog().messageReceived.disconnect(self._add)

    def on_server(self) -> bool:
        return any("computed in the PostGIS database" in m for m in self.messages)


@pytest.fixture(scope="module")
def local(sample_workspace):
    return open_workspace(sample_workspace)


def _compare_area_tables(local_rows, server_rows):
    assert len(local_rows) == len(server_rows) > 25
    for a, b in zip(local_rows, server_rows):
        assert (a.xzqdm, a.xzqmc, a.klass, a.feature_count) == \
            (b.xzqdm, b.xzqmc, b.klass, b.feature_count)
        assert close(a.area_m2, b.area_m2), (a, b)
    assert local_rows.features == server_rows.features
    assert local_rows.invalid_repaired == server_rows.invalid_repaired
    assert close(local_rows.input_area_m2, server_rows.input_area_m2)


@pytest.mark.parametrize("table, class_field", [("parcel", "kflx"), ("parcel", None),
                                                ("erosion", "qsqd"), ("benggang", "gm")])
def test_township_stats_on_the_server_equal_the_local_engine(local, pg_sample, table,
                                                             class_field):
    expected = township_area_stats(local.layer("township"), "xzqdm", local.layer(table),
                                   class_field)
    towns, layer = pg_sample.layer("township"), pg_sample.layer(table)
    assert same_postgis_database(towns, layer) is not None
    with ServerLog() as log:
        result = township_area_stats(towns, "xzqdm", layer, class_field)
    assert log.on_server()
    _compare_area_tables(expected, result)
    assert sum(row.area_m2 for row in result if row.xzqdm != "360732") > 0


def test_conservation_rate_on_the_server_equals_the_local_engine(local, pg_sample):
    expected = conservation_rate(local.layer("township"), "xzqdm", local.layer("erosion"))
    with ServerLog() as log:
        result = conservation_rate(pg_sample.layer("township"), "xzqdm",
                                   pg_sample.layer("erosion"))
    assert log.on_server()
    assert len(result) == len(expected) == 26
    for a, b in zip(expected, result):
        assert (a.xzqdm, a.xzqmc, a.meets_target) == (b.xzqdm, b.xzqmc, b.meets_target)
        assert close(a.land_area_m2, b.land_area_m2)
        assert close(a.erosion_area_m2, b.erosion_area_m2), (a, b)
        assert close(a.rate_percent, b.rate_percent)
    assert expected[-1].erosion_area_m2 > 0
    assert expected.invalid_repaired == result.invalid_repaired


def test_overlaps_on_the_server_equal_the_local_engine(local, pg_sample):
    expected = find_overlaps(local.layer("parcel"), "tbbh")
    with ServerLog() as log:
        result = find_overlaps(pg_sample.layer("parcel"), "tbbh")
    assert log.on_server()
    assert expected.pairs, "the sample has overlapping parcels"
    assert [(p.fid_a, p.fid_b, p.id_a, p.id_b) for p in result.pairs] == \
        [(p.fid_a, p.fid_b, p.id_a, p.id_b) for p in expected.pairs]
    for a, b in zip(expected.pairs, result.pairs):
        assert close(a.area_m2, b.area_m2)
        assert close(a.geometry.area(), b.geometry.area())
    assert [(i.fid, i.id, i.reason) for i in result.invalid] == \
        [(i.fid, i.id, i.reason) for i in expected.invalid]
    assert expected.invalid, "the sample has invalid parcels"
    assert result.features == expected.features


def test_filtered_or_mixed_inputs_stay_local(local, pg_sample):
    parcels = pg_sample.layer("parcel")
    assert same_postgis_database(local.layer("township"), parcels) is None
    parcels.setSubsetString("\"kflx\" = '1'")
    assert same_postgis_database(pg_sample.layer("township"), parcels) is None
    with ServerLog() as log:
        filtered = township_area_stats(pg_sample.layer("township"), "xzqdm", parcels)
    assert not log.on_server()
    assert filtered[-1].feature_count < pg_sample.layer("parcel").featureCount()
