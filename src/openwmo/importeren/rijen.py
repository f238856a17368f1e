"""Rows as typed dataclasses: dates, amounts and codes parsed, each mistake a Dutch message naming the column.

No Django here; the rules that need the database (does the BSN exist, overlap, contract) are checked by
the domain services in `service.py`, the same ones live input uses.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .bestanden import Rij


@dataclass(frozen=True)
class Fout:
    bestand: str
    rij: int  # 0 = the file as a whole
    kolom: str
    melding: str


class RijFouten(Exception):
    def __init__(self, fouten: list[tuple[str, str]]):
        super().__init__("; ".join(f"{k}: {m}" for k, m in fouten))
        self.fouten = fouten


class _Lezer:
    """Collects every mistake of a row instead of stopping at the first."""

    def __init__(self, rij: Rij):
        self.rij = rij
        self.fouten: list[tuple[str, str]] = []

    def tekst(self, kolom: str, verplicht: bool = False, max_lengte: int | None = None) -> str:
        waarde = self.rij.get(kolom)
        if verplicht and not waarde:
            self.fouten.append((kolom, "is verplicht."))
        elif max_lengte and len(waarde) > max_lengte:
            self.fouten.append((kolom, f"is langer dan {max_lengte} tekens."))
        return waarde

    def code(self, kolom: str, lengte: int, verplicht: bool = False, omschrijving: str = "") -> str:
        waarde = self.tekst(kolom, verplicht)
        if waarde and (not waarde.isascii() or not waarde.isdigit()):
            self.fouten.append((kolom, f"'{waarde}' is geen {omschrijving or 'code'} van {lengte} cijfers."))
        elif waarde and len(waarde) < lengte:
            waarde = waarde.zfill(lengte)  # spreadsheets drop leading zeros: 603 → 0603
        elif waarde and len(waarde) > lengte:
            self.fouten.append((kolom, f"'{waarde}' is geen {omschrijving or 'code'} van {lengte} cijfers."))
        return waarde

    def datum(self, kolom: str, verplicht: bool = False) -> date | None:
        waarde = self.tekst(kolom, verplicht)
        if not waarde:
            return None
        try:
            if len(waarde) == 10 and waarde[2] == "-" and waarde[5] == "-":
                return date(int(waarde[6:]), int(waarde[3:5]), int(waarde[:2]))  # 31-12-2016
            return date.fromisoformat(waarde[:10])
        except ValueError:
            self.fouten.append((kolom, f"'{waarde}' is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ."))
            return None

    def bedrag(self, kolom: str, verplicht: bool = False) -> Decimal | None:
        waarde = self.tekst(kolom, verplicht)
        if not waarde:
            return None
        try:
            getal = Decimal(waarde.replace(" ", "").replace("€", "").replace(",", "."))
        except InvalidOperation:
            self.fouten.append((kolom, f"'{waarde}' is geen getal."))
            return None
        if not getal.is_finite() or getal < 0:
            self.fouten.append((kolom, f"'{waarde}' moet een getal van 0 of meer zijn."))
            return None
        return getal

    def geheel(self, kolom: str) -> int | None:
        waarde = self.tekst(kolom)
        if not waarde:
            return None
        if not waarde.isascii() or not waarde.isdigit() or len(waarde) > 9:
            self.fouten.append((kolom, f"'{waarde}' is geen huisnummer."))
            return None
        return int(waarde)

    def klaar(self):
        if self.fouten:
            raise RijFouten(self.fouten)


@dataclass(frozen=True)
class ClientRij:
    nummer: int
    bsn: str
    geboortedatum: date
    geslacht: str
    achternaam: str
    voorvoegsel: str
    voorletters: str
    straat: str
    postcode: str
    huisnummer: int | None
    huisnummer_toevoeging: str
    woonplaats: str
    gemeente: str
    wijk: str


@dataclass(frozen=True)
class BeschikkingRij:
    nummer: int
    beschikkingsnummer: str
    bsn: str
    gemeente: str
    besluitdatum: date
    ingangsdatum: date
    einddatum: date | None
    besluit: str
    producten: tuple[str, ...]


@dataclass(frozen=True)
class ToewijzingRij:
    nummer: int
    toewijzingsnummer: str
    beschikkingsnummer: str
    bsn: str
    gemeente: str
    productcategorie: str
    productcode: str
    aanbieder: str
    ingangsdatum: date
    einddatum: date | None
    volume: Decimal | None
    eenheid: str
    frequentie: str
    bedrag: Decimal | None
    uitvoeringsvariant: str
    leveringsvorm: str
    reden_beeindiging: str


@dataclass(frozen=True)
class DeclaratieRij:
    nummer: int
    declaratienummer: str
    aanbieder: str
    gemeente: str
    toewijzingsnummer: str
    bsn: str
    productcode: str
    begindatum: date
    einddatum: date
    volume: Decimal | None
    eenheid: str
    tarief: Decimal | None
    bedrag: Decimal | None
    status: str
    referentienummer: str = ""


def client_rij(rij: Rij) -> ClientRij:
    lees = _Lezer(rij)
    waarden = ClientRij(
        nummer=rij.nummer,
        bsn=lees.code("bsn", 9, verplicht=True, omschrijving="BSN"),
        geboortedatum=lees.datum("geboortedatum", verplicht=True),
        geslacht=lees.tekst("geslacht") or "0",
        achternaam=lees.tekst("achternaam", verplicht=True, max_lengte=200),
        voorvoegsel=lees.tekst("voorvoegsel", max_lengte=10),
        voorletters=lees.tekst("voorletters", max_lengte=10),
        straat=lees.tekst("straat", max_lengte=200),
        postcode=lees.tekst("postcode").replace(" ", "").upper(),
        huisnummer=lees.geheel("huisnummer"),
        huisnummer_toevoeging=lees.tekst("huisnummer_toevoeging", max_lengte=10),
        woonplaats=lees.tekst("woonplaats", max_lengte=200),
        gemeente=lees.code("gemeente", 4, omschrijving="CBS-gemeentecode"),
        wijk=lees.tekst("wijk", max_lengte=20),
    )
    lees.klaar()
    return waarden


def beschikking_rij(rij: Rij) -> BeschikkingRij:
    lees = _Lezer(rij)
    producten = lees.tekst("producten")
    waarden = BeschikkingRij(
        nummer=rij.nummer,
        beschikkingsnummer=lees.tekst("beschikkingsnummer", verplicht=True, max_lengte=20),
        bsn=lees.code("bsn", 9, verplicht=True, omschrijving="BSN"),
        gemeente=lees.code("gemeente", 4, omschrijving="CBS-gemeentecode"),
        besluitdatum=lees.datum("besluitdatum", verplicht=True),
        ingangsdatum=lees.datum("ingangsdatum", verplicht=True),
        einddatum=lees.datum("einddatum"),
        besluit=lees.tekst("besluit") or "toegekend",
        producten=tuple(sorted({p.strip() for p in producten.replace(",", " ").split() if p.strip()})),
    )
    lees.klaar()
    return waarden


def toewijzing_rij(rij: Rij) -> ToewijzingRij:
    lees = _Lezer(rij)
    productcode = lees.tekst("productcode", verplicht=True, max_lengte=5)
    waarden = ToewijzingRij(
        nummer=rij.nummer,
        toewijzingsnummer=lees.tekst("toewijzingsnummer", verplicht=True, max_lengte=20),
        beschikkingsnummer=lees.tekst("beschikkingsnummer", max_lengte=20),
        bsn=lees.code("bsn", 9, verplicht=True, omschrijving="BSN"),
        gemeente=lees.code("gemeente", 4, omschrijving="CBS-gemeentecode"),
        productcategorie=lees.code("productcategorie", 2, omschrijving="productcategorie") or productcode[:2],
        productcode=productcode,
        aanbieder=lees.code("aanbieder", 8, verplicht=True, omschrijving="AGB-code"),
        ingangsdatum=lees.datum("ingangsdatum", verplicht=True),
        einddatum=lees.datum("einddatum"),
        volume=lees.bedrag("volume"),
        eenheid=lees.code("eenheid", 2, omschrijving="eenheid"),
        frequentie=lees.tekst("frequentie", max_lengte=1),
        bedrag=lees.bedrag("bedrag"),
        uitvoeringsvariant=lees.tekst("uitvoeringsvariant") or "inspanningsgericht",
        leveringsvorm=lees.tekst("leveringsvorm").lower() or "zin",
        reden_beeindiging=lees.code("reden_beeindiging", 2, omschrijving="reden beëindiging"),
    )
    lees.klaar()
    return waarden


def declaratie_rij(rij: Rij) -> DeclaratieRij:
    lees = _Lezer(rij)
    waarden = DeclaratieRij(
        nummer=rij.nummer,
        declaratienummer=lees.tekst("declaratienummer", verplicht=True, max_lengte=20),
        aanbieder=lees.code("aanbieder", 8, verplicht=True, omschrijving="AGB-code"),
        gemeente=lees.code("gemeente", 4, omschrijving="CBS-gemeentecode"),
        toewijzingsnummer=lees.tekst("toewijzingsnummer", verplicht=True, max_lengte=20),
        bsn=lees.code("bsn", 9, verplicht=True, omschrijving="BSN"),
        productcode=lees.tekst("productcode", max_lengte=5),
        begindatum=lees.datum("begindatum", verplicht=True),
        einddatum=lees.datum("einddatum", verplicht=True),
        volume=lees.bedrag("volume"),
        eenheid=lees.code("eenheid", 2, omschrijving="eenheid"),
        tarief=lees.bedrag("tarief"),
        bedrag=lees.bedrag("bedrag"),
        status=lees.tekst("status", max_lengte=20),
        referentienummer=lees.tekst("referentienummer", max_lengte=20),
    )
    if waarden.begindatum and waarden.einddatum and waarden.einddatum < waarden.begindatum:
        lees.fouten.append(("einddatum", "ligt vóór de begindatum."))
    lees.klaar()
    return waarden


PARSERS = {
    "clienten": client_rij,
    "beschikkingen": beschikking_rij,
    "toewijzingen": toewijzing_rij,
    "declaraties": declaratie_rij,
}
