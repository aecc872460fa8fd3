"""Guards on the data folder before anything opens the store: can we write there, and is it ours alone?

- `check_writable(folder)` makes the folder if needed and writes (then removes) an empty probe file, so
  an unwritable location is found at start-up and named in one sentence, not as a failure half-way
  through creating a store.
- `InstanceLock(folder)` holds an OS lock on `spp-desktop.lock` in the folder while the app has it open.
  A second copy (the GUI or a headless command) on the same folder gets `AlreadyOpen` and never opens the
  store. The lock is the operating system's (flock on Linux and macOS, LockFileEx on Windows), so it goes
  away with the process: a crash leaves no stale lock behind, and the pid written in the file is
  only a hint for the message.

Standard library only (the CLI uses it without Qt). The lock file holds a process id, nothing else.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import IO

LOCK_NAME = "spp-desktop.lock"


class DataDirProblem(Exception):
    """The data folder cannot be used. `str(exc)` is one plain sentence naming the folder."""

    def __init__(self, folder: Path, message: str, detail: str = ""):
        super().__init__(message)
        self.folder = Path(folder)
        self.message = message
        self.detail = detail


class DataDirUnwritable(DataDirProblem):
    def __init__(self, folder: Path, detail: str = ""):
        super().__init__(folder, f"SPP Desktop cannot save in the folder {folder}: it cannot be created or "
                                 "written to. Choose another folder (with --data-dir), or ask IT for write "
                                 "access. Nothing was changed.", detail)


class AlreadyOpen(DataDirProblem):
    def __init__(self, folder: Path, pid: int | None = None):
        self.pid = pid
        super().__init__(folder, f"SPP Desktop is already open on the reviews in {folder}. Switch to that "
                                 "window (or close it) and try again. This copy did not open them.")


def check_writable(folder: Path) -> None:
    """Create `folder` if it is missing and prove a file can be written in it. Raises DataDirUnwritable."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
        fd, probe = tempfile.mkstemp(prefix=".spp-write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise DataDirUnwritable(folder, f"{type(exc).__name__}: {exc.strerror or exc}") from None


class InstanceLock:
    """`acquire()` or raise AlreadyOpen; `release()` (also on `with` exit and at process end)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> InstanceLock:
        if self._handle is not None:
            return self
        try:
            handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - kept open while we hold the lock
        except OSError as exc:
            raise DataDirUnwritable(self.folder, f"{type(exc).__name__}: {exc.strerror or exc}") from None
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise AlreadyOpen(self.folder, _read_pid(self.path)) from None
        # The pid is only for the "already open" message: on a full disk the lock holds without it.
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.flush()
        with contextlib.suppress(OSError):
            _unlock(handle)
        with contextlib.suppress(OSError):  # a full disk: the pid that could not be written fails again
            handle.close()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
