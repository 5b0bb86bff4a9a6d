"""What SoloCRM ships with, and under which licence: for the About dialog and the bundle.

Read from installed distribution metadata (the bundle carries it too), so the
list follows ``pyproject.toml`` without a hand-kept copy that would drift.
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
from dataclasses import dataclass

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_SHORT_LICENCE = 60  # longer "License" fields are the whole text, not a name
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    licence_text: str  # the distribution's own licence files, "" when it ships none


def _requirement_names(dist: str) -> list[str]:
    names = []
    for line in metadata.requires(dist) or []:
        requirement, _, marker = line.partition(";")
        if "extra" in marker:
            continue  # optional extras (tests) are not bundled
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def bundled_distributions(root: str = "solocrm") -> list[str]:
    """``root`` and every installed distribution it requires, transitively, sorted by name."""
    seen: dict[str, str] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        key = _normalise(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        seen[key] = dist.metadata["Name"]
        pending.extend(_requirement_names(name))
    return sorted(seen.values(), key=str.lower)


def _licence_name(meta: metadata.PackageMetadata) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= _SHORT_LICENCE:
        return field
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License :: OSI Approved :: "):
            return classifier.rsplit(" :: ", 1)[1]
    return ""


def _licence_text(dist: metadata.Distribution) -> str:
    texts = []
    for file in dist.files or []:
        if ".dist-info" in str(file) and _LICENCE_FILE.search(file.name):
            try:
                texts.append(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return "\n\n".join(texts)


def components() -> list[Component]:
    """Python itself and every bundled distribution, with licence name and text."""
    result = [Component("Python", platform.python_version(), "PSF-2.0", "")]
    for name in bundled_distributions():
        dist = metadata.distribution(name)
        result.append(Component(name, dist.version, _licence_name(dist.metadata), _licence_text(dist)))
    return result
