"""Prints the OpenAPI document of the /v1 API: `python -m backend_stub.openapi > docs/openapi.json`.

Pretty-printed with sorted keys, so the committed file changes only when the API does
(tests/backend_stub/test_openapi.py fails when they differ).
"""

import json
from datetime import date
from typing import Any

from backend_stub.app import create_app

# The document does not depend on personas, date, office or tokens; fixed values keep it stable.
_TODAY = date(2026, 1, 1)


def openapi_document() -> dict[str, Any]:
    return create_app({}, _TODAY, "371500", []).openapi()


def openapi_text() -> str:
    return json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    print(openapi_text(), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
