"""Rule 3, share × whole: a part's count agrees with its share of the whole's count."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from itertools import product

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import MeasureKind

NAME = "share_whole"
SUMMARY = (
    "Where a share's numerator and denominator are measures with figures for the same place and "
    "period, share × whole must overlap the part's count."
)


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where share × whole cannot be the part's count."""
    for measure in sorted(index.measures.values(), key=lambda m: m.id):
        if measure.kind is not MeasureKind.SHARE or not (measure.numerator and measure.denominator):
            continue
        shares = index.by_key(measure.id)
        if not shares:
            continue
        parts, wholes = index.by_key(measure.numerator), index.by_key(measure.denominator)
        for key in sorted(set(shares) & set(parts) & set(wholes), key=repr):
            for share, part, whole in product(shares[key], parts[key], wholes[key]):
                fraction = index.bounds(share) * Fraction(1, 100)
                implied = fraction.times(index.bounds(whole))
                counted = index.bounds(part)
                if implied.overlaps(counted):
                    yield Passed(
                        rule=NAME,
                        arithmetic="{0} of {1} = {intervals[0]} meets {2}",
                        statistics=(share, whole, part),
                        intervals=(implied, counted),
                    )
                    continue
                yield Finding(
                    rule=NAME,
                    severity=Severity.ERROR,
                    message=(
                        f"{index.label(share)} of {index.label(whole)} is {implied}, "
                        f"but {index.label(part)}"
                    ),
                    statistics=(share, whole, part),
                    intervals=(implied, counted),
                    labels=(f"{share.quantity} of {whole.quantity}", str(part.quantity)),
                )
