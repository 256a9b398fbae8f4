"""Make the Chinese text of a Qt-written PDF extract as the unified ideographs.

Noto Sans CJK draws 龙 and the radical ⻰ (and 口/⼝, 高/⾼, 木/⽊, 方/⽅, 鼎/⿍,
长/⻓ ...) with one glyph.  Qt's PDF writer maps each glyph back to the lowest code
point of the font's cmap in the font's ToUnicode table: the radical.  The page
looks right, but copying, searching or ``pdftotext`` give the radicals, so
"龙口镇" is not found.  The fix rewrites the destinations of every ToUnicode map
to the unified ideograph — same hex width, so no stream length or object offset
changes and the file stays valid.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Dict

#: CJK Radicals Supplement without a compatibility decomposition, to the unified
#: ideograph they stand for in simplified Chinese (Unicode EquivalentUnifiedIdeograph).
_SUPPLEMENT = {
    0x2E8C: 0x5C0F,
    0x2E8D: 0x5C0F,
    0x2E95: 0x5F50,
    0x2E97: 0x5FC4,
    0x2E98: 0x624C,
    0x2E99: 0x6535,
    0x2E9B: 0x65E1,
    0x2E9E: 0x6B7A,
    0x2EA0: 0x6C11,
    0x2EA4: 0x722B,
    0x2EA6: 0x4E2C,
    0x2EA8: 0x72AD,
    0x2EA9: 0x738B,
    0x2EAB: 0x7F52,
    0x2EAC: 0x793A,
    0x2EAD: 0x793B,
    0x2EB2: 0x7F52,
    0x2EB9: 0x8002,
    0x2EBC: 0x8089,
    0x2EBE: 0x8279,
    0x2EC1: 0x864E,
    0x2EC2: 0x8864,
    0x2EC4: 0x897F,
    0x2EC5: 0x89C1,
    0x2EC6: 0x89D2,
    0x2EC8: 0x8BA0,
    0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66,
    0x2ECC: 0x8FB6,
    0x2ECD: 0x8FB6,
    0x2ECF: 0x961D,
    0x2ED0: 0x9485,
    0x2ED1: 0x9577,
    0x2ED3: 0x957F,
    0x2ED4: 0x95E8,
    0x2ED6: 0x961D,
    0x2ED7: 0x96E8,
    0x2ED8: 0x9752,
    0x2EDA: 0x9875,
    0x2EDB: 0x98CE,
    0x2EDC: 0x98DE,
    0x2EDD: 0x98DF,
    0x2EDF: 0x98E0,
    0x2EE0: 0x9963,
    0x2EE2: 0x9A6C,
    0x2EE3: 0x9AA8,
    0x2EE4: 0x9B3C,
    0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F,
    0x2EE7: 0x5364,
    0x2EE8: 0x9EA6,
    0x2EE9: 0x9EC4,
    0x2EEA: 0x9EFE,
    0x2EEB: 0x6589,
    0x2EEC: 0x9F50,
    0x2EED: 0x6B6F,
    0x2EEE: 0x9F7F,
    0x2EEF: 0x7ADC,
    0x2EF0: 0x9F99,
    0x2EF1: 0x9F9C,
    0x2EF2: 0x4E80,
    0x2EF3: 0x9F9F,
}


def unified(code: int) -> int:
    """The unified ideograph of a radical code point (others unchanged)."""
    if 0x2F00 <= code <= 0x2FD5 or 0x2E80 <= code <= 0x2EF3:
        if code in _SUPPLEMENT:
            return _SUPPLEMENT[code]
        normal = unicodedata.normalize("NFKC", chr(code))
        if len(normal) == 1 and normal != chr(code):
            return ord(normal)
    return code


_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_SECTION = re.compile(rb"(begin(bfrange|bfchar)\b)(.*?)(end\2\b)", re.S)
_TOUNICODE_REF = re.compile(rb"/ToUnicode\s+(\d+)\s+(\d+)\s+R")


def _fix_destinations(line: bytes, sources: int) -> bytes:
    """Rewrite the hex tokens after the first ``sources`` (the source codes) —
    only 4-digit radical code points, kept 4 digits wide."""
    position = [0]

    def replace(match: re.Match[bytes]) -> bytes:
        position[0] += 1
        digits = match.group(1)
        if position[0] <= sources or len(digits) != 4:
            return match.group(0)
        code = int(digits, 16)
        new = unified(code)
        return match.group(0) if new == code else b"<%04X>" % new

    return _HEX.sub(replace, line)


def _fix_cmap(cmap: bytes) -> bytes:
    def section(match: re.Match[bytes]) -> bytes:
        kind, body = match.group(2), match.group(3)
        lines = body.split(b"\n")
        fixed = []
        for line in lines:
            if kind == b"bfchar":
                fixed.append(_fix_destinations(line, 1))
            elif b"[" in line:
                fixed.append(_fix_destinations(line, 2))
            else:
                tokens = _HEX.findall(line)
                # <lo> <hi> <dst>: an incrementing range, safe to rewrite if single
                fixed.append(
                    _fix_destinations(line, 2)
                    if len(tokens) == 3 and tokens[0] == tokens[1]
                    else line
                )
        return match.group(1) + b"\n".join(fixed) + match.group(4)

    return _SECTION.sub(section, cmap)


def fix_pdf_cjk_text(path: str) -> int:
    """Rewrite the ToUnicode maps of the PDF at ``path`` in place; returns how many
    maps changed.  Compressed maps (not written so by Qt) are left alone."""
    with open(path, "rb") as stream:
        data = stream.read()
    objects = {int(m.group(1)) for m in _TOUNICODE_REF.finditer(data)}
    changed = 0
    pieces: Dict[int, bytes] = {}
    for number in objects:
        match = re.search(
            rb"(?<![0-9])" + str(number).encode() + rb"\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n",
            data,
            re.S,
        )
        if match is None or b"/Filter" in match.group(1):
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            continue
        body = data[start:end]
        new = _fix_cmap(body)
        if new != body:
            assert len(new) == len(body)
            pieces[start] = new
            changed += 1
    if changed:
        buffer = bytearray(data)
        for start, new in pieces.items():
            buffer[start : start + len(new)] = new
        with open(path, "wb") as stream:
            stream.write(bytes(buffer))
    return changed
