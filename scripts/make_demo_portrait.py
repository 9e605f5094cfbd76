"""Regenerate src/backend_stub/data/faces/demo-face.jpg: the demo personas' chip portrait, Grace Hopper.

Run by hand (needs the test extra, for matplotlib): .venv/bin/python scripts/make_demo_portrait.py
The kiosk never runs this; the stub serves the JPEG it writes as the chip's DG2 portrait.

The demo camera loops demo_face_plain.jpg (Grace Hopper, made by scripts/make_demo_face.py), so the chip
portrait must show her too or face match refuses every demo session. It is made from matplotlib's original
portrait, not from that camera frame, so the demo match compares two different images of her (distance ≈ 0.1;
docs/face-match.md): the licence crop of drivers.camera.licence_photo (260 × 378, crown estimated from the
face mesh because the flag behind her is no plain backdrop), its JPEG quality the highest that keeps the file
under 18 KB (or 70, the licence floor: 18.2 KB): like the old portrait (19 KB) it fits the card benchmarks'
20 KB DG2 (tests/drivers/card).
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from drivers.camera.licence_photo import crop_licence_photo  # noqa: E402

OUT = ROOT / "src/backend_stub/data/faces/demo-face.jpg"
SIZE_RANGE = (14_000, 18_000)  # bytes; a DG2 portrait is typically 15–20 KB


def main() -> None:
    from matplotlib import cbook
    cv2.setNumThreads(1)  # one thread: the same bytes on every run
    portrait = cv2.imread(str(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)), cv2.IMREAD_COLOR)
    photo = crop_licence_photo(portrait, size_range=SIZE_RANGE)
    OUT.write_bytes(photo.jpeg)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(photo.jpeg)} bytes, quality {photo.quality})")


if __name__ == "__main__":
    main()
