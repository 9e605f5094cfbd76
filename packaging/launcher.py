"""Entry script of the PyInstaller bundle (kiosk.spec): the `kiosk` console script, frozen.

The kiosk starts helpers as `sys.executable -m MODULE` (the demo's stub, bench probes, the card
emulator). Frozen, sys.executable is this program, so `-m MODULE ARGS` is honoured here the way
`python -m` would; kiosk.spec collects those modules.
"""

import runpy
import sys

if len(sys.argv) > 2 and sys.argv[1] == "-m":
    module = sys.argv[2]
    sys.argv = [sys.argv[0], *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
else:
    from kiosk.cli import main

    sys.exit(main())
