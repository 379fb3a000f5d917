"""What each spec gave last time, kept beside the register (JSON), so a re-run reads only the
specs that changed since: a spec is read again when its bytes or its office profile's bytes
changed (a hash, not the file time). A missing or unreadable cache only means reading all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path

from ..plumbing.output import write_atomic
from ..spec.profile import find_profile
from . import deadline as dl
from .collect import Entry, Gathered, gather_parallel

VERSION = 1


def cache_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.cache.json")


def _digest(path: Path | None, seen: dict) -> str | None:
    if path is None:
        return None
    if path not in seen:
        seen[path] = hashlib.sha1(path.read_bytes()).hexdigest()
    return seen[path]


def _stamp(path: Path, drafts: bool, seen: dict) -> list:
    """What the spec's entries depend on: its bytes, its office profile's bytes, --du-thao."""
    folder = ("profile", path.parent)
    if folder not in seen:
        seen[folder] = find_profile(path)
    profile = seen[folder]
    return [_digest(path, seen), str(profile), _digest(profile, seen), drafts, VERSION]


def _entry_json(e: Entry) -> dict:
    data = dataclasses.asdict(e)
    data["doc_date"] = e.doc_date.isoformat() if e.doc_date else None
    data["deadline"] = e.deadline.written or None
    return data


def _entry(data: dict) -> Entry:
    data = dict(data)
    data["doc_date"] = dt.date.fromisoformat(data["doc_date"]) if data["doc_date"] else None
    data["deadline"] = dl.read(data["deadline"])
    for key in ("co_leads", "cooperating"):
        data[key] = tuple(data[key])
    return Entry(**data)


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("specs", {}) if isinstance(data, dict) and data.get("version") == VERSION else {}


def gather(files: list[Path], drafts: bool, workers: int, register: Path) -> tuple[Gathered, list, dict]:
    """Every spec's entries, from the cache when the spec is unchanged; returns the new cache too."""
    old = _load(cache_path(register))
    seen: dict = {}
    keys = {p: str(p.resolve()) for p in files}
    stamps = {keys[p]: _stamp(p, drafts, seen) for p in files}
    fresh = [p for p in files if old.get(keys[p], {}).get("stamp") != stamps[keys[p]]]
    read, problems = gather_parallel(fresh, drafts, workers)
    by_spec: dict[str, dict] = {}
    for e in read.entries:
        by_spec.setdefault(e.source.rsplit(":", 1)[0], {"entries": []})["entries"].append(e)
    got = Gathered(warnings=list(read.warnings), drafts_skipped=list(read.drafts_skipped))
    new_cache: dict[str, dict] = {}
    fresh_keys = {keys[p] for p in fresh}
    for path in files:
        key = keys[path]
        if key in fresh_keys:
            entries = by_spec.get(str(path), {}).get("entries", [])
            warnings = [w for w in read.warnings if w.startswith(f"{path}:")]
            skipped = str(path) in read.drafts_skipped
            new_cache[key] = {"stamp": stamps[key], "entries": [_entry_json(e) for e in entries], "warnings": warnings,
                              "skipped": skipped}
        else:
            cached = old[key]
            new_cache[key] = cached
            got.warnings.extend(cached["warnings"])
            if cached["skipped"]:
                got.drafts_skipped.append(str(path))
            entries = [_entry(d) for d in cached["entries"]]
        got.entries.extend(entries)
        got.specs += 1
    return got, problems, new_cache


def save(register: Path, specs: dict) -> None:
    write_atomic(cache_path(register), json.dumps({"version": VERSION, "specs": specs}, ensure_ascii=False).encode("utf-8"))
