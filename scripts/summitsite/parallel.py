"""Work on the machine's other core, with the same result as doing it here.

Two tools, both built on fork (a child shares the parent's data without pickling it in), both
falling back to doing the work in this process when forking is not safe or not worth it:

- ``ordered_map``: ``[function(x) for x in items]`` on a pool of processes, results in input order;
- ``Helper``: one function run in a child process while this process goes on with other work.

Only a single-threaded process forks: forking one that runs other threads (``mkdocs serve``'s
server) could copy a lock that some other thread holds.
"""
from __future__ import annotations

import os
import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 24  # below this, starting processes costs more than it saves
_task: Callable | None = None


def can_fork() -> bool:
    """Whether work may go to child processes here (``SS_SERIAL=1`` says no, for comparisons)."""
    if (os.cpu_count() or 1) < 2 or os.environ.get("SS_SERIAL") == "1" or threading.active_count() > 1:
        return False
    import multiprocessing  # only here: importing it costs small builds a few milliseconds

    return "fork" in multiprocessing.get_all_start_methods()


def _run(item):
    return _task(item)  # type: ignore[misc]


def ordered_map(function: Callable[[T], R], items: list[T]) -> list[R]:
    """``[function(x) for x in items]``, on several processes when it pays."""
    if len(items) < MIN_ITEMS or not can_fork():
        return [function(x) for x in items]
    import multiprocessing

    workers = min(os.cpu_count() or 1, 4)
    global _task
    _task = function
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, items, chunksize=max(1, len(items) // (workers * 4)))
    finally:
        _task = None


class Helper(Generic[R]):
    """``function()`` running in a forked child from the moment the helper is made; ``result()``
    waits for its return value, which is None when it raised (the caller then does the work itself:
    a helper never decides what the build outputs). Leaving a ``with`` block stops the child."""

    def __init__(self, function: Callable[[], R]):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)

        def run() -> None:
            try:
                value = function()
            except BaseException:  # noqa: BLE001 - reported as None; the parent does the work
                value = None
            sender.send(value)

        self._process = context.Process(target=run, daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> R | None:
        try:
            value = self._receiver.recv()
        except (EOFError, OSError):
            value = None
        self._process.join()
        return value

    def __enter__(self) -> "Helper[R]":
        return self

    def __exit__(self, *_exc) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()
