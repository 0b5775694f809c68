"""The one build cache: files kept between builds in the user's cache folder
(platformdirs: ~/.cache/barnens-basta/ on Linux), each written atomically so
parallel builds never read half a file. Only results that depend on nothing
but their key are cached (compressed bytes, dictionary answers, error
examples, the abbreviations snippet, PDF documents by a hash of all
that renders them): a stale entry is impossible, a missing
one only makes the build slower."""

from __future__ import annotations

import os
import time
from pathlib import Path

import platformdirs

APP = "barnens-basta"


def cache_dir(name: str) -> Path:
    """The folder for one kind of cached result (not created)."""
    return platformdirs.user_cache_path(APP) / name


def read(path: Path) -> bytes | None:
    """The cached bytes at `path`, or None."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically (a temporary file, then a rename);
    a folder that cannot be written only means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass
    return path


def touch(path: Path) -> None:
    """Mark a cached result as used now (prune keeps it)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune(folder: Path, days: int = 30) -> None:
    """Forget cached results in `folder` not used for `days` days."""
    limit = time.time() - days * 86400
    try:
        for entry in folder.iterdir():
            if entry.stat().st_mtime < limit:
                entry.unlink(missing_ok=True)
    except OSError:
        pass
