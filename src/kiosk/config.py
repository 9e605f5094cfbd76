"""The kiosk's configuration: one TOML file, every key with a default, validated at start.

Unknown or ill-typed keys stop the kiosk with a message naming the key (exit code 2).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from drivers.camera.thresholds import PhotoThresholds  # plain dataclass: no OpenCV, no numpy
from kiosk.crash_loop import DEFAULT_LIMIT, DEFAULT_WINDOW_S  # plain constants: nothing runs at import
from kiosk.errors import UsageError

LANGUAGES = ("zh", "en")
ACCESS_POLICIES = ("pace-preferred", "pace-required")
PRINTER_SPEC = re.compile(
    r"|none|dummy|file:.+|usb:[0-9a-fA-F]{4}:[0-9a-fA-F]{4}|network:[^:\s]+(:[0-9]{1,5})?")


@dataclass(frozen=True)
class BackOffice:
    url: str = "http://127.0.0.1:8700"
    token: str = field(default="", repr=False)  # a secret: never printed or logged
    ca_bundle: str = ""
    client_cert: str = ""
    connect_timeout_s: float = 3.0
    read_timeout_s: float = 10.0
    heartbeat_interval_s: float = 60.0
    payment_poll_s: float = 2.0  # how often a pending fee payment is asked about
    payment_timeout_s: float = 300.0  # how long the kiosk waits for a payment before offering a retry


@dataclass(frozen=True)
class Store:
    path: str = ""  # the SQLite file; default: <data_dir>/kiosk.db
    retention_days: float = 7.0  # delivered applications keep photo and personal fields this long
    outbox_interval_s: float = 30.0  # how often queued applications are retried
    retry_max_s: float = 300.0  # the longest back-off between two attempts of one application


@dataclass(frozen=True)
class Devices:
    card: str = "simulated"  # simulated | pcsc
    reader: str = ""  # reader name pattern (fnmatch) for pcsc; never "the first reader"
    allow_virtual_reader: bool = False  # QA only: vsmartcard's "Virtual PCD" must never serve citizens
    camera: str = "simulated"  # simulated | a V4L2 device index or path
    camera_image: str = ""  # simulated camera: image or video to loop (default: the packaged demo face)
    camera_width: int = 640
    camera_height: int = 480
    camera_fps: float = 15.0
    printer: str = ""  # "" (none) | dummy | file:/dev/usb/lp0 | usb:VID:PID | network:HOST[:PORT]


@dataclass(frozen=True)
class Chip:
    # pace-preferred: PACE where the card offers it, BAC where it does not (a PACE failure on a card that
    # offers it falls back only with the MRZ data, and says so); pace-required: no PACE, no read.
    access_policy: str = "pace-preferred"
    # Trusted country signing CA certificates (DER or PEM files). Empty: signatures are left unchecked,
    # and `selftest` says so; a chip whose data, signature or active authentication fails is refused.
    csca_dir: str = ""


@dataclass(frozen=True)
class Screen:
    fullscreen: bool = True
    width: int = 1080
    height: int = 1920
    language: str = "zh"
    idle_delay_s: int = 120  # a step left untouched this long asks "more time?" (DOMAIN.md §11.4)
    idle_warning_s: int = 30  # then this long to continue with one touch before the session is wiped
    # Steps that need longer than idle_delay_s (typing, paying on a phone); per screen name.
    idle_delays_s: dict[str, int] = field(default_factory=lambda: {
        "access_key": 180, "photo": 180, "delivery": 180, "self_declaration": 180, "paying": 400})
    care_time_factor: float = 2.0  # care mode (关怀模式) gives every step this much more time


@dataclass(frozen=True)
class Voice:
    engine: str = "speechd"  # QtTextToSpeech engine: speechd (speech-dispatcher + espeak-ng) | mock | none
    volume: float = 0.7  # every session starts at this volume (0–1)


@dataclass(frozen=True)
class Metrics:
    enabled: bool = False  # opt-in Prometheus endpoint on 127.0.0.1 only (kiosk/metrics.py)
    port: int = 9464


@dataclass(frozen=True)
class Service:
    # Unclean starts within the window before the kiosk starts out of service (kiosk/crash_loop.py); 0: off.
    # Kept below the unit's StartLimitBurst=10 in 600 s, so the guard trips while systemd still restarts.
    crash_loop_limit: int = DEFAULT_LIMIT
    crash_loop_window_s: float = DEFAULT_WINDOW_S


@dataclass(frozen=True)
class Diagnostics:
    pin_hash: str = field(default="", repr=False)  # `kiosk diagnostics pin-hash`; empty: diagnostics off
    max_attempts: int = 5  # wrong PINs in a row before the gate locks
    lockout_s: float = 300.0
    bundle_dir: str = ""  # default: <data_dir>/diagnostics (a mounted USB stick is offered too)


@dataclass(frozen=True)
class PhotoSettings:
    thresholds: PhotoThresholds = field(default_factory=PhotoThresholds)  # docs/photo-quality.md
    auto_capture: bool = True  # the countdown takes the photo once every check holds
    steady_s: float = 1.0  # checks must hold this long before the countdown starts
    countdown_s: float = 3.0  # 3-2-1
    preview_fps: float = 12.0
    max_attempts: int = 3  # rejected captures before staff help is offered
    jpeg_min_bytes: int = 14_000  # the licence photo's file size range (PHOTO.md §1.1: typically 14–30 KB)
    jpeg_max_bytes: int = 30_000
    face_match: bool = True  # compare the capture with the chip's portrait (false: staff check every time)


@dataclass(frozen=True)
class Settings:
    office: str = "371500"  # Liaocheng: the administrative division code of this kiosk's office
    kiosk_id: str = "kiosk-dev"
    service_window: str = "1"  # the staffed window this kiosk refers citizens to (shown and printed)
    log_level: str = "INFO"
    data_dir: str = "~/.local/share/licence-kiosk"
    back_office: BackOffice = field(default_factory=BackOffice)
    devices: Devices = field(default_factory=Devices)
    chip: Chip = field(default_factory=Chip)
    screen: Screen = field(default_factory=Screen)
    store: Store = field(default_factory=Store)
    photo: PhotoSettings = field(default_factory=PhotoSettings)
    voice: Voice = field(default_factory=Voice)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    metrics: Metrics = field(default_factory=Metrics)
    service: Service = field(default_factory=Service)

    @property
    def store_path(self) -> Path:
        return Path(self.store.path or Path(self.data_dir) / "kiosk.db").expanduser()


def load_settings(path: Path | None) -> Settings:
    """Defaults, overlaid with the TOML file when one is given."""
    if path is None:
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"config {path}: cannot read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"config {path}: not valid TOML ({error})") from None
    settings = _overlay(Settings(), raw, prefix="")
    return validate(settings)


def validate(settings: Settings) -> Settings:
    """Cross-field checks the types alone cannot express."""
    if settings.screen.language not in LANGUAGES:
        raise UsageError(f"config key screen.language: must be one of {', '.join(LANGUAGES)}")
    if not (settings.office.isdigit() and len(settings.office) == 6):
        raise UsageError("config key office: must be a 6-digit administrative division code")
    if settings.screen.idle_delay_s < 20 or min(settings.screen.idle_delays_s.values(), default=20) < 20:
        raise UsageError("config key screen.idle_delay_s / idle_delays_s: must be at least 20 seconds")
    if settings.screen.idle_warning_s < 20 or settings.screen.care_time_factor < 1:
        raise UsageError("config key screen: idle_warning_s must be ≥ 20 (DOMAIN.md §11) and "
                         "care_time_factor ≥ 1")
    if settings.voice.engine not in ("speechd", "mock", "none") or not 0 <= settings.voice.volume <= 1:
        raise UsageError("config key voice: engine is speechd, mock or none; volume is 0 to 1")
    image = settings.devices.camera_image
    if image and not Path(image).expanduser().is_file():
        raise UsageError(f"config key devices.camera_image: no such file {image}")
    if settings.store.retention_days < 0 or settings.store.outbox_interval_s < 1:
        raise UsageError("config key store: retention_days must be ≥ 0 and outbox_interval_s ≥ 1")
    if settings.back_office.payment_poll_s < 0.2 or settings.back_office.heartbeat_interval_s < 5:
        raise UsageError("config key back_office: payment_poll_s must be ≥ 0.2 and heartbeat_interval_s ≥ 5")
    if settings.back_office.payment_timeout_s < 0:
        raise UsageError("config key back_office.payment_timeout_s: must be ≥ 0")
    if not 1 <= settings.metrics.port <= 65535:
        raise UsageError("config key metrics.port: 1 to 65535")
    if settings.service.crash_loop_limit < 0 or settings.service.crash_loop_window_s < 60:
        raise UsageError("config key service: crash_loop_limit ≥ 0 (0: off), crash_loop_window_s ≥ 60")
    if not PRINTER_SPEC.fullmatch(settings.devices.printer):
        raise UsageError("config key devices.printer: \"\", none, dummy, file:PATH, usb:VID:PID (hex) "
                         "or network:HOST[:PORT]")
    if not 0 < len(settings.service_window) <= 8:
        raise UsageError("config key service_window: 1 to 8 characters, e.g. \"3\"")
    if settings.chip.access_policy not in ACCESS_POLICIES:
        raise UsageError(f"config key chip.access_policy: one of {', '.join(ACCESS_POLICIES)}")
    csca = settings.chip.csca_dir
    if csca and not Path(csca).expanduser().is_dir():
        raise UsageError(f"config key chip.csca_dir: no such folder {csca}")
    if not settings.back_office.url.startswith(("http://", "https://")):
        raise UsageError("config key back_office.url: must start with http:// or https://")
    return settings


def _overlay(section: Any, raw: dict[str, Any], prefix: str) -> Any:
    known = {f.name: f for f in fields(section)}
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        name = f"{prefix}{key}"
        if key not in known:
            raise UsageError(f"config key {name}: unknown key")
        current = getattr(section, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise UsageError(f"config key {name}: must be a table")
            changes[key] = _overlay(current, value, prefix=f"{name}.")
        else:
            changes[key] = _coerce(name, current, value)
    try:
        return replace(section, **changes)
    except ValueError as error:  # a section that checks its own values (photo thresholds)
        raise UsageError(f"config key {prefix.rstrip('.') or 'settings'}: {error}") from None


def _coerce(name: str, default: Any, value: Any) -> Any:
    if isinstance(default, dict):  # a table of names to whole numbers (screen.idle_delays_s)
        if not isinstance(value, dict) or not all(type(v) is int for v in value.values()):
            raise UsageError(f"config key {name}: must be a table of whole numbers")
        return dict(value)
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if type(value) is not expected:
        raise UsageError(f"config key {name}: must be {expected.__name__}, got {type(value).__name__}")
    return value
