"""Tests of the stand-in back office (backend_stub)."""
