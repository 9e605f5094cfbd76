"""Receipt slips on ESC/POS thermal printers through python-escpos.

A slip is first composed into bytes (`compose`, no I/O: the library's in-memory Dummy printer), then
sent to the printer in one write. The connection is opened for each slip and closed after it, so a
printer that was unplugged, switched off or refilled works again at the next slip.

Chinese text: printers sold in China print GB18030 in their Chinese (Kanji) mode, entered with FS &
and left with FS .; python-escpos's text encoder only knows single-byte code pages, so a line with
any non-ASCII character is sent as raw GB18030 bytes inside that mode, and an ASCII line as text.

python-escpos (and Pillow, PyYAML, qrcode it pulls in) is imported on first use, not with this module.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from drivers.errors import DeviceFault, NoDevice, NoMedia
from drivers.printer.base import PaperLevel, Slip
from drivers.printer.layout import wrap

if TYPE_CHECKING:
    from escpos.escpos import Escpos

log = logging.getLogger("drivers.printer")

SPEC_FORMAT = "'' or 'none' (no printer), 'dummy', 'file:/PATH', 'usb:VID:PID' (hex) or 'network:HOST[:PORT]'"

CHINESE_MODE_ON = b"\x1c&"  # FS &: double-byte (GB18030) characters from here
CHINESE_MODE_OFF = b"\x1c."  # FS .: back to single-byte characters
DOTS_PER_COLUMN = 12  # Font A is 12 dots wide: 48 columns on 80 mm paper (576 dots), 32 on 58 mm (384)
QR_MODULE_DOTS = 6  # 0.75 mm modules at 203 dpi, easy for a phone; smaller only for long payloads
QR_QUIET_MODULES = 8  # four modules of white on each side
NETWORK_PORT = 9100  # the raw ("JetDirect") port of network receipt printers
NETWORK_TIMEOUT_S = 10.0
STATUS_TIMEOUT_S = 2.0  # how long a real-time status query may wait for its answer

_GONE = frozenset({errno.ENODEV, errno.ENXIO, errno.ENOENT, errno.EPIPE, errno.ECONNRESET,
                   errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ESHUTDOWN})
"""Errors that say the printer went away; the Linux usblp driver reports paper out as ENOSPC."""

_escpos_loaded = False


def _load_escpos() -> None:
    """Import python-escpos and undo what its import does to the process: it calls logging.basicConfig()
    on the root logger, and caches its printer database in a new temporary directory every time."""
    global _escpos_loaded
    if _escpos_loaded:
        return
    root = logging.getLogger()
    handlers = list(root.handlers)
    import escpos.capabilities
    import escpos.printer  # noqa: F401

    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:  # then the cache is in a mkdtemp() of its own
        shutil.rmtree(escpos.capabilities.pickle_dir, ignore_errors=True)  # read at import only
    _escpos_loaded = True


def _profile(name: str | None, columns: int) -> Any:
    """The library's capability profile, given a paper width in pixels when it does not know one
    (the library prints a warning to stdout, and cannot centre images, without it)."""
    _load_escpos()
    from escpos.capabilities import get_profile

    try:
        profile = get_profile(name)
    except KeyError:
        raise ValueError(f"unknown python-escpos printer profile {name!r}") from None
    media = profile.profile_data.get("media", {})
    if not isinstance(media.get("width", {}).get("pixels"), int):
        data = dict(profile.profile_data)
        data["media"] = {**media, "width": {"mm": "Unknown", "pixels": columns * DOTS_PER_COLUMN}}
        profile.profile_data = data  # this instance only; the library's shared class keeps its own
    return profile


def _qr_module_dots(payload: str, paper_dots: int) -> int:
    """The largest module size up to QR_MODULE_DOTS at which the payload's code fits the paper."""
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(qrcode.util.QRData(payload.encode("utf-8"), mode=qrcode.util.MODE_8BIT_BYTE))
    code.make(fit=True)
    modules = 17 + 4 * int(code.version)
    return max(1, min(QR_MODULE_DOTS, paper_dots // (modules + QR_QUIET_MODULES)))


def _printable(text: str) -> list[str]:
    """The text's lines, with tabs expanded and control characters (which the printer would take
    for commands) turned into spaces."""
    lines = text.expandtabs(4).splitlines() or [""]
    return ["".join(" " if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in line) for line in lines]


class _Composer:
    """Writes one slip's commands into an in-memory python-escpos printer."""

    def __init__(self, columns: int, profile: Any) -> None:
        from escpos.printer import Dummy

        self.columns, self.paper_dots = columns, int(profile.profile_data["media"]["width"]["pixels"])
        self.out = Dummy()
        self.out.profile = profile  # the library takes a profile name or its own Profile class only

    def slip(self, slip: Slip) -> bytes:
        out = self.out
        out.hw("INIT")
        if slip.title:
            out.set(align="center", bold=True, custom_size=True, width=2, height=2)
            self.text(slip.title, self.columns // 2)
            out.set(align="left", bold=False, custom_size=True, width=1, height=1)
            out.ln()
        for line in slip.lines:
            self.text(line, self.columns)
        if slip.qr is not None:
            self.qr(slip.qr)
        if slip.footer:
            out.set(align="center")
            self.text(slip.footer, self.columns)
            out.set(align="left")
        out.cut()
        return bytes(out.output)

    def text(self, text: str, columns: int) -> None:
        """Print text wrapped to `columns`; wrapped-on pieces lose the spaces around the break."""
        for line in _printable(text):
            pieces = wrap(line, columns)
            self.line(pieces[0].rstrip(" "))
            for piece in pieces[1:]:
                if piece.strip(" "):
                    self.line(piece.strip(" "))

    def line(self, line: str) -> None:
        if line.isascii():
            self.out.text(line + "\n")
        else:
            chinese = line.encode("gb18030", errors="replace")
            self.out._raw(CHINESE_MODE_ON + chinese + CHINESE_MODE_OFF + b"\n")

    def qr(self, payload: str) -> None:
        from escpos.constants import QR_ECLEVEL_M

        native = bool(self.out.profile.supports("qrCode"))
        self.out.ln()
        self.out.set(align="center")  # ESC a centres native 2D codes too; the image path pads itself
        self.out.qr(payload, ec=QR_ECLEVEL_M, size=_qr_module_dots(payload, self.paper_dots), native=native,
                    center=not native)
        if native:
            self.out.ln()
        self.out.set(align="left")


def compose(slip: Slip, columns: int = 48, profile: str | None = None) -> bytes:
    """The ESC/POS bytes of one slip, from initialisation (ESC @) to the cut (GS V); no I/O."""
    return _Composer(columns, _profile(profile, columns)).slip(slip)


def _as_fault(exc: BaseException, name: str) -> DeviceFault:
    """The drivers.errors exception that tells who can fix what the library or the OS raised."""
    from escpos.exceptions import DeviceNotFoundError

    if isinstance(exc, DeviceNotFoundError):
        return NoDevice(f"{name} is not there: {exc}")
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return NoMedia(f"{name} is out of paper")
    if isinstance(exc, OSError) and exc.errno in _GONE:
        return NoDevice(f"{name} went away: {exc}")
    return DeviceFault(f"{name} failed: {type(exc).__name__}: {exc}")


class EscposPrinter:
    """A ReceiptPrinter over any python-escpos connection (Dummy, File, Usb, Network ...).

    Args:
        device: the python-escpos printer object; opened and closed around each slip.
        name: for messages and logs, e.g. "printer usb:0416:5011".
        columns: characters of Font A on one line: 48 for 80 mm paper, 32 for 58 mm.
        profile: a python-escpos capability profile name (e.g. "TM-T20II", "POS-5890"); the library's
            generic default (native QR codes, full cut) when None.
    """

    def __init__(self, device: Escpos, name: str = "printer", columns: int = 48,
                 profile: str | None = None) -> None:
        if columns < 2:
            raise ValueError(f"columns must be at least 2, not {columns}")
        self.name, self.columns = name, columns
        self._device, self._profile = device, profile
        self._lock = threading.Lock()
        _profile(profile, columns)  # a bad profile name fails here, not at the first slip

    @property
    def output(self) -> bytes:
        """Every byte printed so far, where the connection is the in-memory dummy; b"" otherwise."""
        return bytes(getattr(self._device, "output", b""))

    def print_slip(self, slip: Slip) -> None:
        """Print the slip and cut it off; raises NoDevice, NoMedia (paper out) or DeviceFault."""
        with self._lock, self._job():
            job = compose(slip, self.columns, self._profile)
            self._device.open()
            if self._paper_status() == 1:
                log.warning("%s: paper is running low", self.name)
            self._device._raw(job)

    def check(self) -> PaperLevel:
        """Open the connection and ask for the paper level, without printing."""
        with self._lock, self._job():
            self._device.open()
            status = self._paper_status()
        return "unknown" if status is None else "low" if status == 1 else "plenty"

    def close(self) -> None:
        with self._lock:
            self._close_quietly()

    @contextmanager
    def _job(self) -> Iterator[None]:
        """Close the connection after the job; turn whatever the library raised into a DeviceFault."""
        _load_escpos()
        try:
            yield
        except DeviceFault as fault:
            log.warning("%s", fault)
            raise
        except Exception as exc:
            error = _as_fault(exc, self.name)
            log.warning("%s", error, exc_info=type(error) is DeviceFault)
            raise error from exc
        finally:
            self._close_quietly()

    def _paper_status(self) -> int | None:
        """2 plenty, 1 low (raises NoMedia when out), asked with DLE EOT 4 where the connection can read
        answers (USB, network); None where it cannot (a device file, the dummy) or gets no answer in time."""
        from escpos.escpos import Escpos

        if type(self._device)._read is Escpos._read:
            return None
        sock: Any = getattr(self._device, "_device", None)  # the network printer's socket
        if hasattr(sock, "settimeout"):
            sock.settimeout(STATUS_TIMEOUT_S)
        try:
            status = int(self._device.paper_status())
        except (OSError, NotImplementedError) as exc:
            log.info("%s: no paper status (%s)", self.name, exc)
            return None
        finally:
            if hasattr(sock, "settimeout"):
                sock.settimeout(getattr(self._device, "timeout", NETWORK_TIMEOUT_S))
        if status == 0:
            raise NoMedia(f"{self.name} is out of paper")
        return status

    def _close_quietly(self) -> None:
        try:
            self._device.close()
        except Exception as exc:  # the library's close can fail in any way; nothing is left to do
            log.info("%s: closing failed: %s", self.name, exc)


def open_printer(spec: str, columns: int = 48, profile: str | None = None) -> EscposPrinter | None:
    """The printer a configuration string names, or None for "" and "none" (no printer).

    Specs: "dummy" keeps the bytes in memory (`.output`), "file:/dev/usb/lp0" writes to a device file
    (Linux's usblp driver; a regular file holds the last slip), "usb:0416:5011" opens a USB printer by
    vendor and product id in hex (needs pyusb), "network:192.0.2.7[:9100]" a network printer's raw port.
    Nothing is opened here: a missing printer shows at the first `check()` or `print_slip()`.

    Raises:
        ValueError: the spec, the columns or the profile are malformed.
        NoDevice: the spec needs a library that is not installed (pyusb for usb:).
    """
    kind, _, rest = spec.strip().partition(":")
    kind = kind.lower()
    if kind in ("", "none") and not rest:
        return None
    _load_escpos()
    from escpos import printer

    device: Escpos
    if kind == "dummy" and not rest:
        device = printer.Dummy()
    elif kind == "file" and rest:
        device = printer.File(devfile=rest)
    elif kind == "usb":
        vendor, product = _usb_ids(spec, rest)
        if not printer.Usb.is_usable():
            raise NoDevice(f"printer {spec!r} needs pyusb (pip install pyusb) and libusb; "
                           "or use file:/dev/usb/lp0 through the kernel's usblp driver")
        device = printer.Usb(vendor, product)
    elif kind == "network":
        host, port = _host_port(spec, rest)
        device = printer.Network(host, port, timeout=NETWORK_TIMEOUT_S)
    else:
        raise ValueError(f"bad printer spec {spec!r}: expected {SPEC_FORMAT}")
    return EscposPrinter(device, name=f"printer {spec.strip()}", columns=columns, profile=profile)


def _usb_ids(spec: str, rest: str) -> tuple[int, int]:
    try:
        vendor, product = (int(part, 16) for part in rest.split(":"))
    except ValueError:
        raise ValueError(f"bad printer spec {spec!r}: expected 'usb:VID:PID' in hex, e.g. usb:0416:5011"
                         ) from None
    if not (0 < vendor <= 0xFFFF and 0 < product <= 0xFFFF):
        raise ValueError(f"bad printer spec {spec!r}: expected 'usb:VID:PID', ids from 0001 to FFFF (hex)")
    return vendor, product


def _host_port(spec: str, rest: str) -> tuple[str, int]:
    host, port = rest, str(NETWORK_PORT)
    if rest.startswith("["):  # [IPv6]:port
        host, _, tail = rest[1:].partition("]")
        port = tail[1:] if tail.startswith(":") else (tail or port)
    elif rest.count(":") == 1:
        host, port = rest.split(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"bad printer spec {spec!r}: expected 'network:HOST[:PORT]', e.g. network:192.0.2.7")
    return host, int(port)
