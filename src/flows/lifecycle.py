"""The kiosk's own cycle around a service flow: attract → menu → service → attract."""

from __future__ import annotations

from statemachine import State, StateChart


class KioskLifecycle(StateChart):
    """What the kiosk is doing between citizens. The service flow itself runs in `serving`."""

    attract = State(initial=True)
    menu = State()
    serving = State()

    touch = attract.to(menu)
    choose = menu.to(serving)
    end = serving.to(attract) | menu.to(attract)
    timeout = menu.to(attract)

    def __init__(self) -> None:
        self.service: str | None = None
        super().__init__()

    def on_choose(self, service: str) -> None:
        self.service = service

    def on_enter_attract(self) -> None:
        self.service = None
