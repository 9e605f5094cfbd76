"""`kiosk card readers | read | emulate` (DESIGN.md §4.1, §4.4): technicians' and QA's card tools."""

from __future__ import annotations

import argparse
import json
import signal
import threading
import time
from pathlib import Path
from typing import Any

from drivers.card.base import CardRead
from drivers.errors import AccessDenied, CardRemoved, DeviceFault, NoDevice
from kiosk.card_access import authenticity_problem, read_problem
from kiosk.errors import UsageError

CARD_WAIT_S = 10.0  # how long `card read` waits for a card to be laid on the reader


def readers(args: argparse.Namespace) -> int:
    import fnmatch

    from drivers.card.pcsc import VIRTUAL_READERS, list_readers
    try:
        names = list_readers()
    except NoDevice as error:
        raise UsageError(str(error)) from None
    listed = [{"name": name, "virtual": fnmatch.fnmatch(name, VIRTUAL_READERS)} for name in names]
    print(json.dumps({"readers": listed}) if args.json else "\n".join(names) or "no readers")
    return 0


def read(args: argparse.Namespace) -> int:
    """Read one eMRTD through PC/SC; exit 1 when the card refuses the key or cannot be read."""
    key = _chip_key(args)
    reader = _open_reader(args.reader or "", args.policy, str(args.csca or ""))
    started = time.perf_counter()
    try:
        _wait_for_card(reader, CARD_WAIT_S)
        result = reader.read(key)
    except AccessDenied as error:
        refused = {"error": "ACCESS_DENIED", "detail": str(error)[:200],
                   "retries_left": getattr(error, "retries_left", None)}  # the chip's counter (63 Cx)
        print(json.dumps(refused) if args.json else f"the card refused the access data: {refused['detail']}")
        return 1
    except DeviceFault as error:
        code = read_problem(error)
        detail = str(error)[:200]
        print(json.dumps({"error": code, "detail": detail}) if args.json else f"card not read: {detail}")
        return 1
    finally:
        reader.close()
    report = card_report(reader.name, reader.last_atr, result, (time.perf_counter() - started) * 1000)
    if args.portrait and result.portrait:
        Path(args.portrait).write_bytes(result.portrait)
    print(json.dumps(report, ensure_ascii=False) if args.json else _card_text(report))
    return 1 if authenticity_problem(result) else 0  # a chip that fails authenticity is a domain failure


def emulate(args: argparse.Namespace) -> int:
    """Serve a card from a folder (or a persona of a scenario file) in vpcd until stopped or removed."""
    from drivers.card.card_builder import build_card, load_card
    from drivers.card.vpcd import VpcdCard
    built = load_card(Path(args.data)) if args.data else build_card(_persona(args))
    card = VpcdCard(built.chip(), port=args.port)
    try:
        card.insert()
    except OSError as error:
        raise UsageError(f"vpcd is not listening on port {args.port} ({error.strerror}): is pcscd running "
                         "with vsmartcard-vpcd installed?") from None
    signal.signal(signal.SIGTERM, lambda *_: card.remove())
    print(f"card inserted into vpcd on port {args.port}", flush=True)
    card.serve()
    return 0


def _wait_for_card(reader: Any, timeout_s: float) -> None:
    """A card laid down a moment ago is reported at pcscd's next presence poll: wait for the event."""
    arrived = threading.Event()

    def note(present: bool) -> None:
        if present:
            arrived.set()
    reader.add_listener(note)
    if not (reader.present or arrived.wait(timeout_s)):
        raise CardRemoved(f"no card on {reader.name} after {timeout_s:.0f} s")


def card_report(reader: str, atr: bytes, result: CardRead, ms: float) -> dict[str, Any]:
    """The JSON of DESIGN.md §4.4."""
    doc = result.document
    portrait = _portrait_info(result)
    return {
        "reader": reader, "atr": atr.hex().upper(), "access": result.access,
        "document": {"kind": doc.kind, "code": doc.code, "issuer": doc.issuer, "number": doc.number,
                     "expiry_date": doc.expiry_date.isoformat()},
        "holder": {"surname": doc.surname, "given_names": doc.given_names, "full_name": doc.full_name,
                   "nationality": doc.nationality, "birth_date": doc.birth_date.isoformat(), "sex": doc.sex,
                   "personal_number": doc.personal_number, "address": doc.address},
        "portrait": portrait,
        "passive_auth": result.passive_auth or {"hashes": "absent", "signature": "unchecked"},
        "active_auth": result.active_auth,
        "access_note": result.access_note,
        "timing": {"apdus": result.apdus, "ms": round(ms, 1)},
    }


def _portrait_info(result: CardRead) -> dict[str, Any]:
    if not result.portrait:
        return {"format": None, "width": 0, "height": 0, "bytes": 0}
    import cv2
    import numpy as np
    image = cv2.imdecode(np.frombuffer(result.portrait, np.uint8), cv2.IMREAD_COLOR)
    height, width = image.shape[:2] if image is not None else (0, 0)
    return {"format": result.portrait_format, "width": width, "height": height, "bytes": len(result.portrait)}


def _chip_key(args: argparse.Namespace) -> Any:
    from drivers.card.base import ChipKey
    if args.can:
        if not (args.can.isdigit() and 4 <= len(args.can) <= 10):
            raise UsageError("--can takes the card access number printed on the card (digits, usually 6)")
        return ChipKey(can=args.can)
    return ChipKey(mrz=_mrz_key(args))


def _mrz_key(args: argparse.Namespace) -> Any:
    from drivers.card.mrz import MrzKey
    parts = [part.strip() for part in args.mrz.split(",")]
    if len(parts) != 3:
        raise UsageError("--mrz takes DOCNO,YYMMDD,YYMMDD (document number, birth date, expiry date)")
    try:
        return MrzKey(parts[0].upper(), parts[1], parts[2])
    except ValueError as error:
        raise UsageError(f"--mrz: {error}") from None


def _open_reader(pattern: str, policy: str = "pace-preferred", csca_dir: str = "") -> Any:
    from drivers.card.pcsc import PcscReader
    if csca_dir and not Path(csca_dir).is_dir():
        raise UsageError(f"--csca: no such folder {csca_dir}")
    try:  # naming a virtual reader on the command line is the explicit configuration QA needs
        return PcscReader(pattern, allow_virtual="virtual" in pattern.lower(), policy=policy,
                          csca_dir=csca_dir)
    except NoDevice as error:
        raise UsageError(str(error)) from None


def _persona(args: argparse.Namespace) -> dict[str, Any]:
    from importlib import resources
    shipped = resources.files("backend_stub") / "data" / "demo.json"
    path = Path(args.scenarios) if args.scenarios else Path(str(shipped))
    scenario = json.loads(path.read_text(encoding="utf-8"))
    for persona in scenario.get("personas", []):
        if persona.get("id") == args.persona:
            portrait = persona["document"].get("portrait")
            if portrait:
                persona["document"]["portrait"] = str((path.parent / portrait).resolve())
            return dict(persona)
    raise UsageError(f"unknown persona {args.persona!r} in {path}")


def _card_text(report: dict[str, Any]) -> str:
    holder, document = report["holder"], report["document"]
    name = holder["full_name"] or holder["surname"]
    timing, checks = report["timing"], report["passive_auth"]
    return (f"{report['reader']}: {document['kind']} {document['number']} of {name} ({report['access']}), "
            f"hashes {checks['hashes']}, signature {checks['signature']}, active authentication "
            f"{report['active_auth']}, {timing['apdus']} APDUs in {timing['ms']} ms")
