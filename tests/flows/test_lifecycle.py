from flows.lifecycle import KioskLifecycle
from flows.services import FLOWS, create_flow


def test_attract_menu_service_and_back() -> None:
    life = KioskLifecycle()
    life.send("touch")
    assert life.state == "menu"
    life.send("choose", "renewal")
    assert (life.state, life.service) == ("serving", "renewal")
    life.send("end")
    assert (life.state, life.service) == ("attract", None)


def test_menu_times_out_to_attract_and_stray_events_change_nothing() -> None:
    life = KioskLifecycle()
    assert not life.send("choose", "renewal")
    assert not life.send("timeout")
    life.send("touch")
    assert life.send("timeout")
    assert life.state == "attract"


def test_every_offered_service_creates_a_fresh_flow() -> None:
    for service in FLOWS:
        first, second = create_flow(service), create_flow(service)
        assert first.session is not second.session
        assert first.session.service == service


def test_help_is_reachable_from_attract_and_menu_and_ends_back_at_attract() -> None:
    for start in ([], ["touch"]):
        life = KioskLifecycle()
        for event in start:
            life.send(event)
        assert life.send("help") and life.state == "help"
        assert not life.send("choose", "renewal")  # no service from the help screen
        assert life.send("requested") and life.state == "help_sent"
        assert life.send("end") and life.state == "attract"


def test_help_screens_time_out_to_attract() -> None:
    for steps in (["help"], ["help", "requested"]):
        life = KioskLifecycle()
        for event in steps:
            life.send(event)
        assert life.send("timeout") and life.state == "attract"
    life = KioskLifecycle()
    life.send("help")
    assert life.send("end") and life.state == "attract"
