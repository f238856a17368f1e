"""Small builders for claim-check tests: one valid allocation, tariff and line, overridable per test.

Default scenario: provider 12345678 in Rijswijk (0603), client 999900006, allocation 1001 of
individual support 02A01, 4 hours per week in 2023, contract tariff € 62.50 per hour; the valid line
claims March 2023 (5 ISO weeks → at most 20 hours): 17 hours × € 62.50 = € 1,062.50.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from openwmo.declaraties.checks import (
    CREDIT,
    DEBET,
    Declaratie,
    EerdereIndex,
    EerderePrestatie,
    Prestatie,
    TariefFeit,
    TariefIndex,
    ToewijzingFeit,
    check_declaratie,
)

AGB = "12345678"
ANDERE_AGB = "87654321"
CBS = "0603"
BSN = "999900006"
ANDERE_BSN = "999900018"
UURTARIEF = Decimal("62.50")


def toewijzing(**kw) -> ToewijzingFeit:
    basis = ToewijzingFeit(
        toewijzingsnummer="1001",
        bsn=BSN,
        productcategorie="02",
        productcode="02A01",
        aanbieder_agb=AGB,
        gemeente_cbs=CBS,
        ingangsdatum=date(2023, 1, 1),
        einddatum=date(2023, 12, 31),
        volume=4,
        eenheid="04",
        frequentie="2",
        gestarte_zorg=((date(2023, 1, 1), None),),
    )
    return replace(basis, **kw)


def tarief(**kw) -> TariefFeit:
    basis = TariefFeit(
        aanbieder_agb=AGB,
        productcode="02A01",
        ingangsdatum=date(2023, 1, 1),
        einddatum=date(2023, 12, 31),
        bedrag=UURTARIEF,
        eenheid="04",
    )
    return replace(basis, **kw)


def prestatie(**kw) -> Prestatie:
    basis = Prestatie(
        referentienummer="R1",
        toewijzingsnummer="1001",
        bsn=BSN,
        productcategorie="02",
        productcode="02A01",
        begindatum=date(2023, 3, 1),
        einddatum=date(2023, 3, 31),
        geleverd_volume=17,
        eenheid="04",
        producttarief=UURTARIEF,
        ingediend_bedrag=Decimal("1062.50"),
    )
    return replace(basis, **kw)


def eerdere(p: Prestatie, status: str = "goedgekeurd", agb: str = AGB) -> EerderePrestatie:
    """An earlier line with the content of `p` and the given outcome."""
    return EerderePrestatie(
        referentienummer=p.referentienummer,
        toewijzingsnummer=p.toewijzingsnummer,
        productcode=p.productcode,
        begindatum=p.begindatum,
        einddatum=p.einddatum,
        volume=p.geleverd_volume,
        bedrag=p.ingediend_bedrag,
        debet_credit=p.debet_credit,
        status=status,
        aanbieder_agb=agb,
        productcategorie=p.productcategorie,
        eenheid=p.eenheid,
        vorige_referentienummer=p.vorige_referentienummer,
    )


def credit_van(p: Prestatie, referentienummer: str) -> Prestatie:
    return replace(
        p, referentienummer=referentienummer, vorige_referentienummer=p.referentienummer, debet_credit=CREDIT
    )


def declaratie(prestaties, **kw) -> Declaratie:
    som = sum((p.bedrag_met_teken for p in prestaties), Decimal("0.00"))
    velden = dict(
        declaratienummer="D202303",
        aanbieder_agb=AGB,
        gemeente_cbs=CBS,
        periode_begindatum=date(2023, 3, 1),
        periode_einddatum=date(2023, 3, 31),
        totaal_ingediend_bedrag=abs(som),
        totaal_debet_credit=DEBET if som >= 0 else CREDIT,
        prestaties=tuple(prestaties),
    )
    velden.update(kw)
    return Declaratie(**velden)


def check(prestaties, toewijzingen=None, tarieven=None, eerder=(), **kw):
    """Check one declaration of `prestaties` against the default (or given) facts."""
    toewijzingen = [toewijzing()] if toewijzingen is None else toewijzingen
    tarieven = [tarief()] if tarieven is None else tarieven
    bekend = kw.pop("bekende_declaratienummers", frozenset())
    return check_declaratie(
        declaratie(prestaties, **kw),
        {t.toewijzingsnummer: t for t in toewijzingen},
        TariefIndex(tarieven),
        EerdereIndex(eerder),
        bekende_declaratienummers=bekend,
    )


def enige(uitkomst):
    """The outcome of the only line."""
    (u,) = uitkomst.prestaties
    return u
