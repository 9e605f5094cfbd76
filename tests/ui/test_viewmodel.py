"""The view-model without any QML: properties from a session, touches forwarded to the port."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flows.session import Delivery, Receipt
from kiosk.bench import sample_session
from ui.images import KioskImages
from ui.viewmodels.kiosk import KioskViewModel


@dataclass
class FakePort:
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = field(default_factory=list)
    explode: bool = False
    services: list[str] = field(default_factory=lambda: ["renewal"])

    def touch(self) -> None:
        self.calls.append(("touch", (), {}))

    def choose(self, service: str) -> None:
        self.calls.append(("choose", (service,), {}))

    def send(self, event: str, **data: Any) -> None:
        if self.explode:
            raise RuntimeError("bug")
        self.calls.append(("send", (event,), data))

    def fail(self, error: Exception) -> None:
        self.calls.append(("fail", (type(error).__name__,), {}))

    def help(self) -> None:
        self.calls.append(("help", (), {}))

    def request_help(self, kind: str, phone: str = "") -> None:
        self.calls.append(("request_help", (kind, phone), {}))

    def print_slip(self, title: str, lines: list[str], qr: str = "") -> None:
        self.calls.append(("print_slip", (title, lines, qr), {}))

    def status(self) -> dict[str, Any]:
        return {"printerReady": False, "serviceWindow": "3"}


def make_vm() -> tuple[KioskViewModel, FakePort, KioskImages]:
    port, images = FakePort(), KioskImages()
    return KioskViewModel(port, images), port, images


def test_update_presents_the_session_masked(qtbot) -> None:  # type: ignore[no-untyped-def]
    vm, _, images = make_vm()
    with qtbot.waitSignal(vm.screenChanged, check_params_cb=lambda screen: screen == "review"):
        vm.update("review", sample_session())
    assert vm.holderName == "王建国"
    assert vm.licenceNumber == "3715**********0017"
    assert vm.feeCny == 10 and vm.deliveryMethod == "post"
    assert vm.photoSource.startswith("image://kiosk/photo/")
    assert images.requestImage("photo/1", __import__("PySide6.QtCore").QtCore.QSize(),
                               __import__("PySide6.QtCore").QtCore.QSize()).width() == 260


def test_no_session_means_nothing_personal_is_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    vm, _, images = make_vm()
    vm.update("done", sample_session())
    with qtbot.waitSignal(vm.changed):
        vm.update("attract", None)
    assert (vm.holderName, vm.licenceNumber, vm.applicationId, vm.photoSource, vm.phone) == ("",) * 5
    assert vm.reasons == [] and vm.notices == []
    from PySide6.QtCore import QSize
    assert images.requestImage("photo/9", QSize(), QSize()).width() == 1  # the placeholder pixel


def test_touches_are_forwarded_and_announce_activity(qtbot) -> None:  # type: ignore[no-untyped-def]
    vm, port, _ = make_vm()
    session = sample_session()
    session.receipt = Receipt("X-1", "received")
    vm.update("delivery", session)
    with qtbot.waitSignal(vm.activity):
        vm.send("proceed")
    vm.chooseDelivery("post", "13912345678")
    vm.choose("renewal")
    assert port.calls[0] == ("send", ("proceed",), {})
    assert port.calls[1][2]["delivery"] == Delivery("post", "13912345678", "山东省聊城市东昌府区")
    assert port.calls[2] == ("choose", ("renewal",), {})


def test_a_failing_touch_goes_to_the_failsafe(qtbot) -> None:  # type: ignore[no-untyped-def]
    vm, port, _ = make_vm()
    port.explode = True
    vm.send("confirm")
    assert port.calls == [("fail", ("RuntimeError",), {})]
