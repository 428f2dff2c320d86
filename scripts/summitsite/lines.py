"""A record's lines as the parser's stages read them: the original text, an NFKC view for matching,
paragraphs cut from the original, and the problems found so far (each naming FILE:LINE)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .errors import BuildError, Problem
from .model import Paragraph
from .normal import Normalised, norm, normalise


@dataclass
class Lines:
    """``raw`` as decoded; ``norm[i]`` is NFKC of line i, stripped (for matching a whole line)."""

    raw: list[str]
    path: str
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def norm(self) -> list[str]:
        return [norm(line) for line in self.raw]

    def view(self, index: int) -> Normalised:
        """The NFKC view of a line with its leading whitespace kept (markers are matched at its start)."""
        return normalise(self.raw[index].rstrip())

    def paragraph(self, index: int) -> Paragraph:
        """Line ``index`` as a paragraph: its text, and the layout whitespace before it kept apart."""
        raw = self.raw[index].rstrip()
        text = raw.lstrip(" \t\u3000")
        return Paragraph(text=text, line=index + 1, indent=raw[: len(raw) - len(text)])

    def problem(self, index: int, message: str) -> None:
        self.problems.append(Problem(self.path, index + 1, message))

    def fatal(self, index: int, message: str) -> BuildError:
        """Note a problem that ends parsing; the caller raises what this returns."""
        self.problem(index, message)
        return BuildError(self.problems)
