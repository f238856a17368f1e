"""Pieces shared by several messages: the CDT_* composites, the header and the client core.

Models are frozen, keyword-only dataclasses; amounts and volumes are `int` (euro cents / whole units),
dates are `date`, codes are `str` as in the standard. Optional elements are `None`, repeated ones tuples.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import codes
from . import types as t
from .structure import BASIS_NS, Complex, El

frozen = dataclass(frozen=True, kw_only=True)


# --- CDT_* models ---------------------------------------------------------------------------------------
@frozen
class BerichtIdentificatie:
    identificatie: str
    dagtekening: date


@frozen
class XsdVersie:
    basisschema_xsd_versie: str = "1.0.0"
    bericht_xsd_versie: str = "1.0.0"


@frozen
class Geboortedatum:
    datum: date
    datum_gebruik: str | None = None


@frozen
class Achternaam:
    achternaam: str
    voorvoegsel: str | None = None


@frozen
class VolledigeNaam:
    geslachtsnaam: Achternaam
    partnernaam: Achternaam | None = None
    voornamen: str | None = None
    voorletters: str | None = None
    naam_gebruik: str


@frozen
class VerkorteNaam:
    geslachtsnaam: Achternaam
    voornamen: str | None = None
    voorletters: str | None = None


@frozen
class Communicatie:
    vorm: str
    taal: str | None = None


@frozen
class Huis:
    huisnummer: int
    huisletter: str | None = None
    huisnummer_toevoeging: str | None = None
    aanduiding_woonadres: str | None = None


@frozen
class Adres:
    huis: Huis | None = None
    postcode: str | None = None
    straatnaam: str | None = None
    plaatsnaam: str | None = None
    land_code: str | None = None


@frozen
class Telefoon:
    telefoonnummer: str
    landnummer: str


@frozen
class Telefoonnummers:
    telefoon01: Telefoon
    telefoon02: Telefoon | None = None


@frozen
class OpenPeriode:
    begindatum: date | None = None
    einddatum: date | None = None


@frozen
class GeslotenPeriode:
    begindatum: date
    einddatum: date


@frozen
class Product:
    categorie: str
    code: str | None = None


@frozen
class Omvang:
    volume: int
    eenheid: str
    frequentie: str


@frozen
class Verwijzer:
    type: str
    naam: str | None = None
    zorgverlener_code: str | None = None


@frozen
class Referentie:
    referentie_nummer: str
    vorig_referentie_nummer: str | None = None


@frozen
class BedragMetDC:
    bedrag: int
    debet_credit: str


@frozen
class TotaalBedragMetDC:
    totaal_bedrag: int
    debet_credit: str


def _cdt(name: str, model: type, *children: El) -> Complex:
    return Complex(name, children, model=model, ns=BASIS_NS)


ACHTERNAAM = _cdt("CDT_Achternaam", Achternaam, El("Achternaam", t.NAAM), El("Voorvoegsel", t.VOORVOEGSEL, 0))
HUIS = _cdt(
    "CDT_Huis",
    Huis,
    El("Huisnummer", t.HUISNUMMER),
    El("Huisletter", t.HUISLETTER, 0),
    El("HuisnummerToevoeging", t.HUISNUMMER_TOEVOEGING, 0),
    El("AanduidingWoonadres", t.AANDUIDING_WOONADRES, 0),
)
ADRES = _cdt(
    "CDT_Adres",
    Adres,
    El("Huis", HUIS, 0),
    El("Postcode", t.POSTCODE, 0),
    El("Straatnaam", t.STRAATNAAM, 0),
    El("Plaatsnaam", t.PLAATSNAAM, 0),
    El("LandCode", t.LAND_CODE, 0),
)
BEDRAG_MET_DC = _cdt("CDT_BedragMetDC", BedragMetDC, El("Bedrag", t.BEDRAG), El("DebetCredit", t.DEBET_CREDIT))
BERICHT_IDENTIFICATIE = _cdt(
    "CDT_BerichtIdentificatie",
    BerichtIdentificatie,
    El("Identificatie", t.IDENTIFICATIE_BERICHT),
    El("Dagtekening", t.DATUM),
)
COMMUNICATIE = _cdt("CDT_Communicatie", Communicatie, El("Vorm", t.COMMUNICATIEVORM), El("Taal", t.TAAL, 0))
GEBOORTEDATUM = _cdt("CDT_Geboortedatum", Geboortedatum, El("Datum", t.DATUM), El("DatumGebruik", t.DATUM_GEBRUIK, 0))
GESLOTEN_PERIODE = _cdt("CDT_GeslotenPeriode", GeslotenPeriode, El("Begindatum", t.DATUM), El("Einddatum", t.DATUM))
OMVANG = _cdt("CDT_Omvang", Omvang, El("Volume", t.VOLUME), El("Eenheid", t.EENHEID), El("Frequentie", t.FREQUENTIE))
OPEN_PERIODE = _cdt("CDT_OpenPeriode", OpenPeriode, El("Begindatum", t.DATUM, 0), El("Einddatum", t.DATUM, 0))
PRODUCT = _cdt("CDT_Product", Product, El("Categorie", t.PRODUCT_CATEGORIE), El("Code", t.PRODUCT_CODE, 0))
REFERENTIE = _cdt(
    "CDT_Referentie",
    Referentie,
    El("ReferentieNummer", t.REFERENTIE_NUMMER),
    El("VorigReferentieNummer", t.REFERENTIE_NUMMER, 0),
)
TELEFOON = _cdt("CDT_Telefoon", Telefoon, El("Telefoonnummer", t.TELEFOONNUMMER), El("Landnummer", t.LANDNUMMER))
TELEFOONNUMMERS = _cdt(
    "CDT_Telefoonnummers", Telefoonnummers, El("Telefoon01", TELEFOON), El("Telefoon02", TELEFOON, 0)
)
TOTAAL_BEDRAG_MET_DC = _cdt(
    "CDT_TotaalBedragMetDC",
    TotaalBedragMetDC,
    El("TotaalBedrag", t.TOTAAL_BEDRAG),
    El("DebetCredit", t.DEBET_CREDIT),
)
VERKORTE_NAAM = _cdt(
    "CDT_VerkorteNaam",
    VerkorteNaam,
    El("Geslachtsnaam", ACHTERNAAM),
    El("Voornamen", t.NAAM, 0),
    El("Voorletters", t.VOORLETTERS, 0),
)
VERWIJZER = _cdt(
    "CDT_Verwijzer",
    Verwijzer,
    El("Type", t.TYPE_VERWIJZER),
    El("Naam", t.NAAM_VERWIJZER, 0),
    El("ZorgverlenerCode", t.AGB_CODE, 0),
)
VOLLEDIGE_NAAM = _cdt(
    "CDT_VolledigeNaam",
    VolledigeNaam,
    El("Geslachtsnaam", ACHTERNAAM),
    El("Partnernaam", ACHTERNAAM, 0),
    El("Voornamen", t.NAAM, 0),
    El("Voorletters", t.VOORLETTERS, 0),
    El("NaamGebruik", t.NAAM_GEBRUIK),
)
XSD_VERSIE = _cdt("CDT_XsdVersie", XsdVersie, El("BasisschemaXsdVersie", t.VERSIE), El("BerichtXsdVersie", t.VERSIE))


# --- Header ----------------------------------------------------------------------------------------------
@frozen
class Header:
    """Heen header; BerichtCode, BerichtVersie (3) and BerichtSubversie (2) are written by the definition."""

    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie = XsdVersie()

    @classmethod
    def nieuw(cls, afzender: str, ontvanger: str, identificatie: str, dagtekening: date, **kwargs):
        return cls(
            afzender=afzender,
            ontvanger=ontvanger,
            bericht_identificatie=BerichtIdentificatie(identificatie=identificatie, dagtekening=dagtekening),
            **kwargs,
        )


GEMEENTE_NAAR_AANBIEDER = (t.GEMEENTE, t.AGB_CODE)
AANBIEDER_NAAR_GEMEENTE = (t.AGB_CODE, t.GEMEENTE)


def header_elements(code: str, richting: tuple) -> tuple[El, ...]:
    """Elements 1–7 of every header (§5.1): fixed code/version, sender, receiver, identity, XSD version."""
    berichtcode = codes.BERICHTCODE[code]
    afzender, ontvanger = richting
    return (
        El("BerichtCode", t.BERICHT_CODE.restrict(pattern=berichtcode), fixed=berichtcode),
        El("BerichtVersie", t.BERICHT_VERSIE.restrict(pattern="3"), fixed="3"),
        El("BerichtSubversie", t.BERICHT_SUBVERSIE.restrict(pattern="2"), fixed="2"),
        El("Afzender", afzender),
        El("Ontvanger", ontvanger),
        El("BerichtIdentificatie", BERICHT_IDENTIFICATIE),
        El("XsdVersie", XSD_VERSIE),
    )


def heen_header(code: str, richting: tuple) -> Complex:
    return Complex("Header", header_elements(code, richting), model=Header)


# --- Client core (305, 307, 315) ------------------------------------------------------------------------
@frozen
class ClientKern:
    """Bsn, Geboortedatum, Geslacht and (short) Naam: the first four elements of the client in 305–315."""

    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VerkorteNaam


CLIENT_KERN = (
    El("Bsn", t.BSN),
    El("Geboortedatum", GEBOORTEDATUM),
    El("Geslacht", t.GESLACHT),
    El("Naam", VERKORTE_NAAM),
)
