"""The face-match child process: shared by the kiosk process, and gone with it however the kiosk ends."""

from __future__ import annotations

import os
import select
import subprocess
import sys

import pytest

from drivers.camera.face_match import face_match_support

SUPPORTED, WHY = face_match_support()

# A kiosk process in miniature: it starts the face-match child, says its pid, then waits to be killed.
KIOSK = ("import sys\n"
         "from kiosk.face_check import FaceCheck, _shared_pool\n"
         "print(FaceCheck(True).warm_up(), *_shared_pool()._processes, flush=True)\n"
         "sys.stdin.read()\n")


@pytest.mark.skipif(not SUPPORTED, reason=f"face match unavailable here: {WHY}")
def test_the_child_goes_when_the_kiosk_is_killed_outright() -> None:
    with subprocess.Popen([sys.executable, "-c", KIOSK], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as kiosk:
        assert kiosk.stdout is not None
        state, *pids = kiosk.stdout.readline().split()
        assert state == "ready" and len(pids) == 1
        child = os.pidfd_open(int(pids[0]))  # readable once that process has ended
        try:
            kiosk.kill()  # as systemd's watchdog or kill -9 would: no clean-up runs in the kiosk
            kiosk.wait(timeout=30)
            ended, _, _ = select.select([child], [], [], 30)
        finally:
            os.close(child)
    assert ended == [child]
