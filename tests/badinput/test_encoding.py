"""GBK shapefiles without .cpg in every reader of user files (issue 13).

A shapefile written by Chinese desktop GIS often has GBK text, no .cpg and no
language driver byte: GDAL then reads ISO-8859-1 and 果园 / 茶园 or 潋江镇 come
out garbled (and two classes may merge).  Every algorithm reading a user layer
goes through the same detection as the project import
(``core.devimport.with_sniffed_encoding``, applied to every vector input of a
Processing algorithm by ``processing.base.SwcAlgorithm``).  Each case writes a
GBK .dbf (bytes checked), runs the real algorithm and asserts the Chinese text
that comes out, and that the input files are unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from data import TOWNS, box, digest, write  # noqa: E402

ALG = "xingguoswc:"
SQUARE = box(631000, 2911000, 631100, 2911100)  # 10,000 m² in 潋江镇
SQUARE2 = box(636000, 2911000, 636050, 2911100)  # 5,000 m² in 江背镇


def gbk_file(path: str, rows, fields, **kw) -> str:
    """A GBK shapefile without .cpg whose .dbf really holds GBK bytes."""
    write(path, rows, fields, encoding="GBK-nocpg", **kw)
    assert not Path(path).with_suffix(".cpg").exists()
    dbf = Path(path).with_suffix(".dbf").read_bytes()
    for row in rows:
        for name, kind in fields:
            value = row.get(name)
            if kind == "text" and isinstance(value, str) and not value.isascii():
                assert value.encode("gbk") in dbf and value.encode("utf-8") not in dbf
    return path


def gbk_townships(path: str, towns=TOWNS) -> str:
    rows = [
        {"wkt": box(x0, y0, x1, y1), "xzqdm": code, "xzqmc": name}
        for code, name, x0, y0, x1, y1 in towns
    ]
    return gbk_file(path, rows, [("xzqdm", "text"), ("xzqmc", "text")])


def shp(path: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, Path(path).stem, "ogr")
    assert layer.isValid(), path
    return layer


def run(algorithm: str, params: dict) -> dict:
    import processing

    return processing.run(ALG + algorithm, params)


def names_by_code(result: dict) -> dict:
    return {f["xzqdm"]: f["xzqmc"] for f in result["OUTPUT"].getFeatures()}


def test_the_layer_as_qgis_opens_it_is_garbled(qgis_app, tmp_path):
    """The premise: without the detection QGIS shows the GBK names garbled."""
    path = gbk_townships(str(tmp_path / "towns.shp"))
    assert "潋江镇" not in {f["xzqmc"] for f in shp(path).getFeatures()}


def test_townshipstats_gbk_townships_and_classes(qgis_app, tmp_path):
    towns = gbk_townships(str(tmp_path / "towns.shp"))
    parcels = gbk_file(
        str(tmp_path / "parcels.shp"),
        [{"wkt": SQUARE, "kflx": "果园"}, {"wkt": SQUARE2, "kflx": "茶园"}],
        [("kflx", "text")],
    )
    before = digest(towns, parcels)
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": shp(towns),
            "INPUT": shp(parcels),
            "CLASS_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
    )
    assert digest(towns, parcels) == before
    areas = {
        (f["xzqdm"], f["xzqmc"], f["class"]): f["area_m2"] for f in result["OUTPUT"].getFeatures()
    }
    assert areas[("360732100", "潋江镇", "果园")] == pytest.approx(10000.0)
    assert areas[("360732101", "江背镇", "茶园")] == pytest.approx(5000.0)
    assert areas[("360732101", "江背镇", "果园")] == pytest.approx(0.0)
    assert {k[2] for k in areas} == {"果园", "茶园"}


def test_conservationrate_gbk_townships(qgis_app, tmp_path):
    towns = gbk_townships(str(tmp_path / "towns.shp"))
    erosion = gbk_file(
        str(tmp_path / "erosion.shp"),
        [{"wkt": SQUARE, "qsqd": 3, "bz": "崩岗区"}],
        [("qsqd", "int"), ("bz", "text")],
    )
    before = digest(towns, erosion)
    result = run(
        "conservationrate",
        {
            "TOWNSHIPS": shp(towns),
            "EROSION": shp(erosion),
            "GRADE_FIELD": "qsqd",
            "OUTPUT": "memory:",
        },
    )
    assert digest(towns, erosion) == before
    assert names_by_code(result) == {
        "360732100": "潋江镇",
        "360732101": "江背镇",
        "360732": "兴国县",
    }
    rows = {f["xzqdm"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["360732100"]["erosion_area_m2"] == pytest.approx(10000.0)


def test_benggangattributes_gbk_source_and_townships(qgis_app, tmp_path):
    towns = gbk_townships(str(tmp_path / "towns.shp"))
    gullies = gbk_file(
        str(tmp_path / "gullies.shp"),
        [
            {"wkt": box(633000, 2911000, 633040, 2911040), "bz": "活动型崩岗"},
            {"wkt": box(636000, 2911000, 636020, 2911020), "bz": "相对稳定"},
        ],
        [("bz", "text")],
    )
    before = digest(towns, gullies)
    result = run(
        "benggangattributes", {"INPUT": shp(gullies), "TOWNSHIPS": shp(towns), "OUTPUT": "memory:"}
    )
    assert digest(towns, gullies) == before
    out = sorted(
        (f["bz"], f["xzqdm"], f["xzqmc"], f["bgbh"], round(f["mj"], 3))
        for f in result["OUTPUT"].getFeatures()
    )
    assert out == [
        ("活动型崩岗", "360732100", "潋江镇", "360732100-0001", 1600.0),
        ("相对稳定", "360732101", "江背镇", "360732101-0001", 400.0),
    ]


def test_measuresummary_gbk_townships(empty_workspace, tmp_path):
    from test_measures import GULLY_BOXES, TOWNSHIPS, add_gullies, add_townships

    from xingguo_swc_plugin.core.measure_tagging import set_treatment_status, tag_features
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    add_townships(empty_workspace)
    gullies, fids = add_gullies(empty_workspace, GULLY_BOXES)
    ws = open_workspace(empty_workspace)
    tag_features(ws.layer("measure"), gullies, fids, "E06", 1, 2021, commit=True)
    set_treatment_status(
        gullies, fids, "2", commit=True, year=2021
    )  # treated gullies: 已治理 in the window
    towns = gbk_townships(
        str(tmp_path / "towns.shp"), [(code, name) + tuple(b) for code, name, b in TOWNSHIPS]
    )
    before = digest(towns, empty_workspace)
    result = run(
        "measuresummary",
        {
            "MEASURES": ws.uri("measure"),
            "TOWNSHIPS": shp(towns),
            "YEAR_FROM": 2021,
            "YEAR_TO": 2021,
            "OUTPUT": "memory:",
        },
    )
    assert digest(towns, empty_workspace) == before
    assert result["TREATED_GULLIES"] == 3
    named = {
        (f["xzqdm"], f["xzqmc"])
        for f in result["OUTPUT"].getFeatures()
        if f["xzqdm"] in ("360732100", "360732101")
    }
    assert named == {("360732100", "潋江镇"), ("360732101", "江背镇")}


def test_selected_features_of_a_gbk_layer_keep_selection_and_text(qgis_app, tmp_path):
    """'Selected features only' on a GBK shapefile: the reopened layer keeps the
    user's selection (only the selected gully is written) and its text."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

    towns = gbk_townships(str(tmp_path / "towns.shp"))
    gullies = gbk_file(
        str(tmp_path / "gullies.shp"),
        [
            {"wkt": box(633000, 2911000, 633040, 2911040), "bz": "活动型崩岗"},
            {"wkt": box(636000, 2911000, 636020, 2911020), "bz": "相对稳定"},
        ],
        [("bz", "text")],
    )
    layer = shp(gullies)
    QgsProject.instance().addMapLayer(layer)
    try:
        chosen = sorted(f.id() for f in layer.getFeatures())[1:]
        layer.selectByIds(chosen)
        result = run(
            "benggangattributes",
            {
                "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True),
                "TOWNSHIPS": shp(towns),
                "OUTPUT": "memory:",
            },
        )
        out = [(f["bz"], f["xzqmc"]) for f in result["OUTPUT"].getFeatures()]
        assert out == [("相对稳定", "江背镇")]
    finally:
        QgsProject.instance().removeAllMapLayers()
