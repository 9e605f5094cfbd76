"""Photo upload (/v1/photos), applications naming a photo_id, and the QA photo endpoints."""

import base64
import hashlib
import uuid

import pytest
import requests

from tests.backend_stub.test_stub_api import JPEG, application, assert_error, listed, submit

OTHER_JPEG = b"\xff\xd8\xff\xdb" + bytes(range(256)) * 40


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def upload(api: requests.Session, photo_b64: str) -> requests.Response:
    return api.post(f"{api.base}/v1/photos", json={"photo_jpeg_b64": photo_b64}, timeout=10)


def qa_photos(api: requests.Session) -> list[dict]:
    return requests.get(f"{api.base}/_stub/photos", timeout=10).json()


def test_an_upload_is_idempotent_by_content(api: requests.Session) -> None:
    first, again = upload(api, b64(OTHER_JPEG)), upload(api, b64(OTHER_JPEG))
    assert (first.status_code, again.status_code) == (201, 200)
    assert (
        first.json()
        == again.json()
        == {
            "photo_id": first.json()["photo_id"],
            "sha256": hashlib.sha256(OTHER_JPEG).hexdigest(),
            "bytes": len(OTHER_JPEG),
        }
    )
    assert upload(api, b64(JPEG)).json()["photo_id"] != first.json()["photo_id"]


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        ("!!!not base64!!!", "not valid base64"),
        ("QUJD\nREVG", "not valid base64"),
        (b64(b"GIF89a...."), "not a JPEG"),
        (b64(b"\xff\xd8\xff" + bytes(2 * 1024 * 1024)), None),  # over 2 MB: over the schema's length
    ],
)
def test_an_upload_is_checked_like_an_application_photo(
    api: requests.Session, photo: str, message: str | None
) -> None:
    response = upload(api, photo)
    if message:
        assert message in assert_error(response, 422, "PHOTO_INVALID")["message"]
    else:
        assert_error(response, 422, "INVALID_REQUEST")
    assert qa_photos(api) == []


def test_an_upload_needs_the_token(stub_url: str) -> None:
    response = requests.post(f"{stub_url}/v1/photos", json={"photo_jpeg_b64": b64(JPEG)}, timeout=10)
    assert_error(response, 401, "UNAUTHORISED")


def test_an_application_may_name_an_uploaded_photo(api: requests.Session) -> None:
    photo_id = upload(api, b64(OTHER_JPEG)).json()["photo_id"]
    body = application("renewal-ok", photo_id=photo_id)
    del body["photo_jpeg_b64"]
    assert submit(api, body).status_code == 201
    (row,) = listed(api)
    assert (row["photo_id"], row["photo_bytes"]) == (photo_id, len(OTHER_JPEG))
    assert row["photo_sha256"] == hashlib.sha256(OTHER_JPEG).hexdigest()
    assert row["request"]["photo_id"] == photo_id
    assert len(qa_photos(api)) == 1  # stored once


def test_an_unknown_photo_id_is_refused(api: requests.Session) -> None:
    body = application("renewal-ok", photo_id="photo-" + "0" * 32)
    del body["photo_jpeg_b64"]
    assert_error(submit(api, body), 422, "PHOTO_UNKNOWN")
    assert listed(api) == []


@pytest.mark.parametrize("both", [True, False])
def test_an_application_has_exactly_one_photo(api: requests.Session, both: bool) -> None:
    photo_id = upload(api, b64(JPEG)).json()["photo_id"]
    body = application("renewal-ok", photo_id=photo_id)
    if not both:
        del body["photo_jpeg_b64"], body["photo_id"]
    assert "exactly one" in assert_error(submit(api, body), 422, "INVALID_REQUEST")["message"]


def test_embedded_photos_are_listed_and_served_like_uploads(api: requests.Session) -> None:
    submit(api, application("renewal-ok"))
    uploaded = upload(api, b64(JPEG))
    assert uploaded.status_code == 200  # the application's photo already is this one
    (photo,) = qa_photos(api)
    assert set(photo) == {"photo_id", "sha256", "bytes", "uploaded_at"}
    assert (photo["photo_id"], photo["bytes"]) == (uploaded.json()["photo_id"], len(JPEG))
    assert photo["uploaded_at"].startswith("2026-11-26T") and photo["uploaded_at"].endswith("+08:00")
    assert listed(api)[0]["photo_id"] == photo["photo_id"]
    served = requests.get(f"{api.base}/_stub/photos/{photo['photo_id']}", timeout=10)
    assert (served.status_code, served.headers["content-type"], served.content) == (200, "image/jpeg", JPEG)


def test_an_unknown_photo_is_a_404(stub_url: str) -> None:
    response = requests.get(f"{stub_url}/_stub/photos/{uuid.uuid4()}", timeout=10)
    assert_error(response, 404, "NOT_FOUND")


def test_reset_drops_photos(api: requests.Session) -> None:
    upload(api, b64(JPEG))
    cleared = requests.post(f"{api.base}/_stub/reset", timeout=10).json()["cleared"]
    assert (cleared["photos"], qa_photos(api)) == (1, [])
