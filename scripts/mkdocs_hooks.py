"""MkDocs hooks: under ``mkdocs serve``, regenerate docs/ from content/ before each rebuild.

``mkdocs build`` never regenerates (CI checks docs/ with ``scripts/build.py --check`` instead),
so a build of the committed docs/ is exactly what was reviewed.
"""
from __future__ import annotations

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from summitsite.errors import BuildError  # noqa: E402
from summitsite.pipeline import build  # noqa: E402

log = logging.getLogger("mkdocs.hooks.summitsite")
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_pre_build(config):
    if not _serving:
        return
    root = os.path.dirname(config.config_file_path)
    try:
        result = build(root)
    except BuildError as err:
        for problem in err.problems:
            log.error(str(problem))
        log.error("scripts/build.py failed; serving the previous docs/")
        return
    if result.summary.written or result.summary.removed:
        log.info("regenerated docs/: %d written, %d removed", len(result.summary.written),
                 len(result.summary.removed))
