"""Work run in parallel, all of it here, in four forms: a pool of worker processes that each
load something once and then take batches (NER); forked processes that each do one batch of
work on memory they share with the build, and send back its result (the writers); independent
jobs in threads, for work that waits on other programs (Pagefind); and the workers of a Dask
distributed cluster (NER past one machine). Nothing here knows what the work is."""

from __future__ import annotations

import collections
import functools
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from typing import Any, Self

from kbgen.errors import BuildError, Problem

# --- a pool of workers that each load something once ------------------------------------------

LOCAL = "local"  # the key of what a LoadedWorkers pool's workers load: they live for one pool
_loaded: dict[str, Any] = {}  # in a worker process: what was loaded for the last key, or why it did not load


def loaded(key: str, load: Callable[[], Any] | None = None):
    """In a worker process (of a LoadedWorkers pool, or of a Dask cluster): what `load()` gives
    for `key`, loaded once per process (a new key replaces the last one). A failure to load is
    kept and raised again each time, so that every batch reports it to the parent."""
    if key not in _loaded:
        _loaded.clear()
        try:
            if load is None:
                raise RuntimeError(f"nothing was loaded for {key!r} in this process")
            _loaded[key] = load()
        except Exception as exc:  # kept, and raised by each batch, so the parent reports it
            _loaded[key] = exc
    if isinstance(_loaded[key], Exception):
        raise _loaded[key]
    return _loaded[key]


class LoadedWorkers:
    """Worker processes of kbgen's own that each get `load()` (picklable: a module-level
    function or a partial of one) once, as they start, for the functions they run to find with
    loaded(LOCAL). This process only waits, and puts the results back in order. The workers
    start loading at once, so they can be started ahead of need (a build starts its NER workers
    before it reads the articles: they load spaCy meanwhile). Ctrl-C stops them."""

    def __init__(self, jobs: int, load: Callable[[], Any]):
        self.jobs = jobs
        self._pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context(start_method()),
            initializer=_start_worker,
            initargs=(load,),
        )
        # With fork, the first submit starts every worker: now, before any other thread exists.
        self._pool.submit(_nothing)

    def map(
        self, function: Callable[..., Any], items: Sequence, *args, done: Callable[[int], None] | None = None
    ) -> list:
        """`function(item, *args)` for every item, in the workers; the results in the items'
        order. `done(index)` is called as each item's ends (a progress bar)."""
        results: list = [None] * len(items)
        try:
            futures = {self._pool.submit(function, item, *args): index for index, item in enumerate(items)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                if done:
                    done(futures[future])
        except BaseException:
            self.stop()
            raise
        return results

    def stop(self) -> None:
        """End the workers now, even in the middle of loading or of a batch."""
        manager = getattr(self._pool, "_executor_manager_thread", None)
        _stop(self._pool)
        if manager is not None:
            manager.join()  # no thread of the pool left when the build forks its writers

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind, *_) -> None:
        self._pool.shutdown() if kind is None else self.stop()


def _nothing() -> None:
    pass


def _start_worker(load: Callable[[], Any]) -> None:
    """A local worker's initializer: Ctrl-C is left to the parent, the worker ends with its
    parent even when that one is killed, and `load()` is called now (a failure is raised by the
    first batch instead, which the parent reports cleanly)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        keep_freed_memory(libc)
    try:
        loaded(LOCAL, load)
    except Exception:
        pass


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters (glibc's malloc.h)


def keep_freed_memory(libc) -> None:
    """Keep the model's large arrays (megabytes per batch) in this worker's heap once freed.
    glibc would give them back to the system and map fresh pages for the next batch, which the
    kernel must zero: a noticeable share of a worker's CPU time went there (docs/performance.md;
    with transparent huge pages, 2 MB at a time). A worker lives for one extraction, so its
    memory is not held for long. Without glibc's mallopt, nothing changes."""
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is not None:
        mallopt(M_MMAP_THRESHOLD, 32 << 20)  # glibc's largest: arrays up to 32 MB come from the heap
        mallopt(M_TRIM_THRESHOLD, 1 << 30)  # and freed heap is kept, up to 1 GB


