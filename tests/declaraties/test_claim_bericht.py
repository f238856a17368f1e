"""Message-level results (0001, 8001), payment, idempotency and bad input."""

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from openwmo.catalogus.codelijsten import RETOURCODE
from openwmo.declaraties.checks import (
    EerdereIndex,
    Prestatie,
    TariefIndex,
    betaalbatch,
    check_declaratie,
    elfproef,
)
from tests.declaraties.declaratie_maker import (
    AGB,
    ANDERE_AGB,
    ANDERE_BSN,
    check,
    credit_van,
    declaratie,
    eerdere,
    prestatie,
    tarief,
    toewijzing,
)


def volledige_claim():
    """Two clients, three allocations, hours, minutes and dagdelen: everything valid."""
    toewijzingen = [
        toewijzing(),
        toewijzing(toewijzingsnummer="1002", bsn=ANDERE_BSN),
        toewijzing(
            toewijzingsnummer="1003",
            bsn=ANDERE_BSN,
            productcategorie="07",
            productcode="07A02",
            eenheid="16",
            frequentie="4",
            volume=12,
        ),
    ]
    tarieven = [tarief(), tarief(productcode="07A02", eenheid="16", bedrag=Decimal("41.37"))]
    prestaties = [
        prestatie(),
        prestatie(
            referentienummer="R2",
            toewijzingsnummer="1002",
            bsn=ANDERE_BSN,
            eenheid="01",
            geleverd_volume=380,
            producttarief=Decimal("1.04"),
            ingediend_bedrag=Decimal("395.83"),
        ),
        prestatie(
            referentienummer="R3",
            toewijzingsnummer="1003",
            bsn=ANDERE_BSN,
            productcategorie="07",
            productcode="07A02",
            eenheid="16",
            geleverd_volume=12,
            producttarief=Decimal("41.37"),
            ingediend_bedrag=Decimal("496.44"),
        ),
    ]
    return prestaties, toewijzingen, tarieven


def test_fully_approved_claim():
    prestaties, toewijzingen, tarieven = volledige_claim()
    uitkomst = check(prestaties, toewijzingen=toewijzingen, tarieven=tarieven)
    assert uitkomst.declaratie_retourcodes == ("8001",)
    assert RETOURCODE["8001"] == "Declaratie is volledig toegewezen."
    assert uitkomst.header_retourcodes == ()
    assert uitkomst.afgekeurde == ()
    assert uitkomst.totaal_toegekend == uitkomst.totaal_ingediend == Decimal("1954.77")
    post = betaalbatch([uitkomst])[AGB]
    assert (post.aantal_regels, post.debet, post.credit, post.bedrag) == (
        3,
        Decimal("1954.77"),
        Decimal("0.00"),
        Decimal("1954.77"),
    )


def test_payment_batch_nets_credits_and_skips_rejected_and_unsent():
    eerder = prestatie(referentienummer="R0", geleverd_volume=12, ingediend_bedrag=Decimal("750.00"))
    gecorrigeerd = check([prestatie(), credit_van(eerder, "R0C")], eerder=[eerdere(eerder)])
    afgewezen = check([prestatie(referentienummer="X", bsn=ANDERE_BSN)], declaratienummer="D2")
    technisch = check([prestatie(referentienummer="Y")], declaratienummer="D3", totaal_ingediend_bedrag=Decimal("1"))
    ander = check(
        [prestatie()],
        toewijzingen=[toewijzing(aanbieder_agb=ANDERE_AGB)],
        tarieven=[tarief(aanbieder_agb=ANDERE_AGB)],
        aanbieder_agb=ANDERE_AGB,
    )
    batch = betaalbatch([gecorrigeerd, afgewezen, technisch, ander])
    assert list(batch) == [AGB, ANDERE_AGB]
    assert (batch[AGB].aantal_regels, batch[AGB].debet, batch[AGB].credit, batch[AGB].bedrag) == (
        2,
        Decimal("1062.50"),
        Decimal("750.00"),
        Decimal("312.50"),
    )
    assert batch[ANDERE_AGB].bedrag == Decimal("1062.50")


def test_0001_header_total_differs_from_lines():
    uitkomst = check([prestatie()], totaal_ingediend_bedrag=Decimal("1062.49"))
    assert uitkomst.header_retourcodes == ("0001",)
    assert RETOURCODE["0001"] == "Bericht is afgekeurd om technische redenen."
    assert uitkomst.technische_fouten[0].startswith("TR358")
    assert [u.retourcodes for u in uitkomst.prestaties] == [("0233",)]
    assert uitkomst.totaal_toegekend == Decimal("0.00")
    assert uitkomst.als_eerdere() == ()  # the message counts as not sent


