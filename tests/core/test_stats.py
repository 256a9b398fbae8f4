"""Township statistics and conservation rate against an independent computation.

The peer is geopandas >= 1.0 / shapely 2 in the bench venv (a subprocess), on a
generated county (3,000 parcels, 400 erosion patches; synthetic geometry).
"""

from __future__ import annotations

import json
from pathlib import Path

import generate  # noqa: E402
import peerenv  # noqa: E402
import pytest

PEER = Path(__file__).resolve().parents[1] / "bench" / "peer_geopandas.py"
REL = 1e-6


def _peer(mode: str, gpkg: str, out: Path, *args: str) -> dict:
    done = peerenv.run_peer(PEER, mode, gpkg, str(out), *args)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def county(qgis_app, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("county") / "county.gpkg"
    facts = generate.generate(str(path), 3000, seed=11, erosion=400, invalid_fraction=0.003)
    assert facts["invalid"] > 0
    return str(path)


@pytest.fixture(scope="module")
def peer_stats(county, tmp_path_factory) -> dict:
    return _peer("stats", county, tmp_path_factory.mktemp("peer") / "stats.json", "--class", "kflx")


def _layer(path: str, name: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path + "|layername=" + name, name, "ogr")
    assert layer.isValid()
    return layer


def _run(algorithm: str, params: dict) -> dict:
    import processing

    params = dict(params)
    params.setdefault("OUTPUT", "memory:")
    return processing.run(algorithm, params)


def _rows(layer) -> dict:
    return {
        (f["xzqdm"], f["class"]): (
            f["feature_count"],
            f["area_m2"],
            f["area_hm2"],
            f["area_mu"],
            f["xzqmc"],
        )
        for f in layer.getFeatures()
    }


def test_townshipstats_matches_geopandas(county, peer_stats):
    result = _run(
        "xingguoswc:townshipstats",
        {
            "TOWNSHIPS": _layer(county, "township"),
            "TOWNSHIP_FIELD": "xzqdm",
            "INPUT": _layer(county, "parcel"),
            "CLASS_FIELD": "kflx",
        },
    )
    rows = _rows(result["OUTPUT"])
    # every township x class, zeros included, plus the county rows
    assert len(rows) == 26 * 7
    peer = {(r["xzqdm"], r["class"]): r for r in peer_stats["rows"]}
    assert peer, "the peer computed nothing"
    for key, (count, area, hm2, mu, _name) in rows.items():
        expected = peer.get(key)
        if expected is None:
            assert area == 0.0 and count == 0, key
            continue
        assert area == pytest.approx(expected["area_m2"], rel=REL), key
        assert count == expected["feature_count"], key
        assert hm2 == pytest.approx(area / 10_000.0)
        assert mu == pytest.approx(area * 3.0 / 2000.0)
    assert set(peer) <= set(rows)
    assert rows[("360732100", "1")][4] == "潋江镇"
    assert result["INVALID_REPAIRED"] == peer_stats["repaired"] > 0


def test_township_sum_equals_county_total(county, peer_stats):
    from xingguo_swc_plugin.core.stats import township_area_stats

    table = township_area_stats(_layer(county, "township"), "xzqdm", _layer(county, "parcel"))
    towns = [row for row in table if row.xzqdm != "360732"]
    county_row = [row for row in table if row.xzqdm == "360732"]
    assert len(towns) == 25 and len(county_row) == 1
    inside = sum(row.area_m2 for row in towns)
    assert inside == pytest.approx(county_row[0].area_m2, rel=1e-9)
    expected_inside = sum(r["area_m2"] for r in peer_stats["rows"] if r["xzqdm"] == "360732")
    assert inside == pytest.approx(expected_inside, rel=REL)
    assert table.input_area_m2 == pytest.approx(peer_stats["input_area_m2"], rel=REL)
    # some parcels stick out of the county: the inside total is smaller
    assert inside < table.input_area_m2
    assert table.features == 3000


def test_memory_layer_reader_gives_same_numbers(county):
    """The QGIS-API reader (memory layer) and the OGR Arrow reader agree."""
    from xingguo_swc_plugin.core.stats import township_area_stats

    parcels = _layer(county, "parcel")
    memory = parcels.materialize(
        __import__("qgis.core", fromlist=["QgsFeatureRequest"]).QgsFeatureRequest()
    )
    assert memory.providerType() == "memory"
    towns = _layer(county, "township")
    fast = township_area_stats(towns, "xzqdm", parcels, "kflx")
    slow = township_area_stats(towns, "xzqdm", memory, "kflx")
    assert [(r.xzqdm, r.klass, r.feature_count) for r in fast] == [
        (r.xzqdm, r.klass, r.feature_count) for r in slow
    ]
    for a, b in zip(fast, slow):
        assert a.area_m2 == pytest.approx(b.area_m2, rel=1e-9)


def test_mixed_crs_within_a_tenth_of_a_percent(county, tmp_path):
    import processing

    geographic = str(tmp_path / "parcel4490.gpkg")
    processing.run(
        "native:reprojectlayer",
        {"INPUT": _layer(county, "parcel"), "TARGET_CRS": "EPSG:4490", "OUTPUT": geographic},
    )
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(geographic, "parcel4490", "ogr")
    assert layer.crs().authid() == "EPSG:4490"
    towns = _layer(county, "township")
    projected = _rows(
        _run(
            "xingguoswc:townshipstats",
            {"TOWNSHIPS": towns, "INPUT": _layer(county, "parcel"), "CLASS_FIELD": "kflx"},
        )["OUTPUT"]
    )
    mixed = _rows(
        _run(
            "xingguoswc:townshipstats", {"TOWNSHIPS": towns, "INPUT": layer, "CLASS_FIELD": "kflx"}
        )["OUTPUT"]
    )
    assert projected.keys() == mixed.keys()
    total = 0.0
    for key, value in projected.items():
        total += value[1]
        assert mixed[key][1] == pytest.approx(value[1], rel=1e-3, abs=1.0), key
    assert total > 0
    # ellipsoidal area on the 4490 layer: same within 0.1 % as well
    ellipsoidal = _rows(
        _run("xingguoswc:townshipstats", {"TOWNSHIPS": towns, "INPUT": layer, "AREA_METHOD": 1})[
            "OUTPUT"
        ]
    )
    plain = _rows(
        _run("xingguoswc:townshipstats", {"TOWNSHIPS": towns, "INPUT": _layer(county, "parcel")})[
            "OUTPUT"
        ]
    )
    for key, value in plain.items():
        assert ellipsoidal[key][1] == pytest.approx(value[1], rel=1e-3, abs=1.0), key


def test_conservation_rate_matches_geopandas(county, tmp_path):
    peer = _peer("rate", county, tmp_path / "rate.json", "--layer", "erosion")
    result = _run(
        "xingguoswc:conservationrate",
        {
            "TOWNSHIPS": _layer(county, "township"),
            "EROSION": _layer(county, "erosion"),
            "GRADE_FIELD": "qsqd",
            "TARGET": 99.0,
        },
    )
    rows = {f["xzqdm"]: f for f in result["OUTPUT"].getFeatures()}
    assert len(rows) == 26
    overlapping = 0
    for expected in peer["rows"]:
        row = rows[expected["xzqdm"]]
        assert row["land_area_m2"] == pytest.approx(expected["land_area_m2"], rel=REL)
        assert row["erosion_area_m2"] == pytest.approx(expected["erosion_area_m2"], rel=REL)
        assert row["rate_percent"] == pytest.approx(expected["rate_percent"], rel=REL)
        assert bool(row["meets_target"]) == (expected["rate_percent"] >= 99.0)
        overlapping += 1
    assert overlapping == 26
    county_row = rows["360732"]
    assert 0 < county_row["erosion_area_m2"] < county_row["land_area_m2"]


def test_overlapping_erosion_counted_once(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    from xingguo_swc_plugin.core.stats import conservation_rate

    towns = QgsVectorLayer("Polygon?crs=EPSG:4547&field=xzqdm:string", "t", "memory")
    feature = QgsFeature(towns.fields())
    feature.setAttributes(["360732100"])
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(500000, 3000000, 501000, 3001000)))
    towns.dataProvider().addFeatures([feature])
    erosion = QgsVectorLayer("Polygon?crs=EPSG:4547&field=qsqd:integer", "e", "memory")
    features = []
    for grade, (x, y) in (
        (3, (500100, 3000100)),
        (4, (500200, 3000200)),
        (1, (500600, 3000600)),
        (2, (500900, 3000900)),
    ):
        f = QgsFeature(erosion.fields())
        f.setAttributes([grade])
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 200, y + 200)))
        features.append(f)
    erosion.dataProvider().addFeatures(features)
    rows = conservation_rate(towns, "xzqdm", erosion, "qsqd", target_percent=83.0)
    # two 200 m squares overlapping by 100x100, plus the quarter of the last one inside
    assert rows[0].erosion_area_m2 == pytest.approx(40000 + 40000 - 10000 + 10000)
    assert rows[0].rate_percent == pytest.approx(92.0)
    assert rows[0].meets_target
    assert rows[-1].xzqdm == "360732"
    assert rows[-1].rate_percent == pytest.approx(92.0)


