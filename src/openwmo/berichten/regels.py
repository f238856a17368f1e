"""The standard's rules *inside one message* (XSLT level, retourcode 0001): conditions (CD), constraints (CS)
and the technical rules that need nothing but the message itself (reference §9, §10).

Pure (no Django): every function takes a message model and returns findings as Dutch text starting with the
rule id ("CD076: …"). The inbox rejects an incoming 305/307/315/317 with any finding (header-only retour with
0001, OP286); the outbox refuses to store a 301 with any finding (`outbox.toewijzing_bericht_aanmaken`).
Rules that need earlier messages or registers (berichtoverstijgend, external source) live in `inbox/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

HULPMIDDELEN = frozenset({"11", "12", "13", "14"})  # their periods may overlap (TR302/TR386/TR410/TR361)
NIET_PER_DAG = frozenset({"14", "16", "83", "84"})  # CS338/CS343: frequentie 2, 4 or 6 only
OVERGANG = date(2020, 12, 31)  # CD080/CD095/CD096/CS338 apply to periods ending after this day (or open)
POSTCODE_NL = re.compile(r"[1-9][0-9]{3}[A-Z]{2}")  # CS089
MAX_LEEFTIJD = 120  # TR002


def _na_overgang(einddatum: date | None) -> bool:
    return einddatum is None or einddatum > OVERGANG


# --- dates ------------------------------------------------------------------------------------------------
def geboortedatum(geb, dagtekening: date) -> list[str]:
    """TR134 (not after the dagtekening), TR002 (at most 120 years old unless unknown), CS139 (DatumGebruik)."""
    fouten = []
    if geb.datum > dagtekening:
        fouten.append("TR134: de geboortedatum ligt na de dagtekening van het bericht")
    onbekend = geb.datum_gebruik == "3" and geb.datum == date(1900, 1, 1)
    try:
        grens = dagtekening.replace(year=dagtekening.year - MAX_LEEFTIJD)
    except ValueError:  # 29 February
        grens = date(dagtekening.year - MAX_LEEFTIJD, 3, 1)
    if not onbekend and geb.datum < grens:
        fouten.append(f"TR002: de geboortedatum ligt meer dan {MAX_LEEFTIJD} jaar vóór de dagtekening")
    gebruik = geb.datum_gebruik
    if (
        (gebruik == "1" and geb.datum.day != 1)
        or (gebruik == "2" and (geb.datum.day, geb.datum.month) != (1, 1))
        or (gebruik == "3" and geb.datum != date(1900, 1, 1))
    ):
        fouten.append(f"CS139: DatumGebruik {gebruik} past niet bij geboortedatum {geb.datum.isoformat()}")
    return fouten


# --- product, omvang, budget ------------------------------------------------------------------------------
def omvang_en_budget(
    product, omvang, budget, begin: date, einde: date | None, *, met_product: bool = True
) -> list[str]:
    """CS003, CD041, CD075, CD076, CD077/CD078, CD079, CD080/CD095/CD096 and CS338/CS343 for one product class.

    `met_product=False` for a TeWijzigenProduct, which carries no Product (the allocation's product holds)."""
    fouten = []
    if einde is not None and einde < begin:
        fouten.append("CS003: de einddatum ligt vóór de ingangsdatum")
    if budget is not None and einde is None:
        fouten.append("CD075: bij een budget is een einddatum verplicht")
    if omvang is not None and omvang.frequentie == "2" and einde is None:
        fouten.append("CD076: bij een volume per week is een einddatum verplicht")
    if budget is not None and omvang is not None:
        fouten.append("CD077: Budget en Omvang mogen niet allebei gevuld zijn")
    if met_product:
        if budget is None and product is None:
            fouten.append("CD079: zonder budget is het product verplicht")
        code = product.code if product is not None else None
        if code and omvang is None:
            fouten.append("CD041: bij een productcode is de omvang verplicht")
        if not code and omvang is not None and _na_overgang(einde):
            fouten.append("CD080: zonder productcode blijft de omvang leeg")
    if omvang is not None and omvang.eenheid in NIET_PER_DAG and omvang.frequentie not in ("2", "4", "6"):
        if _na_overgang(einde):
            fouten.append(
                f"CS338: eenheid {omvang.eenheid} kan niet per dag worden toegewezen (alleen per week, maand of totaal)"
            )
    return fouten


@dataclass(frozen=True)
class Periodeproduct:
    """One product occurrence for the overlap rules: category/code (None when absent) and its period."""

    categorie: str | None
    code: str | None
    begin: date
    einde: date | None
    naam: str = ""

    @classmethod
    def van(cls, product, begin: date, einde: date | None, naam: str) -> Periodeproduct:
        """From a message's product element (None for an aspecific or generic product)."""
        return cls(product.categorie if product else None, product.code if product else None, begin, einde, naam)


def _overlapt(a: Periodeproduct, b: Periodeproduct) -> bool:
    return (a.einde is None or b.begin <= a.einde) and (b.einde is None or a.begin <= b.einde)


def _zelfde_product(a: Periodeproduct, b: Periodeproduct) -> bool:
    """The same product in the sense of OP259: same code; without a code the same category; a generic one
    (no category) is the same as anything; hulpmiddelen (categories 11–14) may always overlap."""
    if a.categorie in HULPMIDDELEN or b.categorie in HULPMIDDELEN:
        return False
    if a.categorie is None or b.categorie is None:
        return True
    if a.categorie != b.categorie:
        return False
    if a.code and b.code:
        return a.code == b.code
    return True


def overlappingen(producten: Iterable[Periodeproduct]) -> list[tuple[Periodeproduct, Periodeproduct]]:
    """Pairs of the same product (OP259) whose periods overlap."""
    lijst = list(producten)
    return [(a, b) for i, a in enumerate(lijst) for b in lijst[i + 1 :] if _zelfde_product(a, b) and _overlapt(a, b)]


def _overlap_fouten(regel: str, producten: Iterable[Periodeproduct]) -> list[str]:
    return [
        f"{regel}: {a.naam or 'product'} en {b.naam or 'product'} zijn hetzelfde product met overlappende perioden"
        for a, b in overlappingen(producten)
    ]


# --- per message --------------------------------------------------------------------------------------
def regels_301(bericht) -> list[str]:
    """The conditions and constraints of a WMO301 we build (CD/CS, TR002, TR006, TR061, TR101, TR134, TR302)."""
    client = bericht.client
    dagtekening = bericht.header.bericht_identificatie.dagtekening
    fouten = geboortedatum(client.geboortedatum, dagtekening)
    fouten += _naam(client.naam, client_naam=True)
    if client.communicatie is not None and (client.communicatie.vorm == "1") != (client.communicatie.taal is not None):
        fouten.append("CD007: de taal hoort bij (en alleen bij) een tolk taal")
    if not any(contact.soort in ("01", "02", "03") for contact in client.contactgegevens):
        fouten.append("TR061: de cliënt heeft geen BRP-, correspondentie- of verblijfadres")
    for contact in client.contactgegevens:
        fouten += _contact(contact)
    for relatie in client.relaties:
        fouten += _naam(relatie.naam, client_naam=False)
        fouten += _contact(relatie.contact)
    nummers = [p.toewijzing_nummer for p in client.toegewezen_producten]
    if len(nummers) != len(set(nummers)):
        fouten.append("TR101: een toewijzingsnummer komt meer dan eens voor in het bericht")
    actueel = []
    for p in client.toegewezen_producten:
        naam = f"toewijzing {p.toewijzing_nummer}"
        fouten += [
            f"{f} ({naam})" for f in omvang_en_budget(p.product, p.omvang, p.budget, p.ingangsdatum, p.einddatum)
        ]
        if p.toewijzingsdatum > dagtekening:
            fouten.append(f"TR134: de toewijzingsdatum ligt na de dagtekening ({naam})")
        if p.reden_wijziging == "13" and p.einddatum != p.ingangsdatum:
            fouten.append(f"CS335: reden wijziging 13 (verwijderd) vraagt einddatum = ingangsdatum ({naam})")
        verwijderd = p.reden_wijziging in ("01", "13") and p.einddatum == p.ingangsdatum
        if not verwijderd:
            actueel.append(Periodeproduct.van(p.product, p.ingangsdatum, p.einddatum, naam))
    fouten += _overlap_fouten("TR302", actueel)
    return fouten


def _naam(naam, *, client_naam: bool) -> list[str]:
    if client_naam and naam.naam_gebruik == "6":
        return ["CS318: naamgebruik 6 (niet-natuurlijk persoon) kan niet voor een cliënt"]
    toegestaan = ("1", "2", "3", "4") if naam.partnernaam is not None else ("1", "6")
    if naam.naam_gebruik not in toegestaan:
        return [f"CS050: naamgebruik {naam.naam_gebruik} past niet bij de (partner)naam"]
    return []


def _contact(contact) -> list[str]:
    fouten = []
    adres = contact.adres
    if contact.periode is not None and contact.soort != "04":
        fouten.append("CD009: een periode hoort alleen bij een tijdelijk verblijfadres")
    if contact.soort in ("01", "03") and (adres is None or adres.postcode is None):
        fouten.append("CD034: bij een BRP- of verblijfadres is de postcode verplicht")
    if adres is not None:
        if (adres.postcode is not None) != (adres.land_code is not None):
            fouten.append("CD005: de landcode hoort bij (en alleen bij) een postcode")
        if adres.land_code == "NL" and adres.huis is None:
            fouten.append("CD025: bij een Nederlands adres is het huisnummer verplicht")
        if adres.land_code == "NL" and adres.postcode is not None and not POSTCODE_NL.fullmatch(adres.postcode):
            fouten.append(f"CS089: {adres.postcode} is geen Nederlandse postcode (1234AB)")
    compleet_adres = adres is not None and adres.huis is not None and adres.postcode is not None
    if contact.telefoon is None and not compleet_adres:
        fouten.append("TR006: een contact heeft een telefoonnummer of een adres met huisnummer en postcode")
    return fouten


def regels_regie(bericht, code: str) -> list[str]:
    """305/307 beyond CS058/TR018/TR101/TR134 (in `inbox.regie`): the birth date rules."""
    return geboortedatum(bericht.client.geboortedatum, bericht.header.bericht_identificatie.dagtekening)


def regels_315(bericht) -> list[str]:
    """WMO315: birth date, CD041/CD075/CD076/CD077/CD079/CD095/CS003/CS343 per product, CD066–CD068, TR386."""
    client = bericht.client
    fouten = geboortedatum(client.geboortedatum, bericht.header.bericht_identificatie.dagtekening)
    producten = []
    for p in client.aangevraagde_producten:
        naam = f"aangevraagd product {p.referentie_aanbieder}"
        for f in omvang_en_budget(p.product, p.omvang, p.budget, p.toewijzing_ingangsdatum, p.toewijzing_einddatum):
            fouten.append(f"{f.replace('CD080', 'CD095').replace('CS338', 'CS343')} ({naam})")
        fouten += [f"{f} ({naam})" for f in _verwijzer(p.verwijzer)]
        producten.append(Periodeproduct.van(p.product, p.toewijzing_ingangsdatum, p.toewijzing_einddatum, naam))
    fouten += _overlap_fouten("TR386", producten)
    return fouten


def _verwijzer(verwijzer) -> list[str]:
    if verwijzer.type in ("02", "03", "04", "05"):
        if (verwijzer.zorgverlener_code is None) == (verwijzer.naam is None):
            return ["CD066: bij deze verwijzer hoort óf een zorgverlenerscode óf een naam"]
    elif verwijzer.zorgverlener_code is not None:
        return ["CD068: bij deze verwijzer hoort geen zorgverlenerscode"]
    return []


def regels_317(bericht) -> list[str]:
    """WMO317: TR101 (a number once), CS003/CD075/CD076/CD077/CS338 per change, CD041/CD079/CD096 per new
    product, TR410 (new products do not overlap each other)."""
    verzoek = bericht.client.verzoek
    fouten = []
    nummers = [p.toewijzing_nummer for p in verzoek.ongewijzigde_producten + verzoek.te_wijzigen_producten]
    if len(nummers) != len(set(nummers)):
        fouten.append("TR101: een toewijzingsnummer komt meer dan eens voor in het verzoek")
    for p in verzoek.te_wijzigen_producten:
        naam = f"te wijzigen product {p.toewijzing_nummer}"
        fouten += [
            f"{f} ({naam})"
            for f in omvang_en_budget(None, p.omvang, p.budget, p.gewenste_ingangsdatum, p.einddatum, met_product=False)
        ]
    nieuw = []
    for i, p in enumerate(verzoek.nieuwe_producten, start=1):
        naam = f"nieuw product {i}"
        for f in omvang_en_budget(p.product, p.omvang, p.budget, p.gewenste_ingangsdatum, p.einddatum):
            fouten.append(f"{f.replace('CD080', 'CD096')} ({naam})")
        nieuw.append(Periodeproduct.van(p.product, p.gewenste_ingangsdatum, p.einddatum, naam))
    fouten += _overlap_fouten("TR410", nieuw)
    return fouten
