"""Opening a source the user names as a layer, with the right text encoding.

Why a module of its own: every reader (bulk reading, imports, validation
inputs) needs shapefiles whose .dbf says nothing about its encoding reopened
with the sniffed one (GBK Chinese arrives garbled otherwise); the helper sits
below all of them so none imports a capability to get it.
"""

from __future__ import annotations

import os
from typing import Optional

from qgis.core import QgsVectorLayer

from ..translation import tr
from .errors import InputError


def sniff_encoding(data: bytes) -> Optional[str]:
    """'UTF-8' or 'GBK' for text bytes with non-ASCII content; None for plain ASCII."""
    if all(byte < 0x80 for byte in data):
        return None
    try:
        data.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
        return "GBK"
    except UnicodeDecodeError:
        return None


def dbf_encoding(shp_path: str) -> Optional[str]:
    """Encoding to force for a shapefile, or None when GDAL knows it already.

    GDAL reads the .cpg file or the .dbf language driver byte; without either it
    assumes ISO-8859-1, which garbles both UTF-8 and GBK Chinese: then the record
    bytes are sniffed.
    """
    base = os.path.splitext(shp_path)[0]
    for extension in (".cpg", ".CPG"):
        if os.path.exists(base + extension):
            return None
    dbf = next((base + ext for ext in (".dbf", ".DBF") if os.path.exists(base + ext)), None)
    if dbf is None:
        return None
    with open(dbf, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return None
        if header[29] != 0:  # language driver id set: GDAL maps it itself
            return None
        header_length = int.from_bytes(header[8:10], "little")
        handle.seek(header_length)
        data = handle.read(4_000_000)
    return sniff_encoding(data)


def open_source(
    source: str, layer_name: str = "", provider: str = "ogr", encoding: str = ""
) -> QgsVectorLayer:
    """Open a project source as a layer: a file path (with ``layer_name`` for a
    GeoPackage/FileGDB/Excel sheet), or a PostGIS URI with ``provider='postgres'``.
    """
    if provider == "ogr":
        path = source.split("|")[0]
        if not os.path.exists(path):
            raise InputError(tr("{0} does not exist.").format(path))
        uri = path
        if layer_name:
            uri += "|layername=" + layer_name
        if path.lower().endswith(".shp"):
            encoding = encoding or dbf_encoding(path) or ""
            if encoding:
                uri += "|option:ENCODING=" + ("CP936" if encoding.upper() == "GBK" else encoding)
        layer = QgsVectorLayer(uri, layer_name or os.path.basename(path), "ogr")
    else:
        layer = QgsVectorLayer(source, layer_name or tr("projects"), provider)
    if not layer.isValid():
        raise InputError(
            tr("Cannot open {0} as a layer: {1}").format(
                source, layer.dataProvider().error().summary() if layer.dataProvider() else ""
            )
        )
    return layer


def with_sniffed_encoding(layer: Optional[QgsVectorLayer]) -> Optional[QgsVectorLayer]:
    """The layer itself, or a copy reopened with the sniffed encoding when it is a
    shapefile whose .dbf says nothing about it (GBK would arrive garbled)."""
    if layer is None or layer.providerType() != "ogr":
        return layer
    path = layer.source().split("|")[0]
    if not path.lower().endswith(".shp") or dbf_encoding(path) is None:
        return layer
    return open_source(path, encoding=dbf_encoding(path) or "")
