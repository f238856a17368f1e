"""One test per line check: the line is rejected with exactly that retourcode and its Dutch message."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from openwmo.catalogus.codelijsten import RETOURCODE
from openwmo.declaraties.checks import BUITEN_GESTARTE_ZORG, GEEN_STARTBERICHT, Prestatie
from tests.declaraties.declaratie_maker import (
    ANDERE_AGB,
    ANDERE_BSN,
    UURTARIEF,
    check,
    credit_van,
    eerdere,
    enige,
    prestatie,
    tarief,
    toewijzing,
)


def afgekeurd(uitkomst, code: str, fragment: str) -> None:
    u = enige(uitkomst)
    assert u.retourcodes == (code,)
    assert not u.goedgekeurd
    (melding,) = u.meldingen
    assert melding == (code, RETOURCODE[code])
    assert fragment in melding[1]
    assert uitkomst.declaratie_retourcodes == ("0200",)
    assert uitkomst.totaal_toegekend == Decimal("0.00")


def goedgekeurd(uitkomst) -> None:
    u = enige(uitkomst)
    assert u.retourcodes == (), u.meldingen
    assert uitkomst.declaratie_retourcodes == ("8001",)


def test_valid_line_is_approved():
    uitkomst = check([prestatie()])
    goedgekeurd(uitkomst)
    assert uitkomst.totaal_toegekend == Decimal("1062.50")


def test_9338_unknown_allocation():
    afgekeurd(check([prestatie(toewijzingsnummer="999")]), "9338", "toewijzingnummer")


def test_9338_allocation_of_another_provider():
    afgekeurd(check([prestatie()], toewijzingen=[toewijzing(aanbieder_agb=ANDERE_AGB)]), "9338", "gerelateerd")


def test_8187_bsn_does_not_belong_to_allocation():
    afgekeurd(check([prestatie(bsn=ANDERE_BSN)]), "8187", "hoort niet bij deze cliënt")


def test_9339_productcategorie_differs():
    afgekeurd(check([prestatie(productcategorie="06")]), "9339", "ProductCategorie in de prestatie")


def test_9340_productcode_differs():
    afgekeurd(
        check([prestatie(productcode="02A02")], tarieven=[tarief(productcode="02A02")]),
        "9340",
        "ProductCode in de Prestatie",
    )


def test_9341_unit_does_not_fit():
    p = prestatie(eenheid="16", geleverd_volume=4, producttarief=Decimal("50.00"), ingediend_bedrag=Decimal("200.00"))
    uitkomst = check([p], tarieven=[tarief(eenheid="16", bedrag=Decimal("50.00"))])
    afgekeurd(uitkomst, "9341", "Eenheid in de Prestatie past niet")


def test_minutes_on_an_hour_allocation_use_the_iv081_amount():
    # 95 minutes at € 62.50 an hour: 62.50 × 95 / 60 = 98.958… → € 98.96; ProductTarief 62.50 / 60 → € 1.04.
    p = prestatie(eenheid="01", geleverd_volume=95, producttarief=Decimal("1.04"), ingediend_bedrag=Decimal("98.96"))
    goedgekeurd(check([p]))


def test_9346_minutes_claimed_as_volume_times_rounded_minute_tariff():
    p = prestatie(eenheid="01", geleverd_volume=95, producttarief=Decimal("1.04"), ingediend_bedrag=Decimal("98.80"))
    afgekeurd(check([p]), "9346", "GeleverdVolume vermenigvuldigd met")


def test_9346_amount_is_not_volume_times_tariff():
    afgekeurd(check([prestatie(ingediend_bedrag=Decimal("1062.51"))]), "9346", "IngediendBedrag is niet gelijk")


def test_9307_period_starts_before_allocation():
    uitkomst = check([prestatie()], toewijzingen=[toewijzing(ingangsdatum=date(2023, 3, 10))])
    afgekeurd(uitkomst, "9307", "Begindatum prestatie ligt niet tussen")


def test_9308_period_ends_after_allocation():
    uitkomst = check([prestatie()], toewijzingen=[toewijzing(einddatum=date(2023, 3, 20))])
    afgekeurd(uitkomst, "9308", "Einddatum prestatie ligt niet tussen")


def test_9387_period_does_not_start_on_the_first():
    afgekeurd(check([prestatie(begindatum=date(2023, 3, 2))]), "9387", "niet eerste dag van de kalendermaand")


def test_period_may_start_on_a_later_allocation_start_in_the_month():
    t = toewijzing(ingangsdatum=date(2023, 3, 15))
    p = prestatie(begindatum=date(2023, 3, 15), geleverd_volume=12, ingediend_bedrag=Decimal("750.00"))
    goedgekeurd(check([p], toewijzingen=[t]))


def test_9388_period_does_not_end_on_the_last_day():
    afgekeurd(check([prestatie(einddatum=date(2023, 3, 30))]), "9388", "niet laatste dag van de kalendermaand")


def test_period_may_end_on_an_earlier_allocation_end_in_the_month():
    t = toewijzing(einddatum=date(2023, 3, 14))
    goedgekeurd(
        check(
            [prestatie(einddatum=date(2023, 3, 14), geleverd_volume=8, ingediend_bedrag=Decimal("500.00"))],
            toewijzingen=[t],
        )
    )


def test_9319_period_after_the_declaration_period():
    p = prestatie(begindatum=date(2023, 4, 1), einddatum=date(2023, 4, 30))
    afgekeurd(check([p]), "9319", "niet geheel binnen een DeclaratiePeriode")


def test_earlier_period_in_a_later_declaration_is_allowed():
    p = prestatie(
        begindatum=date(2023, 2, 1),
        einddatum=date(2023, 2, 28),
        geleverd_volume=16,
        ingediend_bedrag=Decimal("1000.00"),
    )
    goedgekeurd(check([p]))


def test_9384_allocation_was_deleted():
    t = toewijzing(reden_wijziging="13")
    uitkomst = check([prestatie()], toewijzingen=[t])
    assert enige(uitkomst).retourcodes == ("9384",)
    assert enige(uitkomst).meldingen[0][1] == "Declaratie op toewijzing met RedenWijziging “13” (Verwijderd)."


def test_care_outside_started_care_is_approved_with_a_signal_not_a_retourcode():
    # OP364: start/stop may not be a condition for approval and WJ001 has no retourcode for it; the line is
    # approved and carries a signal for the municipality's own follow-up.
    t = toewijzing(gestarte_zorg=((date(2023, 3, 10), None),))
    u = enige(check([prestatie()], toewijzingen=[t]))
    assert u.goedgekeurd and u.retourcodes == ()
    assert u.signalen == (BUITEN_GESTARTE_ZORG,)
    assert u.signaal_meldingen == (
        "Prestatieperiode valt (deels) buiten de gestarte zorg uit WMO305/307. Geen afwijzing: start- en "
        "stopberichten mogen geen voorwaarde zijn voor het goedkeuren van een declaratie (OP364).",
    )
    assert enige(check([prestatie()])).signalen == ()


def test_care_stopped_before_the_period_ends_is_a_signal():
    # Started 1 Jan, stopped 20 March: a March line runs past the stop.
    t = toewijzing(gestarte_zorg=((date(2023, 1, 1), date(2023, 3, 20)),))
    u = enige(check([prestatie()], toewijzingen=[t]))
    assert u.goedgekeurd and u.signalen == (BUITEN_GESTARTE_ZORG,)
    # A temporary stop and a restart that together cover the month: no signal.
    t = toewijzing(gestarte_zorg=((date(2023, 1, 1), date(2023, 3, 10)), (date(2023, 3, 11), None)))
    assert enige(check([prestatie()], toewijzingen=[t])).signalen == ()


def test_allocation_without_any_start_message_is_approved_with_a_signal():
    # OP364 also forbids rejecting on a missing start message.
    u = enige(check([prestatie()], toewijzingen=[toewijzing(gestarte_zorg=())]))
    assert u.goedgekeurd and u.retourcodes == ()
    assert u.signalen == (GEEN_STARTBERICHT,)
    assert u.signaal_meldingen[0].startswith("Voor deze toewijzing is geen start van de ondersteuning (WMO305)")


def test_a_rejected_line_keeps_its_started_care_signal():
    t = toewijzing(gestarte_zorg=())
    u = enige(check([prestatie(bsn=ANDERE_BSN)], toewijzingen=[t]))
    assert u.retourcodes == ("8187",) and u.signalen == (GEEN_STARTBERICHT,)


def test_9321_weekly_volume_over_partial_iso_weeks():
    # March 2023 touches 5 ISO weeks: at most 5 × 4 = 20 hours.
    ok = prestatie(geleverd_volume=20, ingediend_bedrag=Decimal("1250.00"))
    goedgekeurd(check([ok]))
    te_veel = prestatie(geleverd_volume=21, ingediend_bedrag=Decimal("1312.50"))
    afgekeurd(check([te_veel]), "9321", "overschrijdt het toegewezen volume")


def test_9321_household_help_may_claim_six_weeks_per_month():
    t = toewijzing(productcategorie="01", productcode="01A01", volume=3)
    tar = tarief(productcode="01A01", bedrag=Decimal("30.00"))
    ok = prestatie(
        productcategorie="01",
        productcode="01A01",
        geleverd_volume=18,
        producttarief=Decimal("30.00"),
        ingediend_bedrag=Decimal("540.00"),
    )
    goedgekeurd(check([ok], toewijzingen=[t], tarieven=[tar]))
    te_veel = replace(ok, geleverd_volume=19, ingediend_bedrag=Decimal("570.00"))
    afgekeurd(check([te_veel], toewijzingen=[t], tarieven=[tar]), "9321", "overschrijdt het toegewezen volume")


@pytest.mark.parametrize(
    ("frequentie", "volume", "geleverd", "verwacht"),
    [("4", 10, 10, ()), ("4", 10, 11, ("9321",)), ("1", 1, 31, ()), ("1", 1, 32, ("9321",))],
)
def test_9321_per_month_and_per_day(frequentie, volume, geleverd, verwacht):
    t = toewijzing(frequentie=frequentie, volume=volume)
    p = prestatie(geleverd_volume=geleverd, ingediend_bedrag=UURTARIEF * geleverd)
    assert enige(check([p], toewijzingen=[t])).retourcodes == verwacht


def test_9322_tbgt_sum_includes_earlier_approved_lines():
    t = toewijzing(frequentie="6", volume=30)
    feb = prestatie(
        referentienummer="FEB",
        begindatum=date(2023, 2, 1),
        einddatum=date(2023, 2, 28),
        geleverd_volume=20,
        ingediend_bedrag=Decimal("1250.00"),
    )
    maart = prestatie(geleverd_volume=11, ingediend_bedrag=Decimal("687.50"))
    afgekeurd(check([maart], toewijzingen=[t], eerder=[eerdere(feb)]), "9322", "De som van de ingediende volumes")
    # A rejected earlier line does not count; 10 more hours fit exactly.
    goedgekeurd(check([maart], toewijzingen=[t], eerder=[eerdere(feb, status="afgekeurd")]))
    goedgekeurd(
        check(
            [replace(maart, geleverd_volume=10, ingediend_bedrag=Decimal("625.00"))],
            toewijzingen=[t],
            eerder=[eerdere(feb)],
        )
    )


def test_9322_weekly_allocation_over_its_whole_period():
    # 1–14 March 2023 touches 3 ISO weeks → 12 hours for the whole allocation; 10 already approved.
    t = toewijzing(ingangsdatum=date(2023, 3, 1), einddatum=date(2023, 3, 14))
    eerder = prestatie(
        referentienummer="OUD",
        toewijzingsnummer="1001",
        begindatum=date(2023, 3, 1),
        einddatum=date(2023, 3, 14),
        geleverd_volume=10,
        ingediend_bedrag=Decimal("625.00"),
    )
    p = prestatie(
        einddatum=date(2023, 3, 14),
        productcategorie="02",
        geleverd_volume=3,
        ingediend_bedrag=Decimal("187.50"),
        referentienummer="NIEUW",
    )
    gecrediteerd = credit_van(eerder, "OUDC")
    # The earlier line was credited, so 3 hours fit; without that credit they do not.
    uitkomst = check([p], toewijzingen=[t], eerder=[eerdere(eerder), eerdere(gecrediteerd)])
    goedgekeurd(uitkomst)
    andere_periode = replace(eerder, begindatum=date(2023, 3, 1), einddatum=date(2023, 3, 13))
    uitkomst = check([p], toewijzingen=[t], eerder=[eerdere(andere_periode)])
    afgekeurd(uitkomst, "9322", "De som van de ingediende volumes")


def test_9369_budget_exceeded():
    t = toewijzing(productcode=None, volume=None, eenheid=None, frequentie=None, budget=Decimal("1500.00"))
    feb = prestatie(
        referentienummer="FEB",
        begindatum=date(2023, 2, 1),
        einddatum=date(2023, 2, 28),
        geleverd_volume=8,
        ingediend_bedrag=Decimal("500.00"),
    )
    goedgekeurd(
        check(
            [prestatie(geleverd_volume=16, ingediend_bedrag=Decimal("1000.00"))],
            toewijzingen=[t],
            eerder=[eerdere(feb)],
        )
    )
    afgekeurd(check([prestatie()], toewijzingen=[t], eerder=[eerdere(feb)]), "9369", "toegewezen Budget")


def test_0611_tariff_differs_from_contract():
    p = prestatie(producttarief=Decimal("65.00"), ingediend_bedrag=Decimal("1105.00"))
    afgekeurd(check([p]), "0611", "contractuele tarief")


def test_0611_no_contract_tariff_on_that_date():
    afgekeurd(check([prestatie()], tarieven=[tarief(ingangsdatum=date(2023, 4, 1))]), "0611", "contractuele tarief")


def test_tariff_is_looked_up_on_the_period_date():
    tarieven = [
        tarief(einddatum=date(2023, 2, 28), bedrag=Decimal("60.00")),
        tarief(ingangsdatum=date(2023, 3, 1)),
    ]
    goedgekeurd(check([prestatie()], tarieven=tarieven))


def test_8021_reference_already_used():
    eerder = prestatie(
        begindatum=date(2023, 2, 1),
        einddatum=date(2023, 2, 28),
        geleverd_volume=16,
        ingediend_bedrag=Decimal("1000.00"),
    )
    afgekeurd(check([prestatie()], eerder=[eerdere(eerder, status="afgekeurd")]), "8021", "reeds aangeleverd")


def test_8021_is_per_provider():
    februari = prestatie(begindatum=date(2023, 2, 1), einddatum=date(2023, 2, 28), toewijzingsnummer="2002")
    goedgekeurd(check([prestatie()], eerder=[eerdere(februari, agb=ANDERE_AGB)]))


def test_9389_second_debet_without_credit():
    eerder = prestatie(referentienummer="R0")
    afgekeurd(check([prestatie()], eerder=[eerdere(eerder)]), "9389", "debetprestatie zonder bijbehorende credit")


def test_new_debet_allowed_after_credit_in_an_earlier_message():
    eerder = prestatie(referentienummer="R0")
    goedgekeurd(check([prestatie()], eerder=[eerdere(eerder), eerdere(credit_van(eerder, "R0C"))]))


def test_credit_and_new_debet_in_one_message_correct_an_approved_line():
    eerder = prestatie(referentienummer="R0", geleverd_volume=12, ingediend_bedrag=Decimal("750.00"))
    uitkomst = check([prestatie(), credit_van(eerder, "R0C")], eerder=[eerdere(eerder)])
    assert [u.retourcodes for u in uitkomst.prestaties] == [(), ()]
    assert uitkomst.declaratie_retourcodes == ("8001",)
    assert uitkomst.totaal_toegekend == Decimal("312.50")  # 1062.50 − 750.00


def test_8017_credit_without_known_debet():
    afgekeurd(check([credit_van(prestatie(referentienummer="ONBEKEND"), "C1")]), "8017", "geen debet prestatie")


def test_8017_credit_of_a_rejected_debet():
    eerder = prestatie(referentienummer="R0")
    afgekeurd(
        check([credit_van(eerder, "C1")], eerder=[eerdere(eerder, status="afgekeurd")]),
        "8017",
        "geen debet prestatie",
    )


def test_8017_credit_that_does_not_mirror_its_debet():
    eerder = prestatie(referentienummer="R0")
    credit = replace(credit_van(eerder, "C1"), geleverd_volume=16, ingediend_bedrag=Decimal("1000.00"))
    afgekeurd(check([credit], eerder=[eerdere(eerder)]), "8017", "geen debet prestatie")


def test_9390_line_already_credited():
    eerder = prestatie(referentienummer="R0")
    eerste_credit = credit_van(eerder, "C1")
    uitkomst = check([credit_van(eerder, "C2")], eerder=[eerdere(eerder), eerdere(eerste_credit)])
    afgekeurd(uitkomst, "9390", "met waarde Credit")


def test_9333_declaration_number_not_unique():
    uitkomst = check([prestatie()], bekende_declaratienummers={"D202303"})
    assert uitkomst.declaratie_retourcodes == ("9333",)
    assert uitkomst.header_retourcodes == ()
    assert RETOURCODE["9333"] == "Declaratienummer is niet uniek."
    assert [u.retourcodes for u in uitkomst.prestaties] == [("0233",)]
    assert uitkomst.totaal_toegekend == Decimal("0.00")
    assert not uitkomst.is_verwerkt


def test_unlinked_line_gets_only_9338_and_others_collect_all_codes():
    assert enige(check([prestatie(toewijzingsnummer="999", bsn=ANDERE_BSN)])).retourcodes == ("9338",)
    p = prestatie(bsn=ANDERE_BSN, producttarief=Decimal("65.00"), ingediend_bedrag=Decimal("1105.00"))
    assert enige(check([p])).retourcodes == ("8187", "0611")


def test_gemeente_of_allocation_must_match_header():
    assert enige(check([prestatie()], toewijzingen=[toewijzing(gemeente_cbs="0599")])).retourcodes == ("9338",)


def test_9322_and_9369_count_the_lines_and_credits_of_the_same_message():
    # Whole-allocation volume (TBGT, 30 hours) and budget (€ 1,500) both count this message's own approved
    # lines, in message order, with credits first: February's approved line is credited here, so January
    # plus March fill the allocation exactly (March in minutes: 1,200 minutes = 20 hours); one more does not.
    feb = prestatie(
        referentienummer="FEB",
        begindatum=date(2023, 2, 1),
        einddatum=date(2023, 2, 28),
        geleverd_volume=20,
        ingediend_bedrag=Decimal("1250.00"),
    )
    jan = replace(feb, referentienummer="JAN", begindatum=date(2023, 1, 1), einddatum=date(2023, 1, 31))
    jan = replace(jan, geleverd_volume=10, ingediend_bedrag=Decimal("625.00"))
    minuten = {1200: Decimal("1250.00"), 1201: Decimal("1251.04")}  # IV081: round(62.50 × minutes / 60)

    def maart(n: int) -> Prestatie:
        return prestatie(eenheid="01", geleverd_volume=n, producttarief=Decimal("1.04"), ingediend_bedrag=minuten[n])

    tbgt = toewijzing(frequentie="6", volume=30)
    for n, verwacht in ((1200, [(), (), ()]), (1201, [(), ("9322",), ()])):
        uitkomst = check([jan, maart(n), credit_van(feb, "FEBC")], toewijzingen=[tbgt], eerder=[eerdere(feb)])
        assert [u.retourcodes for u in uitkomst.prestaties] == verwacht
    uitkomst = check([jan, maart(1200)], toewijzingen=[tbgt], eerder=[eerdere(feb)])
    assert [u.retourcodes for u in uitkomst.prestaties] == [(), ("9322",)]

    budget = toewijzing(productcode=None, volume=None, eenheid=None, frequentie=None, budget=Decimal("1500.00"))
    feb_budget = replace(feb, geleverd_volume=8, ingediend_bedrag=Decimal("500.00"))
    for uren, verwacht in ((8, [(), (), ()]), (9, [(), ("9369",), ()])):
        maart_uren = prestatie(geleverd_volume=uren, ingediend_bedrag=UURTARIEF * uren)
        regels = [replace(jan, geleverd_volume=16, ingediend_bedrag=Decimal("1000.00")), maart_uren]
        uitkomst = check([*regels, credit_van(feb_budget, "FEBC")], toewijzingen=[budget], eerder=[eerdere(feb_budget)])
        assert [u.retourcodes for u in uitkomst.prestaties] == verwacht
