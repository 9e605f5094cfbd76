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
AA_APDUS = 1  # INTERNAL AUTHENTICATE (active authentication)
SESSION_APDUS = 3 + AA_APDUS  # BAC: SELECT the application, GET CHALLENGE, EXTERNAL AUTHENTICATE
# PACE: SELECT MF, READ EF.CardAccess, MSE:Set AT, 4 × GENERAL AUTHENTICATE, SELECT the application
PACE_SESSION_APDUS = 8 + AA_APDUS


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
        bac = _read_figures(pace=False)
        return {**bac, "pace": _read_figures(pace=True)}
    finally:
        if started:
            daemon.stop()


def minimum_apdus(files: dict[int, bytes], chunk: int, session: int = SESSION_APDUS) -> int:
    """Access control and AA, then each file in chunks of `chunk` bytes: no APDU fewer can carry it all."""
    return session + sum(math.ceil(len(content) / chunk) for content in files.values())


def _read_figures(pace: bool) -> dict[str, Any]:
    """One read of the same persona's card: BAC-only with the MRZ data, or PACE with the CAN; both with
    the signature chained to the card's CSCA and active authentication."""
    with tempfile.TemporaryDirectory(prefix="kiosk-card-") as folder:
        card = _write_card(Path(folder), pace)
        return _measure(Path(folder), card, pace)


def _write_card(folder: Path, pace: bool) -> Any:
    from drivers.card.card_builder import DEFAULT_PACE, write_card_dir
    scenario = resources.files("backend_stub") / "data" / "demo.json"
    persona = next(p for p in json.loads(scenario.read_text("utf-8"))["personas"] if p["id"] == "renewal-ok")
    return write_card_dir(persona, folder, base_dir=Path(str(scenario)).parent, dg2_size=DG2_BYTES,
                          pace=DEFAULT_PACE if pace else None)


def _measure(folder: Path, card: Any, pace: bool) -> dict[str, Any]:
    from drivers.card.base import ChipKey
    from drivers.card.emrtd import DEFAULT_MAX_READ
    from drivers.card.pcsc import PcscReader
    emulator = subprocess.Popen([sys.executable, "-m", "kiosk", "card", "emulate", "--data", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    trusted = folder / "trusted"
    trusted.mkdir()
    (trusted / "csca.der").write_bytes(card.csca_certificate)
    reader = PcscReader(READER, allow_virtual=True, csca_dir=str(trusted))
    key = ChipKey(can=card.can) if pace else ChipKey(mrz=card.mrz_key)
    try:
        wait_for(lambda: reader.present, "the emulated card")
        cpu, wall = time.process_time(), time.perf_counter()
        result = reader.read(key)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)
        # pcscd notices the card leaving at its next presence poll: the next read must not meet it there
        wait_for(lambda: not reader.present, "the emulated card to leave")
        reader.close()
    least = minimum_apdus(card.files, DEFAULT_MAX_READ, PACE_SESSION_APDUS if pace else SESSION_APDUS)
    checks = result.passive_auth or {}
    return {"access": result.access, "apdus": result.apdus, "minimum_apdus": least,
            "apdu_ratio": round(result.apdus / least, 3),
            "ms": round(wall * 1000, 1), "kiosk_cpu_share": round(cpu / wall, 3),
            "kiosk_cpu_ms_per_apdu": round(cpu * 1000 / result.apdus, 3),
            "dg2_bytes": len(card.files[0x0102]), "hashes": checks.get("hashes"),
            "signature": checks.get("signature"), "active_auth": result.active_auth,
            "target_apdu_ratio": 1.10, "target_cpu_share": 0.10}
