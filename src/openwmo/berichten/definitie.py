"""`Berichtdefinitie`: one message type — its structure, and build/parse/validate driven by it.

Building and parsing are generic: every `El` maps to the model attribute `El.field`; simple values
convert by the type's kind (str, int, date, time); containers map to tuples; `fixed` elements
(BerichtCode, BerichtVersie, BerichtSubversie) are written from the definition and not kept in models.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from lxml import etree

from . import codes
from .safe_xml import DEFAULT_MAX_BYTES, BerichtFout, parse_xml
from .structure import BASIS_NS, BASIS_PREFIX, Compiled, Complex, El, Fout, message_namespace, validate_tree

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _path_of(elem) -> str:
    names = []
    while elem is not None:
        names.append(etree.QName(elem).localname)
        elem = elem.getparent()
    return "/" + "/".join(reversed(names))


class Berichtdefinitie:
    """The structure of one iWmo message plus generic build, parse and validate."""

    def __init__(self, code: str, root: Complex):
        self.code = code
        self.berichtcode = codes.BERICHTCODE[code]
        self.namespace = message_namespace(code)
        self.prefix = f"wmo{code}"
        self.root = root
        self.model = root.model
        self.compiled = Compiled(root, self.namespace)
        self._nsmap = {self.prefix: self.namespace, BASIS_PREFIX: BASIS_NS}

    def __repr__(self) -> str:
        return f"<Berichtdefinitie WMO{self.code} ({self.berichtcode})>"

    # -- validation -------------------------------------------------------------------------------------
    def validate(self, source, *, max_errors: int = 200) -> list[Fout]:
        """Validate a model instance, XML bytes or an lxml element; return the problems (empty = valid).

        Bytes that cannot be parsed safely raise `BerichtFout`.
        """
        if isinstance(source, bytes | bytearray):
            source = parse_xml(bytes(source))
        elif dataclasses.is_dataclass(source):
            source = self.to_tree(source)
        return validate_tree(source, self.root, self.compiled, max_errors=max_errors)

    # -- building ---------------------------------------------------------------------------------------
    def to_tree(self, msg):
        """The message as an lxml element tree (not validated)."""
        if self.model is not None and not isinstance(msg, self.model):
            raise TypeError(f"WMO{self.code} verwacht {self.model.__name__}, niet {type(msg).__name__}")
        root = etree.Element(f"{{{self.namespace}}}Bericht", nsmap=self._nsmap)
        self._fill(root, self.root, msg)
        return root

    def build(self, msg, *, validate: bool = True, pretty: bool = True) -> bytes:
        """UTF-8 XML with declaration; with `validate` (default) refuse to emit an invalid message."""
        root = self.to_tree(msg)
        if validate:
            errors = validate_tree(root, self.root, self.compiled)
            if errors:
                raise BerichtFout([str(e) for e in errors])
        return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=pretty)

    def _fill(self, elem, cx: Complex, obj) -> None:
        tags = self.compiled.tags[id(cx)]
        for tag, el in zip(tags, cx.children, strict=True):
            if el.fixed is not None:
                etree.SubElement(elem, tag).text = el.fixed
                continue
            try:
                value = getattr(obj, el.field)
            except AttributeError:
                raise BerichtFout(f"{_path_of(elem)}: {type(obj).__name__} mist veld '{el.field}'") from None
            if value is None:
                continue
            if el.max != 1:
                for item in value:
                    self._emit(elem, tag, el, item)
            elif not (el.is_container and el.min == 0 and not value):
                self._emit(elem, tag, el, value)

    def _emit(self, parent, tag: str, el: El, value) -> None:
        child = etree.SubElement(parent, tag)
        t = el.type
        if isinstance(t, Complex):
            if t.model is None:
                inner = t.children[0]
                inner_tag = self.compiled.tags[id(t)][0]
                for item in value:
                    self._emit(child, inner_tag, inner, item)
            else:
                self._fill(child, t, value)
            return
        try:
            child.text = t.to_text(value)
        except (TypeError, ValueError, AttributeError) as exc:
            raise BerichtFout(f"{_path_of(child)}: waarde {value!r} kan niet worden geschreven ({exc})") from None

    # -- parsing ----------------------------------------------------------------------------------------
    def parse(self, xml: bytes, *, validate: bool = True, max_bytes: int = DEFAULT_MAX_BYTES):
        """Parse XML bytes safely into the model; invalid input raises `BerichtFout` (retourcode 0001)."""
        return self.from_tree(parse_xml(xml, namespace=self.namespace, max_bytes=max_bytes), validate=validate)

    def from_tree(self, root, *, validate: bool = True):
        if validate:
            errors = validate_tree(root, self.root, self.compiled)
            if errors:
                raise BerichtFout([str(e) for e in errors])
        try:
            return self._read(root, self.root)
        except BerichtFout:
            raise
        except (TypeError, ValueError) as exc:
            raise BerichtFout(f"bericht kan niet worden ingelezen: {exc}") from None

    def read_element(self, elem, cx: Complex, *, overslaan: Collection[str] = (), **vast):
        """Read one element of an already validated tree into the model of `cx` (a part of this message:
        the header, the declaration…). Children whose local name is in `overslaan` are left out; `vast` gives
        model fields the caller fills itself (e.g. the clients it read in its own pass). Raises `BerichtFout`
        for a value that cannot be converted."""
        try:
            return self._read(elem, cx, frozenset(overslaan), vast)
        except BerichtFout:
            raise
        except (TypeError, ValueError) as exc:
            raise BerichtFout(f"bericht kan niet worden ingelezen: {exc}") from None

    def _read(self, elem, cx: Complex, overslaan: frozenset = frozenset(), vast: dict | None = None):
        index = self.compiled.index[id(cx)]
        children = cx.children
        kwargs: dict = dict(vast) if vast else {}
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            if overslaan and etree.QName(child).localname in overslaan:
                continue
            k = index.get(child.tag)
            if k is None:
                raise BerichtFout(f"{_path_of(child)}: onverwacht element")
            el = children[k]
            if el.fixed is not None:
                continue
            value = self._value(child, el)
            if el.max != 1:
                kwargs.setdefault(el.field, []).append(value)
            else:
                kwargs[el.field] = value
        for el in children:
            if el.max != 1 and el.field in kwargs:
                kwargs[el.field] = tuple(kwargs[el.field])
        return cx.model(**kwargs)

    def _value(self, child, el: El):
        t = el.type
        if isinstance(t, Complex):
            if t.model is None:
                inner = t.children[0]
                return tuple(self._value(c, inner) for c in child if isinstance(c.tag, str))
            return self._read(child, t)
        try:
            return t.to_python(child.text or "")
        except ValueError as exc:
            raise BerichtFout(f"{_path_of(child)}: {exc}") from None
