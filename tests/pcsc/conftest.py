from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from kiosk.pcscd import Pcscd


@pytest.fixture(scope="session")
def session_pcscd() -> Iterator[Pcscd]:
    """A real pcscd with Debian's vsmartcard-vpcd, for the whole run."""
    with Pcscd() as daemon:
        yield daemon


@pytest.fixture
def pcscd(session_pcscd: Pcscd) -> Pcscd:
    """The daemon, up: Debian's pcscd 1.9.9 has been seen to exit once under rapid card insertions and
    removals; a test then starts from a running daemon instead of failing on the previous test's crash."""
    if not session_pcscd.serving():
        logging.getLogger("tests.pcsc").warning("pcscd was not running: restarting it")
        session_pcscd.restart()
    return session_pcscd
