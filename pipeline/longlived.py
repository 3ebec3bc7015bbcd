"""Tables built once per process and kept for its life, out of the cyclic collector's way.

A language's word lists and its spaCy pipeline are hundreds of thousands of objects that
live as long as the process. Python's cyclic garbage collector ran again and again while
they were built (each collection walks the objects built so far) and then walked all of
them in each later full collection: about 6% of a build's CPU went to the collector, most
of it in such set-up. `built_once` builds them with the collector paused and then freezes
what exists (`gc.freeze`: the collector ignores those objects from then on; reference
counting still frees whatever is dropped, so nothing is kept alive by it).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import cache, wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def built_once(build: Callable[P, T]) -> Callable[P, T]:
    """`functools.cache` for a function that builds long-lived tables: the first call
    for given arguments runs with the collector paused, then freezes what exists."""

    @cache
    @wraps(build)
    def once(*args: P.args, **kwargs: P.kwargs) -> T:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            if collecting:  # the outermost set-up: nested ones are frozen with it
                gc.freeze()
                gc.enable()

    return once  # type: ignore[return-value]
