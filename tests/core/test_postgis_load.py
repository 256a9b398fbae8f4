"""Copying a GeoPackage workspace (the sample) into PostGIS: everything, or nothing."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsFeedback

from xingguo_swc_plugin.core.errors import CanceledError, WorkspaceError
from xingguo_swc_plugin.core.workspace import schema
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace
from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

CRS = QgsCoordinateReferenceSystem("EPSG:4547")


def _rows(layer, names):
    request = QgsFeatureRequest()
    rows = {}
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        rows[feature.id()] = (
            tuple(
                None if feature[n] is None or str(feature[n]) == "NULL" else feature[n]
                for n in names
            ),
            None if geometry.isNull() else geometry.asWkt(3),
        )
    return rows


def test_sample_is_copied_with_fids_attributes_and_geometries(sample_workspace, pg_sample):
    source = open_workspace(sample_workspace)
    for spec in schema.LAYERS:
        local = source.layer(spec.name)
        remote = pg_sample.layer(spec.name)
        assert remote.featureCount() == local.featureCount(), spec.name
        names = spec.field_names()
        assert _rows(remote, names) == _rows(local, names), spec.name
    assert source.layer("parcel").featureCount() >= 2000


def test_gully_numbers_continue_after_the_copied_ids(sample_workspace, pg_sample, pg_server):
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT split_part(bgbh, %s, 1), max(split_part(bgbh, %s, 2)::int) "
            'FROM "{0}".benggang GROUP BY 1'.format(pg_sample.schema),
            ("-", "-"),
        )
        highest = dict(cursor.fetchall())
        cursor.execute('SELECT xzqdm, last_seq FROM "{0}".benggang_seq'.format(pg_sample.schema))
        stored = dict(cursor.fetchall())
    assert highest and all(stored[code] >= value for code, value in highest.items())


def test_load_refuses_a_filled_workspace_and_cancel_leaves_nothing(
    sample_workspace, pg_target, pg_schema, pg_server
):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value > 30 else None)
    with pytest.raises(CanceledError):
        load_geopackage(sample_workspace, workspace, feedback=feedback)
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('SELECT count(*) FROM "{0}".township'.format(pg_schema))
        assert cursor.fetchone()[0] == 0
        cursor.execute('SELECT count(*) FROM "{0}".measure_type'.format(pg_schema))
        seeded = cursor.fetchone()[0]
    assert seeded > 0  # the seed is still there: the whole load was rolled back
    counts = load_geopackage(sample_workspace, workspace)
    assert counts["township"] == 25
    with pytest.raises(WorkspaceError, match="already holds data"):
        load_geopackage(sample_workspace, workspace)
    assert load_geopackage(sample_workspace, workspace, replace=True) == counts
