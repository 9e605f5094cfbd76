"""Per-subsystem loggers whose every line passes through the privacy mask."""

from __future__ import annotations

import collections
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


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RecentLogs(logging.Handler):
    """The last lines, masked like every other handler's, for the technician's diagnostics screen."""

    def __init__(self, size: int = 300) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=size)
        self.setFormatter(logging.Formatter(FORMAT))
        self.addFilter(MaskingFilter())

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


RECENT = RecentLogs()


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr and to RECENT; every handler masks (the filter sits on the handler, so child
    loggers pass it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(MaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler, RECENT]
    root.setLevel(level.upper() if level.upper() in logging.getLevelNamesMapping() else "INFO")