def test_total_may_be_credit_when_credits_dominate():
    eerder = prestatie(referentienummer="R0")
    uitkomst = check([credit_van(eerder, "R0C")], eerder=[eerdere(eerder)])
    assert uitkomst.declaratie.totaal_debet_credit == "C"
    assert uitkomst.declaratie_retourcodes == ("8001",)
    assert uitkomst.totaal_toegekend == Decimal("-1062.50")


@pytest.mark.parametrize(
    ("prestaties", "kop", "regel"),
    [
        ([prestatie(), prestatie(referentienummer="R2")], {}, "TR416"),
        ([prestatie(), prestatie(begindatum=date(2023, 2, 1), einddatum=date(2023, 2, 28))], {}, "TR101"),
        ([prestatie(), credit_van(prestatie(), "R1C")], {}, "TR316"),
        (
            [
                credit_van(prestatie(referentienummer="A"), "C1"),
                credit_van(prestatie(referentienummer="A"), "C2"),
            ],
            {},
            "TR315",
        ),
        ([replace(prestatie(), debet_credit="C")], {}, "CD060"),
        ([prestatie(einddatum=date(2023, 4, 1))], {}, "CS337"),
        ([prestatie(producttarief=None)], {}, "CD087"),
        ([prestatie(eenheid="83", producttarief=Decimal("1.00"), geleverd_volume=106250)], {}, "CD087"),
        ([prestatie(vorige_referentienummer="X")], {}, "CD060"),
        (
            [prestatie(begindatum=date(2020, 12, 1), einddatum=date(2020, 12, 31))],
            {"periode_begindatum": date(2020, 12, 1), "periode_einddatum": date(2020, 12, 31)},
            "CS100",
        ),
        ([], {}, "XSD"),
        ([prestatie(eenheid="83", producttarief=None, geleverd_volume=1000)], {}, "CS339"),
        ([prestatie(bsn="123456789")], {}, "CS002"),
        ([prestatie()], {"periode_einddatum": date(2023, 3, 30)}, "CS340"),
        (
            [
                prestatie(
                    geleverd_volume=0,
                    ingediend_bedrag=Decimal("0.00"),
                    debet_credit="C",
                    vorige_referentienummer="X",
                )
            ],
            {},
            "CS325",
        ),
    ],
)
def test_0001_xslt_rules_reject_the_whole_message(prestaties, kop, regel):
    uitkomst = check(prestaties, **kop)
    assert uitkomst.header_retourcodes == ("0001",)
    assert any(f.startswith(regel) for f in uitkomst.technische_fouten), uitkomst.technische_fouten
    assert all(u.retourcodes == ("0233",) for u in uitkomst.prestaties)


def test_resending_gives_8021_and_9389_per_line_or_9333_by_number():
    prestaties, toewijzingen, tarieven = volledige_claim()
    indexen = ({t.toewijzingsnummer: t for t in toewijzingen}, TariefIndex(tarieven))
    d = declaratie(prestaties)
    eerste = check_declaratie(d, *indexen, EerdereIndex())
    assert eerste.volledig_goedgekeurd
    tweede = check_declaratie(d, *indexen, EerdereIndex(eerste.als_eerdere()))
    assert [u.retourcodes for u in tweede.prestaties] == [("8021", "9389")] * 3
    assert tweede.totaal_toegekend == Decimal("0.00")
    # What the service does first: the number identifies the declaration, so a resend is caught whole.
    derde = check_declaratie(
        d, *indexen, EerdereIndex(eerste.als_eerdere()), bekende_declaratienummers={d.declaratienummer}
    )
    assert derde.declaratie_retourcodes == ("9333",)


