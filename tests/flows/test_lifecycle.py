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


def test_out_of_service_only_between_citizens_and_back_when_the_device_is() -> None:
    life = KioskLifecycle()
    assert life.send("down") and life.state == "out_of_service"
    assert not life.send("touch")  # no citizen can start
    assert life.send("up") and life.state == "attract"
    life.send("touch")
    life.send("choose", "lost")
    assert not life.send("down") and life.state == "serving"  # a session in progress is never cut


def test_diagnostics_behind_the_pin_from_attract_or_out_of_service() -> None:
    for start in ([], ["down"]):
        life = KioskLifecycle()
        for event in start:
            life.send(event)
        assert life.send("diagnostics") and life.state == "diagnostics_pin"
        assert life.send("unlocked") and life.state == "diagnostics"
        assert life.send("end") and life.state == "attract"
    life = KioskLifecycle()
    life.send("diagnostics")
    assert life.send("timeout") and life.state == "attract"
    life.send("diagnostics")
    life.send("unlocked")
    assert life.send("timeout") and life.state == "attract"
    life.send("diagnostics")
    assert life.send("end") and life.state == "attract"
