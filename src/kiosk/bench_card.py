"""The card figures of `kiosk bench` (DESIGN.md §5): a full eMRTD read through pcscd and the emulator.

The card (DG1, a ~20 KB DG2, DG11, EF.COM, EF.SOD) is served by `kiosk card emulate` in a process of its
own, so this process's CPU time is the kiosk's reading code alone (pyscard, secure messaging, parsing).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

from kiosk.pcscd import READER, Pcscd, PcscdUnavailable, wait_for

DG2_BYTES = 20_000
SESSION_APDUS = 3  # SELECT the application, GET CHALLENGE, EXTERNAL AUTHENTICATE


def card_read_figures() -> dict[str, Any]:
    """Measured APDUs and time, the minimum APDU count the chunk size allows, and the kiosk's CPU share."""
    daemon = Pcscd()
    started = False
    if not daemon.serving():  # a QA pcscd already running (the test suite's) is used as it is
        try:
            daemon.start()
            started = True
        except PcscdUnavailable as why:
            return {"skipped": str(why)}
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-card-") as folder:
            card = _write_card(Path(folder))
            return _measure(Path(folder), card)
    finally:
        if started:
            daemon.stop()


def minimum_apdus(files: dict[int, bytes], chunk: int) -> int:
    """Authentication, then each file in chunks of `chunk` bytes: no APDU fewer can carry it all."""
    return SESSION_APDUS + sum(math.ceil(len(content) / chunk) for content in files.values())


def _write_card(folder: Path) -> Any:
    from drivers.card.card_builder import write_card_dir
    scenario = resources.files("backend_stub") / "data" / "demo.json"
    persona = next(p for p in json.loads(scenario.read_text("utf-8"))["personas"] if p["id"] == "renewal-ok")
    return write_card_dir(persona, folder, base_dir=Path(str(scenario)).parent, dg2_size=DG2_BYTES)


def _measure(folder: Path, card: Any) -> dict[str, Any]:
    from drivers.card.emrtd import DEFAULT_MAX_READ
    from drivers.card.pcsc import PcscReader
    emulator = subprocess.Popen([sys.executable, "-m", "kiosk", "card", "emulate", "--data", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    reader = PcscReader(READER, allow_virtual=True)
    try:
        wait_for(lambda: reader.present, "the emulated card")
        cpu, wall = time.process_time(), time.perf_counter()
        result = reader.read(card.mrz_key)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        reader.close()
        emulator.terminate()
        emulator.wait(timeout=10)
    least = minimum_apdus(card.files, DEFAULT_MAX_READ)
    return {"apdus": result.apdus, "minimum_apdus": least, "apdu_ratio": round(result.apdus / least, 3),
            "ms": round(wall * 1000, 1), "kiosk_cpu_share": round(cpu / wall, 3),
            "kiosk_cpu_ms_per_apdu": round(cpu * 1000 / result.apdus, 3),
            "dg2_bytes": len(card.files[0x0102]), "hashes": (result.passive_auth or {}).get("hashes"),
            "target_apdu_ratio": 1.10, "target_cpu_share": 0.10}
