"""Entry script of the PyInstaller bundle (kiosk.spec): the `kiosk` console script, frozen.

The kiosk starts helpers as `sys.executable -m MODULE` (the demo's stub, bench probes, the card
emulator). Frozen, sys.executable is this program, so `-m MODULE ARGS` is honoured here the way
`python -m` would; kiosk.spec collects those modules.
"""

import multiprocessing
import runpy
import sys

# A spawned child (the face match, kiosk/face_check.py) runs here; PyInstaller makes this work off Windows too.
multiprocessing.freeze_support()
if len(sys.argv) > 2 and sys.argv[1] == "-m":
    module = sys.argv[2]
    sys.argv = [sys.argv[0], *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
else:
    from kiosk.cli import main

    sys.exit(main())
