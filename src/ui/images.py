"""One image provider for everything QML shows that is not a file: preview, photo, QR code."""

from __future__ import annotations

import io
import threading

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider


class KioskImages(QQuickImageProvider):
    """Serves `image://kiosk/<name>/<version>`; the version only defeats QML's image cache."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._lock = threading.Lock()  # the scene graph may ask from its render thread
        self._images: dict[str, QImage] = {}

    def put(self, name: str, image: QImage | None) -> None:
        with self._lock:
            if image is None or image.isNull():
                self._images.pop(name, None)
            else:
                self._images[name] = image

    def put_jpeg(self, name: str, jpeg: bytes | None) -> None:
        self.put(name, QImage.fromData(jpeg) if jpeg else None)

    def put_qr(self, name: str, text: str | None) -> None:
        if not text:
            self.put(name, None)
            return
        import segno  # only the done screen needs it: keep it off the start-up path
        buffer = io.BytesIO()
        segno.make(text, error="m").save(buffer, kind="png", scale=10, border=2)
        self.put(name, QImage.fromData(buffer.getvalue()))

    def clear(self) -> None:
        with self._lock:
            self._images.clear()

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802
        with self._lock:
            image = self._images.get(image_id.split("/", 1)[0])
        if image is None:
            image = QImage(1, 1, QImage.Format.Format_RGB32)
            image.fill(0xFFFFFF)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
