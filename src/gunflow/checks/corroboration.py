"""Rule 12, corroboration: independent sources agreeing on a figure (info), once per group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from fractions import Fraction

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Severity
from gunflow.model import Interval, Statistic

NAME = "corroboration"
SUMMARY = (
    "Independent sources (not editions of one another) agree on a figure: one finding per "
    "measure, place and period, naming the figures that share a value from the most sources."
)

#: How many figures a message names before it says "and N more".
_SHOWN = 4

#: A position on the number line: (-1, 0) is -∞; (0, x, rank) orders ends that meet at x.
_Position = tuple[int, Fraction, int]


def _range(index: Context, statistic: Statistic) -> Interval:
    return index.days(statistic) or index.bounds(statistic)


def _start(interval: Interval) -> _Position:
    """Where *interval* starts: rank 1 at a closed low end, 3 (just after) at an open one."""
    if interval.low is None:
        return (-1, Fraction(0), 0)
    return (0, interval.low, 1 if interval.low_closed else 3)


def _end(interval: Interval) -> _Position | None:
    """Where *interval* ends: rank 0 (just before) at an open high end, 2 at a closed one."""
    if interval.high is None:
        return None
    return (0, interval.high, 2 if interval.high_closed else 0)


def deepest(ranges: Sequence[Interval], voices: Sequence[str]) -> list[int]:
    """The indexes of the ranges that share the value shared by the most distinct voices.

    A sweep over the ends, in O(n log n): each start adds its range's voice, each end removes
    it; the best point is just after some start. Ties go to the lowest value.
    """
    events: list[tuple[_Position, int, int]] = []  # position, +1 start or -1 end, index
    for i, interval in enumerate(ranges):
        if interval.is_empty:
            continue
        events.append((_start(interval), 1, i))
        end = _end(interval)
        if end is not None:
            events.append((end, -1, i))
    events.sort(key=lambda e: (e[0], e[1]))
    active: Counter[str] = Counter()
    best, best_at = 0, None
    for position, step, i in events:
        active[voices[i]] += step
        if active[voices[i]] == 0:
            del active[voices[i]]
        if step == 1 and len(active) > best:
            best, best_at = len(active), position
    if best_at is None:
        return []
    return [
        i
        for i, interval in enumerate(ranges)
        if not interval.is_empty
        and _start(interval) <= best_at
        and ((end := _end(interval)) is None or end > best_at)
    ]


def _independent_pair(index: Context, statistics: Sequence[Statistic]) -> bool:
    """Whether two of *statistics* come from independent voices.

    One figure per voice is tried. When one source is a voice of them all (many articles
    citing one report), no pair can be independent: that is found in one pass, so that the
    search over pairs, which stops at the first independent one, runs only when some pair
    is likely to be.
    """
    one_per_voice = list({index.voice(s): s for s in reversed(statistics)}.values())
    voices = [index.voices(s) for s in one_per_voice]
    if len(one_per_voice) < 2 or frozenset.intersection(*voices):
        return False
    return any(
        index.independent(a, b) for i, a in enumerate(one_per_voice) for b in one_per_voice[i + 1 :]
    )


def run(index: Context) -> Iterator[Finding]:
    """Yield one info finding per group in which independent voices agree."""
    for found in index.groups():
        group = [s for s in found if not s.is_derived]  # it repeats its inputs: no voice
        ranges = [_range(index, s) for s in group]
        members = deepest(ranges, [index.voice(s) for s in group])
        agreeing = [group[i] for i in members]
        if len(agreeing) < 2 or not _independent_pair(index, agreeing):
            continue
        shared = ranges[members[0]]
        for i in members[1:]:  # the members share a point, so no intersection is empty
            shared = shared.intersection(ranges[i])
        sources = len({index.voice(s) for s in agreeing})
        labels = [index.label(s) for s in agreeing[:_SHOWN]]
        more = f" and {len(agreeing) - _SHOWN} more" if len(agreeing) > _SHOWN else ""
        yield Finding(
            rule=NAME,
            severity=Severity.INFO,
            message=(
                f"{len(agreeing)} figures from {sources} sources agree on {shared}: "
                f"{'; '.join(labels)}{more}"
            ),
            statistics=agreeing,
            intervals=(shared, *(ranges[i] for i in members)),
            labels=("agreed on", *(str(group[i].quantity) for i in members)),
        )
