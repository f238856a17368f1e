"""Simple types of the iWmo 3.2 basisschema (LDT_*), written by us from the standard's facts.

Each `SimpleType` knows its lexical kind (string, integer, date, time) and its facets (length, pattern,
enumeration, range) and checks one text value, returning `None` or the broken rule with a Dutch
message. Regular expressions follow XML Schema semantics: a pattern must match the whole value, `.`
excludes CR/LF and `\\s` is only space, tab, CR and LF. Facts: iwmo-reference.md §4.1.

Deliberately stricter than the XSD: dates must have a four-digit year 0001–9999 and times must be
valid `datetime.time` values (no `24:00:00`), so that every valid value maps onto Python's types;
LDT_RedenWijziging leaves out the retired code 01 (CS336).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time

from openwmo.catalogus import codelijsten as cl

from . import codes

XSD_WHITESPACE = " \t\n\r"

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?")


@dataclass(frozen=True)
class Regel:
    """A broken rule: `regel` is a stable identifier (XSD facet name style), `melding` is Dutch."""

    regel: str
    melding: str


@dataclass(frozen=True)
class SimpleType:
    name: str
    kind: str = "string"  # string | integer | date | time
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None  # Python regex, applied with fullmatch
    # "regel": XSD `.*[^\s].*` (one line, not blank); "tekst": LDT_Commentaar (not blank, may span lines)
    niet_leeg: str | None = None
    enum: frozenset[str] | None = None
    min_value: int | None = None
    max_value: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", re.compile(self.pattern) if self.pattern else None)

    def restrict(self, *, pattern: str | None = None, name: str | None = None) -> SimpleType:
        """An anonymous restriction (as the message XSDs do for BerichtCode and DeclaratieNummer)."""
        if self.pattern and pattern:
            raise ValueError("nested patterns are not supported")
        return replace(self, name=name or self.name, pattern=pattern or self.pattern)

    # -- checking -----------------------------------------------------------------------------------
    def check(self, text: str) -> Regel | None:
        if self.kind == "string":
            return self._check_string(text)
        value = text.strip(XSD_WHITESPACE)  # integer/date/time collapse whitespace
        if self.kind == "integer":
            return self._check_integer(value)
        if self.kind == "date":
            return None if parse_date(value) is not None else Regel("date", f"'{text}' is geen geldige datum")
        if self.kind == "time":
            return None if parse_time(value) is not None else Regel("time", f"'{text}' is geen geldige tijd")
        raise AssertionError(self.kind)

    def _check_string(self, text: str) -> Regel | None:
        n = len(text)
        if self.enum is not None and text not in self.enum:
            return Regel("enumeration", f"'{text}' is geen geldige code voor {self.name}")
        if self.min_length is not None and n < self.min_length:
            return Regel("minLength", f"waarde is korter dan {self.min_length} teken(s)")
        if self.max_length is not None and n > self.max_length:
            return Regel("maxLength", f"waarde is langer dan {self.max_length} tekens ({n})")
        if self._regex is not None and not self._regex.fullmatch(text):  # type: ignore[attr-defined]
            return Regel("pattern", f"'{text}' voldoet niet aan het patroon van {self.name}")
        if self.niet_leeg == "regel" and ("\n" in text or "\r" in text):
            return Regel("pattern", "waarde mag geen regelovergang bevatten")
        if self.niet_leeg and not text.strip(XSD_WHITESPACE):
            return Regel("pattern", "waarde mag niet alleen uit spaties bestaan")
        return None

    def _check_integer(self, value: str) -> Regel | None:
        if not _INTEGER.fullmatch(value):
            return Regel("integer", f"'{value}' is geen geheel getal")
        if self._regex is not None and not self._regex.fullmatch(value):  # type: ignore[attr-defined]
            return Regel("pattern", f"'{value}' voldoet niet aan het patroon van {self.name}")
        number = int(value)
        if self.min_value is not None and number < self.min_value:
            return Regel("minInclusive", f"{number} is kleiner dan {self.min_value}")
        if self.max_value is not None and number > self.max_value:
            return Regel("maxInclusive", f"{number} is groter dan {self.max_value}")
        return None

    # -- conversion ----------------------------------------------------------------------------------
    def to_python(self, text: str):
        """Convert a (valid) lexical value; raises ValueError when it cannot be converted."""
        if self.kind == "string":
            return text
        value = text.strip(XSD_WHITESPACE)
        if self.kind == "integer":
            if not _INTEGER.fullmatch(value):
                raise ValueError(f"'{value}' is geen geheel getal")
            return int(value)
        parsed = parse_date(value) if self.kind == "date" else parse_time(value)
        if parsed is None:
            raise ValueError(f"'{value}' is geen geldige {'datum' if self.kind == 'date' else 'tijd'}")
        return parsed

    def to_text(self, value) -> str:
        if self.kind == "string":
            return value
        if self.kind == "integer":
            return str(int(value))
        if self.kind == "date":
            return value.isoformat()
        return value.replace(tzinfo=None).isoformat()


def parse_date(value: str) -> date | None:
    m = _DATE.fullmatch(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_time(value: str) -> time | None:
    m = _TIME.fullmatch(value)
    if not m:
        return None
    micro = int((m[4] or "0")[:6].ljust(6, "0"))
    try:
        return time(int(m[1]), int(m[2]), int(m[3]), micro)
    except ValueError:
        return None


def _enum(name: str, values) -> SimpleType:
    values = frozenset(values)
    return SimpleType(name, enum=values, max_length=max(len(v) for v in values))


def _text(name: str, min_length: int = 1, max_length: int | None = None, niet_leeg="regel") -> SimpleType:
    return SimpleType(name, min_length=min_length, max_length=max_length, niet_leeg=niet_leeg)


def _int(name: str, maximum: int) -> SimpleType:
    return SimpleType(name, kind="integer", min_value=0, max_value=maximum)


# --- LDT_* (basisschema iWmo 3.2, BasisschemaXsdVersie 1.0.0) --------------------------------------
AANDUIDING_WOONADRES = _enum("LDT_AanduidingWoonadres", codes.AANDUIDING_WOONADRES)
ADRES_SOORT = _enum("LDT_AdresSoort", codes.ADRES_SOORT)
AGB_CODE = SimpleType("LDT_AgbCode", min_length=1, max_length=8, pattern="[0-9]{8}")
BEDRAG = _int("LDT_Bedrag", 99_999_999)
BERICHT_CODE = SimpleType("LDT_BerichtCode", min_length=1, max_length=3)
BERICHT_VERSIE = _int("LDT_BerichtVersie", 99)
BERICHT_SUBVERSIE = _int("LDT_BerichtSubversie", 99)
BUDGET = _int("LDT_Budget", 99_999_999)
BSN = SimpleType("LDT_BurgerServicenummer", min_length=1, max_length=9, pattern="[0-9]{9}")
COMMENTAAR = _text("LDT_Commentaar", niet_leeg="tekst")
COMMUNICATIEVORM = _enum("LDT_Communicatievorm", codes.COMMUNICATIEVORM)
DATUM = SimpleType("LDT_Datum", kind="date")
DATUM_GEBRUIK = _enum("LDT_DatumGebruik", codes.DATUM_GEBRUIK)
DEBET_CREDIT = _enum("LDT_DebetCredit", codes.DEBET_CREDIT)
EENHEID = _enum("LDT_Eenheid", cl.EENHEID)
EMAILADRES = _text("LDT_Emailadres", max_length=80)
FREQUENTIE = _enum("LDT_Frequentie", cl.FREQUENTIE)
GEMEENTE = SimpleType("LDT_Gemeente", min_length=1, pattern="[0-9]{4}")
GESLACHT = _enum("LDT_Geslacht", cl.GESLACHT)
HUISLETTER = _text("LDT_Huisletter", max_length=1)
HUISNUMMER = _int("LDT_Huisnummer", 99_999)
HUISNUMMER_TOEVOEGING = _text("LDT_HuisnummerToevoeging", max_length=4)
IDENTIFICATIE_BERICHT = _text("LDT_IdentificatieBericht", max_length=12)
IDENTIFICATIE_DECLARATIE = SimpleType("LDT_IdentificatieDeclaratie", min_length=1, max_length=12)
JA_NEE = _enum("LDT_JaNee", codes.JA_NEE)
JURIDISCHE_STATUS = _enum("LDT_JuridischeStatus", codes.JURIDISCHE_STATUS)
LAND_CODE = _enum("LDT_LandCode", codes.LANDCODE)
LANDNUMMER = _text("LDT_Landnummer", max_length=4)
NAAM = _text("LDT_Naam", max_length=200)
NAAM_GEBRUIK = _enum("LDT_NaamGebruik", codes.NAAMGEBRUIK)
NAAM_VERWIJZER = _text("LDT_NaamVerwijzer", max_length=64)
NUMMER = _int("LDT_Nummer", 999_999_999)
ORGANISATIENAAM = _text("LDT_Organisatienaam", max_length=35)
PERSOONSID = _text("LDT_Persoonsid", max_length=20)
PLAATSNAAM = _text("LDT_Plaatsnaam", max_length=80)
POSTCODE = _text("LDT_Postcode", max_length=8)
PRODUCT_CATEGORIE = _enum("LDT_ProductCategorie", cl.PRODUCTCATEGORIE)
PRODUCT_CODE = _text("LDT_ProductCode", max_length=5)
REDEN_AFWIJZING_VERZOEK = _enum("LDT_RedenAfwijzingVerzoek", cl.REDEN_AFWIJZING_VERZOEK)
REDEN_BEEINDIGING = _enum("LDT_RedenBeeindiging", cl.REDEN_BEEINDIGING)
REDEN_VERZOEK = _enum("LDT_RedenVerzoek", cl.REDEN_VERZOEK)
REDEN_WIJZIGING = _enum("LDT_RedenWijziging", cl.REDEN_WIJZIGING)
REFERENTIE = _text("LDT_Referentie", max_length=36)
REFERENTIE_NUMMER = SimpleType("LDT_ReferentieNummer", min_length=1, max_length=20)
RELATIE_VOLGORDE = _int("LDT_RelatieVolgorde", 99)
RETOUR_CODE = _enum("LDT_RetourCode", cl.RETOURCODE)
SOORT_RELATIE = _enum("LDT_SoortRelatie", codes.SOORT_RELATIE)
STATUS_AANLEVERING = _enum("LDT_StatusAanlevering", codes.STATUS_AANLEVERING)
STRAATNAAM = _text("LDT_Straatnaam", max_length=24)
TAAL = _text("LDT_Taal", max_length=25)
TELEFOONNUMMER = SimpleType("LDT_Telefoonnummer", min_length=1, max_length=15, pattern="[0-9]*")
TIJD = SimpleType("LDT_Tijd", kind="time")
TOTAAL_BEDRAG = _int("LDT_TotaalBedrag", 999_999_999_999)
TYPE_VERWIJZER = _enum("LDT_TypeVerwijzer", codes.TYPE_VERWIJZER)
VERSIE = SimpleType("LDT_Versie", min_length=1, pattern=r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
VERZOEK_ANTWOORD = _enum("LDT_VerzoekAntwoord", cl.VERZOEK_ANTWOORD)
VOLUME = _int("LDT_Volume", 99_999_999)
VOORLETTERS = SimpleType("LDT_Voorletters", min_length=1, max_length=6, pattern="[a-zA-Z\u00c0-\u1ef3]+")
VOORVOEGSEL = _text("LDT_Voorvoegsel", max_length=10)
WETTELIJKE_VERTEGENWOORDIGING = _enum("LDT_WettelijkeVertegenwoordiging", codes.WETTELIJKE_VERTEGENWOORDIGING)
