"""Checks before Qt starts: a missing display or library must be one clear line, not an abort."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

from kiosk.errors import EnvironmentFault


def prepare_headless() -> None:
    """QA, screenshots and benchmarks render offscreen unless told otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")


def check_display() -> None:
    """Qt aborts the process when it finds no platform; say what is missing first."""
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise EnvironmentFault("no display: set DISPLAY (or WAYLAND_DISPLAY), or QT_QPA_PLATFORM=offscreen")


def check_platform_plugin() -> None:
    """Load the platform plugin's library first: a missing system library is one line, not an abort."""
    import PySide6
    name = (os.environ.get("QT_QPA_PLATFORM") or ("wayland" if os.environ.get("WAYLAND_DISPLAY") else "xcb"))
    name = name.split(":")[0]
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / f"libq{name}.so"
    if not plugin.exists():
        return  # another platform layout (a bundle, a distribution Qt): let Qt speak for itself
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        raise EnvironmentFault(f"Qt platform plugin {name!r} cannot load: {error} "
                               "(run scripts/setup.sh to install the system libraries)") from None


def import_qt() -> None:
    """Import the Qt modules the kiosk needs; a missing system library is named."""
    try:
        import PySide6.QtGui  # noqa: F401
        import PySide6.QtQuick  # noqa: F401
    except ImportError as error:
        raise EnvironmentFault(f"Qt cannot load: {error} (run scripts/setup.sh to install it)") from None
