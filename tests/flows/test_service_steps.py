"""Each service's own steps between the record and the photo (flows/renewal.py, damaged.py,
transfer_in.py, lost.py): the route, the declarations, back, cancel and timeout at every step, and the
transfer-in steps a licence issued elsewhere adds (Art. 70). No Qt, no I/O."""

from __future__ import annotations

import pytest

from flows.outcome import outcome_of
from flows.service import DECLARATIONS, SELF_DECLARED_CONDITION
from flows.services import create_flow
from flows.session import Eligibility
from tests.flows.walk import ELIGIBLE, ELSEWHERE, RECORD, SERVICES, forward, state, walk

ROUTES = {  # the steps after "record" and before "photo"
    ("renewal", "local"): ["certificate", "new_term"],
    ("renewal", "elsewhere"): ["certificate", "new_term", "residence", "hand_in"],
    ("damaged", "local"): ["damage_declaration"],
    ("damaged", "elsewhere"): ["damage_declaration", "residence", "self_declaration"],
    ("transfer-in", "local"): ["residence", "self_declaration", "hand_in"],
    ("transfer-in", "elsewhere"): ["residence", "self_declaration", "hand_in"],
    ("lost", "local"): ["loss_declaration"],
    ("lost", "elsewhere"): ["loss_declaration", "residence", "self_declaration"],
}
ANSWERS = {"local": ELIGIBLE, "elsewhere": ELSEWHERE}
OWN_STEPS = sorted({(service, step) for (service, where), steps in ROUTES.items() for step in steps
                    if where == "elsewhere"})
BACK_STEPS = OWN_STEPS + [(service, "photo") for service in SERVICES]
# Every state a citizen can be left standing in, per service (finals and submitting excluded).
WAITING = ["place_id", "reading", "checking", "record", "photo", "capturing", "photo_review", "delivery",
           "review", "paying"]


@pytest.mark.parametrize("service, where", list(ROUTES))
def test_each_service_takes_its_own_steps_between_record_and_photo(service: str, where: str) -> None:
    flow = walk(service, "done", eligibility=ANSWERS[where])
    screens = flow.session.screens
    assert screens[screens.index("record") + 1:screens.index("photo")] == ROUTES[(service, where)]
    expected = [DECLARATIONS[step][0] for step in ROUTES[(service, where)] if step in DECLARATIONS]
    assert flow.session.declarations == expected
    assert outcome_of(flow.session, "closed").declarations == expected


@pytest.mark.parametrize("service, step", OWN_STEPS)
def test_a_declaration_step_takes_only_its_own_declaration(service: str, step: str) -> None:
    flow = walk(service, step, eligibility=ELSEWHERE)
    wrong = "OLD_CARD_HANDED_IN" if step != "hand_in" else "DAMAGE_DECLARED"  # not yet declared
    flow.send("declare", declaration=wrong)
    flow.send("declare")  # nothing declared
    if step in DECLARATIONS:
        flow.send("proceed")  # a declaration is not skipped by "continue"
    assert state(flow) == step
    assert wrong not in flow.session.declarations


def test_residence_takes_either_kind_of_residence() -> None:
    flow = walk("transfer-in", "residence")
    flow.send("declare", declaration="RESIDENCE_LIVING")
    assert state(flow) == "self_declaration" and flow.session.declarations == ["RESIDENCE_LIVING"]


@pytest.mark.parametrize("service, step", BACK_STEPS)
def test_back_returns_to_the_previous_step_and_withdraws_its_declaration(service: str, step: str) -> None:
    flow = walk(service, step, eligibility=ELSEWHERE)
    route = ROUTES[(service, "elsewhere")] + ["photo"]
    previous = (["record"] + route)[route.index(step)]
    flow.send("back")
    assert state(flow) == previous
    assert not set(flow.session.declarations) & set(DECLARATIONS.get(previous, ()))
    forward(flow, ELSEWHERE)
    assert state(flow) == step  # and forward again


@pytest.mark.parametrize("event, final", [("cancel", "cancelled"), ("timeout", "timed_out")])
@pytest.mark.parametrize("service, step", sorted(
    {(service, step) for service in SERVICES for step in WAITING} | set(OWN_STEPS)))
def test_cancel_and_timeout_end_the_flow_from_every_step(service: str, step: str, event: str,
                                                         final: str) -> None:
    flow = walk(service, step, eligibility=ELSEWHERE)
    flow.send(event)
    assert flow.is_terminated and state(flow) == final
    assert outcome_of(flow.session, final).outcome == "cancelled"


@pytest.mark.parametrize("state_name", ["refused", "referral", "unpaid", "failed", "access_key"])
@pytest.mark.parametrize("event, final", [("cancel", "cancelled"), ("timeout", "timed_out")])
def test_cancel_and_timeout_end_the_side_states_too(state_name: str, event: str, final: str) -> None:
    flow = _to_side_state(state_name)
    assert state(flow) == state_name
    flow.send(event)
    assert state(flow) == final


def test_done_times_out_but_cannot_be_cancelled() -> None:
    flow = walk("lost", "done")
    flow.send("cancel")
    assert state(flow) == "done"
    flow.send("timeout")
    assert state(flow) == "timed_out" and outcome_of(flow.session, "timed_out").outcome == "submitted"


@pytest.mark.parametrize("service", ["transfer-in", "damaged", "lost"])
def test_a_self_declared_condition_sends_the_citizen_to_a_staffed_window(service: str) -> None:
    flow = walk(service, "self_declaration", eligibility=ELSEWHERE)
    flow.send("declare_unfit")
    assert state(flow) == "referral"
    outcome = outcome_of(flow.session, "closed")
    assert (outcome.outcome, outcome.reasons) == ("referred", [SELF_DECLARED_CONDITION])
    assert "PHYSICAL_CONDITION_FIT" not in outcome.declarations


def test_the_transfer_in_steps_do_not_apply_to_a_local_licence() -> None:
    flow = walk("renewal", "new_term")
    forward(flow)
    assert state(flow) == "photo"
    flow.send("declare_unfit")  # renewal has no self-declaration: ignored
    assert state(flow) == "photo"
    flow.send("back")  # and back skips them too
    assert state(flow) == "new_term"


def test_every_service_has_a_fresh_chart() -> None:
    charts = [type(create_flow(service)) for service in SERVICES]
    records = [chart.states_map["record"] for chart in charts]
    assert len({id(state) for state in records}) == len(SERVICES)


def _to_side_state(name: str):  # noqa: ANN202 - test helper
    if name == "access_key":
        flow = create_flow("damaged")
        flow.send("card_needs_key")
        return flow
    if name in ("refused", "referral"):
        flow = walk("renewal", "checking")
        outcome = "ineligible" if name == "refused" else "referred"
        flow.send("checked", record=RECORD, eligibility=Eligibility(outcome, reasons=("TOO_EARLY",)))
        return flow
    flow = walk("transfer-in", "paying")
    if name == "unpaid":
        flow.send("payment_failed", message="PAYMENT_DECLINED")
    else:
        flow.send("problem", message="UNAVAILABLE")
    return flow
