"""The set-based loads of `declaraties.laden` give exactly what the ORM gives for the same rows, on SQLite
(chunked IN lists) and PostgreSQL (array parameters, one statement for the earlier lines)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from openwmo.declaraties import laden
from openwmo.declaraties.checks import EerderePrestatie, TariefFeit, ToewijzingFeit
from openwmo.declaraties.models import Prestatie
from openwmo.toegang.models import Levering, Toewijzing
from tests.declaraties.bericht_maker import als_323
from tests.declaraties.declaratie_maker import AGB, BSN, declaratie, prestatie
from tests.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    GemeenteFactory,
    ProductFactory,
    TariefFactory,
    ToewijzingFactory,
)


def _orm_toewijzingen(nummers):
    """The reference: every field through the ORM and the validating constructor."""
    feiten, pks = {}, {}
    for t in Toewijzing.objects.filter(toewijzingsnummer__in=list(nummers)).select_related(
        "client", "product", "aanbieder", "gemeente"
    ):
        omvang = t.volume is not None and bool(t.eenheid) and bool(t.frequentie)
        gestart = Levering.objects.filter(toewijzing=t, status_aanlevering="1").values_list("begindatum", "einddatum")
        feiten[t.toewijzingsnummer] = ToewijzingFeit(
            t.toewijzingsnummer,
            t.client.bsn,
            t.product.productcategorie,
            t.product.productcode,
            t.aanbieder.agb_code,
            t.gemeente.cbs_code,
            t.ingangsdatum,
            t.einddatum,
            int(t.volume) if omvang else None,
            t.eenheid if omvang else None,
            t.frequentie if omvang else None,
            t.budget,
            t.reden_wijziging or None,
            tuple(sorted(gestart)),
        )
        pks[t.toewijzingsnummer] = t.pk
    return feiten, pks


def _orm_eerdere(aanbieder, toewijzing_pks, referenties):
    rijen = Prestatie.objects.filter(
        Q(toewijzing_id__in=list(toewijzing_pks)) | Q(aanbieder=aanbieder, referentienummer__in=list(referenties))
    ).exclude(retourcodes__contains="8021")
    return {
        EerderePrestatie(
            r.referentienummer, r.toewijzingsnummer, r.productcode, r.begindatum, r.einddatum, r.volume, r.bedrag,
            r.debet_credit, r.status, aanbieder.agb_code, r.productcategorie, r.eenheid,
            r.vorige_referentienummer or None,
        )  # fmt: skip
        for r in rijen
    }


def _gesorteerd(feiten):
    """Started care in a fixed order: neither the ORM nor the loader promises one."""
    from dataclasses import replace

    return {nr: replace(f, gestarte_zorg=tuple(sorted(f.gestarte_zorg))) for nr, f in feiten.items()}


@pytest.fixture
def rijen(db):
    """Allocations with and without Omvang, budget, end date and change reason; started care with a deleted
    start; lines of the provider, one of them rejected with 8021; a second provider with the same reference."""
    rijswijk = GemeenteFactory(cbs_code="0603", naam="Rijswijk")
    aanbieder = AanbiederFactory(agb_code=AGB, naam="Zorg BV")
    client = ClientFactory(bsn=BSN, gemeente=rijswijk)
    ander = ClientFactory(bsn="999993653", gemeente=rijswijk)
    product = ProductFactory()  # 02A01, hours per week
    contract = ContractFactory(aanbieder=aanbieder, ingangsdatum=date(2023, 1, 1), einddatum=date(2023, 12, 31))
    TariefFactory(contract=contract, product=product, ingangsdatum=date(2023, 1, 1), bedrag=Decimal("62.50"))
    gewoon = ToewijzingFactory(
        toewijzingsnummer="1001", beschikking__client=client, product=product, aanbieder=aanbieder,
        ingangsdatum=date(2023, 1, 1), einddatum=date(2023, 12, 31), volume=Decimal("4"), eenheid="04",
        frequentie="2",
    )  # fmt: skip
    ToewijzingFactory(
        toewijzingsnummer="1002", beschikking__client=ander, product=product, aanbieder=aanbieder,
        ingangsdatum=date(2023, 1, 1), einddatum=None, volume=None, eenheid="", frequentie="",
        budget=Decimal("1250.50"), reden_wijziging="02",
    )  # fmt: skip
    for i in range(7):  # more numbers than the lowered CHUNK in the tests below
        ToewijzingFactory(
            toewijzingsnummer=f"{2000 + i}", beschikking__client=client, product=product, aanbieder=aanbieder,
            ingangsdatum=date(2023, 1, 1), einddatum=date(2023, 12, 31), volume=Decimal("2"), eenheid="04",
            frequentie="2",
        )  # fmt: skip
    Levering.objects.create(toewijzing=gewoon, begindatum=date(2023, 4, 1), status_aanlevering="3")
    Levering.objects.create(toewijzing=gewoon, begindatum=date(2023, 4, 10), einddatum=date(2023, 4, 20))
    Levering.objects.create(toewijzing=gewoon, begindatum=date(2023, 5, 1))

    from openwmo.declaraties.services import declaratie_verwerken_323

    maart = [prestatie(), prestatie(referentienummer="R2", toewijzingsnummer="2003", geleverd_volume=4,
                                    ingediend_bedrag=Decimal("250.00")),
             prestatie(referentienummer="R3", toewijzingsnummer="9999")]  # fmt: skip
    declaratie_verwerken_323(als_323(declaratie(maart)))
    assert Prestatie.objects.get(referentienummer="R3").toewijzing is None  # an unknown allocation: no link
    nogmaals = declaratie([prestatie(referentienummer="R1")], declaratienummer="D2")
    uitkomst = declaratie_verwerken_323(als_323(nogmaals))
    assert Prestatie.objects.filter(declaratie=uitkomst.declaratie, retourcodes__contains="8021").exists()
    return {"aanbieder": aanbieder, "gemeente": rijswijk}


@pytest.mark.parametrize("chunk", [laden.CHUNK, 3])
def test_loaded_allocations_equal_the_orm(rijen, monkeypatch, chunk):
    monkeypatch.setattr(laden, "CHUNK", chunk)
    nummers = ["1001", "1002", "9999", *(f"{2000 + i}" for i in range(7)), 'a"b', "{x,y}"]
    with CaptureQueriesContext(connection) as vragen:
        feiten, pks = laden.toewijzingen_laden(nummers)
    # allocations, started care, clients: one query each on PostgreSQL, one per CHUNK keys elsewhere
    postgres = connection.vendor == "postgresql"
    assert len(vragen) == (3 if postgres or chunk > 3 else 4 + 3 + 1)  # 12 numbers, 9 allocations, 2 clients
    verwacht, verwachte_pks = _orm_toewijzingen(nummers)
    assert len(feiten) == 9 and pks == verwachte_pks
    assert _gesorteerd(feiten) == verwacht
    assert feiten["1001"].gestarte_zorg and len(feiten["1001"].gestarte_zorg) == 2  # the deleted start left out
    assert feiten["1002"].volume is None and feiten["1002"].einddatum is None
    assert feiten["1002"].budget == Decimal("1250.50") and feiten["1002"].reden_wijziging == "02"
    assert laden.toewijzingen_laden([]) == ({}, {})


@pytest.mark.parametrize("chunk", [laden.CHUNK, 2])
def test_loaded_earlier_lines_equal_the_orm_and_leave_8021_out(rijen, monkeypatch, chunk):
    monkeypatch.setattr(laden, "CHUNK", chunk)
    aanbieder = rijen["aanbieder"]
    pks = list(Toewijzing.objects.values_list("pk", flat=True))
    referenties = ["R1", "R2", "R3", "R9", "o'neil", "x,y"]
    eerdere = laden.eerdere_laden(aanbieder, pks, referenties)
    verwacht = _orm_eerdere(aanbieder, pks, referenties)
    assert set(eerdere.per_referentie.values()) == verwacht and len(verwacht) == 3
    assert len(eerdere.per_referentie) == 3  # each line once, though found by allocation and by reference
    assert Prestatie.objects.filter(retourcodes__contains="8021").count() == 1
    # By reference only, and by allocation only: each branch on its own.
    assert set(laden.eerdere_laden(aanbieder, [], ["R2"]).per_referentie) == {(AGB, "R2")}
    t2003 = Toewijzing.objects.get(toewijzingsnummer="2003").pk
    assert set(laden.eerdere_laden(aanbieder, [t2003], []).per_referentie) == {(AGB, "R2")}
    assert not laden.eerdere_laden(aanbieder, [], []).per_referentie
    # Another provider's reference R1 is not this provider's line.
    anders = AanbiederFactory(agb_code="87654321", naam="Anders")
    assert not laden.eerdere_laden(anders, [], ["R1", "R2"]).per_referentie


@pytest.mark.parametrize("chunk", [laden.CHUNK, 1])
def test_clients_started_care_and_tariffs_in_chunks(rijen, monkeypatch, chunk):
    monkeypatch.setattr(laden, "CHUNK", chunk)
    clienten = {t.client_id: t.client.bsn for t in Toewijzing.objects.select_related("client")}
    assert laden.clienten_laden([*clienten, 10**9]) == clienten and len(clienten) == 2
    gewoon = Toewijzing.objects.get(toewijzingsnummer="1001").pk
    gestart = laden.gestarte_zorg_laden([gewoon, 10**9])
    assert sorted(gestart[gewoon]) == [(date(2023, 4, 10), date(2023, 4, 20)), (date(2023, 5, 1), None)]
    assert set(gestart) == {gewoon}
    # A contract of the same provider for another municipality only: its tariff does not count here.
    delft = GemeenteFactory(cbs_code="0503", naam="Delft")
    elders = ContractFactory(aanbieder=rijen["aanbieder"], gemeenten=[delft])
    TariefFactory(contract=elders, product=ProductFactory(), bedrag=Decimal("99.99"))
    tarieven = laden.tarieven_laden(rijen["aanbieder"], rijen["gemeente"], ["02A01", "99Z99"])
    verwacht = TariefFeit(AGB, "02A01", date(2023, 1, 1), date(2023, 12, 31), Decimal("62.50"), "04")
    assert tarieven._per_sleutel == {(AGB, "02A01"): ([date(2023, 1, 1)], [verwacht])}
    assert laden.tarieven_laden(rijen["aanbieder"], delft, ["02A01"])._per_sleutel[(AGB, "02A01")][1][0].bedrag == (
        Decimal("99.99")
    )


def test_array_parameter_leaves_only_plain_words_bare():
    """A bare element with a comma, brace, quote or the word NULL would change the array PostgreSQL reads."""
    from openwmo.declaraties.lookups import array_parameter

    assert array_parameter(["100000001", "R-1.2_3"], getallen=False) == "{100000001,R-1.2_3}"
    assert array_parameter(["a,b"], getallen=False) == '{"a,b"}'
    assert array_parameter(["x", "NuLl"], getallen=False) == '{"x","NuLl"}'
    assert array_parameter(["nulls", "anull"], getallen=False) == "{nulls,anull}"
    assert array_parameter(['a"b', "c\\d", "{e}", ""], getallen=False) == '{"a\\"b","c\\\\d","{e}",""}'
    assert array_parameter([], getallen=False) == array_parameter([], getallen=True) == "{}"
    assert array_parameter([3, 1], getallen=True) == "{3,1}"
    with pytest.raises(ValueError):
        array_parameter(["1); DROP"], getallen=True)
