"""WMO323 Declaratie Wmo-ondersteuning (berichtcode 484), aanbieder → gemeente. Reference §5.8."""

from __future__ import annotations

from datetime import date

from . import common as c
from . import types as t
from .common import frozen
from .definitie import Berichtdefinitie
from .structure import Complex, El, lijst

CODE = "323"


@frozen
class Prestatie:
    product_referentie: c.Referentie
    toewijzing_nummer: int
    product_categorie: str
    product_code: str
    product_periode: c.GeslotenPeriode
    geleverd_volume: int
    eenheid: str
    product_tarief: int | None = None
    ingediend_bedrag: c.BedragMetDC


@frozen
class Client:
    bsn: str
    prestaties: tuple[Prestatie, ...]


@frozen
class Declaratie:
    declaratie_nummer: str
    declaratie_periode: c.GeslotenPeriode
    declaratie_dagtekening: date
    totaal_ingediend_bedrag: c.TotaalBedragMetDC
    clienten: tuple[Client, ...]


@frozen
class Declaratiebericht:
    header: c.Header
    declaratie: Declaratie


Bericht = Declaratiebericht

# CS319: the DeclaratieNummer of a 323 is alphanumeric only (an anonymous restriction in the XSD).
DECLARATIE_NUMMER = t.IDENTIFICATIE_DECLARATIE.restrict(pattern="[a-zA-Z0-9]+")

PRESTATIE = Complex(
    "Prestatie",
    (
        El("ProductReferentie", c.REFERENTIE),
        El("ToewijzingNummer", t.NUMMER),
        El("ProductCategorie", t.PRODUCT_CATEGORIE),
        El("ProductCode", t.PRODUCT_CODE),
        El("ProductPeriode", c.GESLOTEN_PERIODE),
        El("GeleverdVolume", t.VOLUME),
        El("Eenheid", t.EENHEID),
        El("ProductTarief", t.BEDRAG, 0),
        El("IngediendBedrag", c.BEDRAG_MET_DC),
    ),
    model=Prestatie,
    klasse=True,
)
CLIENT = Complex("Client", (El("Bsn", t.BSN), lijst("Prestaties", "Prestatie", PRESTATIE)), model=Client, klasse=True)
CLIENTEN = lijst("Clienten", "Client", CLIENT)
DECLARATIE = Complex(
    "Declaratie",
    (
        El("DeclaratieNummer", DECLARATIE_NUMMER),
        El("DeclaratiePeriode", c.GESLOTEN_PERIODE),
        El("DeclaratieDagtekening", t.DATUM),
        El("TotaalIngediendBedrag", c.TOTAAL_BEDRAG_MET_DC),
        CLIENTEN,
    ),
    model=Declaratie,
    klasse=True,
)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", c.heen_header(CODE, c.AANBIEDER_NAAR_GEMEENTE)), El("Declaratie", DECLARATIE)),
        model=Declaratiebericht,
    ),
)

build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
