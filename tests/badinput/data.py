"""Hand-built bad inputs for the bad-input suite (synthetic geometry, real files).

Two townships as 5 km squares in EPSG:4547 near Xingguo (real codes, made-up
boundaries, as in ``benggang_fixtures``); every layer is a real GeoPackage or
shapefile written with OGR, so the plugin reads them exactly as a user's files.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from osgeo import ogr, osr

TOWNS = [
    ("360732100", "潋江镇", 630000.0, 2910000.0, 635000.0, 2915000.0),
    ("360732101", "江背镇", 635000.0, 2910000.0, 640000.0, 2915000.0),
]


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x1, y1)


BOWTIE = "POLYGON((631000 2911000,631100 2911100,631100 2911000,631000 2911100,631000 2911000))"


def write(
    path: str,
    rows: Sequence[Dict],
    fields: Sequence[Tuple[str, str]] = (),
    epsg: Optional[int] = 4547,
    geometry: str = "polygon",
    layer: str = "data",
    driver: Optional[str] = None,
    encoding: Optional[str] = None,
    wkt_crs: Optional[str] = None,
) -> str:
    """Write ``rows`` ({'wkt': ..., field: value}) to a new file; returns the path.

    ``epsg=None`` writes no CRS (a shapefile without .prj); ``encoding`` sets a
    shapefile's ENCODING (and no .cpg is kept when ``encoding`` is 'GBK-nocpg').
    """
    driver = driver or ("ESRI Shapefile" if path.endswith(".shp") else "GPKG")
    source = (
        ogr.GetDriverByName(driver).CreateDataSource(path)
        if not os.path.exists(path)
        else ogr.Open(path, 1)
    )
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if wkt_crs is not None:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(wkt_crs)
    kinds = {
        "polygon": ogr.wkbPolygon,
        "line": ogr.wkbLineString,
        "point": ogr.wkbPoint,
        "multipolygon": ogr.wkbMultiPolygon,
    }
    options = []
    if encoding:
        options.append("ENCODING=UTF-8")  # recoded to GBK below (OGR writes UTF-8)
    out = source.CreateLayer(layer, srs, kinds[geometry], options=options)
    types = {"text": ogr.OFTString, "int": ogr.OFTInteger64, "real": ogr.OFTReal}
    for name, kind in fields:
        out.CreateField(ogr.FieldDefn(name, types[kind]))
    for row in rows:
        feature = ogr.Feature(out.GetLayerDefn())
        for name, _kind in fields:
            value = row.get(name)
            if value is None:
                feature.SetFieldNull(name)
            elif encoding and isinstance(value, str):
                feature.SetField(name, value)
            else:
                feature.SetField(name, value)
        if row.get("wkt"):
            feature.SetGeometry(ogr.CreateGeometryFromWkt(row["wkt"]))
        out.CreateFeature(feature)
    out = None
    source = None
    if encoding:
        # recode the .dbf text in place: GBK bytes, padded to the UTF-8 length
        dbf = Path(path).with_suffix(".dbf")
        raw = dbf.read_bytes()
        for row in rows:
            for name, kind in fields:
                value = row.get(name)
                if kind == "text" and isinstance(value, str) and not value.isascii():
                    utf8, gbk = value.encode("utf-8"), value.encode("gbk")
                    raw = raw.replace(utf8, gbk + b" " * (len(utf8) - len(gbk)))
        dbf.write_bytes(raw)
    if encoding and encoding.endswith("-nocpg"):
        cpg = Path(path).with_suffix(".cpg")
        if cpg.exists():
            cpg.unlink()
    return path


def townships(path: str, towns: Iterable = TOWNS, epsg: int = 4547, layer: str = "township") -> str:
    rows = [
        {"wkt": box(x0, y0, x1, y1), "xzqdm": code, "xzqmc": name}
        for code, name, x0, y0, x1, y1 in towns
    ]
    return write(path, rows, [("xzqdm", "text"), ("xzqmc", "text")], epsg, layer=layer)


def digest(*paths: str) -> Dict[str, str]:
    """sha256 of every file of ``paths`` (a file, or every file of its folder or
    beside it with the same stem): what a refusal must leave unchanged."""
    result = {}
    for path in paths:
        p = Path(path)
        members: List[Path] = []
        if p.is_dir():
            members = sorted(x for x in p.rglob("*") if x.is_file())
        else:
            members = sorted(
                x
                for x in p.parent.glob(p.stem + ".*")
                if x.is_file() and not x.name.endswith(("-shm", "-wal"))
            )
        for member in members:
            result[str(member)] = _content_hash(member)
    return result


def _content_hash(path: Path) -> str:
    """sha256 of a file; for a GeoPackage, of its whole content as SQL (read
    through the write-ahead log, which the bytes of the .gpkg alone miss)."""
    import sqlite3

    digest_ = hashlib.sha256()
    if path.suffix.lower() == ".gpkg":
        connection = sqlite3.connect("file:" + str(path) + "?mode=ro", uri=True)
        try:
            for line in connection.iterdump():
                digest_.update(line.encode("utf-8", "surrogatepass"))
        finally:
            connection.close()
        return "sql:" + digest_.hexdigest()
    digest_.update(path.read_bytes())
    return digest_.hexdigest()
