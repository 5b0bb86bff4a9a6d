"""The benches' memory figures: each is the peak of a process that did only the work measured."""

from __future__ import annotations

from bench.common import run_in_child

MIB = 1024 * 1024


def allocate(mib: str) -> int:
    """Touch ``mib`` MiB, as a bench's work would (run in a child by the test below)."""
    return len(b"x" * (int(mib) * MIB))


def test_each_child_reports_its_own_peak_not_the_runners_or_an_earlier_childs() -> None:
    held = b"x" * (300 * MIB)  # the bench runner after an earlier bench: its high-water mark is high
    allocated, big_peak = run_in_child(__name__, "allocate", "200")
    nothing, small_peak = run_in_child(__name__, "allocate", "0")
    del held
    assert (allocated, nothing) == (200 * MIB, 0)
    assert big_peak >= 200
    assert small_peak < 100