def test_no_class_field_one_row_per_township(county):
    result = _run(
        "xingguoswc:townshipstats",
        {"TOWNSHIPS": _layer(county, "township"), "INPUT": _layer(county, "parcel")},
    )
    rows = list(result["OUTPUT"].getFeatures())
    assert len(rows) == 26
    assert {f["class"] for f in rows} == {""}
    assert rows[-1]["xzqdm"] == "360732"
    assert rows[-1]["feature_count"] > 2900


# --- bad input -----------------------------------------------------------------
def _memory(definition: str, rows):
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    layer = QgsVectorLayer(definition, "bad", "memory")
    features = []
    for values, rect in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        x0, y0, x1, y1 = rect  # near Xingguo: coordinates EPSG:4547 can hold
        f.setGeometry(
            QgsGeometry.fromRect(QgsRectangle(x0 + 630000, y0 + 2910000, x1 + 630000, y1 + 2910000))
        )
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def _error(algorithm: str, params: dict) -> str:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as info:
        _run(algorithm, params)
    return str(info.value)


def test_missing_township_field(county):
    message = _error(
        "xingguoswc:townshipstats",
        {
            "TOWNSHIPS": _layer(county, "township"),
            "TOWNSHIP_FIELD": "xzqmc_missing",
            "INPUT": _layer(county, "parcel"),
        },
    )
    assert "xzqmc_missing" in message


