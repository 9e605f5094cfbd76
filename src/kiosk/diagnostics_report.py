"""What the technician sees in diagnostics, and the bundle they can save: devices, readers, camera, back
office, outbox, storage, recent (masked) logs, configuration without secrets, versions, the audit trail.
Collected on a worker lane (it touches the network, the store and the disk)."""

from __future__ import annotations

import json
import platform
import shutil
import sys
import time
import zipfile
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from kiosk.config import Settings

SECRETS = {"token", "pin_hash", "client_cert"}
Section = dict[str, Any]  # {"title": str, "lines": [str]}


def config_without_secrets(settings: Any) -> dict[str, Any]:
    """The settings as plain data, every secret replaced by whether it is set."""
    if not is_dataclass(settings):
        return settings
    shown: dict[str, Any] = {}
    for field in fields(settings):
        value = getattr(settings, field.name)
        if field.name in SECRETS:
            shown[field.name] = "(set)" if value else "(not set)"
        elif is_dataclass(value):
            shown[field.name] = config_without_secrets(value)
        else:
            shown[field.name] = value
    return shown


def versions() -> list[str]:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    from kiosk.heartbeat import app_version
    lines = [f"licence-kiosk {app_version()}", f"Python {platform.python_version()}",
             f"Qt {qVersion()}, PySide6 {pyside}", f"{platform.system()} {platform.release()}"]
    cv2 = sys.modules.get("cv2")
    if cv2 is not None:
        lines.append(f"OpenCV {cv2.__version__}")
    return lines


def storage_lines(settings: Settings) -> list[str]:
    folder = Path(settings.data_dir).expanduser()
    lines = []
    if folder.exists():
        usage = shutil.disk_usage(folder)
        lines.append(f"disk free: {usage.free / 2**30:.1f} GiB of {usage.total / 2**30:.1f} GiB")
    database = settings.store_path
    lines.append(f"database: {database} ({database.stat().st_size / 1024:.0f} KiB)" if database.exists()
                 else f"database: {database} (not created yet)")
    return lines


def save_bundle(report: list[Section], config: dict[str, Any], logs: list[str], folder: Path,
                kiosk_id: str) -> Path:
    """A zip the technician takes away: the report, masked logs, the configuration without secrets."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"diagnostics-{kiosk_id}-{time.strftime('%Y%m%d-%H%M%S')}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("report.json", json.dumps(report, ensure_ascii=False, indent=2))
        bundle.writestr("config.json", json.dumps(config, ensure_ascii=False, indent=2, default=str))
        bundle.writestr("logs.txt", "\n".join(logs) + "\n")
    return path


def bundle_folders(default: Path) -> list[str]:
    """Where a bundle can go: the kiosk's own folder, and any mounted removable medium."""
    media = [p for root in (Path("/media"), Path("/run/media")) if root.is_dir()
             for p in sorted(root.glob("*/*")) + sorted(root.glob("*")) if p.is_dir() and p.is_mount()]
    return [str(default)] + [str(p) for p in media]
