"""Domain terms of the Chinese interface (SPEC.md "Terms in the Chinese interface").

Why: the bureau's staff read 标注 as QGIS's map labels, 图幅 as a map sheet, 处 as
"places"; a wrong term is a wrong instruction.  Every finished translation of the
``.ts`` file, every Chinese literal of the plugin and every help page is checked
against the table, so a new string with an avoided term fails here.
"""

from __future__ import annotations

import re
from typing import Iterator, List, Tuple

from test_i18n import PACKAGE, REPO, ts_messages

HELP = REPO / "resources" / "help"

#: (pattern, why) — never in a translation, a Chinese literal or a help page.
FORBIDDEN: List[Tuple[str, str]] = [
    (r"批复范围", "防治责任范围 (the approved boundary), 疑似超出防治责任范围"),
    (r"保护廊道", "铁路、高速、国道、省道沿线 (两侧控制距离)"),
    (r"土地面积", "国土面积 in the 水土保持率"),
    (r"标注", "登记措施 for tagging (标注 is QGIS's labelling)"),
    (
        r"侵蚀\s*(\{\d+\}|轻度|中度|强烈|极强烈|剧烈)\s*[（(]",
        "轻度侵蚀面积（hm²） style columns, not 侵蚀 轻度（hm²）",
    ),
    (r"[（(]公顷[）)]", "hm² in column titles (公顷 only in prose)"),
    (r"(\}|\d)\s*处(?![理罚置])", "座 counts gullies (and 条/个 other things), not 处"),
    (r"个崩岗|条崩岗", "座 counts gullies"),
    (r"\b(high|medium|low)\b", "高/中/低 for severity"),
]

#: 图幅 is right for a map sheet of the atlas; any other use is an Excel sheet (工作表).
MAP_SHEET_SOURCES = {
    "Sheets written",
    "Sheets",
    "{0} is a folder with the name of a sheet: rename or remove it; nothing was written.",
    "Layout template (.qpt); empty: the bundled township sheet",
}

#: Sources whose translation is fixed by the table.
REQUIRED = {
    "Sheet": "工作表",
    "Tag": "登记措施",
    "Beyond the approved boundary": "疑似超出防治责任范围",
    "Approved project boundaries": "防治责任范围",
    "Land area (km²)": "国土面积（km²）",
    "{0} gullies": "{0} 座崩岗",
    "{0} erosion area (hm²)": "{0}侵蚀面积（hm²）",
    "Erosion {0} ({1})": "{0}侵蚀面积（{1}）",
}

CJK = re.compile("[\u4e00-\u9fff]")
#: Chinese literals of the plugin's Python sources (domain labels, comments excluded).
LITERAL = re.compile(r"\"([^\"\n]*[\u4e00-\u9fff][^\"\n]*)\"|'([^'\n]*[\u4e00-\u9fff][^'\n]*)'")


def chinese_texts() -> Iterator[Tuple[str, str, str]]:
    """(where, source, Chinese text) of every translation, literal and help page."""
    for context, source, translation, finished in ts_messages():
        if finished:
            yield "ts:" + context, source, translation
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = (
                line.split("#", 1)[0]
                if "#" in line and not CJK.search(line.split("#", 1)[0])
                else line
            )
            for match in LITERAL.finditer(code):
                text = match.group(1) or match.group(2)
                yield "{0}:{1}".format(path.relative_to(REPO), number), "", text
    for path in sorted(HELP.glob("*.zh_CN.html")):
        yield str(path.relative_to(REPO)), "", path.read_text(encoding="utf-8")


def test_no_avoided_term_anywhere():
    wrong = []
    for where, source, text in chinese_texts():
        for pattern, why in FORBIDDEN:
            if where.startswith("resources/help") and pattern.startswith(r"\b("):
                continue  # English words in a Chinese page are not severity codes
            found = re.search(pattern, text)
            if found:
                wrong.append(
                    "{0}: {1!r} in {2!r} ({3}) — source {4!r}".format(
                        where, found.group(0), text[:80], why, source[:60]
                    )
                )
    assert wrong == [], "\n".join(wrong)


def test_map_sheet_only_in_the_atlas():
    """图幅 (a map sheet) only where the source means one; an Excel sheet is 工作表."""
    wrong = [
        (source, translation)
        for _, source, translation, finished in ts_messages()
        if finished and "图幅" in translation and source not in MAP_SHEET_SOURCES
    ]
    assert wrong == [], wrong


def test_fixed_translations_of_the_term_table():
    found = {}
    for _, source, translation, finished in ts_messages():
        if source in REQUIRED and finished:
            found.setdefault(source, set()).add(translation)
    assert {s: {REQUIRED[s]} for s in REQUIRED} == found


def test_the_checks_catch_the_old_wrong_terms():
    """The patterns are not vacuous: each catches the translation it replaced."""
    old = [
        "超出批复范围",
        "位于保护廊道内",
        "土地面积（km²）",
        "为 {0} 个要素标注{1}",
        "侵蚀 {0}（{1}）",
        "面积（公顷）",
        "{0} 处崩岗",
        "已治理崩岗 12 处",
        "medium",
    ]
    for text in old:
        assert any(re.search(pattern, text) for pattern, _ in FORBIDDEN), text
    assert not any(
        re.search(pattern, "处理人；查处状态；单击可缩放至该处") for pattern, _ in FORBIDDEN
    )