@pytest.mark.parametrize(
    ("bouw", "veld"),
    [
        (lambda: prestatie(bsn="12345"), "Prestatie.bsn"),
        (lambda: prestatie(ingediend_bedrag=1062.5), "Prestatie.ingediend_bedrag"),
        (lambda: prestatie(ingediend_bedrag=Decimal("1.005")), "Prestatie.ingediend_bedrag"),
        (lambda: prestatie(ingediend_bedrag=Decimal("-1.00")), "Prestatie.ingediend_bedrag"),
        (lambda: prestatie(debet_credit="X"), "Prestatie.debet_credit"),
        (lambda: prestatie(einddatum=date(2023, 2, 28)), "Prestatie.einddatum"),
        (lambda: prestatie(begindatum=datetime(2023, 3, 1)), "Prestatie.begindatum"),
        (lambda: prestatie(eenheid="99"), "Prestatie.eenheid"),
        (lambda: prestatie(geleverd_volume=True), "Prestatie.geleverd_volume"),
        (lambda: prestatie(geleverd_volume=-1), "Prestatie.geleverd_volume"),
        (lambda: prestatie(referentienummer="R" * 21), "Prestatie.referentienummer"),
        (lambda: prestatie(toewijzingsnummer="T1"), "Prestatie.toewijzingsnummer"),
        (lambda: toewijzing(frequentie=None), "ToewijzingFeit.volume"),
        (lambda: toewijzing(aanbieder_agb="1234"), "ToewijzingFeit.aanbieder_agb"),
        (lambda: tarief(bedrag=Decimal("NaN")), "TariefFeit.bedrag"),
        (lambda: declaratie([prestatie()], declaratienummer="D-1"), "Declaratie.declaratienummer"),
        (lambda: replace(declaratie([prestatie()]), prestaties=["geen prestatie"]), "Declaratie.prestaties"),
        (lambda: eerdere(prestatie(), status="ingediend"), "EerderePrestatie.status"),
        (lambda: TariefIndex([tarief(), tarief(ingangsdatum=date(2023, 6, 1))]), "overlappen"),
        (lambda: EerdereIndex([eerdere(prestatie()), eerdere(prestatie())]), "twee keer"),
    ],
)
def test_malformed_input_raises_a_clear_value_error(bouw, veld):
    with pytest.raises(ValueError, match=veld.replace(".", r"\.")):
        bouw()


def test_elfproef():
    assert elfproef("999900006") and elfproef("123456782")
    assert not elfproef("123456789") and not elfproef("000000000")


def _velden(p):
    return tuple(getattr(p, naam) for naam in type(p).__slots__)


def test_many_lines_at_once_are_the_same_as_one_by_one():
    regels = [prestatie(), prestatie(referentienummer="R2", vorige_referentienummer="R1", debet_credit="C")]
    veel = Prestatie.veel([_velden(p) for p in regels])
    assert veel == tuple(regels)
    assert Prestatie.veel([]) == ()
    assert Prestatie.veel_uit_kolommen(list(zip(*map(_velden, regels), strict=True))) == tuple(regels)
    zonder = [replace(p, producttarief=None, vorige_referentienummer=None) for p in regels]
    assert Prestatie.veel_uit_kolommen(list(zip(*map(_velden, zonder), strict=True))) == tuple(zonder)
    with pytest.raises(TypeError):
        Prestatie.veel_uit_kolommen([["R1"], []])


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("ingediend_bedrag", Decimal("1062.505"), "Prestatie.ingediend_bedrag: heeft hoogstens twee decimalen"),
        ("geleverd_volume", True, "Prestatie.geleverd_volume: moet een geheel getal"),
        ("einddatum", date(2023, 2, 28), "Prestatie.einddatum: mag niet voor begindatum"),
        ("begindatum", datetime(2023, 3, 1), "Prestatie.begindatum: moet een datum"),
        ("bsn", "99990000", "Prestatie.bsn: moet een tekst van precies 9 cijfers zijn"),
        ("vorige_referentienummer", "", "Prestatie.vorige_referentienummer"),
        ("referentienummer", "", "Prestatie.referentienummer"),
        ("bsn", "\uff19" * 9, "Prestatie.bsn"),  # full-width digits: str.isdigit, but not [0-9]
        ("bsn", "99990000x", "Prestatie.bsn"),
        ("toewijzingsnummer", "\u0661\u0662", "Prestatie.toewijzingsnummer"),  # Arabic-Indic digits
        ("toewijzingsnummer", "1234567890", "Prestatie.toewijzingsnummer"),
        ("ingediend_bedrag", Decimal("-0.01"), "Prestatie.ingediend_bedrag: mag niet negatief"),
        ("ingediend_bedrag", 1062.5, "Prestatie.ingediend_bedrag: moet een Decimal"),
        ("producttarief", Decimal("NaN"), "Prestatie.producttarief"),
        ("producttarief", Decimal("62.505"), "Prestatie.producttarief: heeft hoogstens twee decimalen"),
    ],
)
def test_many_lines_at_once_refuse_what_the_constructor_refuses(veld, waarde, melding):
    """Each distinct value is checked once, but a value equal to a valid one
    (True == 1) is still checked on its own."""
    goed = _velden(prestatie())
    index = Prestatie.__slots__.index(veld)
    fout = goed[:index] + (waarde,) + goed[index + 1 :]
    with pytest.raises(ValueError, match=melding.replace(".", r"\.")):
        Prestatie.veel([goed, fout])
