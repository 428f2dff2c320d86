"""Per-record work spread over the machine's cores, in order, with the same result as a loop.

A record's pages are independent of other records' pages, so a large collection renders them on
every core. (Records are parsed in the main process: sending parsed records back from workers
costs more than parsing them.) Workers are forked (they share the parent's data without pickling it
in); results come back in input order, so the output is byte-identical to a serial run. Small
builds, platforms without fork and processes running other threads run serially.
"""
from __future__ import annotations

import os
import threading
from typing import Callable, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 24  # below this, starting processes costs more than it saves
_task: Callable | None = None


def _run(item):
    return _task(item)  # type: ignore[misc]


def ordered_map(function: Callable[[T], R], items: list[T]) -> list[R]:
    """``[function(x) for x in items]``, on several processes when it pays."""
    workers = min(os.cpu_count() or 1, 4)
    # Forking a process that runs other threads (``mkdocs serve``'s server) could copy a lock some
    # other thread holds, so only a single-threaded process forks.
    if (len(items) < MIN_ITEMS or workers < 2 or os.environ.get("SS_SERIAL") == "1"
            or threading.active_count() > 1):
        return [function(x) for x in items]
    import multiprocessing  # only here: importing it costs small builds a few milliseconds

    if "fork" not in multiprocessing.get_all_start_methods():
        return [function(x) for x in items]
    global _task
    _task = function
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, items, chunksize=max(1, len(items) // (workers * 4)))
    finally:
        _task = None
