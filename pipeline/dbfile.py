"""The database file itself: what `--db` may name, how it is opened, whose it is.

Shared by the build (which replaces the file) and the readers (which only open it), so
that both tell the same things apart: a missing file, something that is not a regular
file, a file another process holds, a file that is not DuckDB's, a damaged one, and a
DuckDB database that factdb did not write.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

import duckdb

from pipeline.errors import DatabaseError, DatabaseLocked, NotFactdbDatabase
from schemas.tables import TABLES, ddl

MOVE = "move it away or use another --db"
META_TABLE = "factdb_meta"  # key/value rows; not in TABLES: it holds no facts
APPLICATION = "factdb"
# Changes with any column of any table, so a database says which schema it was built with.
SCHEMA_VERSION = hashlib.sha256("\n".join(ddl(t) for t in TABLES).encode()).hexdigest()[:12]


def database_path(db: Path) -> Path:
    """The file `--db` names, checked before anything opens it: a symlink is followed to
    its target (the file a build locks and replaces), and what is there must be a
    regular file or nothing. Opening a FIFO blocks forever, and replacing a device node
    or a socket destroys it."""
    if not _is_utf8(str(db)):
        raise DatabaseError(
            f"--db {printable(db)} is not a valid UTF-8 path, which DuckDB cannot open; "
            "give a name of UTF-8 characters"
        )
    target = Path(os.path.realpath(db)) if db.is_symlink() else db
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise DatabaseError(f"cannot use {target} as the database: {exc.strerror}") from None
    if stat.S_ISDIR(mode):
        raise DatabaseError(
            f"{target} is a folder; give --db a file name such as {target}/factdb.duckdb"
        )
    if not stat.S_ISREG(mode):
        raise DatabaseError(
            f"{target} is {_file_kind(mode)}, not a database file; give --db a regular file"
        )
    return target


def _file_kind(mode: int) -> str:
    kinds = {
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next((kind for test, kind in kinds.items() if test(mode)), "not a regular file")


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode's surrogates for undecodable bytes
        return False
    return True


def printable(path: Path | str) -> str:
    """A path as valid Unicode: undecodable bytes as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to `db`, or a `DatabaseError` that tells a database another
    process holds apart from a file that is not a DuckDB database or is damaged."""
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise open_error(db, exc) from None


def open_error(db: Path, exc: duckdb.Error) -> DatabaseError:
    first = first_line(exc)
    if "Could not set lock" in first or "Conflicting lock" in first:
        holder = re.search(r"\(PID (\d+)\)", first)
        who = f"process {holder.group(1)}" if holder else "another process"
        return DatabaseLocked(
            f"{db} is locked by {who}, which has it open for writing; "
            "wait for it or close it, then try again"
        )
    if not _has_duckdb_magic(db):
        return NotFactdbDatabase(f"{db} is not a DuckDB file")
    return DatabaseError(f"{db} is a damaged DuckDB file ({first}); rebuild it or restore a copy")


def _has_duckdb_magic(db: Path) -> bool:
    """DuckDB's files carry "DUCK" at byte 8 (its main header's magic bytes)."""
    try:
        with db.open("rb") as fh:
            return fh.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def check_replaceable(db: Path) -> None:
    """Refuse to build over a file factdb did not write: `--db` may name the wrong file,
    and a build replaces what is there. Call with `database_path(db)`.

    factdb's databases say so in their `factdb_meta` table. Those built before the
    table existed are recognised by their tables: exactly factdb's, column for column.
    Another program's database that merely has a `runs` table is left alone.
    """
    if not db.exists() or db.stat().st_size == 0:
        return
    try:
        con = open_read_only(db)
    except NotFactdbDatabase as exc:
        raise NotFactdbDatabase(f"{exc}; not replacing it: {MOVE}") from None
    try:
        if is_factdb(con):
            return
    except duckdb.Error as exc:
        raise DatabaseError(
            f"{db} cannot be read ({first_line(exc)}); not replacing it: {MOVE}"
        ) from None
    finally:
        con.close()
    raise NotFactdbDatabase(f"{db} is not a factdb database: {MOVE}")


def is_factdb(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the open database was written by factdb (see `check_replaceable`)."""
    tables = {
        t
        for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'"
        ).fetchall()
    }
    if META_TABLE in tables:
        marker = con.execute(f"select value from {META_TABLE} where key = 'application'").fetchall()
        return marker == [(APPLICATION,)]
    return tables == set(TABLES) and live_columns(con) == declared_columns()


def write_marker(con: duckdb.DuckDBPyConnection) -> None:
    """The `factdb_meta` table: what wrote this database, and the schema it has."""
    con.execute(f"create table {META_TABLE} (key varchar primary key, value varchar)")
    con.execute(
        f"insert into {META_TABLE} values ('application', $app), ('schema_version', $version)",
        {"app": APPLICATION, "version": SCHEMA_VERSION},
    )


def declared_columns() -> dict[str, list[tuple[str, str]]]:
    """Each table's (column, type) pairs as the DDL of schemas/tables.py makes them."""
    with duckdb.connect() as con:
        for table in TABLES:
            con.execute(ddl(table))
        return live_columns(con)


def live_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Each table's (column, type) pairs in the open database (factdb_meta left out)."""
    rows = con.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = 'main' and table_name <> $meta "
        "order by table_name, ordinal_position",
        {"meta": META_TABLE},
    ).fetchall()
    found: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        found.setdefault(table, []).append((column, data_type))
    return found
