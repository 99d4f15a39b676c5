"""The collector paused while records or a report are made in bulk, and left as it was."""

from __future__ import annotations

import gc
import weakref

from gunflow._collector import collection_paused


class _Node:
    """A container the collector tracks (and that can be weakly referenced)."""

    def __init__(self) -> None:
        self.other: object = None


def test_the_collector_is_paused_inside_and_running_after():
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_was_made_inside_goes_to_the_oldest_generation():
    with collection_paused():
        made = _Node()
    assert any(found is made for found in gc.get_objects(generation=2))


def test_cycles_made_inside_are_still_collected_afterwards():
    with collection_paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
    assert gone() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert gone() is None


def test_objects_the_caller_froze_stay_frozen():
    kept = _Node()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collection_paused():
            _Node()
        assert gc.get_freeze_count() == frozen
        assert not any(found is kept for found in gc.get_objects(generation=2))
    finally:
        gc.unfreeze()
