"""Import of the development database from every kind of source into dev_project."""

from __future__ import annotations

import pytest
from osgeo import ogr, osr
from qgis.core import QgsDataSourceUri, QgsFeature, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QDate
from validation_data import box, write_layer

from xingguo_swc_plugin.core.devimport import (
    auto_field_map,
    import_projects,
    import_register,
    sublayers,
)
from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.sources import dbf_encoding, open_source, sniff_encoding
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.qgis_compat import FieldType

NAME = "兴国县高兴镇脐橙开发项目"
DEVELOPER = "赣州某某农业开发有限公司"


def projects_in(workspace):
    layer = open_workspace(workspace).layer("dev_project")
    return {f["xmbh"]: f for f in layer.getFeatures()}


def ogr_layer(path, driver, name, fields, rows, epsg=4547, options=()):
    """Write a source with GDAL itself, the way other software makes these files."""
    from osgeo import gdal

    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)  # QGIS sets "" (no recoding)
    try:
        _ogr_layer(path, driver, name, fields, rows, epsg, options)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)


def _ogr_layer(path, driver, name, fields, rows, epsg, options):
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon, options=list(options))
    for field_name in fields:
        layer.CreateField(ogr.FieldDefn(field_name, ogr.OFTString))
    for values, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            feature.SetField(key, value)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None


def rows_ok():
    return [
        ({"xmbh": "XM001", "xmmc": NAME, "jsdw": DEVELOPER}, box(0, 0, 100, 100)),
        ({"xmbh": "XM002", "xmmc": "油茶基地", "jsdw": "个人"}, box(200, 0, 300, 100)),
    ]


@pytest.mark.parametrize("cpg", [True, False])
def test_gbk_shapefile_keeps_chinese(empty_workspace, tmp_path, cpg):
    path = tmp_path / "projects.shp"
    ogr_layer(
        path,
        "ESRI Shapefile",
        "projects",
        ("xmbh", "xmmc", "jsdw"),
        rows_ok(),
        options=["ENCODING=CP936"],
    )
    raw = (tmp_path / "projects.dbf").read_bytes()
    assert NAME.encode("gbk") in raw  # really GBK on disk
    if not cpg:
        (tmp_path / "projects.cpg").unlink()
        assert dbf_encoding(str(path)) == "GBK"
    report = import_projects(empty_workspace, open_source(str(path)))
    assert report.imported == 2 and not report.skipped
    stored = projects_in(empty_workspace)
    assert stored["XM001"]["xmmc"] == NAME
    assert stored["XM001"]["jsdw"] == DEVELOPER
    assert stored["XM001"].geometry().area() == pytest.approx(10_000.0)


def test_utf8_shapefile_without_cpg(empty_workspace, tmp_path):
    path = tmp_path / "utf8.shp"
    ogr_layer(
        path,
        "ESRI Shapefile",
        "utf8",
        ("xmbh", "xmmc", "jsdw"),
        rows_ok(),
        options=["ENCODING=UTF-8"],
    )
    (tmp_path / "utf8.cpg").unlink()
    assert dbf_encoding(str(path)) == "UTF-8"
    import_projects(empty_workspace, open_source(str(path)))
    assert projects_in(empty_workspace)["XM001"]["xmmc"] == NAME


def test_sniff_encoding():
    assert sniff_encoding(NAME.encode("utf-8")) == "UTF-8"
    assert sniff_encoding(NAME.encode("gbk")) == "GBK"
    assert sniff_encoding(b"plain ascii") is None


def test_filegdb(empty_workspace, tmp_path):
    path = tmp_path / "projects.gdb"
    ogr_layer(path, "OpenFileGDB", "kfxm", ("xmbh", "xmmc", "jsdw"), rows_ok())
    assert "kfxm" in sublayers(str(path))
    report = import_projects(empty_workspace, open_source(str(path), "kfxm"))
    assert report.imported == 2
    assert projects_in(empty_workspace)["XM002"]["xmmc"] == "油茶基地"


