"""The automatic photographer's patience: a countdown that starts only once the photo checks have held
steady for a moment, restarts whenever they fail, and fires once at zero (PHOTO.md §7).

Pure: time comes in with each preview analysis, so tests drive it without waiting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class GuideState:
    hint: str  # the one thing to fix now (a machine code the screens translate), or "" when all is well
    countdown: int  # 3, 2, 1 while counting down; 0 otherwise
    fire: bool  # take the photo now


class PhotoGuide:
    """Feed it every preview analysis; it says what to show and when to shoot."""

    def __init__(self, steady_s: float = 1.0, countdown_s: float = 3.0) -> None:
        self._steady_s, self._countdown_s = steady_s, countdown_s
        self._good_since: float | None = None
        self._fired = False

    def update(self, now: float, passed: bool, hint: str = "") -> GuideState:
        if not passed:
            self._good_since = None
            return GuideState(hint or "ADJUST", 0, False)
        if self._good_since is None:
            self._good_since = now
        remaining = self._steady_s + self._countdown_s - (now - self._good_since)
        if remaining > self._countdown_s:
            return GuideState("", 0, False)  # holding still before the countdown starts
        if remaining > 0:
            return GuideState("", math.ceil(remaining), False)
        fire, self._fired = not self._fired, True
        return GuideState("", 0, fire)

    def reset(self) -> None:
        """A new attempt (after a retake or a rejected capture)."""
        self._good_since = None
        self._fired = False
