"""The common steps of every licence service as one state machine (Art. 3, 62–70, 93).

Identity (the ID document, with its access data when it has a chip), record and eligibility, photo,
delivery and contact, fee and payment, review, submission, done — with cancel, timeout and a failsafe
everywhere. Each service is a subclass (flows/services.py) that connects `record` to `photo` through
its own steps: declarations, certificate, new term. The transfer-in steps of Art. 64 (residence,
self-declared physical condition, old licence handed in) live here because Art. 70 makes any service
for a licence issued elsewhere a transfer-in too. Events are what happened; the kiosk layer runs the
slow work a state asks for and sends the result back as the next event.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import reduce
from operator import or_
from typing import Any, cast

from statemachine import State, StateChart
from statemachine.transition_list import TransitionList

from flows.session import (
    MAX_RETAKES,
    AccessKey,
    Delivery,
    Eligibility,
    Identity,
    LicenceRecord,
    Payment,
    Photo,
    Receipt,
    Session,
)

TREATED_AS_TRANSFER_IN = "TREATED_AS_TRANSFER_IN"
SELF_DECLARED_CONDITION = "SELF_DECLARED_CONDITION"  # kiosk referral: the citizen declared a condition
DOCUMENT_NOT_GENUINE = "DOCUMENT_NOT_GENUINE"  # kiosk referral: the chip failed an authenticity check
FACE_MISMATCH = "FACE_MISMATCH"  # kiosk referral: the live photo clearly differs from the chip's
# What each declaration step lets the citizen declare (codes of the application's `declarations`).
DECLARATIONS = {
    "damage_declaration": ("DAMAGE_DECLARED",),
    "loss_declaration": ("LOSS_DECLARED",),
    "residence": ("RESIDENCE_HOUSEHOLD", "RESIDENCE_LIVING"),
    "self_declaration": ("PHYSICAL_CONDITION_FIT",),
    "hand_in": ("OLD_CARD_HANDED_IN",),
}


@dataclass(frozen=True)
class Step:
    """One of a service's own steps between the licence record and the photo."""

    name: str
    declares: bool = False  # left with `declare` (the citizen declares something), else with `proceed`
    when: str | None = None  # the guard under which the step applies; None: always


RESIDENCE = Step("residence", declares=True)
SELF_DECLARATION = Step("self_declaration", declares=True)
HAND_IN = Step("hand_in", declares=True)


def elsewhere(*steps: Step) -> tuple[Step, ...]:
    """Transfer-in steps that apply only to a licence issued by another office (Art. 70)."""
    return tuple(replace(step, when="elsewhere") for step in steps)


