"""The bodies of the `kiosk` subcommands; each returns its exit code."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.cli import settings_for
from kiosk.config import Settings
from kiosk.errors import UsageError
from kiosk.qt_env import check_display, check_platform_plugin, import_qt, prepare_headless
from kiosk.stub_process import StubProcess

log = logging.getLogger("kiosk")
DEMO_TOKEN = "demo-kiosk-token"  # the stub's well-known QA token: not a secret
# Demo and QA only, published in the README like the token: diagnostics PIN 2468.
DEMO_PIN_HASH = "scrypt$16384$8$1$ZGVtby1raW9zay1zYWx0IQ==$LHy/nX4bIMpsgbqpPO/Cog+95MOJnsmUGGT5jTmsqCY="


def with_backend(settings: Settings, url: str) -> Settings:
    token = settings.back_office.token or DEMO_TOKEN
    return replace(settings, back_office=replace(settings.back_office, url=url, token=token))


def for_qa(settings: Settings, url: str, data_dir: Path, brisk: bool = True) -> Settings:
    """QA and demo: the given back office and a store of their own; QA also polls payments briskly
    (the demo keeps the real pace, so the payment QR code stays on screen long enough to see) and speaks
    through Qt's mock voice engine (nobody listens to QA)."""
    settings = replace(with_backend(settings, url), data_dir=str(data_dir),
                       store=replace(settings.store, path=""),
                       # the QA chips' test CSCA goes here (kiosk/emulated_hand.py), next to the store
                       chip=replace(settings.chip,
                                    csca_dir=settings.chip.csca_dir or str(Path(data_dir) / "csca")),
                       diagnostics=replace(settings.diagnostics,
                                           pin_hash=settings.diagnostics.pin_hash or DEMO_PIN_HASH))
    if brisk:
        settings = replace(settings, back_office=replace(settings.back_office, payment_poll_s=0.3),
                           voice=replace(settings.voice, engine="mock"))
    return settings


@contextlib.contextmanager
def scratch_dir(given: Path | None) -> Iterator[Path]:
    """The given folder, or a temporary one removed afterwards (QA runs leave nothing behind)."""
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="kiosk-") as folder:
        yield Path(folder)


@contextlib.contextmanager
def backend(url: str | None) -> Iterator[str]:
    """The given back office, or a stub started for the duration."""
    if url:
        yield url
        return
    with StubProcess() as stub:
        yield stub.url


