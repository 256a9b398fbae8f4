"""The dashboard model (core.dashboard) and the one definition of the plan figures:
the dashboard, the atlas sheet, measuresummary and plan_progress (and the
planprogress algorithm when the provider has it) show the same newly treated
area and treated gullies for the same window, per township, per small
watershed and for the county."""

from __future__ import annotations

import pytest
from plan_fixtures import add_plan_figures
from qgis.core import QgsFeature, QgsVectorLayer

from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

COUNTY = "360732"


def layer(path: str, name: str) -> QgsVectorLayer:
    return QgsVectorLayer(path + "|layername=" + name, name, "ogr")


@pytest.fixture
def plan_workspace(sample_copy) -> str:
    return add_plan_figures(sample_copy)


def figures(rows):
    return {row.xzqdm: (row.treated_area_hm2, row.treated_gullies) for row in rows}


def assert_same(left, right):
    assert set(left) == set(right)
    for code in left:
        assert left[code][0] == pytest.approx(right[code][0], abs=1e-6), code
        assert left[code][1] == right[code][1], code


@pytest.mark.parametrize("window", [(None, None), (2019, 2023)])
def test_dashboard_atlas_measuresummary_and_plan_progress_agree(plan_workspace, window, tmp_path):
    import processing
    from qgis.core import QgsApplication

    from xingguo_swc_plugin.core.atlas_figures import stats_layers, township_statistics
    from xingguo_swc_plugin.core.dashboard import county_dashboard, dashboard_table
    from xingguo_swc_plugin.core.plan import plan_progress

    path = plan_workspace
    year_from, year_to = window
    plan = plan_progress(
        layer(path, "measure"), layer(path, "township"), year_from=year_from, year_to=year_to
    )
    expected = figures(plan.rows)
    assert plan.county.treated_area_hm2 > 0 and plan.county.treated_gullies > 0
    assert plan.undated_gullies > 0
    if year_from is None:  # 2019's land tagged again in 2024: re-treated, not new
        assert plan.county.retreated_area_hm2 > 0

    # the dashboard model (what the statistics dock shows and exports)
    dashboard = county_dashboard(
        layer(path, "township"),
        "xzqdm",
        layer(path, "parcel"),
        "kflx",
        year_from=year_from,
        year_to=year_to,
    )
    assert_same(figures(dashboard.progress.rows), expected)
    headers, rows = dashboard_table(dashboard)
    area_col, gully_col = len(headers) - 2, len(headers) - 1
    assert "(座)" in headers[gully_col]
    table = {row[0]: (row[area_col], row[gully_col]) for row in rows}
    assert_same(table, expected)
    assert dashboard.treated_area_km2 == pytest.approx(plan.county.treated_area_hm2 / 100)

    # the atlas sheet
    coverage = layer(path, "township")
    sheet = township_statistics(
        coverage, stats_layers([], coverage), year_from=year_from, year_to=year_to
    )
    assert_same(figures(sheet.progress.rows), expected)
    area_row = [i for i, c in enumerate(sheet.captions) if c.startswith("Newly treated")][0]
    for code, values in sheet.values.items():
        assert float(values[area_row].replace(",", "")) == pytest.approx(
            expected[code][0], abs=0.005
        )
        assert int(values[area_row + 1]) == expected[code][1]

    # measuresummary (Processing)
    ws = open_workspace(path)
    parameters = {
        "MEASURES": ws.uri("measure"),
        "TOWNSHIPS": ws.uri("township"),
        "OUTPUT": str(tmp_path / "summary.csv"),
    }
    if year_from is not None:
        parameters.update({"YEAR_FROM": year_from, "YEAR_TO": year_to})
    result = processing.run("xingguoswc:measuresummary", parameters)
    output = QgsVectorLayer(result["OUTPUT"], "summary", "ogr")
    summary = {
        str(f["xzqdm"]): (float(f["zlmj"]), int(f["zlbg"]))
        for f in output.getFeatures()
        if f["lx"] in ("township", "county")
    }
    assert_same(summary, expected)
    assert result["TREATED_AREA_HM2"] == pytest.approx(expected[COUNTY][0], abs=1e-6)
    assert result["TREATED_GULLIES"] == expected[COUNTY][1]

    # the planprogress algorithm, once the provider has it (issue 14)
    if QgsApplication.processingRegistry().algorithmById("xingguoswc:planprogress"):
        parameters = {
            "MEASURES": ws.uri("measure"),
            "TOWNSHIPS": ws.uri("township"),
            "OUTPUT": str(tmp_path / "plan.csv"),
        }
        if year_from is not None:
            parameters.update({"YEAR_FROM": year_from, "YEAR_TO": year_to})
        result = processing.run("xingguoswc:planprogress", parameters)
        output = QgsVectorLayer(result["OUTPUT"], "plan", "ogr")
        assert_same(
            {
                str(f["xzqdm"]): (float(f["treated_area_hm2"]), int(f["treated_gullies"]))
                for f in output.getFeatures()
            },
            expected,
        )


