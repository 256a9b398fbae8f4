"""xingguoswc:createworkspace targeting PostGIS (connection + schema), and copying."""

from __future__ import annotations

import pytest
from qgis.core import QgsDataSourceUri, QgsProcessingException

from xingguo_swc_plugin.core.workspace import schema
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.core.workspace.postgis import open_postgis_workspace


def test_createworkspace_on_postgis_copies_the_sample(
    sample_workspace, pg_target, pg_schema, pg_server
):
    import processing

    result = processing.run(
        "xingguoswc:createworkspace",
        {"CONNECTION": pg_target.connection, "SCHEMA": pg_schema, "COPY_FROM": sample_workspace},
    )
    local = open_workspace(sample_workspace)
    expected = sum(local.layer(spec.name).featureCount() for spec in schema.LAYERS)
    assert result["ROWS"] == expected > 2000
    assert result["SCHEMA"] == pg_schema
    source = QgsDataSourceUri(result["OUTPUT"])
    assert source.schema() == pg_schema and source.table() == "township"
    assert source.authConfigId() and not source.password()
    workspace = open_postgis_workspace(pg_target, pg_schema)
    assert workspace.layer("parcel").featureCount() == local.layer("parcel").featureCount()
    # running again opens the existing workspace and changes nothing
    again = processing.run(
        "xingguoswc:createworkspace", {"CONNECTION": pg_target.connection, "SCHEMA": pg_schema}
    )
    assert again["ROWS"] == 0
    assert workspace.layer("parcel").featureCount() == local.layer("parcel").featureCount()


def test_createworkspace_with_an_auth_config_override(pg_target, pg_authcfg, pg_schema):
    import processing

    result = processing.run(
        "xingguoswc:createworkspace",
        {"CONNECTION": pg_target.connection, "AUTHCFG": pg_authcfg, "SCHEMA": pg_schema},
    )
    assert QgsDataSourceUri(result["OUTPUT"]).authConfigId() == pg_authcfg


def test_createworkspace_without_any_target_is_refused(qgis_app):
    import processing

    with pytest.raises(QgsProcessingException, match="GeoPackage file or a PostgreSQL"):
        processing.run("xingguoswc:createworkspace", {})
    with pytest.raises(QgsProcessingException):
        processing.run(
            "xingguoswc:createworkspace", {"CONNECTION": "no such connection", "SCHEMA": "x"}
        )


def _rows(layer):
    return [
        (feature.attributes(), feature.geometry().area() if feature.hasGeometry() else 0.0)
        for feature in layer.getFeatures()
    ]


def _same_output(a, b):
    import math

    rows_a, rows_b = _rows(a), _rows(b)
    assert len(rows_a) == len(rows_b) > 0
    for (attributes_a, area_a), (attributes_b, area_b) in zip(rows_a, rows_b):
        assert len(attributes_a) == len(attributes_b)
        for x, y in zip(attributes_a, attributes_b):
            if isinstance(x, float) and isinstance(y, float):
                assert math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-6), (attributes_a, attributes_b)
            else:
                assert x == y, (attributes_a, attributes_b)
        assert math.isclose(area_a, area_b, rel_tol=1e-6, abs_tol=1e-6)


@pytest.mark.parametrize(
    "algorithm, parameters, outputs",
    [
        (
            "townshipstats",
            {"TOWNSHIPS": "township", "INPUT": "parcel", "CLASS_FIELD": "kflx"},
            ("OUTPUT",),
        ),
        ("conservationrate", {"TOWNSHIPS": "township", "EROSION": "erosion"}, ("OUTPUT",)),
        ("checkoverlaps", {"INPUT": "parcel", "ID_FIELD": "tbbh"}, ("OUTPUT", "INVALID")),
        ("validateparcels", {"PARCELS": "parcel", "PROJECTS": "dev_project"}, ("OUTPUT",)),
    ],
)
def test_algorithms_give_the_same_output_on_postgis(
    sample_workspace, pg_sample, algorithm, parameters, outputs
):
    """Each algorithm, run on the GeoPackage and on PostGIS layers of the same data."""
    import processing

    local = open_workspace(sample_workspace)
    results = []
    for workspace in (local, pg_sample):
        run = {
            key: workspace.layer(value) if value in schema.LAYERS_BY_NAME else value
            for key, value in parameters.items()
        }
        run.update({name: "TEMPORARY_OUTPUT" for name in outputs})
        results.append(processing.run("xingguoswc:" + algorithm, run))
    for name in outputs:
        _same_output(results[0][name], results[1][name])
