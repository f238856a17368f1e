"""WMO305 Start Wmo-ondersteuning (berichtcode 418), aanbieder → gemeente. Reference §5.4."""

from __future__ import annotations

from . import common as c
from . import types as t
from .common import frozen
from .definitie import Berichtdefinitie
from .regie import REGIE_PRODUCT, RegieProduct
from .structure import Complex, El, lijst

CODE = "305"


@frozen
class StartProduct(RegieProduct):
    status_aanlevering: str


@frozen
class Client(c.ClientKern):
    start_producten: tuple[StartProduct, ...]


@frozen
class Startbericht:
    header: c.Header
    client: Client


Bericht = Startbericht

START_PRODUCT = Complex(
    "StartProduct",
    (*REGIE_PRODUCT, El("StatusAanlevering", t.STATUS_AANLEVERING)),
    model=StartProduct,
    klasse=True,
)
CLIENT = Complex(
    "Client",
    (*c.CLIENT_KERN, lijst("StartProducten", "StartProduct", START_PRODUCT)),
    model=Client,
    klasse=True,
)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", c.heen_header(CODE, c.AANBIEDER_NAAR_GEMEENTE)), El("Client", CLIENT)),
        model=Startbericht,
    ),
)

build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
