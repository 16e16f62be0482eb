"""Identifiers for generated code: snake/camel/Pascal case, keyword escaping, de-duplication."""

from __future__ import annotations

import keyword
import re
import unicodedata

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")

_TS_WORDS = (
    "break case catch class const continue debugger default delete do else enum export extends false finally "
    "for function if import in instanceof new null return super switch this throw true try typeof var void "
    "while with implements interface let package private protected public static yield any boolean number "
    "string symbol await async constructor"
)
TS_RESERVED = frozenset(_TS_WORDS.split())


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORDS.findall(text)


def snake(text: str, fallback: str = "value") -> str:
    parts = [w.lower() for w in words(text)]
    name = "_".join(parts) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    return name


def pascal(text: str, fallback: str = "Value") -> str:
    name = "".join(w[:1].upper() + w[1:].lower() for w in words(text)) or fallback
    if name[0].isdigit():
        name = fallback + name
    return name


def camel(text: str, fallback: str = "value") -> str:
    name = pascal(text, fallback=fallback.capitalize())
    return name[:1].lower() + name[1:]


def py_identifier(name: str, reserved: frozenset[str] | set[str] = frozenset()) -> str:
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        return name + "_"
    return name


def ts_identifier(name: str, reserved: frozenset[str] | set[str] = frozenset()) -> str:
    if name in TS_RESERVED or name in reserved:
        return name + "_"
    return name


def dedupe(name: str, taken: set[str]) -> str:
    """`name`, or `name_2`, `name_3`... whichever is not in `taken`; the result is added to `taken`."""
    candidate = name
    counter = 2
    while candidate in taken:
        candidate = f"{name}_{counter}" if not name[-1:].isdigit() else f"{name}_v{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def dedupe_camel(name: str, taken: set[str]) -> str:
    candidate = name
    counter = 2
    while candidate in taken:
        candidate = f"{name}{counter}"
        counter += 1
    taken.add(candidate)
    return candidate
