"""The stand-in back office for QA and demos. Imports nothing of the kiosk."""
