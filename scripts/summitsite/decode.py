"""Bytes of a record file → its lines of text, refusing what is not a text record.

MOFA pages of the 2000s were served as Shift_JIS, so a saved copy may be CP932: it is decoded
when it decodes strictly and reads as Japanese, never guessed into mojibake.
"""
from __future__ import annotations

import re

from .errors import BuildError, Problem

# Compiled on first use (by re's cache): only a file that is not UTF-8 needs it, and its wide ranges
# take a millisecond and a half to compile.
_JAPANESE = r"[\u3040-\u30ff\u4e00-\u9fff]"
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # every C0 control but the tab, and DEL


def decode_record(data: bytes, path: str) -> list[str]:
    """Return the file's lines (without line ends); raise BuildError for non-text input."""
    if not data.strip():
        raise BuildError([Problem(path, 1, "expected a MOFA summit record, found an empty file")])
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise BuildError([Problem(path, line, "expected text, found binary data (a NUL byte)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        text = _decode_cp932(data)
        if text is None:
            line = data[: err.start].count(b"\n") + 1
            raise BuildError([Problem(
                path, line,
                f"expected UTF-8 (or Shift_JIS/CP932) text, found the byte 0x{data[err.start]:02x} "
                "that is valid in neither; convert the file to UTF-8")]) from None
    text = text.removeprefix("\ufeff")
    # Split on line ends only: str.splitlines would also split on U+2028, U+0085 and friends.
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        bad = _CONTROL.search(line)
        if bad is not None:
            raise BuildError([Problem(
                path, number, f"expected text, found the control character U+{ord(bad.group()):04X}")])
    return lines


def _decode_cp932(data: bytes) -> str | None:
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return None
    return text if re.search(_JAPANESE, text) else None
