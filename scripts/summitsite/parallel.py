"""Work on the machine's other core, with the same result as doing it here.

Two tools, both built on fork (a child shares the parent's data without pickling it in), both
falling back to doing the work in this process when forking is not safe or not worth it:

- ``ordered_map``: ``[function(x) for x in items]`` on a pool of processes, results in input order;
- ``Helper``: a function run in a child process while this process goes on with other work, the two
  exchanging values through a ``Channel``.

Only a single-threaded process forks: forking one that runs other threads (``mkdocs serve``'s
server) could copy a lock that some other thread holds.
"""
from __future__ import annotations

import os
import threading
from typing import Callable, TypeVar

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


class HelperFailed(Exception):
    """The helper process stopped without answering."""


class Channel:
    """The child's end of a helper's connection: ``send`` a value to the parent, ``receive`` one
    (``EOFError`` when the parent has closed its end)."""

    def __init__(self, connection, scratch: int):
        self._connection = connection
        self._scratch = scratch
        self._end = 0  # of what send_ahead has written into the scratch file

    def send(self, value) -> None:
        self._connection.send(("ok", value))

    def send_ahead(self, value) -> None:
        """Send ``value`` and go on at once, however large it is. A pipe holds 64 KB: through it, a large
        value would keep the job waiting until the parent, busy with its own work, reads it. So the
        pickled value goes into a file the two processes share, in memory, and only where it lies goes
        through the pipe."""
        from multiprocessing.reduction import ForkingPickler

        data = memoryview(ForkingPickler.dumps(value))
        start, done = self._end, 0
        while done < len(data):
            done += os.pwrite(self._scratch, data[done:], start + done)
        self._end += len(data)
        self._connection.send(("scratch", (start, len(data))))

    def receive(self):
        return self._connection.recv()


def _scratch_file() -> int:
    """A file descriptor for a file that no other process can open: in memory where the system has
    memfd_create (Linux), else an unlinked temporary file."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create("summitsite-helper", os.MFD_CLOEXEC)
    import tempfile

    handle, path = tempfile.mkstemp(prefix="summitsite-helper-")
    os.unlink(path)
    return handle


class Helper:
    """``job(channel)`` run in a forked child from the moment the helper is made.

    The parent's ``receive()`` waits for the next value the job sends and returns it (or raises what
    the job raised, or ``HelperFailed``); ``send(x)`` hands the job a value without waiting, so that
    both processes work at once. Leaving a ``with`` block stops the child."""

    def __init__(self, job: Callable[[Channel], None]):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._connection, child = context.Pipe()
        self._scratch = _scratch_file()  # made before the fork: both processes have it

        def run() -> None:
            self._connection.close()  # the parent's end: open here too, it would hide the parent's close
            try:
                job(Channel(child, self._scratch))
            except EOFError:  # the parent went on without this child
                return
            except BaseException as err:  # noqa: BLE001 - handed to the parent, which decides
                try:
                    child.send(("error", err))
                except Exception:  # noqa: BLE001 - an exception that does not pickle
                    child.send(("error", HelperFailed(repr(err))))

        self._process = context.Process(target=run, daemon=True)
        self._process.start()
        child.close()

    def receive(self):
        try:
            status, value = self._connection.recv()
        except (EOFError, OSError):
            raise HelperFailed("the helper process stopped") from None
        if status == "error":
            raise value
        if status == "scratch":  # a large value, left in the scratch file (Channel.send_ahead)
            from multiprocessing.reduction import ForkingPickler

            start, size = value
            data = os.pread(self._scratch, size, start)
            if len(data) != size:
                raise HelperFailed(f"the helper's value is {len(data)} of its {size} bytes")
            return ForkingPickler.loads(data)
        return value

    def send(self, value) -> None:
        self._connection.send(value)

    def __enter__(self) -> "Helper":
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        self._connection.close()  # a child waiting for its next step sees the end and returns
        os.close(self._scratch)
        if exc_type is None:
            self._process.join(timeout=1)
        if self._process.is_alive():  # an error here, or a child still at work: stop it
            self._process.terminate()
        self._process.join()
