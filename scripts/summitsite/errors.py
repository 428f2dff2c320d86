"""Errors that name a file and line, collected so that every problem is reported at once."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: ``FILE:LINE: message`` (line 0 when none applies)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class BuildError(Exception):
    """Raised with every problem found; the build prints them and exits non-zero."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def shorten(text: str, limit: int = 40) -> str:
    """Quote a piece of input for an error message, cut to ``limit`` characters."""
    text = text.strip()
    if not text:
        return "an empty line"
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"'{text}'"