class ServiceFlow(StateChart):
    """One citizen's service, from placing the ID document to the application number.

    Abstract: the guards and actions every service shares. `service_flow` builds each service's chart,
    with fresh states, because python-statemachine attaches transitions to the state objects themselves
    (two subclasses adding transitions to one inherited state would see each other's)."""

    service = ""

    def __init__(self, session: Session | None = None) -> None:
        self.session = session or Session(service=self.service)
        super().__init__()

    # -- guards ---------------------------------------------------------------------------
    def may_proceed(self, eligibility: Eligibility) -> bool:
        return eligibility.may_proceed

    def is_referred(self, eligibility: Eligibility) -> bool:
        return eligibility.outcome == "referred"

    def elsewhere(self) -> bool:
        """Issued by another office: the service is handled together with a transfer-in (Art. 70)."""
        elig = self.session.eligibility
        return bool(elig and TREATED_AS_TRANSFER_IN in elig.notices)

    def fits_step(self, source: State, declaration: str) -> bool:
        return declaration in DECLARATIONS.get(str(source.id), ())

    def has_payment(self) -> bool:
        return self.session.payment is not None

    def wrong_key(self, message: str) -> bool:
        return message == "ACCESS_DENIED"  # the citizen mistyped: ask again, the card is still there

    def not_genuine(self, message: str) -> bool:
        return message == DOCUMENT_NOT_GENUINE  # a person at a window looks at the document, not a retry

    def may_retake(self) -> bool:
        return self.session.retakes < MAX_RETAKES

    def fee_due(self) -> bool:
        return bool(self.session.eligibility and self.session.eligibility.fee_cny > 0)

    # -- actions: record what each event brought ------------------------------------------
    def on_key_entered(self, access: AccessKey) -> None:
        self.session.access_key = access

    def on_read_failed(self, message: str) -> None:
        self.session.read_problem = message
        if message == DOCUMENT_NOT_GENUINE:
            self.session.referral = DOCUMENT_NOT_GENUINE

    def on_face_mismatch(self) -> None:
        self.session.referral = FACE_MISMATCH

    def on_document_read(self, identity: Identity, portrait: bytes | None = None, chip: str = "none") -> None:
        self.session.identity = identity
        self.session.portrait = portrait
        self.session.chip_check = chip
        self.session.read_problem = None

    def on_checked(self, record: LicenceRecord | None, eligibility: Eligibility) -> None:
        self.session.record = record
        self.session.eligibility = eligibility

    def on_declare(self, declaration: str) -> None:
        self.session.declarations.append(declaration)  # once: going back withdraws it (on_back)

    def on_declare_unfit(self) -> None:
        self.session.referral = SELF_DECLARED_CONDITION

    def on_back(self, target: State) -> None:
        """Going back to a declaration withdraws it: the citizen declares again."""
        codes = DECLARATIONS.get(str(target.id), ())
        self.session.declarations = [code for code in self.session.declarations if code not in codes]

    def on_photo_taken(self, photo: Photo) -> None:
        self.session.capture = photo
        self.session.photo_problem = None

    def on_capture_failed(self, message: str) -> None:
        self.session.photo_problem = message
        self.session.photo_attempts += 1

    def on_staff_help(self) -> None:
        self.session.failure = "PHOTO_NEEDS_STAFF"

    def on_retake(self) -> None:
        self.session.retakes += 1
        self.session.capture = None

    def on_accept_photo(self) -> None:
        self.session.photo = self.session.capture

    def on_delivery_chosen(self, delivery: Delivery) -> None:
        self.session.delivery = delivery

    def on_payment_created(self, payment: Payment) -> None:
        self.session.payment = payment
        self.session.payment_polls += 1

    def on_paid(self, payment: Payment) -> None:
        self.session.payment = payment

    def on_payment_failed(self, message: str) -> None:
        self.session.failure = message

    def on_retry_payment(self) -> None:
        self.session.payment = None
        self.session.failure = None
        self.session.payment_polls = 0

    def on_recheck_payment(self) -> None:
        self.session.failure = None
        self.session.payment_polls = 0

    def on_enter_referral(self) -> None:
        self.session.ticket = secrets.token_hex(3).upper()  # no personal data: staff match it by codes

    def on_submitted(self, receipt: Receipt) -> None:
        self.session.receipt = receipt

    def on_problem(self, message: str) -> None:
        self.session.failure = message

    def note_internal_failure(self) -> None:
        self.session.failure = self.session.failure or "internal"

    def on_enter_state(self, target: State) -> None:
        screen = str(target.id)
        if not self.session.screens or self.session.screens[-1] != screen:  # polls stay on one screen
            self.session.screens.append(screen)


def service_flow(name: str, service: str, steps: tuple[Step, ...], doc: str) -> type[ServiceFlow]:
    """The chart of one service: the common steps with `steps` between the record and the photo."""
    namespace: dict[str, Any] = _common_chart()
    own = {step.name: State() for step in steps}
    for event, transitions in _route({**namespace, **own}, steps).items():
        namespace[event] = namespace[event] | transitions if event in namespace else transitions
    namespace.update(own)
    namespace.update(service=service, __doc__=doc, __module__=f"flows.{service.replace('-', '_')}")
    return cast(type[ServiceFlow], type(name, (ServiceFlow,), namespace))