def test_duplicate_township_codes(county):
    towns = _memory(
        "Polygon?crs=EPSG:4547&field=xzqdm:string",
        [
            (["360732100"], (0, 0, 10, 10)),
            (["360732100"], (10, 0, 20, 10)),
            (["360732101"], (20, 0, 30, 10)),
        ],
    )
    message = _error(
        "xingguoswc:townshipstats", {"TOWNSHIPS": towns, "INPUT": _layer(county, "parcel")}
    )
    assert "360732100" in message and "unique" in message


def test_text_grade_field(county):
    towns = _memory("Polygon?crs=EPSG:4547&field=xzqdm:string", [(["360732100"], (0, 0, 100, 100))])
    erosion = _memory(
        "Polygon?crs=EPSG:4547&field=qsqd:string",
        [(["3"], (0, 0, 10, 10)), (["中度"], (20, 20, 30, 30))],
    )
    message = _error(
        "xingguoswc:conservationrate",
        {"TOWNSHIPS": towns, "EROSION": erosion, "GRADE_FIELD": "qsqd"},
    )
    assert "qsqd" in message and "中度" in message


def test_text_grade_numbers_are_accepted(qgis_app):
    from xingguo_swc_plugin.core.stats import conservation_rate

    towns = _memory("Polygon?crs=EPSG:4547&field=xzqdm:string", [(["360732100"], (0, 0, 100, 100))])
    erosion = _memory(
        "Polygon?crs=EPSG:4547&field=qsqd:string",
        [(["3"], (0, 0, 10, 10)), (["1"], (20, 20, 30, 30))],
    )
    rows = conservation_rate(towns, "xzqdm", erosion, "qsqd", 83.0)
    assert rows[0].erosion_area_m2 == pytest.approx(100.0)


def test_empty_layer(county):
    empty = _memory("Polygon?crs=EPSG:4547&field=kflx:string", [])
    message = _error(
        "xingguoswc:townshipstats", {"TOWNSHIPS": _layer(county, "township"), "INPUT": empty}
    )
    assert "empty" in message
    message = _error(
        "xingguoswc:townshipstats", {"TOWNSHIPS": empty, "INPUT": _layer(county, "parcel")}
    )
    assert "empty" in message


