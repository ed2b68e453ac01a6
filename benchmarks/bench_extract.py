"""Extraction throughput: releases per second on one core.

Usage: python benchmarks/bench_extract.py [FOLDER ...] [--rounds N]

Reads every release file in the folders once (reading is not timed), then times
``extract`` over all of them for N rounds and prints the figure. The time is the CPU time of
this process, so other jobs on the machine do not lower the figure. Without folders it uses the
shared dev corpus when it exists, else the test fixtures and the seed release.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.errors import ReleaseReadError
from kg.extract import extract
from kg.read import Release, find_release_files, read_release

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [ROOT.parent / "shared" / "corpus" / "dev"]
FALLBACK_FOLDERS = [ROOT / "tests" / "fixtures" / "releases", ROOT / "data" / "releases"]
TARGET = 100.0


def load(folders: list[Path]) -> list[Release]:
    releases = []
    for found in find_release_files(folders):
        if isinstance(found, ReleaseReadError):
            print(f"skipped: {found}", file=sys.stderr)
            continue
        try:
            releases.append(read_release(found))
        except ReleaseReadError as err:
            print(f"skipped: {err}", file=sys.stderr)
    return releases


def measure(releases: list[Release], rounds: int) -> float:
    """Releases per second over ``rounds`` passes (after one warm-up pass)."""
    for release in releases:
        extract(release)
    start = time.process_time()
    for _ in range(rounds):
        for release in releases:
            extract(release)
    elapsed = time.process_time() - start
    return len(releases) * rounds / elapsed if elapsed > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    folders = args.folders or [f for f in DEFAULT_FOLDERS if f.is_dir()] or FALLBACK_FOLDERS
    releases = load(folders)
    if not releases:
        print("no releases to measure", file=sys.stderr)
        return 1
    rate = measure(releases, max(args.rounds, 1))
    chars = sum(len(r.text) for r in releases) / len(releases)
    verdict = "ok" if rate >= TARGET else f"below the target of {TARGET:.0f}/s"
    print(
        f"{rate:.1f} releases/s on one core ({len(releases)} releases, "
        f"{chars:.0f} chars on average, {args.rounds} rounds) - {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
