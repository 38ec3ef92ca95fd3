"""Records to and from plain JSON-able dicts (the store and `export` use these)."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

from chronik.model import SPAN_FIELDS, SPAN_TYPES, Article, JSONDict, Removed, Span

R = TypeVar("R")


def to_dict(record: Any) -> JSONDict:
    """A record as a JSON-able dict (tuples become lists)."""
    return _plain(dataclasses.asdict(record))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[R], data: JSONDict) -> R:
    """Build a record of `cls` from `to_dict` output; unknown keys are ignored."""
    kwargs: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
    hints = _hints(cls)  # type: ignore[arg-type]
    for name in names & data.keys():
        kwargs[name] = _coerce(hints[name], data[name])
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if value is None:
        return None
    if origin in (types.UnionType, typing.Union):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        return _coerce(members[0], value) if len(members) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(args[0], v) for v in value)
        return tuple(_coerce(a, v) for a, v in zip(args, value, strict=False))
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_dict(hint, value)  # type: ignore[arg-type]
    return value


def span_from_dict(kind: str, data: JSONDict) -> Span:
    return from_dict(SPAN_TYPES[kind], data)


def article_to_dict(article: Article) -> JSONDict:
    return to_dict(article)


def article_from_dict(data: JSONDict) -> Article:
    art = from_dict(Article, data)
    # make sure nested spans and removed lines are real records
    fixes: dict[str, Any] = {}
    for kind, attr in SPAN_FIELDS.items():
        vals = data.get(attr) or ()
        fixes[attr] = tuple(span_from_dict(kind, v) if isinstance(v, dict) else v for v in vals)
    fixes["removed"] = tuple(
        Removed(**r) if isinstance(r, dict) else Removed(*r) for r in data.get("removed") or ()
    )
    return art.evolve(**fixes)
