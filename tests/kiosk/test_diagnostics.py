"""The diagnostics gate: a slow salted PIN hash, the lockout after repeated wrong tries, and the audit
trail in the real SQLite store (which never holds the PIN)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.diagnostics import DiagnosticsGate, pin_hash, pin_matches
from kiosk.store.audit import AuditTrail

PINS = st.text(alphabet="0123456789", min_size=4, max_size=8)


@settings(max_examples=10, deadline=None)  # scrypt is slow on purpose
@given(pin=PINS, other=PINS)
def test_a_pin_matches_its_own_hash_only(pin: str, other: str) -> None:
    stored = pin_hash(pin)
    assert pin_matches(pin, stored)
    assert pin_matches(other, stored) == (other == pin)
    assert pin not in stored  # salted: the PIN is nowhere in the config


@given(st.text(max_size=80))
def test_a_malformed_stored_hash_matches_nothing(stored: str) -> None:
    assert not pin_matches("2468", stored)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_wrong_pins_lock_the_gate_and_every_attempt_is_audited(tmp_path: Path) -> None:
    audit, clock = AuditTrail(tmp_path / "kiosk.db"), Clock()
    gate = DiagnosticsGate(pin_hash("2468"), max_attempts=5, lockout_s=300, audit=audit.record, clock=clock)
    for _ in range(5):
        assert not gate.try_pin("1111")
    assert gate.locked_for() == 300
    assert not gate.try_pin("2468")  # even the right PIN waits out the lockout
    clock.now += 301
    assert gate.try_pin("2468") and gate.failures == 0
    outcomes = [row["outcome"] for row in reversed(audit.recent(20))]
    assert outcomes == [f"refused ({n} of 5)" for n in range(1, 5)] + [
        "refused; locked for 300 s", "locked", "accepted"]
    assert all("2468" not in row["outcome"] and "1111" not in row["outcome"] for row in audit.recent(20))
    audit.close()


def test_without_a_configured_pin_diagnostics_stay_closed(tmp_path: Path) -> None:
    audit = AuditTrail(tmp_path / "kiosk.db")
    gate = DiagnosticsGate("", max_attempts=5, lockout_s=300, audit=audit.record)
    assert not gate.enabled and not gate.try_pin("2468")
    assert audit.recent(1)[0]["outcome"] == "disabled"
    audit.close()
