"""What one citizen's session knows, and how it is wiped.

Plain dataclasses: the flows fill them, the UI reads them, the kiosk sends them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MAX_RETAKES = 5  # photos a citizen may retake in one session before the last one must do

@dataclass(frozen=True)
class Identity:
    """Who the ID document on the reader says the citizen is."""

    id_number: str | None
    document_number: str
    name: str
    birth_date: date
    sex: str = ""
    nationality: str = ""
    document_kind: str = "TD1"


@dataclass(frozen=True)
class AccessKey:
    """What the citizen keys in to open the ID document's chip: the MRZ data (BAC, or PACE with the MRZ),
    or the card access number printed on the card's front (PACE with the CAN)."""

    document_number: str = ""
    birth_date: str = ""  # YYMMDD, as printed in the MRZ
    expiry_date: str = ""  # YYMMDD
    can: str = ""  # the 6-digit card access number; empty when the MRZ data were typed

    @property
    def uses_can(self) -> bool:
        return bool(self.can)


@dataclass(frozen=True)
class MedicalCertificate:
    """The physical-condition certificate (身体条件证明) a networked hospital filed for the holder."""

    issued: date
    fit: bool


@dataclass(frozen=True)
class LicenceRecord:
    """The licence as the back office holds it."""

    number: str
    holder_name: str
    classes: tuple[str, ...]
    issuing_office: str
    valid_from: date
    valid_until: date | None
    term: str
    status: str
    phone: str | None = None  # the holder's contact phone on record, to prefill delivery
    address: str | None = None  # the holder's registered address, for postal delivery
    medical_certificate: MedicalCertificate | None = None  # the networked e-certificate, when there is one


@dataclass(frozen=True)
class Eligibility:
    """The back office's answer for one service: all reasons at once (Art. 3)."""

    outcome: str  # eligible | ineligible | referred
    reasons: tuple[str, ...] = ()
    referrals: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    fee_cny: int = 0
    new_term: str | None = None
    new_valid_from: date | None = None
    new_valid_until: date | None = None
    new_classes: tuple[str, ...] = ()

    @property
    def may_proceed(self) -> bool:
        return self.outcome == "eligible"


@dataclass(frozen=True)
class Photo:
    """The cropped licence photo, JPEG-encoded, never mirrored."""

    jpeg: bytes
    width: int
    height: int
    face_check: str = "unchecked"  # match | staff_check | unchecked: how it compares with the chip's photo


@dataclass(frozen=True)
class Delivery:
    """How the new card reaches the citizen."""

    method: str  # post | collect
    phone: str
    address: str | None = None


@dataclass(frozen=True)
class Payment:
    """The fee's payment: a QR code for the citizen's phone wallet, and where it stands."""

    payment_id: str
    qr_payload: str
    amount_cny: int
    status: str  # pending | paid | declined | expired


@dataclass(frozen=True)
class Receipt:
    """What the citizen is told after confirming: the application number once the back office has
    acknowledged it, or the local reference of the queued application when it could not be reached."""

    application_id: str | None
    status: str
    reference: str = ""
    delivered: bool = True


@dataclass
class Session:
    """Everything personal about the citizen at the kiosk; `wipe` forgets all of it."""

    service: str
    access_key: AccessKey | None = None
    read_problem: str | None = None  # why the last card read failed: ACCESS_DENIED, CARD_REMOVED, …
    portrait: bytes | None = None  # the chip's photo (JPEG or JPEG 2000), for the face match
    chip_check: str | None = None  # verified | unverified | none: what the chip's authenticity checks gave
    identity: Identity | None = None
    record: LicenceRecord | None = None
    eligibility: Eligibility | None = None
    capture: Photo | None = None
    photo: Photo | None = None
    delivery: Delivery | None = None
    payment: Payment | None = None
    receipt: Receipt | None = None
    failure: str | None = None
    declarations: list[str] = field(default_factory=list)  # codes the citizen declared (flows/service.py)
    referral: str | None = None  # why the kiosk itself sent the citizen to a staffed window
    ticket: str | None = None  # the referral slip's number, for the staff at the window
    payment_polls: int = 0  # answers "still pending" since the payment was created or checked again
    retakes: int = 0
    photo_problem: str | None = None  # the measure the last rejected capture failed (DESIGN.md §4.5 names)
    photo_attempts: int = 0  # captures the photo checks rejected
    screens: list[str] = field(default_factory=list)

    def wipe(self) -> None:
        """Drop every personal field; only the service name and screen trail stay."""
        self.access_key = None
        self.read_problem = None
        self.portrait = None
        self.chip_check = None
        self.identity = None
        self.record = None
        self.eligibility = None
        self.capture = None
        self.photo = None
        self.delivery = None
        self.payment = None
        self.receipt = None
        self.failure = None
        self.declarations = []
        self.referral = None
        self.ticket = None
        self.payment_polls = 0
        self.retakes = 0
        self.photo_problem = None
        self.photo_attempts = 0

    @property
    def is_wiped(self) -> bool:
        personal = (self.access_key, self.portrait, self.identity, self.record, self.eligibility,
                    self.capture, self.photo, self.delivery, self.payment, self.receipt)
        return all(value is None for value in personal)
