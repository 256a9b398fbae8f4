"""Field package round trip (QField): export, phone edits, import, conflict, re-import.

The phone is played by writing the package GeoPackage the way QField does (OGR,
attachment paths relative to the project under DCIM/); the workspace is compared
row by row before and after, so "nothing else changed" is checked, not assumed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid as uuidlib

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime
from qgis.PyQt.QtGui import QColor, QImage

from xingguo_swc_plugin.core import casework, fieldpackage
from xingguo_swc_plugin.core.casework import FindingFilter, text
from xingguo_swc_plugin.core.fieldimport import import_field_package
from xingguo_swc_plugin.core.findings import history, set_status, store_findings
from xingguo_swc_plugin.core.validation import validate_parcels
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.core.workspace.open import workspace_of
from xingguo_swc_plugin.domain import codes

CRS = QgsCoordinateReferenceSystem("EPSG:4547")


def with_findings(path: str) -> str:
    workspace = open_workspace(path)
    parcels = workspace.layer("parcel")
    found = validate_parcels(parcels, workspace.layer("dev_project"))
    store_findings(workspace, found, parcels.crs(), who="张三")
    return path


@pytest.fixture
def findings_workspace(sample_copy) -> str:
    return with_findings(sample_copy)


def township_with_cases(workspace) -> str:
    """A township with at least three not-registered findings (stable pick)."""
    counts = {}
    for feature in workspace.layer("finding").getFeatures():
        if text(feature["gz"]) == "UNREGISTERED":
            counts[text(feature["xzqdm"])] = counts.get(text(feature["xzqdm"]), 0) + 1
    return sorted(code for code, count in counts.items() if count >= 3)[0]


def dump(workspace):
    """Every row of the tables an import may touch, by UUID (attributes + geometry)."""
    tables = {}
    for table in ("finding", "parcel", "dev_project", "finding_photo", "township"):
        layer = workspace.layer(table)
        names = [n for n in layer.fields().names() if n not in ("fid", "id", "nr")]
        rows = {}
        for feature in layer.getFeatures():
            geometry = feature.geometry()
            rows[text(feature["uuid"])] = (
                tuple(text(feature[n]) for n in names),
                None if geometry.isNull() else geometry.asWkt(2),
            )
        tables[table] = rows
    return tables


def write_jpeg(path: str, colour: str) -> bytes:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(path, "JPG")
    with open(path, "rb") as handle:
        return handle.read()


def phone_edit(folder: str, confirm_uuid: str, note_uuid: str) -> list:
    """What an inspector does in QField: confirm one case with a position and two
    photos, add a note to another; returns the photo contents."""
    data = os.path.join(folder, fieldpackage.DATA_FILE)
    findings = QgsVectorLayer(data + "|layername=finding", "f", "ogr")
    fields = findings.fields()
    rows = {text(f["uuid"]): f for f in findings.getFeatures()}
    when = QDateTime.fromString("2026-12-04T10:15:00", "yyyy-MM-ddTHH:mm:ss")
    changes = {
        rows[confirm_uuid].id(): {
            fields.indexOf("zt"): "2",
            fields.indexOf("clyj"): "现场已开挖，未见批复",
            fields.indexOf("hcr"): "李四",
            fields.indexOf("hcsj"): when,
            fields.indexOf("hcjd"): 115.3634,
            fields.indexOf("hcwd"): 26.3381,
            fields.indexOf("dwjd"): 3.5,
            fields.indexOf("dslx"): "2",
        },
        rows[note_uuid].id(): {fields.indexOf("clyj"): "现场无人", fields.indexOf("hcr"): "李四"},
    }
    assert findings.dataProvider().changeAttributeValues(changes)
    photos = QgsVectorLayer(data + "|layername=photo", "p", "ogr")
    contents, features = [], []
    for number, colour in enumerate(("red", "blue")):
        relative = "DCIM/xgswc_2026120410150{0}.jpg".format(number)
        contents.append(write_jpeg(os.path.join(folder, relative), colour))
        feature = QgsFeature(photos.fields())
        feature.setAttribute("uuid", str(uuidlib.uuid4()))
        feature.setAttribute("fxuuid", confirm_uuid)
        feature.setAttribute("zp", relative)
        feature.setAttribute("pssj", when)
        feature.setAttribute("jd", 115.3634)
        feature.setAttribute("wd", 26.3381)
        feature.setAttribute("dwjd", 3.5)
        features.append(feature)
    assert photos.dataProvider().addFeatures(features)[0]
    return contents


def check_project(folder: str, inspector: str) -> None:
    """The .qgs as QField reads it: valid layers, relative paths, the phone form."""
    path = os.path.join(folder, fieldpackage.PROJECT_FILE)
    with open(path, encoding="utf-8") as handle:
        xml = handle.read()
    assert "./" + fieldpackage.DATA_FILE + "|layername=finding" in xml
    assert folder not in xml  # no absolute path anywhere
    project = QgsProject()
    assert project.read(path)
    layers = {
        layer.source().split("layername=")[-1]: layer for layer in project.mapLayers().values()
    }
    assert set(layers) == {"finding", "photo", "parcel", "dev_project"}
    assert all(layer.isValid() for layer in layers.values())
    findings = layers["finding"]
    fields = findings.fields()

    def default(layer, name):
        value = layer.defaultValueDefinition(layer.fields().indexOf(name))
        return value.expression(), value.applyOnUpdate()

    assert default(findings, "hcsj") == ("now()", True)
    assert "@position_coordinate" in default(findings, "hcjd")[0]
    assert default(findings, "hcjd")[0].startswith("x(")
    assert default(findings, "hcwd")[0].startswith("y(")
    assert "@position_horizontal_accuracy" in default(findings, "dwjd")[0]
    assert default(findings, "hcr") == ("@" + fieldpackage.INSPECTOR_VARIABLE, True)
    scope = QgsExpressionContextUtils.projectScope(project)
    assert scope.variable(fieldpackage.INSPECTOR_VARIABLE) == inspector
    status = findings.editorWidgetSetup(fields.indexOf("zt"))
    assert status.type() == "ValueMap"
    labels = {label for item in status.config()["map"] for label in item}
    assert "待核查" in labels and "已认定" in labels
    assert "'1'" in findings.constraintExpression(fields.indexOf("zt"))
    assert findings.editorWidgetSetup(fields.indexOf("clyj")).type() == "TextEdit"
    form = findings.editFormConfig()
    assert not form.readOnly(fields.indexOf("zt")) and form.readOnly(fields.indexOf("tbbh"))
    assert findings.customProperty("QFieldSync/is_feature_addition_locked") in (True, "true")
    photos = layers["photo"]
    attachment = photos.editorWidgetSetup(photos.fields().indexOf("zp"))
    assert attachment.type() == "ExternalResource"
    assert int(attachment.config()["RelativeStorage"]) == 1
    naming = json.loads(photos.customProperty("QFieldSync/attachment_naming"))
    assert naming["zp"].startswith("'DCIM/")
    assert "@position_coordinate" in default(photos, "jd")[0]
    relations = project.relationManager().relations()
    assert len(relations) == 1
    relation = list(relations.values())[0]
    assert relation.referencingLayer() is photos and relation.referencedLayer() is findings
    for name in ("parcel", "dev_project"):
        assert layers[name].readOnly()
        assert layers[name].customProperty("QFieldSync/action") == "copy"
    assert project.readEntry("qfieldsync", "/createBaseMap")[0] in ("false", "0", "")
    project.clear()


def round_trip(workspace, folder: str) -> None:
    """Export, edit as a phone, office edit, import, re-import — on any workspace."""
    township = township_with_cases(workspace)
    layer = workspace.layer("finding")
    cases = sorted(
        (
            f
            for f in layer.getFeatures()
            if text(f["xzqdm"]) == township and text(f["gz"]) == "UNREGISTERED"
        ),
        key=lambda f: text(f["tbbh"]),
    )
    confirm, office, untouched = cases[0], cases[1], cases[2]
    result = fieldpackage.write_field_package(
        workspace, FindingFilter([township]), folder, inspector="李四"
    )
    assert result.findings == sum(1 for f in layer.getFeatures() if text(f["xzqdm"]) == township)
    check_project(folder, "李四")
    contents = phone_edit(folder, text(confirm["uuid"]), text(office["uuid"]))
    # meanwhile in the office: the second case is closed as a false alarm
    assert set_status(workspace.layer("finding"), [office.id()], "5", "王五", "误报") == 1
    before = dump(workspace)

    report = import_field_package(folder, workspace)
    assert (report.applied, report.photos, report.parcels) == (1, 2, 1), report.lines()
    assert len(report.conflicts) == 1 and text(office["tbbh"]) in report.conflicts[0]
    after = dump(workspace)
    rows = {text(f["uuid"]): f for f in workspace.layer("finding").getFeatures()}
    done = rows[text(confirm["uuid"])]
    assert text(done["zt"]) == "2" and text(done["hcr"]) == "李四"
    assert float(done["hcjd"]) == pytest.approx(115.3634)
    assert float(done["dwjd"]) == pytest.approx(3.5)
    assert text(done["dslx"]) == "2"
    steps = history(done["lsjl"])
    assert len(steps) == len(history(confirm["lsjl"])) + 1
    assert steps[-1]["from"] == "1" and steps[-1]["to"] == "2"
    assert steps[-1]["who"] == "李四" and steps[-1]["note"] == "现场已开挖，未见批复"
    assert steps[-1]["position"] == pytest.approx([115.3634, 26.3381])
    assert len(steps[-1]["photos"]) == 2
    assert text(rows[text(office["uuid"])]["zt"]) == "5"  # the office edit stands
    stored = casework.stored_photos(workspace)[text(confirm["uuid"])]
    assert sorted(photo.content for photo in stored) == sorted(contents)
    assert all(photo.longitude == pytest.approx(115.3634) for photo in stored)
    parcels = {text(f["tbbh"]): f for f in workspace.layer("parcel").getFeatures()}
    assert text(parcels[text(confirm["tbbh"])]["hgx"]) == "03"  # 疑似未批先建 → 未批先建

    # nothing else changed: only the confirmed finding, its parcel and two photos
    changed = {
        table: {
            key
            for key in set(before[table]) | set(after[table])
            if before[table].get(key) != after[table].get(key)
        }
        for table in before
    }
    parcel_uuid = text(parcels[text(confirm["tbbh"])]["uuid"])
    assert changed["finding"] == {text(confirm["uuid"])}
    assert changed["parcel"] == {parcel_uuid}
    assert len(changed["finding_photo"]) == 2 and not before["finding_photo"]
    assert not changed["dev_project"] and not changed["township"]
    assert text(untouched["uuid"]) not in changed["finding"]

    again = import_field_package(folder, workspace)
    assert (again.applied, again.photos, again.parcels, again.already) == (0, 0, 0, 1)
    assert dump(workspace) == after


def test_round_trip_on_geopackage(findings_workspace, tmp_path):
    round_trip(open_workspace(findings_workspace), str(tmp_path / "package"))


def test_round_trip_on_postgis(findings_workspace, pg_target, pg_schema, tmp_path):
    from xingguo_swc_plugin.core.workspace.geopackage import checkpoint
    from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace
    from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

    checkpoint(findings_workspace)
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS)
    load_geopackage(findings_workspace, workspace)
    named = workspace_of(pg_target.connection, pg_schema)  # as Processing names it
    round_trip(named, str(tmp_path / "package"))


def test_package_refuses_a_filled_folder_and_an_empty_filter(findings_workspace, tmp_path):
    from xingguo_swc_plugin.core.errors import InputError

    folder = tmp_path / "used"
    folder.mkdir()
    (folder / "keep.txt").write_text("x")
    with pytest.raises(InputError, match="not empty"):
        fieldpackage.write_field_package(findings_workspace, FindingFilter(), str(folder))
    assert os.listdir(folder) == ["keep.txt"]
    with pytest.raises(InputError):
        fieldpackage.write_field_package(
            findings_workspace, FindingFilter(["999999999"]), str(tmp_path / "n")
        )
    assert not (tmp_path / "n").exists()


def test_transitions_live_in_one_place_and_confirming_sets_compliance(findings_workspace):
    assert "4" in codes.CASE_TRANSITIONS["2"] and "3" in codes.CASE_TRANSITIONS["2"]
    assert codes.CASE_TRANSITIONS["3"] == ("4", "5")
    workspace = open_workspace(findings_workspace)
    layer = workspace.layer("finding")
    target = next(f for f in layer.getFeatures() if text(f["gz"]) == "EXCEEDS_APPROVED")
    set_status(layer, [target.id()], "2", "张三")
    set_status(layer, [target.id()], "4", "张三", "罚款")  # 已认定 → 已处罚
    assert casework.sync_parcel_compliance(workspace) >= 1
    parcels = {text(f["tbbh"]): text(f["hgx"]) for f in workspace.layer("parcel").getFeatures()}
    assert parcels[text(target["tbbh"])] == "05"
    assert casework.sync_parcel_compliance(workspace) == 0


def test_import_refuses_a_folder_that_is_not_a_package(findings_workspace, tmp_path):
    from xingguo_swc_plugin.core.errors import InputError

    with pytest.raises(InputError):
        import_field_package(str(tmp_path), findings_workspace)
    with sqlite3.connect(findings_workspace) as connection:
        assert connection.execute("SELECT count(*) FROM finding_photo").fetchone()[0] == 0


def test_processing_algorithms_export_import_and_casefile(findings_workspace, tmp_path):
    import processing

    workspace = open_workspace(findings_workspace)
    township = township_with_cases(workspace)
    folder = str(tmp_path / "pkg")
    result = processing.run(
        "xingguoswc:fieldpackage",
        {
            "WORKSPACE": findings_workspace,
            "TOWNSHIPS": township,
            "RULES": "UNREGISTERED",
            "INSPECTOR": "李四",
            "OUTPUT_FOLDER": folder,
        },
    )
    assert result["FINDINGS"] >= 3 and os.path.isfile(result["PROJECT"])
    report = processing.run(
        "xingguoswc:importfieldpackage", {"INPUT": folder, "WORKSPACE": findings_workspace}
    )
    assert (report["APPLIED"], report["CONFLICTS"], report["PHOTOS"]) == (0, 0, 0)
    files = processing.run(
        "xingguoswc:casefile",
        {
            "WORKSPACE": findings_workspace,
            "TOWNSHIPS": township,
            "RULES": "UNREGISTERED",
            "OUTPUT": str(tmp_path / "cases"),
        },
    )
    assert files["FILES"] == result["FINDINGS"] + 1
    with pytest.raises(Exception, match="UNKNOWN"):
        processing.run(
            "xingguoswc:casefile",
            {"WORKSPACE": findings_workspace, "RULES": "UNKNOWN", "OUTPUT": str(tmp_path / "x")},
        )


def test_processing_algorithms_on_a_postgis_workspace(
    findings_workspace, pg_target, pg_schema, tmp_path
):
    """The fieldwork algorithms take CONNECTION + SCHEMA like every workspace algorithm."""
    import processing

    from xingguo_swc_plugin.core.workspace.geopackage import checkpoint
    from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace
    from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

    checkpoint(findings_workspace)
    load_geopackage(findings_workspace, create_postgis_workspace(pg_target, pg_schema, CRS))
    township = township_with_cases(open_workspace(findings_workspace))
    named = {"CONNECTION": pg_target.connection, "SCHEMA": pg_schema}
    result = processing.run(
        "xingguoswc:fieldpackage",
        {
            **named,
            "TOWNSHIPS": township,
            "RULES": "UNREGISTERED",
            "INSPECTOR": "李四",
            "OUTPUT_FOLDER": str(tmp_path / "pkg"),
        },
    )
    assert result["FINDINGS"] >= 3 and os.path.isfile(result["PROJECT"])
    report = processing.run(
        "xingguoswc:importfieldpackage", {**named, "INPUT": str(tmp_path / "pkg")}
    )
    assert (report["APPLIED"], report["CONFLICTS"], report["PHOTOS"]) == (0, 0, 0)
    files = processing.run(
        "xingguoswc:casefile",
        {
            **named,
            "TOWNSHIPS": township,
            "RULES": "UNREGISTERED",
            "OUTPUT": str(tmp_path / "cases"),
        },
    )
    assert files["FILES"] == result["FINDINGS"] + 1
    with pytest.raises(Exception, match="schema"):
        processing.run(
            "xingguoswc:casefile",
            {"CONNECTION": pg_target.connection, "OUTPUT": str(tmp_path / "x")},
        )


def test_photos_are_copied_with_a_geopackage_into_postgis(findings_workspace, pg_target, pg_schema):
    from xingguo_swc_plugin.core.workspace.geopackage import checkpoint
    from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace
    from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

    owner = text(next(open_workspace(findings_workspace).layer("finding").getFeatures())["uuid"])
    data = b"\xff\xd8" + bytes(range(256)) * 4  # a JPEG starts with FF D8
    photo = casework.Photo(owner, "x.jpg", casework.sha1_of(data), None, 115.0, 26.0, 2.0, data)
    assert casework.store_photos(findings_workspace, [photo]) == 1
    assert casework.store_photos(findings_workspace, [photo]) == 0  # same SHA-1: once
    checkpoint(findings_workspace)
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS)
    load_geopackage(findings_workspace, workspace)
    assert casework.stored_photos(workspace)[owner][0].content == data


def make_imagery(workspace, path: str, size: float = 10.0):
    """A GeoTIFF over the whole county (``size`` m pixels, a grey ramp)."""
    from osgeo import gdal, osr
    from qgis.core import QgsRasterLayer

    county = workspace.layer("township").extent()
    columns, rows = int(county.width() / size) + 1, int(county.height() / size) + 1
    dataset = gdal.GetDriverByName("GTiff").Create(path, columns, rows, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((county.xMinimum(), size, 0, county.yMaximum(), 0, -size))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4547)
    dataset.SetProjection(reference.ExportToWkt())
    import numpy

    ramp = (numpy.arange(columns, dtype=numpy.uint32) % 200 + 30).astype(numpy.uint8)
    dataset.GetRasterBand(1).WriteArray(numpy.tile(ramp, (rows, 1)))
    dataset = None
    raster = QgsRasterLayer(path, "imagery")
    assert raster.isValid()
    return raster


def test_base_map_is_clipped_to_the_findings_plus_margin(findings_workspace, tmp_path):
    from qgis.core import QgsRasterLayer, QgsRectangle

    workspace = open_workspace(findings_workspace)
    township = township_with_cases(workspace)
    size = 10.0
    raster = make_imagery(workspace, str(tmp_path / "imagery.tif"), size)
    columns = raster.width()
    folder = str(tmp_path / "pkg")
    result = fieldpackage.write_field_package(
        workspace, FindingFilter([township]), folder, basemaps=[raster], margin=100.0
    )
    assert len(result.basemaps) == 1
    clipped = QgsRasterLayer(result.basemaps[0], "clipped")
    extent, parcel_ids = QgsRectangle(), set()
    for feature in workspace.layer("finding").getFeatures():
        if text(feature["xzqdm"]) == township:
            extent.combineExtentWith(feature.geometry().boundingBox())
            parcel_ids.add(text(feature["tbbh"]))
    for feature in workspace.layer("parcel").getFeatures():
        if text(feature["tbbh"]) in parcel_ids:
            extent.combineExtentWith(feature.geometry().boundingBox())
    grown = QgsRectangle(extent)
    grown.grow(100.0 + size)
    inner = QgsRectangle(extent)
    inner.grow(100.0 - size)  # the margin, give or take the pixel snapping
    assert grown.contains(clipped.extent()) and clipped.extent().contains(inner)
    assert clipped.width() < columns
    project = QgsProject()
    assert project.read(os.path.join(folder, fieldpackage.PROJECT_FILE))
    layers = [
        layer for layer in project.mapLayers().values() if layer.source().endswith("basemap_1.tif")
    ]
    assert len(layers) == 1 and layers[0].isValid()
    with open(os.path.join(folder, fieldpackage.PROJECT_FILE), encoding="utf-8") as handle:
        assert "./basemap/basemap_1.tif" in handle.read()
    project.clear()