def _common_chart() -> dict[str, Any]:
    """Fresh states and the transitions every service shares."""

    class Common:  # a plain class body, run afresh on every call: the states are new each time
        place_id = State(initial=True)
        access_key, reading, checking, record, refused, referral = (State() for _ in range(6))
        photo, capturing, photo_review, delivery, review = (State() for _ in range(5))
        paying, unpaid, submitting, done, failed = (State() for _ in range(5))
        closed, cancelled, timed_out = (State(final=True) for _ in range(3))

        card_placed = place_id.to(reading)
        card_needs_key = place_id.to(access_key)
        key_entered = access_key.to(reading)
        document_read = reading.to(checking)
        read_failed = (reading.to(access_key, cond="wrong_key") | reading.to(referral, cond="not_genuine")
                       | reading.to(place_id))
        checked = (checking.to(record, cond="may_proceed") | checking.to(referral, cond="is_referred")
                   | checking.to(refused))
        capture = photo.to(capturing)
        photo_taken = capturing.to(photo_review)
        capture_failed = capturing.to(photo)
        face_mismatch = capturing.to(referral)  # once per capture, after the photo checks passed
        staff_help = photo.to(failed)
        retake = photo_review.to(photo, cond="may_retake")
        accept_photo = photo_review.to(delivery)
        delivery_chosen = delivery.to(review)
        back = delivery.to(photo_review) | review.to(delivery)
        confirm = review.to(paying, cond="fee_due") | review.to(submitting, unless="fee_due")
        payment_created = paying.to.itself(internal=True)
        paid = paying.to(submitting)
        payment_failed = paying.to(unpaid)
        retry_payment = unpaid.to(paying)
        recheck_payment = unpaid.to(paying, cond="has_payment")  # "I have paid" (late, or on another phone)
        submitted = submitting.to(done)
        finish = (done.to(closed) | refused.to(closed) | referral.to(closed) | failed.to(closed)
                  | unpaid.to(closed))
        problem = failed.from_(checking, capturing, paying, submitting)
        error_execution = failed.from_.any(on="note_internal_failure")
        cancel = cancelled.from_(place_id, access_key, reading, checking, record, refused, referral, photo,
                                 capturing, photo_review, delivery, review, paying, unpaid, failed)
        timeout = timed_out.from_(place_id, access_key, reading, checking, record, refused, referral, photo,
                                  capturing, photo_review, delivery, review, paying, unpaid, done, failed)

    return {key: value for key, value in vars(Common).items() if isinstance(value, State | TransitionList)}


def _route(states: dict[str, Any], steps: tuple[Step, ...]) -> dict[str, TransitionList]:
    """`proceed`/`declare` forward through `steps` (skipping those whose guard fails), `back` one step,
    cancel and timeout from each, and the way out of a self-declaration that does not hold."""
    chain = (Step("record"), *steps, Step("photo"))
    events: dict[str, list[TransitionList]] = {"proceed": [], "declare": [], "back": []}
    for index, step in enumerate(chain[:-1]):
        guard = ["fits_step"] if step.declares else []
        for target in _reachable(chain[index + 1:]):
            events["declare" if step.declares else "proceed"].append(
                states[step.name].to(states[target.name], cond=guard + _when(target)))
    for index, step in enumerate(chain[1:], start=1):  # the service's steps and the photo step
        events["back"] += [states[step.name].to(states[target.name], cond=_when(target))
                           for target in _reachable(reversed(chain[:index]))]
    own = [states[step.name] for step in steps]
    route = {event: reduce(or_, transitions) for event, transitions in events.items() if transitions}
    route["cancel"] = states["cancelled"].from_(*own)
    route["timeout"] = states["timed_out"].from_(*own)
    if "self_declaration" in states:
        route["declare_unfit"] = states["self_declaration"].to(states["referral"])
    return route


def _reachable(candidates: Iterable[Step]) -> list[Step]:
    """The next steps in order, up to and including the first that always applies (the chain's ends,
    record and photo, always do)."""
    steps = list(candidates)
    end = next(index for index, step in enumerate(steps) if step.when is None)
    return steps[:end + 1]


def _when(step: Step) -> list[str]:
    return [step.when] if step.when else []
