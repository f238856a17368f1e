"""The generic retour pattern (§5.2) used by 302, 306, 308, 316, 318 and 320 (and by 325's clients).

A retour message repeats its heen message: the header gets the retour elements (IdentificatieRetour,
DagtekeningRetour, XsltVersie?, XsdVersieRetour, RetourCodes?), the body class (Client or Antwoord)
becomes optional, and every berichtklasse (`Complex.klasse`) ends with a mandatory `RetourCodes`.
Models are derived the same way: each retour class subclasses its heen class and adds
`retourcodes: tuple[str, ...]`, so a retour class *is* its heen class plus codes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from types import SimpleNamespace

from . import codes
from . import types as t
from .common import XSD_VERSIE, Header, XsdVersie, frozen, header_elements
from .definitie import Berichtdefinitie
from .structure import BASIS_NS, Complex, El, container

RETOUR_VAN = {"302": "301", "306": "305", "308": "307", "316": "315", "318": "317", "320": "319"}
_HEEN_TO_RETOUR = {v: k for k, v in RETOUR_VAN.items()}


def retourcodes_el(min: int = 1) -> El:
    return El(
        "RetourCodes",
        container("RetourCodes", El("RetourCode", t.RETOUR_CODE, 1, None)),
        min,
        field="retourcodes",
    )


@frozen
class RetourHeader(Header):
    """Header of a retour: elements 1–7 of the heen header unchanged (IV028) plus the retour part."""

    identificatie_retour: str
    dagtekening_retour: date
    xslt_versie: str | None = None
    xsd_versie_retour: XsdVersie = XsdVersie()
    retourcodes: tuple[str, ...] = ()

    @classmethod
    def voor(cls, heen: Header, *, identificatie_retour: str, dagtekening_retour: date, **kwargs):
        """The retour header for heen header `heen` (copies afzender, ontvanger, identity and XSD version)."""
        return cls(
            afzender=heen.afzender,
            ontvanger=heen.ontvanger,
            bericht_identificatie=heen.bericht_identificatie,
            xsd_versie=heen.xsd_versie,
            identificatie_retour=identificatie_retour,
            dagtekening_retour=dagtekening_retour,
            **kwargs,
        )


def retour_header(code: str, richting: tuple) -> Complex:
    return Complex(
        "Header",
        (
            *header_elements(code, richting),
            El("IdentificatieRetour", t.IDENTIFICATIE_BERICHT),
            El("DagtekeningRetour", t.DATUM),
            El("XsltVersie", t.VERSIE, 0),
            El("XsdVersieRetour", XSD_VERSIE),
            retourcodes_el(0),
        ),
        model=RetourHeader,
    )


class RetourAfleiding:
    """Derives retour Complex types and models from heen ones (memoised, so shared types stay shared)."""

    def __init__(self, module: str):
        self.module = module
        self.types: dict[int, Complex] = {}
        self.klassen: dict[str, type] = {}

    def complex(self, cx: Complex) -> Complex:
        if cx.ns == BASIS_NS:
            return cx
        if id(cx) in self.types:
            return self.types[id(cx)]
        children = tuple(
            dataclasses.replace(el, type=self.complex(el.type)) if isinstance(el.type, Complex) else el
            for el in cx.children
        )
        if cx.model is None:
            derived = Complex(cx.name, children, ns=cx.ns)
        else:
            if cx.klasse:
                children = (*children, retourcodes_el(1))
            derived = Complex(cx.name, children, model=self.model(cx), ns=cx.ns, klasse=cx.klasse)
        self.types[id(cx)] = derived
        return derived

    def model(self, cx: Complex) -> type:
        base = cx.model
        fields = [("retourcodes", tuple[str, ...], dataclasses.field(default=()))] if cx.klasse else []
        cls = dataclasses.make_dataclass(
            base.__name__,
            fields,
            bases=(base,),
            frozen=True,
            kw_only=True,
            namespace={"__module__": self.module, "__doc__": f"{base.__name__} with its retourcodes."},
        )
        self.klassen[base.__name__] = cls
        return cls

    def convert(self, heen_cx: Complex, obj, retourcodes: Callable[[object], tuple[str, ...]]):
        """Turn a heen model instance into its retour instance, asking `retourcodes(obj)` per klasse."""
        retour_cx = self.complex(heen_cx)
        kwargs = {}
        for el in heen_cx.children:
            if el.fixed is not None:
                continue
            value = getattr(obj, el.field)
            if isinstance(el.type, Complex) and el.type.ns != BASIS_NS and value is not None:
                if el.type.model is None:
                    item_cx = el.type.children[0].type
                    value = tuple(self.convert(item_cx, v, retourcodes) for v in value)
                elif el.max != 1:
                    value = tuple(self.convert(el.type, v, retourcodes) for v in value)
                else:
                    value = self.convert(el.type, value, retourcodes)
            kwargs[el.field] = value
        if heen_cx.klasse:
            kwargs["retourcodes"] = tuple(retourcodes(obj))
        return retour_cx.model(**kwargs)


def retour_bericht(heen, code: str, module: str) -> SimpleNamespace:
    """Everything a retour module exports, derived from heen module `heen` (e.g. wmo301 → 302)."""
    assert RETOUR_VAN[code] == heen.CODE and code in codes.BERICHTCODE
    heen_root = heen.STRUCTURE.root
    header_el, body_el = heen_root.children
    richting = (header_el.type.child("Afzender").type, header_el.type.child("Ontvanger").type)
    afleiding = RetourAfleiding(module)
    body_cx = afleiding.complex(body_el.type)
    bericht = dataclasses.make_dataclass(
        f"{heen.Bericht.__name__}Retour",
        [("header", RetourHeader), (body_el.field, body_cx.model | None, dataclasses.field(default=None))],
        frozen=True,
        kw_only=True,
        namespace={"__module__": module, "__doc__": f"WMO{code}: retour of WMO{heen.CODE}."},
    )
    structure = Berichtdefinitie(
        code,
        Complex(
            "Root",
            (El("Header", retour_header(code, richting)), El(body_el.name, body_cx, 0, field=body_el.field)),
            model=bericht,
        ),
    )

    def van_heen(heen_bericht, header: RetourHeader, retourcodes=lambda klasse: ("0200",)):
        """The retour for `heen_bericht` with the whole body, `retourcodes(klasse)` on every class."""
        body = afleiding.convert(body_el.type, getattr(heen_bericht, body_el.field), retourcodes)
        return bericht(header=header, **{body_el.field: body})

    return SimpleNamespace(
        structure=structure,
        bericht=bericht,
        klassen=afleiding.klassen,
        afleiding=afleiding,
        van_heen=van_heen,
    )
