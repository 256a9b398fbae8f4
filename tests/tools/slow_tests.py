"""Write tests/slow_tests.txt (the ``slow`` marker) from a ``pytest --durations=0`` log.

Usage: python3 -m pytest -q --durations=0 tests > run.log; python3 tests/tools/slow_tests.py run.log
The slowest test functions (setup + call, all parameters) outside the postgis/e2e/peer
markers are listed until what is left takes at most --budget seconds in that run, so
``make test-fast`` stays an inner loop (under a minute on the 2-core CI machine).
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _key(test_id: str) -> str:
    """A test's id without its folder (the log may come from before a test moved)."""
    path, _, rest = test_id.partition("::")
    return Path(path).name + "::" + rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("log")
    parser.add_argument("--budget", type=float, default=40.0, help="seconds left for test-fast")
    args = parser.parse_args()
    collected = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "--collect-only",
            "-m",
            "not postgis and not e2e and not peer",
            str(TESTS),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=TESTS.parent,
    ).stdout
    fast_ids = {_key(line.strip()) for line in collected.splitlines() if "::" in line}
    per_function: collections.Counter = collections.Counter()
    for line in Path(args.log).read_text(encoding="utf-8").splitlines():
        match = re.match(r"([\d.]+)s (call|setup|teardown)\s+(\S+)", line)
        if match and _key(match.group(3)) in fast_ids:
            per_function[match.group(3).split("::")[-1].split("[")[0]] += float(match.group(1))
    left, slow = sum(per_function.values()), []
    for name, seconds in per_function.most_common():
        if left <= args.budget:
            break
        slow.append(name)
        left -= seconds
    (TESTS / "slow_tests.txt").write_text("\n".join(sorted(slow)) + "\n", encoding="utf-8")
    print(f"{len(slow)} slow test functions; {left:.1f} s left for test-fast in that run")


if __name__ == "__main__":
    main()
