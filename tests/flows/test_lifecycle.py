from flows.lifecycle import KioskLifecycle
from flows.services import FLOWS, create_flow


def state(machine: KioskLifecycle) -> str:
    return str(next(iter(machine.configuration)).id)


def test_attract_menu_service_and_back() -> None:
    life = KioskLifecycle()
    life.send("touch")
    assert state(life) == "menu"
    life.send("choose", service="renewal")
    assert (state(life), life.service) == ("serving", "renewal")
    life.send("end")
    assert (state(life), life.service) == ("attract", None)


def test_menu_times_out_to_attract() -> None:
    life = KioskLifecycle()
    life.send("touch")
    life.send("timeout")
    assert state(life) == "attract"


def test_every_offered_service_creates_a_fresh_flow() -> None:
    for service in FLOWS:
        first, second = create_flow(service), create_flow(service)
        assert first.session is not second.session
        assert first.session.service == service
