"""Extraction is a function of the text alone: the same release gives the same facts in every
process, whatever Python's per-process string hash seed (``PYTHONHASHSEED``) makes of the
iteration order of sets. Each corpus is extracted in two interpreters with different seeds and
the canonical JSON of every release's facts is compared; any exception fails the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kg.bench.synthetic import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = [
    HERE / "fixtures" / "releases",
    HERE / "fixtures" / "heldout",
    ROOT / "data" / "releases",
    ROOT.parent / "shared" / "corpus" / "dev",  # when the shared corpus is checked out
]
SEEDS = ("1", "12345")

# Run in a fresh interpreter: prints {path: facts} with sorted keys and without the text.
_DUMP = """
import dataclasses, json, sys
from pathlib import Path
from kg.extract import extract
from kg.read import find_release_files, read_release

out = {}
for path in find_release_files(sys.argv[1:]):
    if isinstance(path, Path):
        facts = dataclasses.asdict(extract(read_release(path)))
        del facts["text"]
        out[str(path)] = facts
json.dump(out, sys.stdout, sort_keys=True, default=str, indent=1)
"""


def _run(seed: str, folders: list[Path]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.Popen(
        [sys.executable, "-c", _DUMP, *map(str, folders)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _differences(a: dict, b: dict) -> list[str]:
    lines = []
    for path in sorted(set(a) | set(b)):
        if a.get(path) != b.get(path):
            fields = sorted(
                k for k in set(a.get(path, {})) | set(b.get(path, {}))
                if a.get(path, {}).get(k) != b.get(path, {}).get(k)
            )  # fmt: skip
            lines.append(f"{path}: {', '.join(fields)}")
    return lines


def test_extraction_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    synthetic = tmp_path / "synthetic"
    generate(300, synthetic)
    folders = [synthetic, *(c for c in CORPORA if c.is_dir())]
    runs = [_run(seed, folders) for seed in SEEDS]
    outputs = []
    for seed, proc in zip(SEEDS, runs, strict=True):
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"extraction failed with PYTHONHASHSEED={seed}:\n{stderr}"
        outputs.append(json.loads(stdout))
    first, second = outputs
    assert len(first) >= 300
    diffs = _differences(first, second)
    assert not diffs, f"facts differ between hash seeds {SEEDS}:\n" + "\n".join(diffs)
