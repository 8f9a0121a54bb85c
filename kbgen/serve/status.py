"""What `kbgen serve` tells open pages about its builds, shared by the rebuild thread (which
changes it) and the request threads (which serve and stream it)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Status:
    """What open pages are told. `build` counts good builds and previews: a page from an older
    one reloads."""

    build: int = 0
    attempts: int = 0  # finished builds, good or failed
    ok: bool = True
    building: bool = False
    errors: tuple[str, ...] = ()  # the problems of the last build, when it failed
    # Pages served in place of the output's files (by path) until the build under way ends.
    previews: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "build": self.build,
                "attempts": self.attempts,
                "ok": self.ok,
                "building": self.building,
                "errors": list(self.errors),
            }
        ).encode()


class LiveState:
    """The current Status, shared by the builder thread and every request thread."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._status = Status()
        self.stopped = False

    @property
    def status(self) -> Status:
        return self._status

    def update(self, **changes) -> Status:
        with self._changed:
            self._status = replace(self._status, **changes)
            self._changed.notify_all()
            return self._status

    def change(self, changed: Callable[[Status], Status]) -> Status:
        """The status made by `changed` from the current one, with no other change in between
        (update() takes values read before it)."""
        with self._changed:
            self._status = changed(self._status)
            self._changed.notify_all()
            return self._status

    def wait(self, seen: Status | None, timeout: float) -> Status:
        """The status once it is no longer `seen` (or after `timeout`, or on stop)."""
        with self._changed:
            self._changed.wait_for(lambda: self._status is not seen or self.stopped, timeout)
            return self._status

    def stop(self) -> None:
        with self._changed:
            self.stopped = True
            self._changed.notify_all()
