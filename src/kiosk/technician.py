"""Diagnostics mode behind the PIN: the report (collected on a worker lane), retrying the outbox now,
saving a diagnostics bundle. Every action is audited."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows.session import AccessKey
from kiosk.card_access import card_key, read_problem
from kiosk.config import Settings
from kiosk.diagnostics import DiagnosticsGate
from kiosk.diagnostics_report import (
    Section,
    bundle_folders,
    config_without_secrets,
    save_bundle,
    storage_lines,
    versions,
)
from kiosk.heartbeat import heartbeat_report
from kiosk.logging_setup import RECENT
from kiosk.runner import Runner

if TYPE_CHECKING:
    from drivers.card.base import CardReader
    from kiosk.devices import DeviceMonitor
    from kiosk.store.audit import AuditTrail
    from kiosk.store.outbox import OutboxStats

log = logging.getLogger("kiosk.diagnostics")


class Technician:
    """What diagnostics shows and does; `changed` is called whenever something new is to be shown."""

    def __init__(self, settings: Settings, runner: Runner, monitor: DeviceMonitor, audit: AuditTrail,
                 readers: Callable[[], list[str]], changed: Callable[[], None]) -> None:
        self.settings, self._runner, self._monitor, self._audit = settings, runner, monitor, audit
        self._readers, self._changed = readers, changed
        diag = settings.diagnostics
        self.gate = DiagnosticsGate(diag.pin_hash, diag.max_attempts, diag.lockout_s, self.record)
        self.report: list[Section] = []
        self.message = ""  # the outcome of the last action, for the screen

    def status(self) -> dict[str, Any]:
        return {"diagnosticsReport": self.report, "diagnosticsMessage": self.message,
                "pinLockedFor": self.gate.locked_for(), "pinFailures": self.gate.failures,
                "bundleFolders": bundle_folders(self._bundle_default())}

    def collect(self) -> None:
        """Gather the report on the `diagnostics` lane (network, store and disk)."""
        self._runner.run("diagnostics", self._sections, self._collected,
                         lambda error: self._done(f"could not collect: {type(error).__name__}"))

    def retry_outbox(self, drain: Callable[[], Any]) -> None:
        """Send what the outbox holds now, on the outbox's own lane, whatever its back-off."""
        self._runner.run("outbox", drain,
                         lambda result: self._done(f"outbox: {result}", "diagnostics.outbox"),
                         lambda error: self._done(f"outbox: {type(error).__name__}", "diagnostics.outbox"))

    def back_in_service(self) -> None:
        from kiosk.crash_loop import forget_starts
        forget_starts(Path(self.settings.data_dir).expanduser())
        self.record("diagnostics.service", "back in service after a crash loop")

    def test_read(self, reader: CardReader, access: str) -> None:
        """Read the document on the reader, for its timing and authenticity (nothing of its holder is
        shown): `access` is the card access number (6 digits), or "DOCNO,YYMMDD,YYMMDD" from the card's
        back, for a chip; "" for a reader that needs none."""
        def read() -> str:
            started = time.perf_counter()
            result = reader.read(card_key(_typed_access(access)))
            took = (time.perf_counter() - started) * 1000
            auth = result.passive_auth or {}
            note = f" ({result.access_note})" if result.access_note else ""
            return (f"test read: {took:.0f} ms, {result.apdus} APDUs, access {result.access}{note}, document "
                    f"{result.document.kind}, hashes {auth.get('hashes', 'absent')}, "
                    f"signature {auth.get('signature', 'unchecked')}"
                    f"{' (' + auth['signature_detail'] + ')' if auth.get('signature_detail') else ''}, "
                    f"active authentication {result.active_auth}")
        self._runner.run("card", read, lambda line: self._done(line, "diagnostics.test_read"),
                         lambda error: self._done(f"test read: {_read_failure(error)}",
                                                  "diagnostics.test_read"))

    def leave(self) -> None:
        self.record("diagnostics.leave", "back to the attract screen")
        self.clear()

    def save_bundle(self, folder: str) -> None:
        config, report, logs = config_without_secrets(self.settings), list(self.report), list(RECENT.lines)
        self._runner.run("diagnostics",
                         lambda: save_bundle(report, config, logs, Path(folder), self.settings.kiosk_id),
                         lambda path: self._done(f"saved {path}", "diagnostics.bundle"),
                         lambda error: self._done(f"could not save: {type(error).__name__}",
                                                  "diagnostics.bundle"))

    def clear(self) -> None:
        self.report, self.message = [], ""

    def _sections(self) -> list[Section]:
        devices = [f"{name}: {status.state}{' — ' + status.detail if status.detail else ''}"
                   + (f" (hint: {status.hint})" if status.hint else "")
                   for name, status in self._monitor.states.items()]
        audit = [f"{_when(row['at'])} {row['event']}: {row['outcome']}" for row in self._audit.recent(10)]
        return [{"title": "devices", "lines": devices},
                {"title": "card readers", "lines": self._readers()},
                {"title": "back office", "lines": self._back_office()},
                {"title": "outbox", "lines": self._outbox()},
                {"title": "storage", "lines": storage_lines(self.settings)},
                {"title": "configuration (secrets hidden)",
                 "lines": _flat(config_without_secrets(self.settings))},
                {"title": "versions", "lines": versions()},
                {"title": "recent logs (masked)", "lines": list(RECENT.lines)[-30:]},
                {"title": "audit", "lines": audit}]

    def _last_errors(self) -> list[str]:
        errors = [line for line in RECENT.lines
                  if "kiosk.api" in line and (" WARNING " in line or " ERROR " in line)]
        return [f"last errors: {len(errors)}"] + errors[-5:]

    def _back_office(self) -> list[str]:
        from kiosk.api.client import BackOfficeClient
        from kiosk.api.errors import BackOfficeError
        config = self.settings.back_office
        api = BackOfficeClient(config, self.settings.office, self.settings.kiosk_id)
        lines = [f"url: {config.url}", f"token: {'(set)' if config.token else '(not set)'}"]
        started = time.perf_counter()
        try:
            api.health()
            api.heartbeat(heartbeat_report(self.settings.kiosk_id, self._monitor.report(), self._stats()))
            took = (time.perf_counter() - started) * 1000
            lines.append(f"reachable, token accepted (a heartbeat sent): {took:.0f} ms for both calls")
        except BackOfficeError as error:
            lines.append(f"problem: {error.code}")
        finally:
            api.close()
        return lines + self._last_errors()

    def _stats(self) -> OutboxStats:
        from kiosk.store.db import open_db
        from kiosk.store.outbox import Outbox
        db = open_db(self.settings.store_path)  # its own connection: the outbox lane keeps its own
        try:
            return Outbox(db).stats(time.time())
        finally:
            db.close()

    def _outbox(self) -> list[str]:
        stats = self._stats()
        oldest = f"{stats.oldest_age_s:.0f} s" if stats.oldest_age_s is not None else "—"
        return [f"waiting: {stats.depth}, oldest: {oldest}, rejected (staff must look): {stats.rejected}"]

    def _collected(self, sections: list[Section]) -> None:
        self.report = sections
        self._changed()

    def _done(self, message: str, event: str = "") -> None:
        self.message = message
        if event:
            self.record(event, message)
        self._changed()

    def record(self, event: str, outcome: str) -> None:
        """One row of the audit trail (an audit failure is logged, never blocks anyone)."""
        try:
            self._audit.record(event, outcome)
        except Exception as error:  # noqa: BLE001 - an audit failure is logged, never blocks the technician
            log.warning("audit not recorded: %s", type(error).__name__)
        log.info("%s: %s", event, outcome)

    def _bundle_default(self) -> Path:
        folder = self.settings.diagnostics.bundle_dir or Path(self.settings.data_dir) / "diagnostics"
        return Path(folder).expanduser()


def _flat(tree: dict[str, Any], prefix: str = "") -> list[str]:
    """`section.key = value` lines of the configuration."""
    lines = []
    for key, value in tree.items():
        if isinstance(value, dict) and key != "idle_delays_s":  # a section, not a table of numbers
            lines += _flat(value, f"{prefix}{key}.")
        else:
            lines.append(f"{prefix}{key} = {value}")
    return lines


def _typed_access(access: str) -> AccessKey | None:
    if access.count(",") == 2:
        return AccessKey(*[part.strip().upper() for part in access.split(",")])
    return AccessKey(can=access.strip()) if access.strip() else None


def _read_failure(error: Exception) -> str:
    """The code, and for a refused key the chip's retry counter (63 Cx) when it gave one."""
    retries = getattr(error, "retries_left", None)
    return read_problem(error) + (f" ({retries} tries left on the chip)" if retries is not None else "")


def _when(at: float) -> str:
    return time.strftime("%m-%d %H:%M:%S", time.localtime(at))
