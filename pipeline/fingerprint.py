"""The extractor's version: its release and a fingerprint of its code, data and libraries.

Apart from `pipeline.process` so that what needs the version (the caches of
`pipeline.cache`) does not import spaCy with it.
"""

from __future__ import annotations

import contextlib
import hashlib
from importlib import metadata
from pathlib import Path

# Bump on a change the fingerprint below cannot see; incremental builds redo every
# article whose extractor_version differs from EXTRACTOR_VERSION.
EXTRACTOR_RELEASE = "0.1.0"
# Code and data that do not change what is extracted: editing them keeps the database.
READ_SIDE = frozenset({"cli.py", "query.py", "report.py", "check.py", "terminal.py"})
READ_SIDE_PACKAGES = frozenset({"explore"})  # the static site reads the tables, writes none
# every library whose answers end up in the tables: a new release may read text otherwise
FINGERPRINTED_LIBRARIES = (
    "spacy",
    "lingua-language-detector",
    "ftfy",
    "dateparser",
    "pydantic",
    "pint",
    "text2num",
    "rapidfuzz",
)


def fingerprint() -> str:
    """sha256 of the extraction code, its language data and the libraries' versions: any
    edit makes the next incremental build process every article again."""
    package = Path(__file__).resolve().parent
    files = [
        *(
            f
            for f in package.rglob("*.py")
            if f.name not in READ_SIDE and f.relative_to(package).parts[0] not in READ_SIDE_PACKAGES
        ),
        *package.glob("lang/**/*.toml"),  # the generated unit catalogue too
        *package.glob("data/*.toml"),
        *(package.parent / "schemas").glob("*.py"),
    ]
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda f: f.relative_to(package.parent).as_posix()):
        digest.update(path.relative_to(package.parent).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for dist in FINGERPRINTED_LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{dist}=={metadata.version(dist)}\0".encode())
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = f"{EXTRACTOR_RELEASE}+{fingerprint()}"
