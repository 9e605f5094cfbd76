"""What any camera gives the kiosk: BGR frames, one at a time, on the caller's thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Frame = npt.NDArray[np.uint8]
    """A BGR image, height × width × 3, as OpenCV delivers it."""
else:
    Frame = Any  # numpy is imported only where frames are made, not by everyone naming the type


class Camera(Protocol):
    """A live camera. `read` blocks for at most one frame interval."""

    name: str

    def read(self) -> Frame:
        """The next frame; raises drivers.errors.NoDevice when the camera is gone."""
        ...

    def close(self) -> None: ...
