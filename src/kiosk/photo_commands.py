"""`kiosk photo check` and `kiosk photo crop` (DESIGN.md §4.1, §4.5): the photo checks on image files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.errors import UsageError


def check(args: argparse.Namespace) -> int:
    """One JSON object per image; exit 1 when any image is rejected."""
    from drivers.camera.quality import analyse
    reports = [_report(path, analyse(_load(path)), args.lang) for path in args.images]
    for report in reports:
        print(json.dumps(report, ensure_ascii=False) if args.json else _text(report))
    return 0 if all(report["verdict"] == "accept" for report in reports) else 1


def crop(args: argparse.Namespace) -> int:
    """The licence photo (260 × 378 JPEG) of one image; exit 1 when it has no usable face."""
    from drivers.camera.licence_photo import crop_licence_photo
    from drivers.errors import UnreadableMedia
    try:
        photo = crop_licence_photo(_load(args.image))
    except UnreadableMedia as error:
        print(f"no licence photo in {args.image}: {error}")
        return 1
    args.out.write_bytes(photo.jpeg)
    print(f"{args.out}: {photo.width}×{photo.height}, {len(photo.jpeg)} bytes")
    return 0


def _load(path: Path) -> Any:
    import cv2
    import numpy as np
    data = np.fromfile(str(path), dtype=np.uint8) if path.is_file() else np.zeros(0, np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise UsageError(f"{path}: not an image file")
    return image


def _report(path: Path, analysis: Any, language: str) -> dict[str, Any]:
    return {"image": str(path), "verdict": analysis.verdict, "faces": len(analysis.faces),
            "measures": [m.as_dict(language) for m in analysis.measures]}


def _text(report: dict[str, Any]) -> str:
    failed = [f"{m['name']} ({m['hint']})" for m in report["measures"] if not m["pass"]]
    return f"{report['image']}: {report['verdict']}" + (f" — {'; '.join(failed)}" if failed else "")
