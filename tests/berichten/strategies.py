"""Hypothesis strategies generated from our own structure definitions (any message, any depth).

Values respect the simple types (lengths, patterns, enumerations, ranges) but no business rules, so
every generated message must be valid against the official XSD — which is what the tests check.
"""

from __future__ import annotations

from hypothesis import strategies as st

from openwmo.berichten.structure import Complex, El
from openwmo.berichten.types import XSD_WHITESPACE, SimpleType

# Characters allowed in XML 1.0 text, without the C0/C1 controls (tab, LF and CR are added where allowed).
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), max_codepoint=0xFFFD)
_LINE = st.one_of(_CHARS, st.sampled_from(" \t"))
_TEXT = st.one_of(_CHARS, st.sampled_from(" \t\n\r"))
MAX_ITEMS = 3


def _sized(alphabet, t: SimpleType):
    low = max(t.min_length or 0, 0)
    high = t.max_length if t.max_length is not None else 60
    short = st.text(alphabet, min_size=low, max_size=min(high, 30))
    return st.one_of(short, st.text(alphabet, min_size=high, max_size=high)) if high > 30 else short


def _not_blank(s: str) -> bool:
    return bool(s.strip(XSD_WHITESPACE))


def simple(t: SimpleType):
    if t.enum is not None:
        return st.sampled_from(sorted(t.enum))
    if t.kind == "integer":
        if t.pattern:  # fixed BerichtVersie etc.; never generated because those are `fixed`
            return st.from_regex(t.pattern, fullmatch=True).map(int)
        return st.integers(t.min_value, t.max_value)
    if t.kind == "date":
        return st.dates()
    if t.kind == "time":
        return st.times()
    if t.name == "LDT_Telefoonnummer":
        return st.text("0123456789", min_size=1, max_size=t.max_length)
    if t.pattern:
        low, high = t.min_length or 0, t.max_length or 10**9
        return st.from_regex(t.pattern, fullmatch=True).filter(lambda s: low <= len(s) <= high)
    if t.niet_leeg == "regel":
        return _sized(_LINE, t).filter(_not_blank)
    if t.niet_leeg == "tekst":
        return _sized(_TEXT, t).filter(_not_blank)
    return _sized(_TEXT, t)


_cache: dict[int, st.SearchStrategy] = {}


def of_type(t):
    return simple(t) if isinstance(t, SimpleType) else complex_(t)


def element(el: El):
    if el.is_container:
        inner = of_type(el.type.children[0].type)
        many = st.lists(inner, min_size=1, max_size=MAX_ITEMS).map(tuple)
        return st.one_of(st.just(()), many) if el.min == 0 else many
    value = of_type(el.type)
    if el.max != 1:
        return st.lists(value, min_size=max(el.min, 1), max_size=MAX_ITEMS).map(tuple)
    return st.one_of(st.none(), value) if el.min == 0 else value


def complex_(cx: Complex):
    if id(cx) not in _cache:
        fields = {el.field: element(el) for el in cx.children if el.fixed is None}
        _cache[id(cx)] = st.fixed_dictionaries(fields).map(lambda kw, model=cx.model: model(**kw))
    return _cache[id(cx)]


def message(definition):
    """Strategy for complete message models of a `Berichtdefinitie`."""
    return complex_(definition.root)