def test_geopackage_with_chinese_fields_and_bad_rows(empty_workspace, tmp_path):
    fields = [
        (name, FieldType.STRING)
        for name in ("项目编号", "项目名称", "建设单位", "开发类型", "批复日期", "批复面积")
    ]
    rows = [
        (
            {
                "项目编号": "XM001",
                "项目名称": NAME,
                "建设单位": DEVELOPER,
                "开发类型": "脐橙",
                "批复日期": "2021/3/5",
                "批复面积": "12,000.5",
            },
            box(0, 0, 100, 100),
        ),
        ({"项目编号": "XM003", "开发类型": "5", "批复日期": "2022年1月9日"}, box(400, 0, 420, 20)),
        ({"项目编号": "XM001", "项目名称": "第二块"}, box(100, 0, 150, 100)),  # merged
        ({"项目编号": "", "项目名称": "无编号"}, box(500, 0, 510, 10)),
        ({"项目编号": "XM004", "批复日期": "去年"}, box(600, 0, 610, 10)),
        ({"项目编号": "XM005", "开发类型": "香蕉"}, box(700, 0, 710, 10)),
        ({"项目编号": "XM006"}, None),
    ]
    source = write_layer(tmp_path / "src.gpkg", "kfxm", "MultiPolygon", fields, rows)
    mapping = auto_field_map(source.fields().names())
    assert mapping == {
        "xmbh": "项目编号",
        "xmmc": "项目名称",
        "jsdw": "建设单位",
        "kflx": "开发类型",
        "pfrq": "批复日期",
        "pfmj": "批复面积",
    }
    report = import_projects(empty_workspace, source, mapping)
    stored = projects_in(empty_workspace)
    assert set(stored) == {"XM001", "XM003"}
    first = stored["XM001"]
    assert first["kflx"] == "2" and first["pfmj"] == pytest.approx(12000.5)
    assert first["pfrq"] == QDate(2021, 3, 5)
    assert first.geometry().area() == pytest.approx(15_000.0)  # both parts
    assert stored["XM003"]["pfrq"] == QDate(2022, 1, 9)
    reasons = " | ".join(item.reason for item in report.skipped)
    assert len(report.skipped) == 4
    for word in ("no project number", "去年", "香蕉", "no boundary polygon"):
        assert word in reasons
    assert any("merged" in line for line in report.warnings)
    assert report.lines()[0].startswith("2 project(s) imported")


def test_existing_projects_are_skipped_or_updated(empty_workspace, tmp_path):
    source = write_layer(
        tmp_path / "a.gpkg",
        "a",
        "MultiPolygon",
        (("xmbh", FieldType.STRING), ("xmmc", FieldType.STRING)),
        [({"xmbh": "XM001", "xmmc": "旧"}, box(0, 0, 10, 10))],
    )
    import_projects(empty_workspace, source)
    newer = write_layer(
        tmp_path / "b.gpkg",
        "b",
        "MultiPolygon",
        (("xmbh", FieldType.STRING), ("xmmc", FieldType.STRING)),
        [({"xmbh": "XM001", "xmmc": "新"}, box(0, 0, 20, 10))],
    )
    report = import_projects(empty_workspace, newer)
    assert report.imported == 0 and "already in the workspace" in report.skipped[0].reason
    assert projects_in(empty_workspace)["XM001"]["xmmc"] == "旧"
    report = import_projects(empty_workspace, newer, update_existing=True)
    assert report.updated == 1
    stored = projects_in(empty_workspace)["XM001"]
    assert stored["xmmc"] == "新" and stored.geometry().area() == pytest.approx(200.0)


def test_mapping_without_project_number_writes_nothing(empty_workspace, tmp_path):
    source = write_layer(
        tmp_path / "a.gpkg",
        "a",
        "MultiPolygon",
        (("name", FieldType.STRING),),
        [({"name": "x"}, box(0, 0, 1, 1))],
    )
    with pytest.raises(InputError):
        import_projects(empty_workspace, source)
    with pytest.raises(InputError):
        import_projects(empty_workspace, source, {"xmbh": "missing"})
    assert projects_in(empty_workspace) == {}


