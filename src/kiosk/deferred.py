"""Collaborators built after the attract screen is painted.

numpy/OpenCV and requests cost ~350 ms to import. The citizen's first sight of the kiosk should not
wait for them: the camera and the back-office client start as `Deferred` proxies, warmed up on a
worker lane right after the first frame, or built on first use if someone is quicker than that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Deferred(Generic[T]):
    """Forwards every attribute to the object `factory` builds, building it once, thread-safely."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._target: T | None = None

    @property
    def built(self) -> bool:
        return self._target is not None

    def get(self) -> T:
        with self._lock:
            if self._target is None:
                self._target = self._factory()
            return self._target

    def close(self) -> None:
        """Close the real object if it was ever built; never build it just to close it."""
        target = self._target
        if target is not None:
            target.close()  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.get(), name)