def test_small_watersheds_as_zones(plan_workspace):
    """Dashboard and atlas per small watershed: plan_progress's ZONES, the county
    row the same as per township."""
    from xingguo_swc_plugin.core.atlas_figures import stats_layers, township_statistics
    from xingguo_swc_plugin.core.dashboard import county_dashboard, dashboard_table
    from xingguo_swc_plugin.core.plan import plan_progress

    path = plan_workspace
    measures, zones = layer(path, "measure"), layer(path, "watershed")
    by_zone = plan_progress(measures, layer(path, "township"), zones=zones, zone_field="lydm")
    by_town = plan_progress(measures, layer(path, "township"))
    assert [row.xzqdm for row in by_zone.rows] == ["LY01", "LY02", "LY03", "LY04", "LY05", COUNTY]
    assert by_zone.rows[0].xzqmc == "小流域1"
    assert by_zone.county.treated_area_hm2 == pytest.approx(
        by_town.county.treated_area_hm2, abs=1e-6
    )
    assert by_zone.county.treated_gullies == by_town.county.treated_gullies
    # a watershed of two townships holds their area
    first_two = [row for row in by_town.rows[:2]]
    assert by_zone.rows[0].treated_area_hm2 == pytest.approx(
        sum(row.treated_area_hm2 for row in first_two), abs=1e-6
    )
    dashboard = county_dashboard(
        zones,
        "lydm",
        layer(path, "parcel"),
        "kflx",
        measures=measures,
        townships=layer(path, "township"),
    )
    assert_same(figures(dashboard.progress.rows), figures(by_zone.rows))
    headers, rows = dashboard_table(dashboard)
    assert [row[0] for row in rows][:5] == ["LY01", "LY02", "LY03", "LY04", "LY05"]
    assert headers[:2] == ["Zone code", "Zone"] and rows[0][1] == "小流域1"
    # the atlas over the watersheds: one sheet per watershed, same figures
    coverage = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4547&field=xzqdm:string&field=xzqmc:string", "zones", "memory"
    )
    features = []
    for zone in zones.getFeatures():
        feature = QgsFeature(coverage.fields())
        feature.setAttributes([zone["lydm"], zone["lymc"]])
        feature.setGeometry(zone.geometry())
        features.append(feature)
    assert coverage.dataProvider().addFeatures(features)[0]
    tables = stats_layers([], layer(path, "township"))
    sheet = township_statistics(coverage, tables)
    assert_same(figures(sheet.progress.rows), figures(by_zone.rows))


@pytest.mark.postgis
def test_same_figures_on_postgis(plan_workspace, pg_target, pg_schema, tmp_path):
    """The workspace copied into PostGIS: the dashboard, measuresummary and
    plan_progress there show the GeoPackage's figures."""
    import processing
    from qgis.core import QgsCoordinateReferenceSystem

    from xingguo_swc_plugin.core.dashboard import county_dashboard
    from xingguo_swc_plugin.core.plan import plan_progress
    from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace
    from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

    pg = create_postgis_workspace(pg_target, pg_schema, QgsCoordinateReferenceSystem("EPSG:4547"))
    load_geopackage(plan_workspace, pg)
    expected = figures(
        plan_progress(layer(plan_workspace, "measure"), layer(plan_workspace, "township")).rows
    )
    assert expected[COUNTY][1] > 0
    assert_same(figures(plan_progress(pg.layer("measure"), pg.layer("township")).rows), expected)
    dashboard = county_dashboard(pg.layer("township"), "xzqdm", pg.layer("parcel"), "kflx")
    assert_same(figures(dashboard.progress.rows), expected)
    result = processing.run(
        "xingguoswc:measuresummary",
        {
            "MEASURES": pg.layer("measure"),
            "TOWNSHIPS": pg.layer("township"),
            "OUTPUT": str(tmp_path / "pg.csv"),
        },
    )
    output = QgsVectorLayer(result["OUTPUT"], "summary", "ogr")
    assert_same(
        {
            str(f["xzqdm"]): (float(f["zlmj"]), int(f["zlbg"]))
            for f in output.getFeatures()
            if f["lx"] in ("township", "county")
        },
        expected,
    )
