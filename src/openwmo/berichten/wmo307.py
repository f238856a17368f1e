"""WMO307 Stop Wmo-ondersteuning (berichtcode 420), aanbieder → gemeente. Reference §5.4."""

from __future__ import annotations

from datetime import date

from . import common as c
from . import types as t
from .common import frozen
from .definitie import Berichtdefinitie
from .regie import REGIE_PRODUCT, RegieProduct
from .structure import Complex, El, lijst

CODE = "307"


@frozen
class StopProduct(RegieProduct):
    reden_beeindiging: str
    einddatum: date
    status_aanlevering: str


@frozen
class Client(c.ClientKern):
    stop_producten: tuple[StopProduct, ...]


@frozen
class Stopbericht:
    header: c.Header
    client: Client


Bericht = Stopbericht

STOP_PRODUCT = Complex(
    "StopProduct",
    (
        *REGIE_PRODUCT,
        El("RedenBeeindiging", t.REDEN_BEEINDIGING),
        El("Einddatum", t.DATUM),
        El("StatusAanlevering", t.STATUS_AANLEVERING),
    ),
    model=StopProduct,
    klasse=True,
)
CLIENT = Complex(
    "Client",
    (*c.CLIENT_KERN, lijst("StopProducten", "StopProduct", STOP_PRODUCT)),
    model=Client,
    klasse=True,
)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", c.heen_header(CODE, c.AANBIEDER_NAAR_GEMEENTE)), El("Client", CLIENT)),
        model=Stopbericht,
    ),
)

build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
