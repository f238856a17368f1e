"""WMO325 Declaratie-antwoord Wmo-ondersteuning (berichtcode 485), gemeente → aanbieder. Reference §5.9.

Not a retour in the §5.2 sense: its header names the 323 it answers (DeclaratieIdentificatie,
XsdVersieDeclaratie) and always carries RetourCodes; the body holds the totals and only the rejected
prestaties. Client and Prestatie are the WMO323 classes plus RetourCodes (derived with `retour.py`).
"""

from __future__ import annotations

from datetime import date

from . import common as c
from . import types as t
from . import wmo323
from .common import frozen
from .definitie import Berichtdefinitie
from .retour import RetourAfleiding, retourcodes_el
from .structure import Complex, El

CODE = "325"


@frozen
class DeclaratieAntwoordHeader(c.Header):
    declaratie_identificatie: c.BerichtIdentificatie
    xslt_versie: str | None = None
    xsd_versie_declaratie: c.XsdVersie = c.XsdVersie()
    retourcodes: tuple[str, ...]

    @classmethod
    def voor(cls, declaratie: c.Header, *, afzender, ontvanger, identificatie, dagtekening: date, **kwargs):
        """Header answering the 323 with header `declaratie` (TR337/TR371: its identity and XSD version)."""
        return cls(
            afzender=afzender,
            ontvanger=ontvanger,
            bericht_identificatie=c.BerichtIdentificatie(identificatie=identificatie, dagtekening=dagtekening),
            declaratie_identificatie=declaratie.bericht_identificatie,
            xsd_versie_declaratie=declaratie.xsd_versie,
            **kwargs,
        )


_afleiding = RetourAfleiding(__name__)
CLIENTEN = El("Clienten", _afleiding.complex(wmo323.CLIENTEN.type), 0)
Client = _afleiding.klassen["Client"]
Prestatie = _afleiding.klassen["Prestatie"]


@frozen
class DeclaratieAntwoord:
    declaratie_nummer: str
    totaal_ingediend_bedrag: c.TotaalBedragMetDC
    totaal_toegekend_bedrag: c.TotaalBedragMetDC
    clienten: tuple[Client, ...] = ()  # type: ignore[valid-type]
    retourcodes: tuple[str, ...]


@frozen
class DeclaratieAntwoordbericht:
    header: DeclaratieAntwoordHeader
    declaratie_antwoord: DeclaratieAntwoord | None = None


Bericht = DeclaratieAntwoordbericht

HEADER = Complex(
    "Header",
    (
        *c.header_elements(CODE, c.GEMEENTE_NAAR_AANBIEDER),
        El("DeclaratieIdentificatie", c.BERICHT_IDENTIFICATIE),
        El("XsltVersie", t.VERSIE, 0),
        El("XsdVersieDeclaratie", c.XSD_VERSIE),
        retourcodes_el(1),
    ),
    model=DeclaratieAntwoordHeader,
)
DECLARATIE_ANTWOORD = Complex(
    "DeclaratieAntwoord",
    (
        El("DeclaratieNummer", t.IDENTIFICATIE_DECLARATIE),
        El("TotaalIngediendBedrag", c.TOTAAL_BEDRAG_MET_DC),
        El("TotaalToegekendBedrag", c.TOTAAL_BEDRAG_MET_DC),
        CLIENTEN,
        retourcodes_el(1),
    ),
    model=DeclaratieAntwoord,
    klasse=True,
)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", HEADER), El("DeclaratieAntwoord", DECLARATIE_ANTWOORD, 0)),
        model=DeclaratieAntwoordbericht,
    ),
)


def prestatie_afgewezen(prestatie: wmo323.Prestatie, retourcodes: tuple[str, ...]):
    """A 325 Prestatie: the 323 prestatie as received, with the codes that reject it."""
    return _afleiding.convert(wmo323.PRESTATIE, prestatie, lambda _klasse: retourcodes)


build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
