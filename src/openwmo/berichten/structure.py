"""Declarative message structures and the validator that checks an lxml tree against them.

A structure is a tree of `Complex` types (an ordered `xs:sequence` of `El` particles) with
`SimpleType` leaves from `types.py`. Elements declared by a message schema live in the message
namespace (`Complex.ns is None`); children of the basisschema composites (CDT_*) live in the
basisschema namespace (`Complex.ns == BASIS_NS`). A `Complex` without a model and with a single
repeating child is a *container* (ToegewezenProducten, RetourCodes, …): the model holds its items as a
tuple directly.

`validate_tree` walks a tree and returns every problem as a `Fout` with the element path and the broken
rule; it never raises for bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .types import XSD_WHITESPACE, SimpleType

BASIS_NS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
BASIS_PREFIX = "iwmo"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_ALLOWED_ATTRIBUTES = frozenset({f"{{{XSI_NS}}}schemaLocation", f"{{{XSI_NS}}}noNamespaceSchemaLocation"})


def message_namespace(code: str) -> str:
    """Namespace of message `code` ("301" → http://www.istandaarden.nl/iwmo/3_2/wmo301/schema)."""
    return f"http://www.istandaarden.nl/iwmo/3_2/wmo{code}/schema"


MESSAGE_NS_RE = re.compile(r"http://www\.istandaarden\.nl/iwmo/3_2/wmo([0-9]{3})/schema")


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class El:
    """One element particle in a sequence: name, type, occurrence and the model field it maps to."""

    name: str
    type: SimpleType | Complex
    min: int = 1
    max: int | None = 1  # None = unbounded
    field: str = ""  # model attribute; default snake_case of the name
    fixed: str | None = None  # value written on build and not kept in the model (BerichtCode, …)

    def __post_init__(self) -> None:
        if not self.field:
            object.__setattr__(self, "field", snake(self.name))

    @property
    def is_container(self) -> bool:
        return isinstance(self.type, Complex) and self.type.model is None

    def optional(self) -> El:
        return El(self.name, self.type, 0, self.max, self.field, self.fixed)


@dataclass(frozen=True, eq=False)
class Complex:
    """An `xs:complexType` with an `xs:sequence`; `klasse` marks a berichtklasse (gets RetourCodes)."""

    name: str
    children: tuple[El, ...]
    model: type | None = None
    ns: str | None = None  # None: the message namespace
    klasse: bool = False
    _by_name: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({el.name: el for el in self.children})
        if self.model is None and (len(self.children) != 1 or self.children[0].max == 1):
            raise ValueError(f"{self.name}: a Complex without a model must be a container of one list")

    def child(self, name: str) -> El:
        return self._by_name[name]


def container(name: str, item: El, ns: str | None = None) -> Complex:
    return Complex(name, (item,), ns=ns)


def lijst(name: str, item_name: str, item_type: SimpleType | Complex, min: int = 1) -> El:
    """A container element `name` holding one or more `item_name` elements (ToegewezenProducten, …)."""
    return El(name, container(name, El(item_name, item_type, 1, None)), min)


@dataclass(frozen=True)
class Fout:
    """One validation problem: path of the element, the rule (XSD-facet style id) and a Dutch message."""

    pad: str
    regel: str
    melding: str

    def __str__(self) -> str:
        return f"{self.pad}: {self.melding} [{self.regel}]"


class Compiled:
    """Clark-notation tags per Complex for one message namespace (computed once per definition)."""

    def __init__(self, root: Complex, message_ns: str):
        self.message_ns = message_ns
        self.tags: dict[int, tuple[str, ...]] = {}
        self.index: dict[int, dict[str, int]] = {}
        self._walk(root)

    def _walk(self, cx: Complex) -> None:
        if id(cx) in self.tags:
            return
        ns = cx.ns or self.message_ns
        tags = tuple(f"{{{ns}}}{el.name}" for el in cx.children)
        self.tags[id(cx)] = tags
        self.index[id(cx)] = {t: i for i, t in enumerate(tags)}
        for el in cx.children:
            if isinstance(el.type, Complex):
                self._walk(el.type)


def local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else "#node"


class _Validator:
    def __init__(self, compiled: Compiled, max_errors: int):
        self.c = compiled
        self.errors: list[Fout] = []
        self.max_errors = max_errors

    def add(self, pad: str, regel: str, melding: str) -> None:
        if len(self.errors) < self.max_errors:
            self.errors.append(Fout(pad, regel, melding))

    def attributes(self, elem, pad: str) -> None:
        for name in elem.attrib:
            if name not in _ALLOWED_ATTRIBUTES:
                self.add(pad, "attribute", f"attribuut '{local(name)}' is niet toegestaan")

    def simple(self, elem, st: SimpleType, pad: str) -> None:
        self.attributes(elem, pad)
        if len(elem):
            self.add(pad, "simpleContent", "element mag geen onderliggende elementen bevatten")
            return
        fout = st.check(elem.text or "")
        if fout is not None:
            self.add(pad, fout.regel, fout.melding)

    def complex(self, elem, cx: Complex, pad: str) -> None:
        self.attributes(elem, pad)
        if elem.text and elem.text.strip(XSD_WHITESPACE):
            self.add(pad, "elementOnly", "tekst is hier niet toegestaan, alleen elementen")
        tags = self.c.tags[id(cx)]
        index = self.c.index[id(cx)]
        children = cx.children
        pos, count = 0, 0
        seen: dict[str, int] = {}
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            if child.tail and child.tail.strip(XSD_WHITESPACE):
                self.add(pad, "elementOnly", "tekst is hier niet toegestaan, alleen elementen")
            k = index.get(child.tag)
            if k is None:
                name = local(child.tag)
                self.add(f"{pad}/{name}", "unexpected", f"element '{name}' hoort niet in {cx.name}")
                continue
            el = children[k]
            name = el.name
            if el.max != 1:
                n = seen[name] = seen.get(name, 0) + 1
                child_pad = f"{pad}/{name}[{n}]"
            else:
                child_pad = f"{pad}/{name}"
            if k < pos:
                self.add(child_pad, "order", f"element '{name}' staat op de verkeerde plaats (volgorde)")
                continue
            if k == pos and el.max is not None and count >= el.max:
                self.add(child_pad, "maxOccurs", f"element '{name}' komt vaker voor dan {el.max} keer")
                continue
            if k > pos:
                self._missing(children, pos, count, k, pad)
                pos, count = k, 0
            count += 1
            if isinstance(el.type, Complex):
                self.complex(child, el.type, child_pad)
            else:
                self.simple(child, el.type, child_pad)
        self._missing(children, pos, count, len(tags), pad)

    def _missing(self, children, pos: int, count: int, upto: int, pad: str) -> None:
        for i in range(pos, upto):
            el = children[i]
            have = count if i == pos else 0
            if have < el.min:
                self.add(f"{pad}/{el.name}", "minOccurs", f"verplicht element '{el.name}' ontbreekt")


def validate_tree(root, root_type: Complex, compiled: Compiled, *, max_errors: int = 200) -> list[Fout]:
    """Check `root` (an lxml element `Bericht`) against `root_type`; return all problems found."""
    expected = f"{{{compiled.message_ns}}}Bericht"
    if root.tag != expected:
        return [Fout("/", "root", f"root-element is '{root.tag}', verwacht '{expected}'")]
    v = _Validator(compiled, max_errors)
    v.complex(root, root_type, "/Bericht")
    return v.errors