def start_method() -> str:
    """fork where it is safe, the fastest start: on Linux, from a process running no other thread
    (a build; this process has not imported spaCy unless it loaded a pipeline itself). Else
    forkserver (kbgen serve builds in a thread while others serve pages), or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the batches not started and end the workers now, not after their current batch."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # Python 3.14: pool.terminate_workers()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()


# --- forked batches ---------------------------------------------------------------------------

_THEN = object()  # stands for the `then` task among the processes running


def forked_batches(
    work: Callable[[Any], Any],
    first: list,
    rest: list,
    jobs: int,
    then: Callable[[list], Any] | None = None,
    doing: str = "working",
) -> tuple[list, Any]:
    """`work(batch)` for every batch of `first`, then of `rest`: their results in that order.
    As soon as every batch of `first` is done, `then(their results)` runs too, and what it gave
    comes second. With `jobs` > 1 (where processes can be forked), each batch runs in a
    process forked for it, up to `jobs` at a time, and `then` in one of its own beside the
    batches of `rest`, so that neither waits alone; else all of it runs here, in that order.

    A forked process inherits the build's memory (the data its batch is made from) without
    copying. Each lives for one batch only: every object it reads gets its memory page copied
    (its reference count is written), so one that lived through the whole build would end up
    with a copy of it. They are forked from this thread, never from a helper thread as a pool's
    replacement workers are: a fork taken while another thread holds a lock can leave the child
    waiting on it for ever. A process that dies before answering is an error that says it was
    `doing` something; an error raised in one (a template's) is raised here."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        results = [work(batch) for batch in first]
        outcome = then(results) if then else None
        return results + [work(batch) for batch in rest], outcome
    return _Forked(work, first, rest, jobs, doing).run(then)


class _Forked:
    """forked_batches() with several processes: which run, and what they sent back."""

    def __init__(self, work: Callable[[Any], Any], first: list, rest: list, jobs: int, doing: str):
        self.work, self.jobs, self.doing, self.first_count = work, jobs, doing, len(first)
        self.waiting = collections.deque(enumerate(first + rest))
        self.results: list = [None] * len(self.waiting)
        self.first_left = len(first)  # batches of `first` not yet done
        self.running: dict = {}  # the end of each process's pipe -> (the process, its batch's index or _THEN)
        self.context = multiprocessing.get_context("fork")

    def run(self, then: Callable[[list], Any] | None) -> tuple[list, Any]:
        outcome = None
        try:
            while self.waiting or self.running or then:
                if then and self.first_left == 0:
                    self._start(_THEN, functools.partial(then, self.results[: self.first_count]))
                    then = None
                # Beside `then` (Pagefind, `jobs` processes of its own), one batch fewer: each
                # holds memory of its own, and the batches left are light (the feeds).
                beside_then = any(tag is _THEN for _, tag in self.running.values())
                while self.waiting and len(self.running) - beside_then < (
                    max(1, self.jobs - 1) if beside_then else self.jobs
                ):
                    index, batch = self.waiting.popleft()
                    self._start(index, functools.partial(self.work, batch))
                for receiver in multiprocessing.connection.wait(list(self.running)):
                    tag, answer = self._receive(receiver)
                    if tag is _THEN:
                        outcome = answer
                    else:
                        self.results[tag] = answer
                        if tag < self.first_count:
                            self.first_left -= 1
        finally:
            for process, _ in self.running.values():
                process.terminate()
                process.join()
        return self.results, outcome

    def _start(self, tag, task: Callable[[], Any]) -> None:
        receiver, sender = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_answer, args=(task, sender), daemon=True)
        process.start()
        sender.close()
        self.running[receiver] = (process, tag)

    def _receive(self, receiver) -> tuple[Any, Any]:
        """What the process at the end of `receiver` sent back, once it has ended; its error raised."""
        process, tag = self.running.pop(receiver)
        try:
            answer = receiver.recv()
        except EOFError:  # it died before answering (killed, out of memory)
            process.join()
            answer = BuildError(
                [
                    Problem(
                        "kbgen",
                        None,
                        f"a process {self.doing} ended with status {process.exitcode}",
                        "build again; if it happens again, build with --jobs 1",
                    )
                ]
            )
        receiver.close()
        process.join()
        if isinstance(answer, BaseException):
            raise answer
        return tag, answer


def _answer(task: Callable[[], Any], sender) -> None:
    """In a forked process: `task()`, and what it gave or its error (a template's: the parent
    raises it) sent back."""
    # Not the parent's handlers (kbgen serve turns SIGTERM into KeyboardInterrupt): the parent
    # ends a process with SIGTERM, and Ctrl-C is for the parent.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        outcome = task()
    except Exception as exc:
        outcome = exc
    sender.send(outcome)
    sender.close()


# --- independent jobs in threads --------------------------------------------------------------


def in_threads(function: Callable[[Any], Any], items: Sequence, at_once: int) -> list:
    """`function(item)` for every item, `at_once` at a time, in threads of this process: for
    work that waits on another program (Pagefind), where threads cost nothing to start and
    share everything. The first error is raised once all have ended."""
    with ThreadPoolExecutor(max(1, min(at_once, len(items) or 1))) as pool:
        return list(pool.map(function, items))


def in_background(function: Callable[[], Any], name: str) -> threading.Thread:
    """`function()` in a thread of its own, not started: a service's loop (kbgen serve's watchers
    and rebuilds) that must not keep the process alive once the main thread ends."""
    return threading.Thread(target=function, name=name, daemon=True)


# --- a Dask distributed cluster ---------------------------------------------------------------


def dask_map(address: str, function: Callable[..., Any], items: Sequence, timeout: str, **keywords) -> list:
    """`function(item, **keywords)` for every item on the workers of the Dask cluster whose
    scheduler is at `address` (Dask's own scheduler: kbgen runs none of its own); the results
    in the items' order. Not being able to reach it in `timeout`, or Dask not being
    installed, is a clear error."""
    try:
        from distributed import Client
    except ImportError:
        raise BuildError(
            [
                Problem(
                    "--scheduler",
                    None,
                    "Dask's distributed package is not installed",
                    "install it with: pip install 'kbgen[dask]'",
                )
            ]
        ) from None
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise BuildError(
            [
                Problem(
                    "--scheduler",
                    None,
                    f"cannot reach the Dask scheduler at {address} ({exc})",
                    "start it (dask scheduler) and its workers, or build without --scheduler",
                )
            ]
        ) from None
    with client:
        return client.gather(client.map(function, items, pure=False, **keywords))


def default_jobs() -> int:
    """One process per core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
