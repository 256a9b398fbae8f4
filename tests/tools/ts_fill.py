"""Fill unfinished entries of the translation file from other versions of it.

Why: branches that add ``tr()`` strings each extend ``i18n/xingguo_swc_zh_CN.ts``;
merging them conflicts in that XML although the translations never disagree.
Resolve such a merge by taking one side's ``.ts``, running ``make translations``
(which adds the other side's new sources as unfinished), then::

    python3 tests/tools/ts_fill.py REV [REV ...]

which copies each unfinished entry's translation from the ``.ts`` as it is at the
given git revisions (same source text), and finally ``make translations`` again
to compile the ``.qm``.  Entries still unfinished are listed; translate them.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Dict

TS_PATH = Path("i18n/xingguo_swc_zh_CN.ts")


def translations_at(revision: str) -> Dict[str, str]:
    """Finished translations (source -> translation) of the .ts at a git revision."""
    text = subprocess.run(
        ["git", "show", f"{revision}:{TS_PATH}"], check=True, capture_output=True, text=True
    ).stdout
    found: Dict[str, str] = {}
    for message in ElementTree.fromstring(text).iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if (
            source is None
            or translation is None
            or not translation.text
            or translation.get("type") in ("unfinished", "obsolete", "vanished")
        ):
            continue
        found[source] = translation.text
    return found


def fill(revisions) -> int:
    known: Dict[str, str] = {}
    for revision in revisions:
        known.update(translations_at(revision))
    tree = ElementTree.parse(TS_PATH)
    still_open = []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in known:
            translation.text = known[source]
            del translation.attrib["type"]
        else:
            still_open.append(source)
    tree.write(TS_PATH, encoding="utf-8", xml_declaration=True)
    text = TS_PATH.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    TS_PATH.write_text(text, encoding="utf-8")
    for source in still_open:
        print("unfinished:", source)
    return len(still_open)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(1 if fill(sys.argv[1:]) else 0)
