"""Case files checked with pdftotext / pdfimages: every fact, searchable names, photos."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from qgis.PyQt.QtCore import QDateTime
from qgis.PyQt.QtGui import QColor, QImage
from test_fieldpackage import make_imagery, with_findings

from xingguo_swc_plugin.core import casework
from xingguo_swc_plugin.core.casefile import penalty_range, write_case_files
from xingguo_swc_plugin.core.casework import FindingFilter, Photo, text
from xingguo_swc_plugin.core.findings import set_status
from xingguo_swc_plugin.core.rules import rule_label
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.domain.townships import TOWNSHIPS, TOWNSHIPS_BY_CODE


def pdf_text(path: str) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", "", out)


def image_count(path: str) -> int:
    out = subprocess.run(
        ["pdfimages", "-list", path], check=True, capture_output=True, text=True
    ).stdout
    return len([line for line in out.splitlines()[2:] if line.strip()])


def jpeg(colour: str) -> bytes:
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice

    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPG")
    return bytes(data)


def test_penalty_range_from_the_area():
    assert penalty_range(1234.5, "1") == (0.0, 2469.0)
    assert penalty_range(1234.5, "2") == (0.0, 12345.0)


def test_penalty_ceiling_follows_its_setting():
    """The settings penalty/* drive the range (they were shown but unused)."""
    from xingguo_swc_plugin.core.settings import reset_setting, set_setting

    set_setting("penalty/individual_yuan_per_m2", 3.0)
    try:
        assert penalty_range(100.0, "1") == (0.0, 300.0)
        assert penalty_range(100.0, "2") == (0.0, 1000.0)
    finally:
        reset_setting("penalty/individual_yuan_per_m2")
    assert penalty_range(100.0, "1") == (0.0, 200.0)


def test_case_files_of_a_township(sample_copy, tmp_path):
    workspace = open_workspace(with_findings(sample_copy))
    layer = workspace.layer("finding")
    cases = [f for f in layer.getFeatures() if text(f["gz"]) == "EXCEEDS_APPROVED"]
    target = sorted(cases, key=lambda f: text(f["tbbh"]))[0]
    township = text(target["xzqdm"])
    set_status(layer, [target.id()], "2", "张三", "现场核实超出范围")
    set_status(layer, [target.id()], "4", "王五", "罚款")
    party = layer.fields().indexOf("dslx")
    assert layer.dataProvider().changeAttributeValues({target.id(): {party: "2"}})
    when = QDateTime.fromString("2026-12-04T10:15:00", "yyyy-MM-ddTHH:mm:ss")
    photos = [
        Photo(text(target["uuid"]), name, casework.sha1_of(data), when, 115.36, 26.34, 3.5, data)
        for name, data in (("a.jpg", jpeg("red")), ("b.jpg", jpeg("blue")))
    ]
    assert casework.store_photos(workspace, photos) == 2

    result = write_case_files(workspace, FindingFilter([township]), str(tmp_path / "cases"))
    in_township = [f for f in layer.getFeatures() if text(f["xzqdm"]) == township]
    assert len(result.findings) == len(in_township) and len(result.townships) == 1
    path = next(
        p for p in result.findings if os.path.basename(p).startswith(text(target["tbbh"]) + "_")
    )
    content = pdf_text(path)
    name = TOWNSHIPS_BY_CODE[township].xzqmc
    target = next(f for f in layer.getFeatures() if f.id() == target.id())
    area = float(target["mj"])
    parcel = next(
        f
        for f in workspace.layer("parcel").getFeatures()
        if text(f["tbbh"]) == text(target["tbbh"])
    )
    project = next(
        f
        for f in workspace.layer("dev_project").getFeatures()
        if text(f["xmbh"]) == text(parcel["xmbh"])
    )
    centre = parcel.geometry().centroid().asPoint()
    for expected in (
        rule_label("EXCEEDS_APPROVED"),
        "疑似超出防治责任范围",
        text(target["tbbh"]),
        township,
        name,
        text(project["xmbh"]),
        text(project["xmmc"]),
        "{0:.1f}".format(area),
        "{0:.2f}".format(centre.x()),
        "{0:.2f}".format(centre.y()),
        "已处罚",
        "单位",
        "{0:.2f}".format(area * 10),
        "张三",
        "王五",
        "现场核实超出范围",
        "罚款",
        "a.jpg",
        "b.jpg",
        "115.360000",
        "防治责任范围",
    ):
        assert re.sub(r"\s+", "", expected) in content, expected
    assert image_count(path) == 2
    others = [p for p in result.findings if p != path]
    assert others and image_count(others[0]) == 0
    township_text = pdf_text(result.townships[0])
    assert name in township_text and text(target["tbbh"]) in township_text
    assert image_count(result.townships[0]) == 2
    index = pdf_text(result.index)
    for township_row in TOWNSHIPS:  # unified ideographs, not Kangxi radicals
        assert township_row.xzqmc in index, township_row.xzqmc


def test_unregistered_case_says_not_registered_and_both_penalties(sample_copy, tmp_path):
    workspace = open_workspace(with_findings(sample_copy))
    layer = workspace.layer("finding")
    target = sorted(
        (f for f in layer.getFeatures() if text(f["gz"]) == "UNREGISTERED"),
        key=lambda f: text(f["tbbh"]),
    )[0]
    result = write_case_files(
        workspace, FindingFilter([text(target["xzqdm"])], ["UNREGISTERED"]), str(tmp_path)
    )
    path = next(
        p for p in result.findings if os.path.basename(p).startswith(text(target["tbbh"]) + "_")
    )
    content = pdf_text(path)
    area = float(target["mj"])
    assert "notregistered" in content
    assert "{0:.2f}".format(area * 2) in content and "{0:.2f}".format(area * 10) in content
    assert "个人" in content and "疑似未批先建" in content


def test_imagery_is_drawn_under_the_parcel_map(sample_copy, tmp_path):
    workspace = open_workspace(with_findings(sample_copy))
    target = sorted(
        (f for f in workspace.layer("finding").getFeatures() if text(f["gz"]) == "UNREGISTERED"),
        key=lambda f: text(f["tbbh"]),
    )[0]
    imagery = make_imagery(workspace, str(tmp_path / "imagery.tif"))
    selection = FindingFilter([text(target["xzqdm"])], ["UNREGISTERED"])
    plain = write_case_files(workspace, selection, str(tmp_path / "plain"))
    shown = write_case_files(workspace, selection, str(tmp_path / "shown"), imagery=[imagery])
    assert image_count(plain.findings[0]) == 0
    assert image_count(shown.findings[0]) >= 1


def test_cancel_leaves_nothing(sample_copy, tmp_path):
    from qgis.core import QgsFeedback

    from xingguo_swc_plugin.core.errors import SwcError
    from xingguo_swc_plugin.core.fieldpackage import write_field_package

    workspace = open_workspace(with_findings(sample_copy))
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(SwcError):
        write_case_files(workspace, FindingFilter(), str(tmp_path / "cases"), feedback)
    with pytest.raises(SwcError):
        write_field_package(workspace, FindingFilter(), str(tmp_path / "pkg"), feedback=feedback)
    assert [name for name in os.listdir(tmp_path) if not name.startswith("sample_copy")] == []
