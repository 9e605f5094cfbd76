"""The submitted licence photo: strict base64, a JPEG, not empty, at most 2 MB."""

import base64
import binascii

from backend_stub.errors import ApiError

MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_PHOTO_B64_CHARS = (MAX_PHOTO_BYTES + 2) // 3 * 4
JPEG_START = b"\xff\xd8\xff"  # SOI marker followed by the first segment's marker


def decode_photo(photo_b64: str) -> bytes:
    try:
        photo = base64.b64decode(photo_b64, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(422, "PHOTO_INVALID", "photo_jpeg_b64 is not valid base64") from None
    if not photo:
        raise ApiError(422, "PHOTO_INVALID", "the photo is empty")
    if len(photo) > MAX_PHOTO_BYTES:
        raise ApiError(422, "PHOTO_INVALID", f"the photo is over {MAX_PHOTO_BYTES} bytes")
    if not photo.startswith(JPEG_START):
        raise ApiError(422, "PHOTO_INVALID", "the photo is not a JPEG")
    return photo
