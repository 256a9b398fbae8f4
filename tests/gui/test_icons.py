"""One distinct SVG icon per capability, drawn at toolbar sizes."""

from __future__ import annotations

from xingguo_swc_plugin.plugin import DOCK_CLASSES, ICONS, SHORTCUTS


def test_each_capability_has_its_own_icon_visible_at_16_and_24_px(qgis_app):
    from qgis.PyQt.QtGui import QIcon

    names = [module for module, _ in DOCK_CLASSES] + ["open_workspace"]
    contents = set()
    for name in names:
        path = ICONS / (name + ".svg")
        assert path.is_file(), path
        contents.add(path.read_bytes())
        for size in (16, 24):
            image = QIcon(str(path)).pixmap(size, size).toImage()
            assert image.width() == size
            painted = sum(
                1 for x in range(size) for y in range(size) if image.pixelColor(x, y).alpha() > 128
            )
            assert painted > size * size // 5, (name, size, painted)
    assert len(contents) == len(names)  # no icon used twice
    assert set(SHORTCUTS) == set(names) and len(set(SHORTCUTS.values())) == len(names)
