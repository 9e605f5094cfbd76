"""Shared helpers for the eMRTD tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEMO = Path(__file__).resolve().parents[3] / "src" / "backend_stub" / "data" / "demo.json"


def demo_persona(persona_id: str) -> dict[str, Any]:
    """A persona of the shipped scenario file, its portrait resolved against the file's folder."""
    scenario = json.loads(DEMO.read_text(encoding="utf-8"))
    persona: dict[str, Any] = next(p for p in scenario["personas"] if p["id"] == persona_id)
    persona["document"]["portrait"] = str((DEMO.parent / persona["document"]["portrait"]).resolve())
    return persona
