"""Fixtures for the eMRTD layer: the demo personas, their cards, and an in-process chip."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
import pytest

from drivers.card.card_builder import BuiltCard, build_card
from drivers.card.card_signer import ThrowawayPki
from tests.drivers.card.helpers import demo_persona


@pytest.fixture(scope="session")
def pki() -> ThrowawayPki:
    """One throwaway CSCA and document signer for the run (generated, never stored)."""
    return ThrowawayPki.generate()


@pytest.fixture
def wang() -> dict[str, Any]:
    return demo_persona("renewal-ok")


@pytest.fixture(scope="session")
def wang_card(pki: ThrowawayPki) -> BuiltCard:
    """The card of `renewal-ok`: TD1, Chinese name, ID number, address, the 19 KB demo portrait."""
    return build_card(demo_persona("renewal-ok"), pki=pki)


@pytest.fixture(scope="session")
def small_jpeg() -> bytes:
    """A tiny real JPEG, for fast fuzzing of DG2."""
    image = np.zeros((16, 12, 3), np.uint8)
    image[4:12, 3:9] = (40, 160, 220)
    ok, encoded = cv2.imencode(".jpg", image)
    assert ok
    return encoded.tobytes()


@pytest.fixture(scope="session")
def small_card(pki: ThrowawayPki, small_jpeg: bytes) -> BuiltCard:
    """`renewal-ok` with a tiny portrait: every file small enough to mutate quickly."""
    return build_card(demo_persona("renewal-ok"), pki=pki, portrait=small_jpeg)
