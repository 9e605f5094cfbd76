"""Per-subsystem loggers whose every line passes through the privacy mask."""

from __future__ import annotations

import logging
import sys

from kiosk.privacy import mask_text


class MaskingFilter(logging.Filter):
    """Rewrites each record's final message with ID and document numbers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = mask_text(record.getMessage())
        record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = mask_text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr; every handler masks (the filter sits on the handler, so child loggers pass it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper() if level.upper() in logging.getLevelNamesMapping() else "INFO")
