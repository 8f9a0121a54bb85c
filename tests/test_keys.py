"""Keys of output files: the same inputs give the same key, any difference another key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

import pytest

from kbgen.keys import Keys


@dataclass(frozen=True)
class Thing:
    name: str
    parts: tuple


def make(*args):
    return args


def test_records_of_plain_values_are_keyed_by_every_field_and_their_grouping():
    keys = Keys("salt")
    records = (("rutte", "Mark Rutte", "PER", 3), ("otan", "OTAN", "ORG", 2))
    assert keys.of(records) == Keys("salt").of(tuple(tuple(list(r)) for r in records))
    variants = [
        (("rutte", "Mark Rutte", "PER", 4), ("otan", "OTAN", "ORG", 2)),
        (("otan", "OTAN", "ORG", 2), ("rutte", "Mark Rutte", "PER", 3)),
        (("rutte", "Mark Rutte", "PER"), (3, "otan", "OTAN", "ORG", 2)),
        ("rutte", "Mark Rutte", "PER", 3, "otan", "OTAN", "ORG", 2),
    ]
    assert len({keys.of(records)} | {keys.of(v) for v in variants}) == 1 + len(variants)
    assert Keys("other salt").of(records) != keys.of(records)


def test_records_holding_other_values_are_keyed_by_those_values():
    keys = Keys("salt")
    one = (("a", Thing("x", (1, 2))), ("b", Thing("y", ())))
    same = (("a", Thing("x", (1, 2))), ("b", Thing("y", ())))
    other = (("a", Thing("x", (1, 3))), ("b", Thing("y", ())))
    assert keys.of(one) == keys.of(same) != keys.of(other)
    assert keys.of(partial(make, one)) != keys.of(partial(make, other))


def test_a_value_that_could_hide_an_input_is_refused():
    with pytest.raises(TypeError):
        Keys("salt").of((("a", lambda: 1),))


def test_times_are_keyed_with_their_zone():
    keys = Keys("salt")
    utc = dt.time(8, 30, tzinfo=dt.UTC)
    paris = dt.time(8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert keys.of(utc) == Keys("salt").of(dt.time(8, 30, tzinfo=dt.UTC))
    assert len({keys.of(dt.time(8, 30)), keys.of(utc), keys.of(paris)}) == 3


@dataclass(frozen=True)
class Quote:
    before: str
    name: str


def test_leaves_are_keyed_by_every_field_alone_and_in_sequences():
    keys = Keys("salt", leaves=(Quote,))
    quotes = tuple(Quote(f"avant {n}", "Lyon") for n in range(20))  # long: encoded as one sequence
    assert keys.of(quotes) == Keys("salt", leaves=(Quote,)).of(tuple(Quote(q.before, q.name) for q in quotes))
    variants = [
        quotes[:-1] + (Quote("avant 19", "Lyons"),),
        quotes[:-1] + (Thing("avant 19", ("Lyon",)),),  # another kind of record with the same values
        tuple(("avant", q.name) for q in quotes),
        quotes[:5],
        Quote("avant 0", "Lyon"),
    ]
    assert len({keys.of(quotes)} | {keys.of(v) for v in variants}) == 1 + len(variants)
    assert keys.of(Quote("a", "b")) != keys.of(Quote("b", "a")) != keys.of(("a", "b"))


@dataclass(frozen=True)
class Empty:
    """A dataclass with no field."""


class Unknown:
    """A class keys know nothing of."""


def test_each_kind_of_value_is_keyed_as_its_type_says_whichever_comes_first():
    # Keys find how to encode a type once: the first value of a type must not decide for others.
    keys = Keys("salt")
    first = keys.of(b"x" * 500, [Empty()], make, Thing, {"a": 1})
    assert first == Keys("salt").of(b"x" * 500, [Empty()], make, Thing, {"a": 1})
    assert keys.of(b"y" * 500, [Empty()], make, Thing, {"a": 1}) != first  # long bytes by their digest
    assert keys.of(b"x", [Empty()], make, Thing, {"a": 2}) != first
    for hidden in (lambda: 1, Unknown(), object()):
        with pytest.raises(TypeError):
            keys.of(("a", hidden))
