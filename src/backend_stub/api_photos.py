"""Uploading the licence photo on its own; an application may then name it by `photo_id`."""

from fastapi import APIRouter, Response

from backend_stub.api_models import PhotoUpload
from backend_stub.api_responses import PhotoReceipt, errors, replay
from backend_stub.photo import decode_photo
from backend_stub.state import StubState


def photos_router(state: StubState) -> APIRouter:
    router = APIRouter(tags=["photos"])

    @router.post(
        "/photos",
        status_code=201,
        summary="Upload a licence photo (idempotent by content)",
        responses=replay(PhotoReceipt, "a photo") | errors(400, 422),
    )
    async def upload_photo(upload: PhotoUpload, response: Response) -> PhotoReceipt:
        jpeg = decode_photo(upload.photo_jpeg_b64)
        row, created = state.records.photos.add(jpeg, state.now().isoformat())
        response.status_code = 201 if created else 200
        return PhotoReceipt(photo_id=row["photo_id"], sha256=row["sha256"], bytes=row["bytes"])

    return router
