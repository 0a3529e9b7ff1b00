"""Drop folders: files an agency (or an FTP/SFTP daemon) writes into a directory on our server.

A file is taken only once it is complete: never while it has a temporary name (a dotfile, or
ending ``.tmp``, ``.part``, ``.partial``, ``.filepart``, ``.crdownload`` or ``~``, the names
uploaders write under before renaming), and only when its size and modification time are the
same on two looks and it has not been modified for ``settle`` seconds. A taken file is moved to
``done/`` or ``failed/`` inside the folder, ``failed/`` with the reason in ``NAME.reason.txt``
beside it. Nothing is ever deleted; a name already taken in ``done/`` or ``failed/`` gets a
numbered suffix, so a re-sent file never overwrites the earlier one.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

DONE = "done"
FAILED = "failed"
_TEMPORARY_SUFFIXES = (".tmp", ".part", ".partial", ".filepart", ".crdownload", "~")


def is_temporary(name: str) -> bool:
    return name.startswith(".") or name.casefold().endswith(_TEMPORARY_SUFFIXES)


def ready_files(folder: Path, *, settle: float) -> list[Path]:
    """Complete files waiting in ``folder``, oldest first."""
    first_look = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and not is_temporary(entry.name):
                try:
                    stat = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # filed away by another worker's poll since the listing
                first_look[Path(entry.path)] = (stat.st_size, stat.st_mtime_ns)
    now = time.time_ns()
    ready = []
    for path, (size, mtime) in sorted(first_look.items(), key=lambda item: item[1][1]):
        if now - mtime < settle * 1e9:
            continue
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue  # renamed or taken since the first look
        if (stat.st_size, stat.st_mtime_ns) == (size, mtime):
            ready.append(path)
    return ready


def file_away(path: Path, outcome: str, *, reason: str = "") -> Path | None:
    """Move ``path`` into ``outcome`` (done/failed) beside it; the moved path, or None if gone."""
    target_dir = path.parent / outcome
    target_dir.mkdir(exist_ok=True)
    target = _free_name(target_dir / path.name)
    try:
        os.rename(path, target)
    except FileNotFoundError:
        return None
    if reason:
        target.with_name(target.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
    return target


def _free_name(target: Path) -> Path:
    number = 1
    candidate = target
    while candidate.exists() or candidate.with_name(candidate.name + ".reason.txt").exists():
        number += 1
        candidate = target.with_name(f"{target.stem}.{number}{target.suffix}")
    return candidate