def test_other_crs_and_township_code(empty_workspace, tmp_path):
    township = open_workspace(empty_workspace).layer("township")
    feature = QgsFeature(township.fields())
    feature.setAttribute("uuid", "t1")
    feature.setAttribute("xzqdm", "360732100")
    feature.setAttribute("xzqmc", "潋江镇")
    feature.setGeometry(QgsGeometry.fromWkt(box(-1000, -1000, 1000, 1000)))
    assert township.dataProvider().addFeatures([feature])[0]
    path = tmp_path / "geo.gpkg"
    wkt = box(0, 0, 100, 100)
    ogr_layer(path, "GPKG", "geo", ("xmbh",), [({"xmbh": "XM009"}, wkt)], epsg=4547)
    import processing

    out = str(tmp_path / "geo4490.gpkg")
    processing.run(
        "native:reprojectlayer", {"INPUT": str(path), "TARGET_CRS": "EPSG:4490", "OUTPUT": out}
    )
    import_projects(empty_workspace, QgsVectorLayer(out, "geo", "ogr"))
    stored = projects_in(empty_workspace)["XM009"]
    assert stored.geometry().area() == pytest.approx(10_000.0, rel=1e-4)
    assert stored["xzqdm"] == "360732100"


# --- registers joined to boundaries -------------------------------------------------


def boundaries(tmp_path):
    return write_layer(
        tmp_path / "bounds.gpkg",
        "bounds",
        "MultiPolygon",
        (("BH", FieldType.STRING),),
        [
            ({"BH": "XM001"}, box(0, 0, 100, 100)),
            ({"BH": "XM002"}, box(200, 0, 300, 100)),
            ({"BH": "XM002"}, box(300, 0, 320, 100)),
            ({"BH": "XM777"}, box(900, 0, 950, 50)),
        ],
    )


def test_gbk_csv_register(empty_workspace, tmp_path):
    path = tmp_path / "register.csv"
    text = (
        "项目编号,项目名称,建设单位,批复面积\n"
        "XM001,{0},{1},10000\nXM002,油茶基地,个人,12000\nXM003,无图斑,个人,1\n".format(
            NAME, DEVELOPER
        )
    )
    path.write_bytes(text.encode("gbk"))
    report = import_register(empty_workspace, str(path), boundaries(tmp_path), "BH")
    stored = projects_in(empty_workspace)
    assert set(stored) == {"XM001", "XM002"}
    assert stored["XM001"]["xmmc"] == NAME and stored["XM001"]["jsdw"] == DEVELOPER
    assert stored["XM002"].geometry().area() == pytest.approx(12_000.0)  # two polygons
    assert [(item.row, item.reason) for item in report.skipped] == [
        ("4 (XM003)", "no boundary polygon")
    ]
    assert "XM777" in report.warnings[0]


def test_xlsx_register(empty_workspace, tmp_path):
    path = tmp_path / "register.xlsx"
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(str(path))
    sheet = ds.CreateLayer("项目清单", geom_type=ogr.wkbNone)
    for name in ("项目编号", "项目名称", "批复日期"):
        sheet.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for number, name, date in (("XM001", NAME, "2020-05-01"), ("XM002", "油茶", "2021-01-02")):
        feature = ogr.Feature(sheet.GetLayerDefn())
        feature.SetField("项目编号", number)
        feature.SetField("项目名称", name)
        feature.SetField("批复日期", date)
        sheet.CreateFeature(feature)
    ds = None
    report = import_register(
        empty_workspace, str(path), boundaries(tmp_path), "BH", sheet="项目清单"
    )
    assert report.imported == 2
    stored = projects_in(empty_workspace)
    assert stored["XM001"]["xmmc"] == NAME
    assert stored["XM001"]["pfrq"] == QDate(2020, 5, 1)


def test_postgis_layer(empty_workspace, pg_server, pg_authcfg):
    connection = pg_server.connect()
    with connection, connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS public.kfxm_import")
        cursor.execute(
            "CREATE TABLE public.kfxm_import (id serial PRIMARY KEY, "
            "xmbh text, xmmc text, geom geometry(MultiPolygon, 4547))"
        )
        for number, name, (x1, y1, x2, y2) in (
            ("XM001", NAME, (0, 0, 100, 100)),
            ("XM002", "油茶", (200, 0, 300, 100)),
        ):
            cursor.execute(
                "INSERT INTO public.kfxm_import (xmbh, xmmc, geom) VALUES "
                "(%s, %s, ST_Multi(ST_GeomFromText(%s, 4547)))",
                (number, name, box(x1, y1, x2, y2)),
            )
    connection.close()
    uri = QgsDataSourceUri()
    uri.setConnection(
        pg_server.host,
        str(pg_server.port),
        pg_server.database,
        "",
        "",
        QgsDataSourceUri.SslDisable,
        pg_authcfg,
    )
    uri.setDataSource("public", "kfxm_import", "geom", "", "id")
    layer = open_source(uri.uri(False), provider="postgres")
    report = import_projects(empty_workspace, layer)
    assert report.imported == 2
    assert projects_in(empty_workspace)["XM001"]["xmmc"] == NAME


