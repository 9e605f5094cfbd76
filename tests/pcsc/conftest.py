from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.pcscd import Pcscd


@pytest.fixture(scope="session")
def pcscd() -> Iterator[Pcscd]:
    """A real pcscd with Debian's vsmartcard-vpcd, for the whole run."""
    with Pcscd() as daemon:
        yield daemon
