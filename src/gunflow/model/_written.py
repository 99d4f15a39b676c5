"""Reading the numbers a figure states in words: "17,544", "$5.9 million", "Ninety", "sixfold".

A figure's ``written`` form must read as its ``value``, so that a slip in either is caught when
the record is made. English number words are read with a small table of our own rather than a
number-words library: the few words reporting uses ("seven", "Ninety", "four times", "nearly
sixfold", "a year", "three and a half") are covered by the table below, while the libraries
tried either cannot read "sixfold", "a year" or "$5.9 million" or read the last as 1,000,000;
and the loader must not depend on more than attrs, cattrs and pendulum.
"""

from __future__ import annotations

import re
from decimal import Decimal

from gunflow.model._common import InvalidField

__all__ = ["check_written", "numbers_in", "shares_in"]

_ONES = (  # noqa: SIM905 - a sentence of words reads better than a column of them
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905

#: Words that are a number on their own, or start one.
_UNITS: dict[str, int] = {
    **{word: value for value, word in enumerate(_ONES)},
    **{word: 10 * (i + 2) for i, word in enumerate(_TENS)},
    "twice": 2,
    "thrice": 3,
    "double": 2,
    "doubled": 2,
    "triple": 3,
    "tripled": 3,
}
#: Words that multiply what comes before them ("five hundred", "$5.9 million").
_SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: Words that state a share of a whole: "about half" of the guns is 50 percent of them.
_SHARES: dict[str, Decimal] = {"half": Decimal(50), "quarter": Decimal(25)}
#: Words that join the two ends of a range: "$53.7 to 214.6 million".
_RANGE_JOINS = frozenset({"to", "and"})

#: A number in digits (a minus sign only where nothing is written before it), or a word.
_TOKEN = re.compile(r"(?:(?<![\w.,])[-−])?\d+(?:,\d+)*(?:\.\d+)?|[a-z]+")
_GROUPED = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
#: A figure written in digits alone ("12,345", "12.5"), which reads as itself.
_PLAIN = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _digits(piece: str) -> Decimal:
    if not _GROUPED.fullmatch(piece):
        raise InvalidField("written", f"{piece!r} is not grouped in thousands (1,234,567)")
    return Decimal(piece.replace(",", "").replace("−", "-"))


class _Words:
    """A run of number words being added up: "two thousand five hundred" is 2,500."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.current = Decimal(0)

    def add(self, value: int | Decimal) -> None:
        self.current += Decimal(value)

    def times(self, factor: int) -> None:
        """Multiply what was said so far: "five hundred", "two thousand", "a dozen"."""
        if factor < 1_000:
            self.current = (self.current or Decimal(1)) * factor
        else:
            self.total += (self.current or Decimal(1)) * factor
            self.current = Decimal(0)

    def goes_on_after_and(self) -> bool:
        """Whether "and" continues this number ("a hundred and ten"), not a new one."""
        return self.total > 0 or (self.current > 0 and self.current % 100 == 0)

    def value(self) -> Decimal:
        return self.total + self.current


def numbers_in(written: str) -> tuple[Decimal, ...]:
    """Every number *written* states, in order: ``"about 2,000"`` is ``(2000,)``.

    Digits may be grouped by commas and followed by a scale word ("$5.9 million"); words may
    be hyphenated ("twenty-three"), scaled ("two thousand"), halved ("three and a half"),
    multiplied ("sixfold", "twice", "a dozen"); "a" or "an" stands for one when no other
    number is written ("a year later").

    >>> numbers_in("$5.9 million"), numbers_in("Ninety percent"), numbers_in("nearly sixfold")
    ((Decimal('5900000.0'),), (Decimal('90'),), (Decimal('6'),))

    Raises:
        InvalidField: digits are grouped wrongly ("1,00").

    """
    if _PLAIN.fullmatch(written):  # the most common form, read without the word reader
        return (Decimal(written.replace(",", "")),)
    return _read_numbers(written)


def _read_numbers(written: str) -> tuple[Decimal, ...]:
    """The numbers *written* states, read word by word (see :func:`numbers_in`)."""
    pieces = _TOKEN.findall(written.lower())
    numbers: list[Decimal] = []
    words: _Words | None = None
    article = False

    def close() -> None:
        nonlocal words
        if words is not None:
            numbers.append(words.value())
        words = None

    i = 0
    while i < len(pieces):
        piece = pieces[i]
        following = pieces[i + 1] if i + 1 < len(pieces) else ""
        stem = piece.removesuffix("fold")
        if not piece.isalpha():
            close()
            number = _digits(piece)
            if following in _SCALES:
                number *= _SCALES[following]
                i += 1
            elif following in _RANGE_JOINS and _scale_after(pieces, i + 2):
                numbers.append(number * _scale_after(pieces, i + 2))  # "53.7 to 214.6 million"
            numbers.append(number)
        elif piece == "dozen" or (piece in _SCALES and words is not None):
            words = words or _Words()
            words.times(12 if piece == "dozen" else _SCALES[piece])
        elif stem in _UNITS:
            words = words or _Words()
            words.add(_UNITS[stem])
        elif piece == "and" and words is not None and pieces[i + 1 : i + 3] == ["a", "half"]:
            words.add(Decimal("0.5"))
            i += 2
        elif piece in ("a", "an") and (following in _SCALES or following == "dozen"):
            close()
            words = _Words()
            words.add(1)
        elif piece in ("a", "an"):
            close()
            article = True
        elif not (piece == "fold" or (piece == "and" and words and words.goes_on_after_and())):
            close()
        i += 1
    close()
    if not numbers and article:
        numbers.append(Decimal(1))
    return tuple(numbers)


def _scale_after(pieces: list[str], at: int) -> int:
    """The scale word after the number at *at* ("214.6 million"), or 0 when there is none."""
    if at + 1 < len(pieces) and not pieces[at].isalpha() and pieces[at + 1] in _SCALES:
        return _SCALES[pieces[at + 1]]
    return 0


def shares_in(written: str) -> tuple[Decimal, ...]:
    """The shares *written* states in words, in percent: "about half" is ``(50,)``."""
    pieces = _TOKEN.findall(written.lower())
    return tuple(_SHARES[p] for p in pieces if p in _SHARES)


def _shown(number: Decimal) -> str:
    return f"{number.normalize():,f}"


def check_written(
    written: str,
    value: Decimal,
    *,
    signed: bool = True,
    role: str = "the value",
    percent: bool = False,
) -> None:
    """Refuse a figure whose words do not state its value ("17,544" with value 27,544).

    Args:
        written: the figure as the quote words it.
        value: the value recorded for it, or one end of the range it states.
        signed: False for a rise or fall, whose sign the words around it give ("down 12
            percent" is -12): only its size is compared then.
        role: what *value* is to the figure, as the message names it ("the low end").
        percent: whether *value* is a share in percent, which "half" or "a quarter" may state.

    Raises:
        InvalidField: naming ``written``, with both the number read and the value.

    """
    numbers = numbers_in(written)
    if signed and value in numbers:  # the most common: the value in digits or words
        return
    if percent:
        numbers += shares_in(written)
    if not signed:
        numbers, value = tuple(abs(n) for n in numbers), abs(value)
    if value in numbers:
        return
    if not numbers:
        raise InvalidField(
            "written",
            f"{written!r} states no number, in digits or words, to read as {role} {_shown(value)}",
        )
    read = " or ".join(_shown(n) for n in dict.fromkeys(numbers))
    raise InvalidField("written", f"{written!r} reads as {read}, not as {role} {_shown(value)}")
