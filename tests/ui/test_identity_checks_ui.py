"""Is the citizen the document's holder? The capture is compared with the document's photo once, and the
application tells the back office what the kiosk could and could not check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.qa import run_flow
from tests.conftest import received_applications


def identity_app(stub_url: str, data_dir: Path, face_match: bool = True) -> KioskApp:
    settings = for_qa(Settings(), stub_url, data_dir)
    settings = replace(settings, photo=replace(settings.photo, face_match=face_match))
    app = build_app(settings, demo_stub=stub_url)
    app.window.show()
    return app


@pytest.fixture
def matching(qtbot, stub_url: str, tmp_path: Path) -> Iterator[KioskApp]:  # type: ignore[no-untyped-def]
    app = identity_app(stub_url, tmp_path)
    yield app
    app.close()


def test_a_matching_face_is_sent_with_the_application(matching: KioskApp, stub_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome = run_flow(matching, "renewal", "renewal-ok")
    assert outcome.outcome == "submitted"
    [application] = received_applications(stub_url)
    # the simulated reader is a contact ID-card reader: the photo comes with the data page, no chip
    assert application["request"]["identity_checks"] == {"chip": "none", "face": "match"}


def test_a_face_that_differs_from_the_document_is_referred_and_audited(matching: KioskApp, stub_url: str,
                                                                      tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.store.audit import AuditTrail
    qtbot.waitUntil(lambda: matching.conductor.technician is not None)  # the audit trail is up
    outcome = run_flow(matching, "renewal", "renewal-face-mismatch")
    assert (outcome.outcome, outcome.reasons) == ("referred", ["FACE_MISMATCH"])
    assert "photo_review" not in outcome.screens and received_applications(stub_url) == []
    audit = AuditTrail(tmp_path / "kiosk.db")
    try:
        assert [row["event"] for row in audit.recent(5)].count("face_mismatch") == 1
    finally:
        audit.close()


def test_with_face_match_off_every_application_asks_for_a_staff_check(stub_url: str, tmp_path: Path,
                                                                     qtbot) -> None:  # type: ignore[no-untyped-def]
    app = identity_app(stub_url, tmp_path, face_match=False)
    try:
        outcome = run_flow(app, "renewal", "renewal-face-mismatch")  # not even another face is noticed
        assert outcome.outcome == "submitted"
        [application] = received_applications(stub_url)
        assert application["request"]["identity_checks"] == {"chip": "none", "face": "staff_check"}
    finally:
        app.close()
