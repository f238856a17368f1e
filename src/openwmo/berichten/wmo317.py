"""WMO317 Verzoek om wijziging (berichtcode 480), aanbieder → gemeente. Reference §5.6."""

from __future__ import annotations

from datetime import date

from . import common as c
from . import types as t
from .common import frozen
from .definitie import Berichtdefinitie
from .structure import Complex, El, lijst

CODE = "317"


@frozen
class OngewijzigdProduct:
    toewijzing_nummer: int


@frozen
class TeWijzigenProduct:
    toewijzing_nummer: int
    gewenste_ingangsdatum: date
    einddatum: date | None = None
    omvang: c.Omvang | None = None
    budget: int | None = None


@frozen
class NieuwProduct:
    product: c.Product | None = None
    gewenste_ingangsdatum: date
    einddatum: date | None = None
    omvang: c.Omvang | None = None
    budget: int | None = None


@frozen
class Verzoek:
    referentie_aanbieder: str
    reden_verzoek: str
    ongewijzigde_producten: tuple[OngewijzigdProduct, ...] = ()
    te_wijzigen_producten: tuple[TeWijzigenProduct, ...] = ()
    nieuwe_producten: tuple[NieuwProduct, ...] = ()


@frozen
class Client:
    bsn: str
    verzoek: Verzoek


@frozen
class VerzoekOmWijzigingBericht:
    header: c.Header
    client: Client


Bericht = VerzoekOmWijzigingBericht

_WIJZIGING = (
    El("GewensteIngangsdatum", t.DATUM),
    El("Einddatum", t.DATUM, 0),
    El("Omvang", c.OMVANG, 0),
    El("Budget", t.BUDGET, 0),
)
ONGEWIJZIGD_PRODUCT = Complex(
    "OngewijzigdProduct", (El("ToewijzingNummer", t.NUMMER),), model=OngewijzigdProduct, klasse=True
)
TE_WIJZIGEN_PRODUCT = Complex(
    "TeWijzigenProduct", (El("ToewijzingNummer", t.NUMMER), *_WIJZIGING), model=TeWijzigenProduct, klasse=True
)
NIEUW_PRODUCT = Complex("NieuwProduct", (El("Product", c.PRODUCT, 0), *_WIJZIGING), model=NieuwProduct, klasse=True)
VERZOEK = Complex(
    "Verzoek",
    (
        El("ReferentieAanbieder", t.REFERENTIE),
        El("RedenVerzoek", t.REDEN_VERZOEK),
        lijst("OngewijzigdeProducten", "OngewijzigdProduct", ONGEWIJZIGD_PRODUCT, 0),
        lijst("TeWijzigenProducten", "TeWijzigenProduct", TE_WIJZIGEN_PRODUCT, 0),
        lijst("NieuweProducten", "NieuwProduct", NIEUW_PRODUCT, 0),
    ),
    model=Verzoek,
    klasse=True,
)
CLIENT = Complex("Client", (El("Bsn", t.BSN), El("Verzoek", VERZOEK)), model=Client, klasse=True)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", c.heen_header(CODE, c.AANBIEDER_NAAR_GEMEENTE)), El("Client", CLIENT)),
        model=VerzoekOmWijzigingBericht,
    ),
)

build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
