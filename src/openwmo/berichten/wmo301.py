"""WMO301 Toewijzing Wmo-ondersteuning (berichtcode 414), gemeente → aanbieder. Reference §5.3."""

from __future__ import annotations

from datetime import date, time

from . import common as c
from . import types as t
from .common import frozen
from .definitie import Berichtdefinitie
from .structure import Complex, El, lijst

CODE = "301"


@frozen
class Contact:
    soort: str
    adres: c.Adres | None = None
    organisatie: str | None = None
    telefoon: c.Telefoonnummers | None = None
    emailadres: str | None = None
    periode: c.OpenPeriode | None = None


@frozen
class Relatie:
    nummer: str
    volgorde: int | None = None
    soort: str
    geboortedatum: c.Geboortedatum | None = None
    geslacht: str | None = None
    naam: c.VolledigeNaam
    contact: Contact


@frozen
class ToegewezenProduct:
    toewijzing_nummer: int
    referentie_aanbieder: str | None = None
    product: c.Product | None = None
    toewijzingsdatum: date
    toewijzingstijd: time
    ingangsdatum: date
    einddatum: date | None = None
    reden_wijziging: str | None = None
    omvang: c.Omvang | None = None
    budget: int | None = None
    commentaar: str | None = None


@frozen
class Client:
    bsn: str
    geboortedatum: c.Geboortedatum
    geslacht: str
    naam: c.VolledigeNaam
    communicatie: c.Communicatie | None = None
    juridische_status: str | None = None
    wettelijke_vertegenwoordiging: str | None = None
    commentaar: str | None = None
    relaties: tuple[Relatie, ...] = ()
    contactgegevens: tuple[Contact, ...]
    toegewezen_producten: tuple[ToegewezenProduct, ...]


@frozen
class Toewijzingsbericht:
    header: c.Header
    client: Client


Bericht = Toewijzingsbericht

CONTACT = Complex(
    "Contact",
    (
        El("Soort", t.ADRES_SOORT),
        El("Adres", c.ADRES, 0),
        El("Organisatie", t.ORGANISATIENAAM, 0),
        El("Telefoon", c.TELEFOONNUMMERS, 0),
        El("Emailadres", t.EMAILADRES, 0),
        El("Periode", c.OPEN_PERIODE, 0),
    ),
    model=Contact,
    klasse=True,
)
RELATIE = Complex(
    "Relatie",
    (
        El("Nummer", t.PERSOONSID),
        El("Volgorde", t.RELATIE_VOLGORDE, 0),
        El("Soort", t.SOORT_RELATIE),
        El("Geboortedatum", c.GEBOORTEDATUM, 0),
        El("Geslacht", t.GESLACHT, 0),
        El("Naam", c.VOLLEDIGE_NAAM),
        El("Contact", CONTACT),
    ),
    model=Relatie,
    klasse=True,
)
TOEGEWEZEN_PRODUCT = Complex(
    "ToegewezenProduct",
    (
        El("ToewijzingNummer", t.NUMMER),
        El("ReferentieAanbieder", t.REFERENTIE, 0),
        El("Product", c.PRODUCT, 0),
        El("Toewijzingsdatum", t.DATUM),
        El("Toewijzingstijd", t.TIJD),
        El("Ingangsdatum", t.DATUM),
        El("Einddatum", t.DATUM, 0),
        El("RedenWijziging", t.REDEN_WIJZIGING, 0),
        El("Omvang", c.OMVANG, 0),
        El("Budget", t.BUDGET, 0),
        El("Commentaar", t.COMMENTAAR, 0),
    ),
    model=ToegewezenProduct,
    klasse=True,
)
CLIENT = Complex(
    "Client",
    (
        El("Bsn", t.BSN),
        El("Geboortedatum", c.GEBOORTEDATUM),
        El("Geslacht", t.GESLACHT),
        El("Naam", c.VOLLEDIGE_NAAM),
        El("Communicatie", c.COMMUNICATIE, 0),
        El("JuridischeStatus", t.JURIDISCHE_STATUS, 0),
        El("WettelijkeVertegenwoordiging", t.WETTELIJKE_VERTEGENWOORDIGING, 0),
        El("Commentaar", t.COMMENTAAR, 0),
        lijst("Relaties", "Relatie", RELATIE, 0),
        lijst("Contactgegevens", "Contact", CONTACT),
        lijst("ToegewezenProducten", "ToegewezenProduct", TOEGEWEZEN_PRODUCT),
    ),
    model=Client,
    klasse=True,
)
STRUCTURE = Berichtdefinitie(
    CODE,
    Complex(
        "Root",
        (El("Header", c.heen_header(CODE, c.GEMEENTE_NAAR_AANBIEDER)), El("Client", CLIENT)),
        model=Toewijzingsbericht,
    ),
)

build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
