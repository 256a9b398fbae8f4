"""The one place for APIs that changed between QGIS 3.22 and 3.40+: field types
and the font of layout labels.

QGIS 3.38 moved attribute types from ``QVariant.Type`` to ``QMetaType.Type`` and
deprecated ``QgsField(name, QVariant.X)``; 3.22 only accepts ``QVariant.Type``.
Create every field with ``make_field(name, FieldType.X, ...)`` and test a field's type
with ``is_type(field, FieldType.X)``: nothing else in the plugin names either enum.
"""

from __future__ import annotations

from enum import Enum

from qgis.core import Qgis, QgsField, QgsLayoutItemLabel, QgsTextFormat
from qgis.PyQt.QtCore import QMetaType, QVariant
from qgis.PyQt.QtGui import QFont

#: QgsField takes and returns QMetaType.Type from this version on.
USES_QMETATYPE = Qgis.QGIS_VERSION_INT >= 33800


class FieldType(Enum):
    """Attribute types the plugin writes: value = (QMetaType name, QVariant name)."""

    STRING = ("QString", "String")
    INT = ("Int", "Int")
    INT64 = ("LongLong", "LongLong")
    DOUBLE = ("Double", "Double")
    BOOL = ("Bool", "Bool")
    DATE = ("QDate", "Date")
    DATETIME = ("QDateTime", "DateTime")
    BYTES = ("QByteArray", "ByteArray")

    def qt_type(self):
        """The enum value QgsField expects on the running QGIS."""
        if USES_QMETATYPE:
            return getattr(QMetaType.Type, self.value[0])
        return getattr(QVariant, self.value[1])


def make_field(name: str, kind: FieldType, length: int = 0, precision: int = 0) -> QgsField:
    """A new QgsField of ``kind`` (length/precision 0: provider default)."""
    return QgsField(name, kind.qt_type(), "", length, precision)


def is_type(qgs_field: QgsField, kind: FieldType) -> bool:
    """Whether an existing field holds ``kind`` values."""
    return int(qgs_field.type()) == int(kind.qt_type())


def set_label_font(label: QgsLayoutItemLabel, font: QFont) -> None:
    """The label's font: a text format from 3.24 on (``setFont`` is deprecated
    there), ``setFont`` on 3.22, which has no ``setTextFormat``."""
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(QgsTextFormat.fromQFont(font))
    else:
        label.setFont(font)
