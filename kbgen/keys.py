"""Keys for incremental builds: a digest of everything an output file is made from. A file whose
key is the same as in the last build would be made of the same bytes, so it is not made again.

A key is computed from the data a page is given (articles, entities, citations, numbers, text)
and, for a value the page computes only when it is made (a picture, the article's HTML), from the
function and the arguments of the `functools.partial` standing for it. A sequence that is not a
list or a tuple (link.CoMentions) is keyed by its items, as a tuple of them would be; a class
that says what it is made of (a `key_parts()` method, graph.Edges: a million edges in arrays) is
keyed by that, and long bytes by their digest.
Anything else (a lambda, an object of unknown kind) is refused, so no input can be left out of a
key by accident. A class may be given a view: the part of its objects the outputs use (see
render.SHOWN), for a list a page shows only part of too.

Objects are remembered by identity for the length of a build: the data a build renders is
built once and not changed afterwards.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
from collections.abc import Callable, Sequence
from datetime import date, time, timezone
from functools import partial
from pathlib import PurePath
from typing import Any

_INLINE = 120  # encodings longer than this are replaced by their digest where they are reused
_SHORT = 16  # sequences at least this long are encoded once per build


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Keys:
    """Digests of the data output files are made from, within one build. `salt` stands for what
    every file depends on (kbgen's code, the theme, the settings)."""

    def __init__(
        self, salt: str, views: dict[type, Callable[[object], tuple]] | None = None, leaves: tuple[type, ...] = ()
    ):
        self.salt = salt
        self.views = views or {}  # class -> the part of its objects that outputs use
        # Dataclasses of plain values only (or tuples of them): encoded by the tuple of their
        # fields, read by an attrgetter, whose repr() says all of them, at C speed where the
        # dataclass's own repr() runs Python code for each one; that matters for the hundred
        # thousand edges of a network and the quotes of every entity page.
        self.leaves = {leaf: _fields_getter(leaf) for leaf in leaves}
        self.plain = {str, int, float, bool, type(None)}  # whose repr() is the encoding
        # id(object) -> (object, its encoding): a dataclass is encoded once however often it is
        # used; the object is kept so that its id cannot be given to another one meanwhile.
        self._seen: dict[int, tuple[object, str]] = {}
        self._encoders: dict[type, Callable[[Any], str]] = {}

    def of(self, *values) -> str:
        return digest(self.salt + "\x00" + self._encode(values))

    def _encode(self, value) -> str:
        # How a value is encoded depends on its type alone: found once per type, not by a chain
        # of isinstance() tests for each of the million values a large site's keys read.
        encode = self._encoders.get(type(value))
        if encode is None:
            encode = self._encoders[type(value)] = self._encoder_for(type(value))
        return encode(value)

    def _encoder_for(self, kind: type) -> Callable[[Any], str]:
        if issubclass(kind, bytes):
            return _bytes
        if kind is type(None) or issubclass(kind, (str, int, float, date, time, timezone, PurePath)):
            return repr
        if hasattr(kind, "key_parts"):
            return lambda value: self._remembered(value, lambda: kind.__qualname__ + self._encode(value.key_parts()))
        if kind in self.views:
            view = self.views[kind]
            return lambda value: self._remembered(value, lambda: kind.__qualname__ + self._encode(view(value)))
        if kind in self.leaves:
            fields = self.leaves[kind]
            return lambda value: kind.__qualname__ + repr(fields(value))
        if issubclass(kind, (tuple, list, Sequence)):  # another sequence (CoMentions) is its items
            return self._any_sequence
        if issubclass(kind, dict):
            return lambda value: "{" + ",".join(f"{self._encode(k)}:{self._encode(v)}" for k, v in value.items()) + "}"
        if dataclasses.is_dataclass(kind) and not issubclass(kind, type):
            compared = _fields_getter(kind)
            return lambda value: self._remembered(value, lambda: kind.__qualname__ + self._encode(compared(value)))
        if issubclass(kind, partial):
            return lambda value: (
                "partial(" + self._encode((_function_name(value.func), value.args, value.keywords)) + ")"
            )
        if any("__call__" in vars(base) for base in kind.__mro__):  # a function, or a class
            return _function_name
        return _refused

    def _any_sequence(self, values) -> str:
        if len(values) < _SHORT:
            return self._sequence(values)
        return self._remembered(values, lambda: self._sequence(values))

    def _sequence(self, values) -> str:
        plain = self.plain
        # Plain values, or records of them (a page's list of names, types and counts): their
        # repr() is their encoding, at C speed, where encoding each record costs a call or more.
        if all(type(v) in plain or (type(v) is tuple and all(type(x) in plain for x in v)) for v in values):
            return repr(tuple(values))
        # Leaves of one kind (an entity's quotes, a network's edges): their fields' tuples.
        kind = type(values[0])
        if kind in self.leaves and all(type(v) is kind for v in values):
            return kind.__qualname__ + "*" + repr(tuple(map(self.leaves[kind], values)))
        return "(" + ",".join(map(self._encode, values)) + ")"

    def _remembered(self, value, encode: Callable[[], str]) -> str:
        """The encoding of an object that does not change during a build (a dataclass, or a long
        sequence such as the network's edges), computed once however often it is used."""
        known = self._seen.get(id(value))
        if known is None:
            encoded = encode()
            if len(encoded) > _INLINE:
                encoded = "#" + digest(encoded)
            known = self._seen[id(value)] = (value, encoded)
        return known[1]


def _bytes(value: bytes) -> str:
    return repr(value) if len(value) <= _INLINE else "b#" + hashlib.blake2b(value, digest_size=16).hexdigest()


def _refused(value) -> str:
    raise TypeError(f"cannot key a value of type {type(value).__name__}")


def _fields_getter(leaf: type) -> Callable[[object], tuple]:
    """The tuple of a dataclass's compared fields (or, for a class that computes them, the
    attributes its `__match_args__` names), read at C speed."""
    if dataclasses.is_dataclass(leaf):
        names = [f.name for f in dataclasses.fields(leaf) if f.compare]
    else:
        names = list(leaf.__match_args__)  # type: ignore[attr-defined]
    if not names:
        return lambda value: ()
    get = operator.attrgetter(*names)
    return get if len(names) > 1 else lambda value: (get(value),)


def _function_name(function) -> str:
    """A module-level function by its full name; a lambda or a closure could hide an input."""
    name = getattr(function, "__qualname__", "")
    if not name or "<" in name:
        raise TypeError(f"cannot key {function!r}: use a module-level function (with functools.partial)")
    return f"{function.__module__}.{name}"
