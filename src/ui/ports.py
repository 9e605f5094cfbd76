"""What the view-models need from the kiosk, as protocols: the UI never imports the wiring."""

from __future__ import annotations

from typing import Any, Protocol


class KioskPort(Protocol):
    """The conductor, as far as the citizen's touches are concerned."""

    @property
    def services(self) -> list[str]: ...

    def touch(self) -> None: ...

    def choose(self, service: str) -> None: ...

    def send(self, event: str, **data: Any) -> None: ...

    def help(self) -> None:
        """The "need help / priority service" entry."""
        ...

    def request_help(self, kind: str, phone: str = "") -> None: ...

    def print_slip(self, title: str, lines: list[str], qr: str = "") -> None: ...

    def call_staff(self) -> None:
        """"Call staff" from any screen: a member of staff comes to the kiosk; the session goes on."""
        ...

    def open_diagnostics(self) -> None:
        """The technician's hidden gesture."""
        ...

    def enter_pin(self, pin: str) -> None: ...

    def diagnostics_action(self, action: str, argument: str = "") -> None: ...

    def status(self) -> dict[str, Any]:
        """The kiosk's own state the screens show: printer, help request, the staffed window."""
        ...

    def fail(self, error: Exception) -> None:
        """A bug behind a touch: go to the failsafe screen instead of freezing."""
        ...


class VoicePort(Protocol):
    """Voice guidance (kiosk/voice.py): spoken instructions, never personal data."""

    on: bool
    language: str

    @property
    def available(self) -> bool: ...

    def toggle(self) -> None: ...

    def announce(self, text: str) -> None: ...

    def repeat(self) -> None: ...

    def stop(self) -> None: ...

    def change_volume(self, steps: int) -> None: ...

    def reset(self) -> None: ...


class DemoTray(Protocol):
    """Demo mode only: places a persona's ID document on the simulated reader."""

    def personas(self) -> list[dict[str, str]]: ...

    def place(self, persona_id: str) -> None: ...
