"""Long-lived set-up tables are built once, with the cyclic collector paused, and frozen."""

from __future__ import annotations

import gc

import pytest

from pipeline.longlived import built_once


class Table:
    """Stands for a language's tables: objects the collector tracks."""

    def __init__(self, rows: int) -> None:
        self.rows = [[i] for i in range(rows)]
        self.collecting_while_built = gc.isenabled()


@built_once
def table(rows: int) -> Table:
    return Table(rows)


@built_once
def tables(rows: int) -> list[Table]:
    return [table(rows), Table(rows)]  # a set-up that runs another


def test_a_table_is_built_once_per_argument_with_the_collector_paused() -> None:
    first = table(3)
    assert table(3) is first
    assert table(4) is not first
    assert not first.collecting_while_built
    assert gc.isenabled()


def test_what_exists_after_the_set_up_is_frozen_and_collection_goes_on() -> None:
    gc.unfreeze()
    try:
        built = tables(5)
        frozen = gc.get_freeze_count()
        assert frozen >= 2 * 5  # the rows of both tables at least
        assert gc.isenabled()  # the outer set-up turned it back on, the inner one not
        assert all(not t.collecting_while_built for t in built)
        assert table.cache_info().currsize >= 1  # still a functools cache
        gc.collect()  # later objects are collected as before
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_failing_set_up_leaves_the_collector_on() -> None:
    @built_once
    def broken(rows: int) -> Table:
        raise ValueError(rows)

    with pytest.raises(ValueError):
        broken(1)
    assert gc.isenabled()
