"""WMO315 Verzoek om toewijzing (berichtcode 444), aanbieder → gemeente. Reference §5.5."""

from __future__ import annotations

from datetime import date

from . import common as c
from . import types as t
from .common import frozen
from .definitie import Berichtdefinitie
from .structure import Complex, El, lijst

CODE = "315"


@frozen
class AangevraagdProduct:
    referentie_aanbieder: str
    beschikking_nummer: int | None = None
    product: c.Product | None = None
    beschikking_ingangsdatum: date | None = None
    toewijzing_ingangsdatum: date
    toewijzing_einddatum: date | None = None
    omvang: c.Omvang | None = None
    budget: int | None = None
    verwijzer: c.Verwijzer
    raamcontract: str | None = None
    commentaar: str | None = None


@frozen
class Client(c.ClientKern):
    commentaar: str | None = None
    aangevraagde_producten: tuple[AangevraagdProduct, ...]


@frozen
class VerzoekOmToewijzingBericht:
    header: c.Header
    client: Client


Bericht = VerzoekOmToewijzingBericht

AANGEVRAAGD_PRODUCT = Complex(
    "AangevraagdProduct",
    (
        El("ReferentieAanbieder", t.REFERENTIE),
        El("BeschikkingNummer", t.NUMMER, 0),
        El("Product", c.PRODUCT, 0),
        El("BeschikkingIngangsdatum", t.DATUM, 0),
        El("ToewijzingIngangsdatum", t.DATUM),
        El("ToewijzingEinddatum", t.DATUM, 0),
        El("Omvang", c.OMVANG, 0),
        El("Budget", t.BUDGET, 0),
        El("Verwijzer", c.VERWIJZER),
        El("Raamcontract", t.JA_NEE, 0),
        El("Commentaar", t.COMMENTAAR, 0),
    ),
    model=AangevraagdProduct,
    klasse=True,
)
CLIENT = Complex(
    "Client",
    (
        *c.CLIENT_KERN,
        El("Commentaar", t.COMMENTAAR, 0),
        lijst("AangevraagdeProducten", "AangevraagdProduct", AANGEVRAAGD_PRODUCT),
    ),
    model=Client,
    klasse=True,
)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", c.heen_header(CODE, c.AANBIEDER_NAAR_GEMEENTE)), El("Client", CLIENT)),
        model=VerzoekOmToewijzingBericht,
    ),
)

build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