def test_missing_class_field(county):
    message = _error(
        "xingguoswc:townshipstats",
        {
            "TOWNSHIPS": _layer(county, "township"),
            "INPUT": _layer(county, "parcel"),
            "CLASS_FIELD": "nope",
        },
    )
    assert "nope" in message


def test_enclave_multipart_and_concave_parcels_match_geos(qgis_app):
    """Border parcels take the numpy paths (edge test, fan-triangle clipping of
    township pieces with holes and several parts) or GEOS (concave shapes):
    every township's area and count equal a direct GEOS intersection."""
    import numpy as np
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from xingguo_swc_plugin.core.stats import township_area_stats

    x0, y0 = 500000.0, 3000000.0

    def square(a, b, c, d):
        return "(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
            x0 + a, y0 + b, x0 + c, y0 + d
        )

    shapes = {
        # A: a square with a hole; B: the enclave filling the hole; C: two parts
        "360732100": "POLYGON((%s), (%s))"
        % (square(0, 0, 10000, 10000)[2:-2], square(4000, 4000, 6000, 6000)[2:-2]),
        "360732101": "POLYGON%s" % square(4000, 4000, 6000, 6000),
        "360732102": "MULTIPOLYGON(%s, %s)"
        % (square(10000, 0, 20000, 10000), square(21000, 2000, 22000, 3000)),
    }
    towns = QgsVectorLayer("Polygon?crs=EPSG:4547&field=xzqdm:string", "t", "memory")
    features = []
    for code, wkt in shapes.items():
        feature = QgsFeature(towns.fields())
        feature.setAttributes([code])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        assert feature.geometry().isGeosValid()
        features.append(feature)
    towns.dataProvider().addFeatures(features)
    rng = np.random.default_rng(5)
    parcels = QgsVectorLayer("Polygon?crs=EPSG:4547&field=kflx:string", "p", "memory")
    geometries = []
    # centres on the borders (x = 4000, 6000, 10000, 21000, y = 4000, ...) and anywhere
    lines = np.array([0, 4000, 6000, 10000, 20000, 21000, 22000])
    for n in range(1500):
        cx, cy = rng.uniform(-500, 22500), rng.uniform(-500, 10500)
        if n % 2:
            cx = rng.choice(lines) + rng.uniform(-150, 150)
        elif n % 3 == 0:
            cy = rng.choice([0, 2000, 3000, 4000, 6000, 10000]) + rng.uniform(-150, 150)
        radius = rng.uniform(20, 300)
        k = int(rng.integers(3, 12))
        angles = np.sort(rng.uniform(0, 2 * np.pi, k))
        r = radius * rng.uniform(0.5, 1.0, k)
        if n % 7 == 0:  # concave: one vertex pulled deep in (not star-shaped around the mean)
            r[0] = radius * 0.05
        xs, ys = x0 + cx + r * np.cos(angles), y0 + cy + r * np.sin(angles)
        wkt = "POLYGON((%s))" % ", ".join(
            "%r %r" % (float(x), float(y)) for x, y in list(zip(xs, ys)) + [(xs[0], ys[0])]
        )
        geometry = QgsGeometry.fromWkt(wkt)
        if geometry.isGeosValid():
            geometries.append((geometry, "k%d" % (n % 3)))
    features = []
    for geometry, klass in geometries:
        feature = QgsFeature(parcels.fields())
        feature.setAttributes([klass])
        feature.setGeometry(geometry)
        features.append(feature)
    parcels.dataProvider().addFeatures(features)
    expected_area: dict = {}
    expected_count: dict = {}
    crossing = 0
    for geometry, klass in geometries:
        towns_hit = 0
        for code, wkt in shapes.items():
            part = geometry.intersection(QgsGeometry.fromWkt(wkt))
            value = part.area() if not part.isEmpty() else 0.0
            if value > 0:
                key = (code, klass)
                expected_area[key] = expected_area.get(key, 0.0) + value
                expected_count[key] = expected_count.get(key, 0) + 1
                towns_hit += 1
        crossing += towns_hit > 1
    rows = township_area_stats(towns, "xzqdm", parcels, "kflx")
    got = {(r.xzqdm, r.klass): r for r in rows if r.xzqdm != "360732"}
    assert len(got) == 9
    for key, row in got.items():
        assert row.area_m2 == pytest.approx(expected_area.get(key, 0.0), rel=1e-9), key
        assert row.feature_count == expected_count.get(key, 0), key
    assert crossing > 50  # many parcels cross borders
