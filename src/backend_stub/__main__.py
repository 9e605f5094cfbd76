"""`python -m backend_stub`: the same as the `kiosk-stub` command."""

from backend_stub.cli import main

raise SystemExit(main())