def run(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    check_display()
    import_qt()
    check_platform_plugin()
    from kiosk.app import build_app
    from kiosk.crash_loop import crash_loop, stopped_cleanly
    from kiosk.lockdown import single_instance
    with contextlib.ExitStack() as stack:
        stub_url = stack.enter_context(backend(None)) if args.demo else None
        if stub_url:
            log.info("demo back office stub at %s", stub_url)
            data_dir = stack.enter_context(scratch_dir(args.data_dir))
            settings = for_qa(settings, stub_url, data_dir, brisk=False)
        data_dir, started, service = Path(settings.data_dir).expanduser(), time.time(), settings.service
        lock = single_instance(data_dir)
        stack.callback(lock.unlock)
        out_of_service = not args.demo and crash_loop(data_dir, started, service.crash_loop_limit,
                                                      service.crash_loop_window_s)
        if out_of_service:
            log.error("crash loop: %d unclean starts within %.0f s: starting out of service",
                      service.crash_loop_limit, service.crash_loop_window_s)
        app = build_app(settings, demo_stub=stub_url, out_of_service=out_of_service)
        stack.callback(app.close)
        stack.enter_context(quit_on_signals(app.qt))
        if args.windowed or not settings.screen.fullscreen:
            app.window.show()
        else:
            app.lock_down()
        code = int(app.qt.exec())
        if code == 0:  # SIGTERM from systemd or an admin's exit: an orderly stop is not a crash
            stopped_cleanly(data_dir, started)
        return code


@contextlib.contextmanager
def quit_on_signals(qt: Any) -> Iterator[None]:
    """SIGTERM/SIGINT (a supervisor, a technician's Ctrl-C) end the event loop cleanly: the session is
    wiped and the demo stub stopped by the normal teardown, never left behind."""
    from PySide6.QtCore import QTimer
    previous = {sig: signal.signal(sig, lambda *_: qt.quit()) for sig in (signal.SIGTERM, signal.SIGINT)}
    tick = QTimer(interval=200)  # Python runs signal handlers only when it gets control: give it some
    tick.timeout.connect(lambda: None)
    tick.start()
    try:
        yield
    finally:
        tick.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def qa_settings(args: argparse.Namespace) -> Settings:
    """The config with `qa run`'s and `qa soak`'s device options applied."""
    settings = settings_for(args)
    devices = replace(settings.devices, camera=args.camera, card=args.card)
    if args.card == "pcsc":  # through pcscd and the emulator in vpcd's first slot, unless told otherwise
        devices = replace(devices, reader=args.reader or "Virtual PCD 00 00", allow_virtual_reader=True)
    return replace(settings, devices=devices)


def qa_run(args: argparse.Namespace) -> int:
    settings = qa_settings(args)
    prepare_headless()
    import_qt()
    from kiosk.app import build_app
    from kiosk.qa import outcome_json, run_flow
    started = time.monotonic()
    with backend(args.backend) as url, scratch_dir(args.data_dir) as data_dir:
        app = build_app(for_qa(settings, url, data_dir), demo_stub=url, persona=args.persona)
        try:
            outcome = run_flow(app, args.service, args.persona)
        finally:
            app.close()
    report = outcome_json(outcome, args.persona, started)
    print(report if args.json else _human(report))
    return 0 if outcome.outcome == "submitted" else 1


def qa_soak(args: argparse.Namespace) -> int:
    """Many sessions in one kiosk process (kiosk/soak.py): exit 0 within the §5 target, 1 otherwise."""
    from kiosk.soak import plan, report, soak, table
    visits = plan(args.sessions, args.service, args.persona)  # bad usage fails before Qt loads
    settings = qa_settings(args)
    prepare_headless()
    import_qt()
    body = report(soak(settings, visits, args.backend, args.data_dir))
    print(json.dumps(body, ensure_ascii=False) if args.json else table(body))
    return 0 if body["passed"] else 1


def _human(report: str) -> str:
    body = json.loads(report)
    lines = [f"{body['service']} / {body['persona']}: {body['outcome']}"]
    lines += [f"  {key}: {body[key]}" for key in ("application_id", "reasons", "notices", "fee_cny")
              if body.get(key)]
    return "\n".join(lines)


def screenshot(args: argparse.Namespace) -> int:
    prepare_headless()
    import_qt()
    from kiosk.screenshots import take_screenshots
    written = take_screenshots(args.out, args.lang, _size(args.size), only=args.screen, large=args.large)
    for path in written:
        print(path)
    return 0


def selftest(args: argparse.Namespace) -> int:
    from kiosk.maintenance import run_selftest
    report = run_selftest(settings_for(args))
    print(json.dumps(report, ensure_ascii=False) if args.json else _checks_text(report))
    return {"ok": 0, "degraded": 1}.get(report["status"], 2)


def diagnostics_pin_hash(args: argparse.Namespace) -> int:
    """`kiosk diagnostics pin-hash`: the PIN from the terminal (not echoed) or stdin, 4 to 12 digits."""
    import getpass
    import sys

    from kiosk.diagnostics import pin_hash
    pin = getpass.getpass("diagnostics PIN: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise UsageError("a diagnostics PIN is 4 to 12 digits")
    print(pin_hash(pin))
    return 0


def outbox_send(args: argparse.Namespace) -> int:
    from kiosk.maintenance import send_outbox
    settings = settings_for(args)
    if args.backend:
        settings = with_backend(settings, args.backend)
    if args.data_dir:
        settings = replace(settings, data_dir=str(args.data_dir), store=replace(settings.store, path=""))
    report = send_outbox(settings)
    print(json.dumps(report) if args.json else f"outbox: {report}")
    return 0 if report["outbox"]["depth"] == 0 else 1


def _checks_text(report: dict[str, Any]) -> str:
    lines = [f"{'ok  ' if check['ok'] else 'FAIL'} {check['name']}: {check['detail']}"
             for check in report["checks"]]
    return "\n".join(lines + [f"status: {report['status']}"])


def bench(args: argparse.Namespace) -> int:
    prepare_headless()
    import_qt()
    from kiosk.bench import run_bench
    if args.soak_sessions < 1:
        raise UsageError("--soak-sessions must be at least 1")
    print(run_bench(repeat=args.repeat, as_json=args.json, load_seconds=args.load_seconds,
                    soak_sessions=args.soak_sessions))
    return 0


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1080x1920") from None
    if not (320 <= width <= 4096 and 320 <= height <= 4096):
        raise UsageError(f"--size {text!r}: out of range")
    return width, height

