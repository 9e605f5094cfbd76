"""The codebase's own rules, checked as tests: layers (DESIGN.md §2), lint, types, translations."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_layer_contracts_are_kept() -> None:
    result = run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_ruff_is_clean() -> None:
    result = run(str(BIN / "ruff"), "check", "src", "tests")
    assert result.returncode == 0, result.stdout[-3000:]


def test_mypy_is_clean_on_flows_drivers_kiosk() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_ui_string_is_translated_and_the_catalogue_is_current(tmp_path: Path) -> None:
    i18n = ROOT / "src/ui/i18n"
    fresh = tmp_path / "kiosk_zh.ts"
    shutil.copy(i18n / "kiosk_zh.ts", fresh)
    qml = sorted(str(p) for p in (ROOT / "src/ui/qml").rglob("*.qml"))
    assert run(str(BIN / "pyside6-lupdate"), *qml, "-ts", str(fresh), "-no-obsolete").returncode == 0
    messages = list(ET.parse(fresh).getroot().iter("message"))
    untranslated = [m.findtext("source") for m in messages
                    if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert messages and untranslated == []
    compiled = tmp_path / "kiosk_zh.qm"
    assert run(str(BIN / "pyside6-lrelease"), str(i18n / "kiosk_zh.ts"), "-qm", str(compiled)).returncode == 0
    assert compiled.read_bytes() == (i18n / "kiosk_zh.qm").read_bytes(), "run: make i18n"


def test_the_start_up_path_loads_no_heavy_library() -> None:
    """The attract screen paints before numpy/OpenCV, requests, sqlite-utils and the flow machinery
    load (kiosk/deferred.py); an import added at module level anywhere on that path breaks this."""
    code = ("import sys, kiosk.app; heavy = {'numpy', 'cv2', 'requests', 'sqlite_utils', 'statemachine'};"
            "print(sorted(heavy & set(sys.modules)))")
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


# Words that are the same in every language: each language's own name, and the bullet before a line.
# ● hides a PIN's digits; "CAN 482913" is the print of a card in a picture of it, not words
NOT_TRANSLATED = {"中文", "English", "中文 · English", "• ", "●", "CAN 482913"}
TEXT_PROPERTY = re.compile(
    r"\b(text|title|message|placeholderText|Accessible\.name|label|hint|mainText|spoken)\s*:\s*\"([^\"]*)\"")


def test_no_user_visible_string_bypasses_translation() -> None:
    """A literal given to a visible property must go through qsTr (and so into the catalogue above)."""
    literals = [f"{path.name}: {match.group(2)!r}" for path in sorted((ROOT / "src/ui/qml").rglob("*.qml"))
                for match in TEXT_PROPERTY.finditer(path.read_text(encoding="utf-8"))
                if match.group(2) not in NOT_TRANSLATED]
    assert literals == []


def test_the_qt_bindings_keep_references_to_none_and_the_bools(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 under Python 3.11 dropped a reference to None or a bool on every call returning
    nothing: a kiosk running for hours aborted ("deallocating None"). pyproject keeps it out; this
    catches any version that brings it back."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class Source(QObject):
        ticked = Signal(int)
    timer, source = QTimer(singleShot=True), Source()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(500):
        timer.start(60_000)
        timer.stop()
        source.ticked.emit(1)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert all(now >= then for now, then in zip(after, before, strict=True)), (before, after)
