"""The only code that touches the output tree: compare, then write changed files atomically.

Everything is rendered in memory before this runs, so a build that fails leaves docs/ exactly
as it was; a build that changes nothing writes nothing (and touches no file, so that MkDocs'
``--dirty`` serve rebuilds only the pages that changed).
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


def existing_files(out_dir: str) -> set[str]:
    """Every file under ``out_dir``, as '/'-separated relative paths."""
    found = set()
    for folder, _dirs, names in os.walk(out_dir):
        prefix = os.path.relpath(folder, out_dir).replace(os.sep, "/") + "/"
        found.update((prefix + name).removeprefix("./") for name in names)
    return found


def changed(files: dict[str, str], out_dir: str, existing: set[str]) -> list[str]:
    """The paths of ``files`` whose text ``out_dir`` does not hold yet, sorted. (``existing`` comes
    from one walk: opening each missing file to learn that it is missing costs a slow failed openat.)"""
    out = []
    for rel_path, text in sorted(files.items()):
        if rel_path in existing:
            with open(os.path.join(out_dir, rel_path), "rb") as handle:
                if handle.read() == text.encode("utf-8"):
                    continue
        out.append(rel_path)
    return out


def write_files(files: dict[str, str], out_dir: str, paths: list[str], existing: set[str]) -> None:
    """Write ``paths`` of ``files`` into ``out_dir``."""
    for folder in sorted({os.path.dirname(os.path.join(out_dir, p)) for p in paths}):
        os.makedirs(folder, exist_ok=True)
    for rel_path in paths:
        _write_one(os.path.join(out_dir, rel_path), files[rel_path].encode("utf-8"), rel_path in existing)


def remove(out_dir: str, paths: list[str]) -> None:
    """Delete ``paths`` and then every folder left empty."""
    if not paths:
        return
    for rel_path in paths:
        os.unlink(os.path.join(out_dir, rel_path))
    for folder, _dirs, _names in sorted(os.walk(out_dir), key=lambda w: -len(w[0])):
        if folder != out_dir and not os.listdir(folder):
            os.rmdir(folder)



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
