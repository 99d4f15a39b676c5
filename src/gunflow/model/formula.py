"""The working of a derived figure: sums, differences, products and ratios of figures named.

A formula is read by a small parser of its own, never evaluated as Python: numbers, names,
``+ - * /`` and parentheses, nothing else. A name is a figure's id, or the last part of it
(after the last ``/``) when no other input shares that part. Since ids may hold ``-`` and
``/``, a minus or a division sign between two names is written with spaces around it
(``submitted - undetermined``, ``us / submitted * 100``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from gunflow.model._common import InvalidField
from gunflow.model.interval import Interval
from gunflow.model.quantity import Unit

__all__ = ["Formula"]

#: The longest formula read, and the deepest nesting of parentheses.
MAX_LENGTH, MAX_DEPTH = 1000, 32

_TOKEN = re.compile(r"\s*(?:(?P<op>[-+*/()])|(?P<word>[A-Za-z0-9_./][A-Za-z0-9_./-]*))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")

#: A parsed formula: a number, a name, or (operator, left, right).
Node = Fraction | str | tuple[str, "Node", "Node"]


class _Parser:
    """Recursive descent over ``expr := term (+|- term)*``, ``term := atom (*|/ atom)*``."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.at = 0
        self.depth = 0

    def parse(self) -> Node:
        node = self.expression()
        if self.at < len(self.tokens):
            raise _malformed(f"unexpected {self.tokens[self.at][1]!r}")
        return node

    def next_is(self, *ops: str) -> str | None:
        if self.at < len(self.tokens) and self.tokens[self.at] in {("op", o) for o in ops}:
            self.at += 1
            return self.tokens[self.at - 1][1]
        return None

    def expression(self) -> Node:
        node = self.term()
        while (op := self.next_is("+", "-")) is not None:
            node = (op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.atom()
        while (op := self.next_is("*", "/")) is not None:
            node = (op, node, self.atom())
        return node

    def atom(self) -> Node:
        if self.at >= len(self.tokens):
            raise _malformed("it ends where a number, a name or '(' is expected")
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "word":
            return Fraction(Decimal(text)) if _NUMBER.fullmatch(text) else text
        if text != "(":
            raise _malformed(f"{text!r} where a number, a name or '(' is expected")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _malformed(f"parentheses nested deeper than {MAX_DEPTH}")
        node = self.expression()
        if self.next_is(")") is None:
            raise _malformed("a '(' is never closed")
        self.depth -= 1
        return node


def _malformed(why: str) -> InvalidField:
    return InvalidField(
        "formula", f"cannot be read: {why} (a formula holds numbers, names, + - * / and ( ))"
    )


def _tokens(text: str) -> list[tuple[str, str]]:
    if len(text) > MAX_LENGTH:
        raise _malformed(f"longer than {MAX_LENGTH} characters")
    found: list[tuple[str, str]] = []
    at = 0
    while text[at:].strip():
        match = _TOKEN.match(text, at)
        if match is None:
            raise _malformed(f"{text[at:].strip()[0]!r} is not allowed")
        kind = "op" if match.group("op") else "word"
        found.append((kind, match.group(kind)))
        at = match.end()
    return found


def _names(node: Node) -> Iterable[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, tuple):
        yield from _names(node[1])
        yield from _names(node[2])


@attrs.frozen(kw_only=True)
class Formula:
    """A formula read from its text, its names bound to the ids of the figures it combines.

    >>> f = Formula.parse("submitted - undetermined", ["gao/submitted", "gao/undetermined"])
    >>> f.inputs
    ('gao/submitted', 'gao/undetermined')
    >>> print(f.evaluate({"gao/submitted": Interval.closed(100, 110),
    ...                   "gao/undetermined": Interval.point(10)}))
    [90, 100]

    .. versionadded:: 0.2.0
    """

    text: str
    tree: Node = attrs.field(repr=False)
    #: Each name written, with the id it stands for.
    bindings: Mapping[str, str] = attrs.field(repr=False)

    @classmethod
    def parse(cls, text: str, derived_from: Iterable[str]) -> Formula:
        """Read *text*, binding its names to the ids in *derived_from*.

        Raises:
            ValueError: the text is malformed, or names a figure that is not in
                *derived_from* (the loader reports it under the field ``formula``).

        """
        tree = _Parser(text).parse()
        ids = list(derived_from)
        short: dict[str, list[str]] = {}
        for id_ in ids:
            short.setdefault(id_.rsplit("/", 1)[-1], []).append(id_)
        bindings: dict[str, str] = {}
        for name in _names(tree):
            if name in ids:
                bindings[name] = name
            elif len(short.get(name, ())) == 1:
                bindings[name] = short[name][0]
            else:
                why = "is the last part of several" if name in short else "is not one"
                raise InvalidField(
                    "formula",
                    f"names {name!r}, which {why} of the figures in derived_from "
                    f"({', '.join(ids) or 'none'}); write a figure's id, or the part after its "
                    "last '/', and spaces around '-' and '/'",
                )
        return cls(text=text, tree=tree, bindings=bindings)

    @property
    def inputs(self) -> tuple[str, ...]:
        """The ids the formula uses, in the order first named."""
        return tuple(dict.fromkeys(self.bindings.values()))

    def evaluate(self, values: Mapping[str, Interval]) -> Interval | None:
        """Every value the formula can take when each figure (by id) is in its interval.

        None when that is not an interval this arithmetic can give: a product or a ratio of
        two ranges either of which may be negative, or a division by a range that holds zero.
        """
        return self._at(self.tree, values)

    def unit(self, units: Mapping[str, Unit]) -> Unit | None:
        """The unit of what the formula gives, the unit of each figure (by id) in *units*.

        Sums and differences keep their figures' unit (and a number added or taken away
        keeps it: ``100 - share``). A product or a ratio is in a unit of its own, even of a
        figure and a number, which may convert it (``days / 365`` is in years): None, as for
        a formula of numbers alone.

        >>> f = Formula.parse("submitted - undetermined", ["gao/submitted", "gao/undetermined"])
        >>> f.unit({"gao/submitted": Unit.COUNT, "gao/undetermined": Unit.COUNT})
        <Unit.COUNT: 'count'>

        Raises:
            ValueError: it adds or subtracts figures in different units (``count - percent``).

        """
        found = _unit_at(self.tree, self.bindings, units)
        return found if isinstance(found, Unit) else None

    def _at(self, node: Node, values: Mapping[str, Interval]) -> Interval | None:
        if isinstance(node, Fraction):
            return Interval.point(node)
        if isinstance(node, str):
            return values[self.bindings[node]]
        op, left_node, right_node = node
        left, right = self._at(left_node, values), self._at(right_node, values)
        if left is None or right is None:
            return None
        return _OPERATIONS[op](left, right)


#: What :meth:`Formula.unit` reads a number as: a plain number, in no unit.
_PLAIN = "a plain number"


def _unit_at(
    node: Node, bindings: Mapping[str, str], units: Mapping[str, Unit]
) -> Unit | str | None:
    """The unit of *node*: a unit, :data:`_PLAIN` for a number, None when it does not follow."""
    if isinstance(node, Fraction):
        return _PLAIN
    if isinstance(node, str):
        return units[bindings[node]]
    op, left_node, right_node = node
    left, right = _unit_at(left_node, bindings, units), _unit_at(right_node, bindings, units)
    if op in "*/":  # a product or ratio, or a figure scaled (days / 365): its own unit
        return _PLAIN if left == right == _PLAIN else None
    if _PLAIN in (left, right):  # a number added or taken away
        return right if left == _PLAIN else left
    if left is not None and right is not None and left != right:
        raise ValueError(f"{left} {op} {right}")
    return left if left == right else None


def _point(interval: Interval) -> Fraction | None:
    return interval.low if interval.low is not None and interval.low == interval.high else None


def _product(a: Interval, b: Interval) -> Interval | None:
    for scale, other in ((_point(a), b), (_point(b), a)):
        if scale is not None:
            return other * scale
    try:
        return a.times(b)
    except ValueError:  # a range that may be negative
        return None


def _quotient(a: Interval, b: Interval) -> Interval | None:
    divisor = _point(b)
    if divisor is not None and divisor != 0:
        return a * (1 / divisor)
    return a.divided_by(b)


_OPERATIONS: dict[str, Callable[[Interval, Interval], Interval | None]] = {
    "+": Interval.__add__,
    "-": Interval.__sub__,
    "*": _product,
    "/": _quotient,
}
