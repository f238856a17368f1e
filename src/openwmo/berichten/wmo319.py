"""WMO319 Antwoordbericht (berichtcode 482), gemeente → aanbieder. Reference §5.7 (no Client/BSN)."""

from __future__ import annotations

from . import common as c
from . import types as t
from .common import frozen
from .definitie import Berichtdefinitie
from .structure import Complex, El

CODE = "319"


@frozen
class Antwoord:
    referentie_aanbieder: str
    verzoek_antwoord: str
    reden_afwijzing_verzoek: str | None = None


@frozen
class Antwoordbericht:
    header: c.Header
    antwoord: Antwoord


Bericht = Antwoordbericht

ANTWOORD = Complex(
    "Antwoord",
    (
        El("ReferentieAanbieder", t.REFERENTIE),
        El("VerzoekAntwoord", t.VERZOEK_ANTWOORD),
        El("RedenAfwijzingVerzoek", t.REDEN_AFWIJZING_VERZOEK, 0),
    ),
    model=Antwoord,
    klasse=True,
)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", c.heen_header(CODE, c.GEMEENTE_NAAR_AANBIEDER)), El("Antwoord", ANTWOORD)),
        model=Antwoordbericht,
    ),
)

build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
