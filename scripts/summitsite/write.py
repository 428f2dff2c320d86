"""The only code that touches the output tree: compare, then write changed files atomically.

Everything is rendered in memory before this runs, so a build that fails leaves docs/ exactly
as it was; a build that changes nothing writes nothing.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass


@dataclass
class WriteSummary:
    """What a write did (or, for a check, would do)."""

    written: list[str]
    removed: list[str]
    unchanged: int


def plan(files: dict[str, str], out_dir: str, existing: set[str] | None = None) -> WriteSummary:
    """Which files differ from ``out_dir`` and which existing files are not produced any more."""
    written, unchanged = [], 0
    # One walk finds what exists: opening each missing file to learn that costs a slow failed openat.
    if existing is None:
        existing = set(existing_files(out_dir))
    for rel_path, text in sorted(files.items()):
        same = False
        if rel_path in existing:
            with open(os.path.join(out_dir, rel_path), "rb") as handle:
                same = handle.read() == text.encode("utf-8")
        if same:
            unchanged += 1
        else:
            written.append(rel_path)
    removed = sorted(p for p in existing if p not in files)
    return WriteSummary(written, removed, unchanged)


def existing_files(out_dir: str) -> list[str]:
    """Every file under ``out_dir``, as '/'-separated relative paths."""
    found = []
    for folder, dirs, names in os.walk(out_dir):
        dirs.sort()
        for name in sorted(names):
            found.append(os.path.relpath(os.path.join(folder, name), out_dir).replace(os.sep, "/"))
    return found


def write(files: dict[str, str], out_dir: str) -> WriteSummary:
    """Bring ``out_dir`` to exactly ``files``: write what changed, remove what is stale."""
    existing = set(existing_files(out_dir))
    summary = plan(files, out_dir, existing)
    for folder in sorted({os.path.dirname(os.path.join(out_dir, p)) for p in summary.written}):
        os.makedirs(folder, exist_ok=True)
    for rel_path in summary.written:
        _write_one(os.path.join(out_dir, rel_path), files[rel_path].encode("utf-8"), rel_path in existing)
    for rel_path in summary.removed:
        os.unlink(os.path.join(out_dir, rel_path))
    for folder, _dirs, _names in sorted(os.walk(out_dir), key=lambda w: -len(w[0])):
        if folder != out_dir and not os.listdir(folder):
            os.rmdir(folder)
    return summary


def _write_one(path: str, data: bytes, replaces: bool) -> None:
    """Write one file: a new one directly, an existing one through a temporary file and a rename,
    so that a reader never sees it half-written."""
    if not replaces:
        with open(path, "xb") as handle:
            handle.write(data)
        return
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