# --- Processing and dialog ------------------------------------------------------------


def test_processing_import_of_gbk_shapefile(empty_workspace, tmp_path):
    import processing

    path = tmp_path / "gbk.shp"
    ogr_layer(
        path, "ESRI Shapefile", "gbk", ("BH", "MC"), rows_ok_named(), options=["ENCODING=CP936"]
    )
    (tmp_path / "gbk.cpg").unlink()
    result = processing.run(
        "xingguoswc:importprojects",
        {"INPUT": str(path), "WORKSPACE": empty_workspace, "FIELD_MAP": "xmbh=BH;xmmc=MC"},
    )
    assert (result["IMPORTED"], result["SKIPPED"]) == (2, 0)
    assert projects_in(empty_workspace)["XM001"]["xmmc"] == NAME


def rows_ok_named():
    return [({"BH": values["xmbh"], "MC": values["xmmc"]}, wkt) for values, wkt in rows_ok()]


def test_import_dialog_maps_fields_and_reports(qtbot, empty_workspace, tmp_path):
    from xingguo_swc_plugin.gui.import_dialog import FILE, ImportDialog

    path = tmp_path / "src.gpkg"
    fields = [(name, FieldType.STRING) for name in ("项目编号", "项目名称", "业主")]
    write_layer(
        path,
        "kfxm",
        "MultiPolygon",
        fields,
        [
            ({"项目编号": "XM001", "项目名称": NAME, "业主": DEVELOPER}, box(0, 0, 100, 100)),
            ({"项目编号": "", "项目名称": "无编号"}, box(200, 0, 210, 10)),
        ],
    )
    dialog = ImportDialog(empty_workspace)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(FILE)
    dialog.file_widget.setFilePath(str(path))
    assert dialog.sublayer_combo.currentText() == "kfxm"
    assert dialog.mapping() == {"xmbh": "项目编号", "xmmc": "项目名称"}
    dialog.set_mapping("jsdw", "业主")  # 业主 is not a known name: map it by hand
    assert dialog.start_import() is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert dialog.report.imported == 1
    text = dialog.report_view.toPlainText()
    assert "1 project(s) imported" in text and "no project number" in text
    assert projects_in(empty_workspace)["XM001"]["jsdw"] == DEVELOPER


def test_import_dialog_on_a_postgis_workspace(qtbot, pg_target, pg_schema, tmp_path):
    """The inspection dock's import dialog writes into a shared PostGIS workspace too."""
    from qgis.core import QgsCoordinateReferenceSystem

    from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace
    from xingguo_swc_plugin.gui.import_dialog import FILE, ImportDialog

    workspace = create_postgis_workspace(
        pg_target, pg_schema, QgsCoordinateReferenceSystem("EPSG:4547")
    )
    path = tmp_path / "src.gpkg"
    fields = [(name, FieldType.STRING) for name in ("项目编号", "项目名称")]
    write_layer(
        path,
        "kfxm",
        "MultiPolygon",
        fields,
        [
            ({"项目编号": "XM001", "项目名称": NAME}, box(0, 0, 100, 100)),
            ({"项目编号": "XM002", "项目名称": "油茶"}, box(200, 0, 300, 100)),
        ],
    )
    dialog = ImportDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(FILE)
    dialog.file_widget.setFilePath(str(path))
    assert dialog.start_import() is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert dialog.report.imported == 2
    rows = {f["xmbh"]: f for f in workspace.layer("dev_project").getFeatures()}
    assert set(rows) == {"XM001", "XM002"} and rows["XM001"]["xmmc"] == NAME
    assert abs(rows["XM002"].geometry().area() - 10000.0) < 1e-6
