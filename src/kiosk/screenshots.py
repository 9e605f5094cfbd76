"""`kiosk screenshot`: every screen rendered offscreen to PNG, with the data a real session gave it.

The real flows run first (a submitted renewal, a refused one, one with the back office gone) and
the session is copied at every screen; then each screen is shown again with its copy and grabbed.
That way the transient screens (checking, submitting) are captured too.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from flows.session import Session
from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa, scratch_dir
from kiosk.config import Settings
from kiosk.qa import run_flow
from kiosk.stub_process import StubProcess
from kiosk.uidriver import wait_for_frame, wait_until

SCREENS = ("attract", "menu", "help", "help_sent", "place_id", "access_key", "reading", "checking",
           "record", "refused", "referral", "certificate", "new_term", "damage_declaration",
           "loss_declaration", "residence", "self_declaration", "hand_in", "photo", "photo_review",
           "delivery", "review", "paying", "unpaid", "submitting", "done", "failed")
# The last run to show a screen gives its data: the renewal runs last, so the common screens show it.
RUNS = (("damaged", "damaged-elsewhere"), ("lost", "lost-ok"), ("transfer-in", "transfer-in-ok"),
        ("lost", "lost-frequent"), ("renewal", "renewal-many"), ("renewal", "renewal-pay-declines"),
        ("renewal", "renewal-ok"), ("renewal", "renewal-senior"))
LIVE = ("help", "help_sent")  # the kiosk's own screens, grabbed as they happen (they hold no session)


def take_screenshots(out: Path, language: str, size: tuple[int, int], only: str | None = None,
                     large: bool = False) -> list[Path]:
    """Write `<screen>.png` for every screen (or just `only`) into `out`, in care mode with `large`;
    returns the files written."""
    wanted = [only] if only else list(SCREENS)
    unknown = [name for name in wanted if name not in SCREENS]
    if unknown:
        from kiosk.errors import UsageError
        raise UsageError(f"unknown screen {unknown[0]!r}; screens: {', '.join(SCREENS)}")
    out.mkdir(parents=True, exist_ok=True)
    with StubProcess() as stub, scratch_dir(None) as data_dir:
        settings = for_qa(Settings(), stub.url, data_dir)
        settings = replace(settings, screen=replace(settings.screen, language=language, width=size[0],
                                                    height=size[1]))
        app = build_app(settings, demo_stub=stub.url)
        try:
            files = _grab_help_screens(app, [name for name in wanted if name in LIVE], out, large)
            snapshots = _collect(app, stub)
            _care(app, large)
            # The simulated reader needs no access data: the chip screens borrow the place-ID session.
            return files + [_grab(app, screen, snapshots.get(screen, snapshots.get("place_id")), out)
                            for screen in wanted if screen not in LIVE]
        finally:
            app.close()


def _care(app: KioskApp, large: bool) -> None:
    """Care mode, as the citizen's touch on "Large text" sets it (the end of a session resets it)."""
    if large != app.vm.care_mode():
        app.vm.toggleCare()


def _grab_help_screens(app: KioskApp, wanted: list[str], out: Path, large: bool) -> list[Path]:
    """The help screen, then the answer to a green-channel request (the stub answers it)."""
    if not wanted:
        return []
    app.window.show()
    app.conductor.help()
    _care(app, large)
    files = [_grab(app, "help", None, out)] if "help" in wanted else []
    app.conductor.request_help("priority")
    wait_until(lambda: app.conductor.screen == "help_sent", 10, "the help request's answer")
    if "help_sent" in wanted:
        files.append(_grab(app, "help_sent", None, out))
    app.conductor.send("finish")
    return files


def _collect(app: KioskApp, stub: StubProcess) -> dict[str, Session | None]:
    snapshots: dict[str, Session | None] = {}

    def keep(screen: str, session: Session | None) -> None:
        # The last sight of each screen: the payment screen with its QR code, not before it exists.
        snapshots[screen] = copy.deepcopy(session)
    app.conductor.add_listener(keep)
    app.window.show()
    for service, persona in RUNS:
        run_flow(app, service, persona)
    stub.stop()  # the back office goes away: the next session ends on the failsafe screen
    run_flow(app, "renewal", "renewal-ok")
    return snapshots


def _grab(app: KioskApp, screen: str, session: Session | None, out: Path) -> Path:
    app.vm.update(screen, session)
    app.preview.follow(screen)
    if screen == "photo":
        frames = app.vm.preview_frame_number()
        wait_until(lambda: app.vm.preview_frame_number() > frames, 10, "a camera preview frame")
    wait_for_frame(app.window)
    wait_for_frame(app.window)
    path = out / f"{screen}.png"
    if not app.window.grabWindow().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path
