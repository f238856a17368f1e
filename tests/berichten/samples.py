"""Small valid messages built in code (no reference package needed)."""

from __future__ import annotations

from datetime import date, time

from openwmo.berichten import common as c
from openwmo.berichten import wmo301, wmo305, wmo323


def header(afzender="0384", ontvanger="42420001", identificatie="TW0001") -> c.Header:
    return c.Header.nieuw(afzender, ontvanger, identificatie, date(2024, 3, 1))


def toegewezen_product(nummer: int = 101, **kwargs) -> wmo301.ToegewezenProduct:
    values = dict(
        toewijzing_nummer=nummer,
        product=c.Product(categorie="02", code="02A01"),
        toewijzingsdatum=date(2024, 3, 1),
        toewijzingstijd=time(9, 30),
        ingangsdatum=date(2024, 4, 1),
        einddatum=date(2024, 12, 31),
        omvang=c.Omvang(volume=4, eenheid="04", frequentie="2"),
    )
    values.update(kwargs)
    return wmo301.ToegewezenProduct(**values)


def toewijzing(n_producten: int = 2) -> wmo301.Toewijzingsbericht:
    return wmo301.Toewijzingsbericht(
        header=header(),
        client=wmo301.Client(
            bsn="999900006",
            geboortedatum=c.Geboortedatum(datum=date(1950, 5, 17)),
            geslacht="2",
            naam=c.VolledigeNaam(
                geslachtsnaam=c.Achternaam(achternaam="Jansen", voorvoegsel="de"),
                voorletters="MA",
                naam_gebruik="1",
            ),
            contactgegevens=(
                wmo301.Contact(
                    soort="01",
                    adres=c.Adres(
                        huis=c.Huis(huisnummer=12),
                        postcode="1234AB",
                        straatnaam="Dorpsstraat",
                        plaatsnaam="Ergens",
                        land_code="NL",
                    ),
                ),
            ),
            toegewezen_producten=tuple(toegewezen_product(100 + i) for i in range(n_producten)),
        ),
    )


def start() -> wmo305.Startbericht:
    return wmo305.Startbericht(
        header=header(afzender="42420001", ontvanger="0384", identificatie="ST1"),
        client=wmo305.Client(
            bsn="999900006",
            geboortedatum=c.Geboortedatum(datum=date(1950, 5, 17)),
            geslacht="2",
            naam=c.VerkorteNaam(geslachtsnaam=c.Achternaam(achternaam="Jansen")),
            start_producten=(
                wmo305.StartProduct(toewijzing_nummer=101, begindatum=date(2024, 4, 2), status_aanlevering="1"),
            ),
        ),
    )


def declaratie() -> wmo323.Declaratiebericht:
    prestatie = wmo323.Prestatie(
        product_referentie=c.Referentie(referentie_nummer="P1"),
        toewijzing_nummer=101,
        product_categorie="02",
        product_code="02A01",
        product_periode=c.GeslotenPeriode(begindatum=date(2024, 4, 1), einddatum=date(2024, 4, 30)),
        geleverd_volume=16,
        eenheid="04",
        product_tarief=5000,
        ingediend_bedrag=c.BedragMetDC(bedrag=80000, debet_credit="D"),
    )
    return wmo323.Declaratiebericht(
        header=header(afzender="42420001", ontvanger="0384", identificatie="DCL1"),
        declaratie=wmo323.Declaratie(
            declaratie_nummer="D2024001",
            declaratie_periode=c.GeslotenPeriode(begindatum=date(2024, 4, 1), einddatum=date(2024, 4, 30)),
            declaratie_dagtekening=date(2024, 5, 2),
            totaal_ingediend_bedrag=c.TotaalBedragMetDC(totaal_bedrag=80000, debet_credit="D"),
            clienten=(wmo323.Client(bsn="999900006", prestaties=(prestatie,)),),
        ),
    )
