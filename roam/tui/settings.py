"""What the terminal UI remembers between runs: recent files and a few preferences.

Everything lives in one small JSON file under the user's data directory
(platformdirs).  ``ROAM_DATA_DIR`` points it elsewhere, which is how tests keep
their hands off the real one.  A damaged file is not an error worth stopping
for: the UI starts with defaults and rewrites it on the next change.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

DATA_DIR_ENV = "ROAM_DATA_DIR"
SETTINGS_FILE = "tui.json"
RECENT_LIMIT = 10
DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


def data_dir() -> Path:
    """Where roam keeps its per-user state (``$ROAM_DATA_DIR`` wins)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("roam", appauthor=False)


@dataclass
class Settings:
    """Per-user preferences plus the list of recently opened assessments."""

    language: str = "en"
    theme: str = DARK_THEME
    reviewer: str = ""
    recent: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> keys, to remap
    # Per recent file: the indicator the person left off at, the country and the progress,
    # so that the home screen says which file is which and reopening goes back there.
    places: dict[str, dict[str, str]] = field(default_factory=dict)
    folder: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, folder: Path | None = None) -> Settings:
        folder = folder or data_dir()
        try:
            raw = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        if not isinstance(raw, dict):
            raw = {}
        settings = cls(folder=folder)
        for name in ("language", "theme", "reviewer"):
            if isinstance(raw.get(name), str):
                setattr(settings, name, raw[name])
        keys = raw.get("keys")
        if isinstance(keys, dict):
            settings.keys = {k: v for k, v in keys.items() if isinstance(v, str)}
        recent = raw.get("recent")
        if isinstance(recent, list):
            settings.recent = [p for p in recent if isinstance(p, str)][:RECENT_LIMIT]
        places = raw.get("places")
        if isinstance(places, dict):
            settings.places = {
                path: {k: v for k, v in place.items() if isinstance(v, str)}
                for path, place in places.items()
                if path in settings.recent and isinstance(place, dict)
            }
        return settings

    def folder_path(self) -> Path:
        return self.folder or data_dir()

    def save(self) -> None:
        """Write the file; failing to remember a preference never stops the work."""
        folder = self.folder_path()
        data = asdict(self)
        data.pop("folder")
        from roam.assessment.atomic_file import write_atomically
        from roam.errors import RoamError

        try:
            folder.mkdir(parents=True, exist_ok=True)
            content = json.dumps(data, indent=2).encode("utf-8")
            write_atomically(folder / SETTINGS_FILE, content, backup=False)
        except (OSError, RoamError):
            pass

    def remember(self, path: Path) -> None:
        """Put ``path`` first in the recent list and save."""
        entry = str(path.resolve())
        self.recent = [entry, *(p for p in self.recent if p != entry)][:RECENT_LIMIT]
        self.save()

    def forget(self, path: str) -> None:
        self.recent = [p for p in self.recent if p != path]
        self.places.pop(path, None)
        self.save()

    def place(self, path: Path) -> dict[str, str]:
        """What was remembered of ``path``: "code", "country", "progress" (empty if nothing)."""
        return self.places.get(str(path.resolve()), {})

    def remember_place(self, path: Path, **place: str) -> None:
        """Remember where the person left ``path`` (a recent file) and what it holds."""
        entry = str(path.resolve())
        if entry in self.recent:
            self.places[entry] = {**self.places.get(entry, {}), **place}
            self.places = {p: v for p, v in self.places.items() if p in self.recent}
            self.save()
