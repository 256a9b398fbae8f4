"""One code path for QGIS 3.22 and 3.40 (and an eye on Qt6 / QGIS 4).

The whole suite runs with DeprecationWarning from the plugin's own modules turned into
errors (conftest.py), on 3.22 (`make test`) and on 3.40 (`make test-ltr`).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsVectorLayer
from qgis.PyQt.QtCore import QByteArray, QDate, QDateTime

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "xingguo_swc_plugin"

#: Qt5-only idioms that break (or warn) under Qt6 / QGIS 4 -> what to write instead.
QT5_IDIOMS = {
    r"\bexec_\(": "exec()",
    r"\b(from|import) PyQt5\b": "qgis.PyQt",
    r"\bQRegExp\b": "QRegularExpression",
    r"\bQVariant\.(String|Int|UInt|LongLong|Double|Bool|Date|DateTime|Time)\b": "qgis_compat.FieldType",
    r"\bQDesktopWidget\b": "QScreen",
    # an unscoped enum: Qt.AlignLeft, QMessageBox.Yes (not Qt.AlignmentFlag.AlignLeft)
    r"\b(Qt|Q[A-Z]\w+)\.[A-Z]\w*\b(?![.(\w])": "the scoped enum (Qt.AlignmentFlag.AlignLeft)",
}


def _python_sources():
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "qgis_compat.py")


def test_the_grep_finds_what_it_looks_for():
    bad = (
        "dialog.exec_()\nfrom PyQt5.QtCore import Qt\nQRegExp('x')\n"
        "QgsField('a', QVariant.String)\nlabel.setAlignment(Qt.AlignLeft)\n"
        "if answer == QMessageBox.Yes:\n"
    )
    hits = [pattern for pattern in QT5_IDIOMS if re.search(pattern, bad, re.M)]
    assert len(hits) == len(QT5_IDIOMS) - 1  # all but QDesktopWidget
    good = (
        "dialog.exec()\nlabel.setAlignment(Qt.AlignmentFlag.AlignLeft)\n"
        "if answer == QMessageBox.StandardButton.Yes:\nQMessageBox.question(None, 'a', 'b')\n"
    )
    assert not [pattern for pattern in QT5_IDIOMS if re.search(pattern, good, re.M)]


def test_no_qt5_only_idioms_in_the_plugin():
    found = []
    for path in _python_sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, instead in QT5_IDIOMS.items():
                if re.search(pattern, line):
                    found.append(
                        "{0}:{1}: {2}  (use {3})".format(
                            path.relative_to(REPO), number, line.strip(), instead
                        )
                    )
    assert not found, "\n".join(found)


def test_qgsfield_only_through_the_compat_module():
    """Every new field goes through qgis_compat.make_field (one type mapping)."""
    found = [
        str(path.relative_to(REPO))
        for path in _python_sources()
        if re.search(r"\bQgsField\([^)]*,", path.read_text(encoding="utf-8"))
    ]
    assert not found


def test_package_deprecation_warnings_are_errors():
    """conftest.py's filter: a deprecation raised in a plugin module fails the test."""
    with pytest.raises(DeprecationWarning):
        warnings.warn_explicit(
            "old API",
            DeprecationWarning,
            "x.py",
            1,
            module="xingguo_swc_plugin.core.workspace.geopackage",
        )
    with warnings.catch_warnings(record=True) as caught:  # elsewhere: only a warning
        warnings.simplefilter("default")
        warnings.warn_explicit("old API", DeprecationWarning, "x.py", 1, module="elsewhere")
    assert len(caught) == 1


def test_make_field_types_survive_a_geopackage(qgis_app, tmp_path):
    from xingguo_swc_plugin.core.export import export_rows
    from xingguo_swc_plugin.qgis_compat import FieldType, is_type, make_field

    values = {
        FieldType.STRING: "兴国",
        FieldType.INT: 7,
        FieldType.INT64: 2**40,
        FieldType.DOUBLE: 1.25,
        FieldType.BOOL: True,
        FieldType.DATE: QDate(2026, 12, 4),
        FieldType.DATETIME: QDateTime(QDate(2026, 12, 4), QDateTime.currentDateTime().time()),
        FieldType.BYTES: QByteArray(b"\xff\xd8photo\x00bytes"),
    }
    assert set(values) == set(FieldType)
    fields = [make_field(kind.name.lower(), kind) for kind in FieldType]
    for qgs_field, kind in zip(fields, FieldType):
        assert is_type(qgs_field, kind)
        assert not is_type(
            qgs_field, FieldType.STRING if kind != FieldType.STRING else FieldType.INT
        )
    path = export_rows(str(tmp_path / "types.gpkg"), fields, [list(values.values())])
    layer = QgsVectorLayer(path, "types", "ogr")
    assert layer.isValid()
    feature = QgsFeature()
    assert layer.getFeatures().nextFeature(feature)
    for kind, value in values.items():
        index = layer.fields().indexOf(kind.name.lower())
        assert index >= 0, kind
        stored = layer.fields().at(index)
        # GeoPackage has no 32-bit/64-bit split and stores booleans as integers with a subtype
        if kind not in (FieldType.INT, FieldType.INT64, FieldType.BOOL):
            assert is_type(stored, kind), (kind, stored.typeName())
        if kind == FieldType.DATETIME:
            assert feature[index].toSecsSinceEpoch() == value.toSecsSinceEpoch()
        else:
            assert feature[index] == value, kind


def test_metadata_names_the_tested_versions():
    text = (PACKAGE / "metadata.txt").read_text(encoding="utf-8")
    assert re.search(r"^qgisMinimumVersion=3\.22$", text, re.M)
    assert re.search(r"^qgisMaximumVersion=3\.40$", text, re.M)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "3.22" in readme and "3.40" in readme and "make test-ltr" in readme
