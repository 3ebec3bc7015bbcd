"""Named exceptions. The CLI turns each into one line and exit code 2."""


class FactdbError(Exception):
    """Base class: a problem the user can act on; its message says what to do."""


class LanguageDataError(FactdbError):
    """A per-language data file is missing or does not validate."""


class FolderNotFound(FactdbError):
    """The folder to build from does not exist or is not a folder."""


class DatabaseError(FactdbError):
    """The database cannot be opened, read or written."""


class DatabaseLocked(FactdbError):
    """Another build holds the database."""


class UnknownReport(FactdbError):
    """No canned report of that name."""


class BadParameter(FactdbError):
    """A report or query parameter is malformed."""


class NotFactdbDatabase(DatabaseError):
    """`--db` names a file that factdb did not write; a build refuses to replace it."""


class Terminated(KeyboardInterrupt):
    """SIGTERM during a build: it stops and cleans up as on Ctrl-C (a KeyboardInterrupt)."""
