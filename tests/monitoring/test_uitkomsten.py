"""Outcomes, lead times, claims and the finance table against records built here with hand-computed figures.

On top of conftest.py's Rijswijk (products IB 02A01 and HH 01A01, providers Zorg Een and Zorg Twee):
  tA  client A (Oud)   IB Zorg Een,  granted as arrangement "Kort herstel"
  tB  client B (Nieuw) HH Zorg Twee, no arrangement (counts under its product)
  goals: d1 (Zelfzorg) and d2 (Thuisadministratie) of A; d3 (Zelfzorg) of B
  evaluations: eA 01-06-2017 on tA, satisfaction 8: d1 behaald, d2 deels, ZRM all 3 (financien 4, justitie 4)
               eB 01-09-2017 on tB, satisfaction 5: d3 niet, no ZRM
               e2016 01-12-2016 on tB, satisfaction 2: d3 behaald (outside 2017)
  ZRM intakes of A: 01-01-2016 all 1 (older), 01-02-2017 all 2 (financien 4, justitie 5) = the one taken,
               01-08-2017 all 5 (after the evaluation, ignored)
  approved claim lines: tA D 600 (03-2017), D 400 (04-2017), C 100 (04-2017), D 999 (12-2016);
               rejected tA D 250 (05-2017); tB D 300 (02-2017)
  budgets: 2017 HH 1,000 (income 50), IB 2,000; 2016 IB 500
Delft gets an evaluation, a claim, a budget and a decision that no Rijswijk figure may include.
"""

import datetime
from decimal import Decimal

import pytest

from openwmo.catalogus.models import Arrangement
from openwmo.declaraties.models import Declaratie, Prestatie
from openwmo.monitoring.geheugen import een_meting
from openwmo.monitoring.tabellen import RAPPORTEN
from openwmo.toegang.models import (
    BeschiktProduct,
    DoelEvaluatie,
    Evaluatie,
    Onderzoek,
    ZrmMeting,
    ZrmScore,
)

from ..factories import (
    AanvraagFactory,
    BegrotingFactory,
    BeschikkingFactory,
    ClientFactory,
    DoelFactory,
    MeldingFactory,
    OndersteuningsplanFactory,
    ResultaatgebiedFactory,
    ToewijzingFactory,
    zrm_scores,
)

D = datetime.date
GEEN_WIJZIGING = [13, Decimal("3.00"), Decimal("3.00"), Decimal("0.00"), 0, 100, 0]


def _meting(client, dag, scores, onderzoek=None):
    meting = ZrmMeting.objects.create(client=client, gemeente=client.gemeente, meetdatum=dag, onderzoek=onderzoek)
    ZrmScore.objects.bulk_create(ZrmScore(meting=meting, domein=d, score=s) for d, s in scores.items())
    return meting


def _intake(client, dag, scores):
    melding = MeldingFactory(client=client, meldingsdatum=dag - datetime.timedelta(days=7))
    onderzoek = Onderzoek.objects.create(
        melding=melding, client=client, gemeente=client.gemeente, datum=dag, deelnemers="x", verslag="x"
    )
    return _meting(client, dag, scores, onderzoek)


def _evaluatie(toewijzing, dag, tevredenheid, uitkomsten, zrm=None):
    plan = next(iter(uitkomsten)).plan
    evaluatie = Evaluatie.objects.create(
        client=toewijzing.client,
        gemeente=toewijzing.gemeente,
        plan=plan,
        toewijzing=toewijzing,
        datum=dag,
        zrm_meting=_meting(toewijzing.client, dag, zrm) if zrm else None,
        tevredenheid=tevredenheid,
        vervolgstap="voortzetten",
        vervolgstap_datum=dag,
    )
    for doel, uitkomst in uitkomsten.items():
        DoelEvaluatie.objects.create(evaluatie=evaluatie, doel=doel, uitkomst=uitkomst)
    return evaluatie


def _claim(toewijzing, regels):
    """One claim of the allocation's provider; regels = (begindatum, bedrag, D/C, status)."""
    declaratie = Declaratie.objects.create(
        aanbieder=toewijzing.aanbieder,
        gemeente=toewijzing.gemeente,
        declaratienummer=f"D{Declaratie.objects.count() + 1}",
        periode_begindatum=D(2016, 1, 1),
        periode_einddatum=D(2017, 12, 31),
        ingediend_totaal=Decimal(0),
        toegekend_totaal=Decimal(0),
        status="deels",
        retourcode="0200",
        aantal_regels=len(regels),
        aantal_afgekeurd=0,
        bron="api",
        inhoud_hash="x",
    )
    for n, (begin, geld, teken, status) in enumerate(regels, start=1):
        Prestatie.objects.create(
            declaratie=declaratie,
            aanbieder=toewijzing.aanbieder,
            toewijzing=toewijzing,
            volgnummer=n,
            referentienummer=f"R{declaratie.pk}-{n}",
            toewijzingsnummer=toewijzing.toewijzingsnummer,
            bsn=toewijzing.client.bsn,
            productcategorie=toewijzing.product.productcategorie,
            productcode=toewijzing.product.productcode,
            begindatum=begin,
            einddatum=begin + datetime.timedelta(days=27),
            volume=1,
            eenheid="04",
            bedrag=Decimal(geld),
            debet_credit=teken,
            status=status,
        )


@pytest.fixture
def uitkomsten(kleine_gemeente):
    w = kleine_gemeente
    zelfzorg = ResultaatgebiedFactory(code="RG5", naam="Zelfzorg")
    administratie = ResultaatgebiedFactory(code="RG3", naam="Thuisadministratie")
    a, b = ClientFactory(gemeente=w["gemeente"], wijk=w["oud"]), ClientFactory(gemeente=w["gemeente"], wijk=w["nieuw"])
    beschikking = BeschikkingFactory(client=a, ingangsdatum=D(2016, 12, 1), einddatum=D(2017, 12, 31))
    kort = Arrangement.objects.create(code="KH", naam="Kort herstel", product=w["ib"])
    bp = BeschiktProduct.objects.create(
        beschikking=beschikking,
        uitvoeringsvariant="outputgericht",
        product=w["ib"],
        arrangement=kort,
        ingangsdatum=D(2016, 12, 1),
        einddatum=D(2017, 12, 31),
    )
    ta = ToewijzingFactory(
        beschikking=beschikking,
        beschikt_product=bp,
        product=w["ib"],
        aanbieder=w["een"],
        ingangsdatum=D(2016, 12, 1),
        einddatum=D(2017, 12, 31),
    )
    tb = ToewijzingFactory(
        beschikking__client=b, product=w["hh"], aanbieder=w["twee"], ingangsdatum=D(2016, 6, 1), einddatum=None
    )
    plan_a, plan_b = OndersteuningsplanFactory(client=a), OndersteuningsplanFactory(client=b)
    d1 = DoelFactory(plan=plan_a, resultaatgebied=zelfzorg)
    d2 = DoelFactory(plan=plan_a, resultaatgebied=administratie)
    d3 = DoelFactory(plan=plan_b, resultaatgebied=zelfzorg)
    _intake(a, D(2016, 1, 1), zrm_scores(1))
    _intake(a, D(2017, 2, 1), zrm_scores(2, financien=4, justitie=5))
    _intake(a, D(2017, 8, 1), zrm_scores(5))
    _evaluatie(ta, D(2017, 6, 1), 8, {d1: "behaald", d2: "deels"}, zrm_scores(3, financien=4, justitie=4))
    _evaluatie(tb, D(2017, 9, 1), 5, {d3: "niet"})
    _evaluatie(tb, D(2016, 12, 1), 2, {d3: "behaald"})
    _claim(
        ta,
        [
            (D(2017, 3, 1), "600.00", "D", "goedgekeurd"),
            (D(2017, 4, 1), "400.00", "D", "goedgekeurd"),
            (D(2017, 4, 1), "100.00", "C", "goedgekeurd"),
            (D(2016, 12, 1), "999.00", "D", "goedgekeurd"),
            (D(2017, 5, 1), "250.00", "D", "afgekeurd"),
        ],
    )
    _claim(tb, [(D(2017, 2, 1), "300.00", "D", "goedgekeurd")])
    rijswijk = w["gemeente"]
    BegrotingFactory(
        gemeente=rijswijk, voorzieningsoort=w["hh"].voorzieningsoort, jaar=2017, uitgaven=1000, inkomsten=50
    )
    BegrotingFactory(gemeente=rijswijk, voorzieningsoort=w["ib"].voorzieningsoort, jaar=2017, uitgaven=2000)
    BegrotingFactory(gemeente=rijswijk, voorzieningsoort=w["ib"].voorzieningsoort, jaar=2016, uitgaven=500)
    # Delft: figures no Rijswijk table may include
    delft_client = ClientFactory(gemeente=w["delft"])
    td = ToewijzingFactory(beschikking__client=delft_client, product=w["ib"], aanbieder=w["een"])
    _evaluatie(td, D(2017, 6, 1), 10, {DoelFactory(plan=OndersteuningsplanFactory(client=delft_client)): "behaald"})
    _claim(td, [(D(2017, 2, 1), "5000.00", "D", "goedgekeurd")])
    BegrotingFactory(gemeente=w["delft"], voorzieningsoort=w["ib"].voorzieningsoort, jaar=2017, uitgaven=9999)
    return {**w, "ta": ta, "tb": tb}


def _rijen(naam, scope):
    return {rij[0]: rij[1:] for rij in RAPPORTEN[naam].maak(scope).rijen}


def test_goals_reached_per_result_area(uitkomsten, scope_2017):
    assert _rijen("doelen-per-resultaatgebied", scope_2017()) == {
        "Zelfzorg": [2, 1, 0, 1, 50, 50],
        "Thuisadministratie": [1, 0, 1, 0, 0, 100],
        "Totaal": [3, 1, 1, 1, 33, 67],
    }


def test_goals_and_invoiced_cost_per_goal_reached_per_provider(uitkomsten, scope_2017):
    tabel = RAPPORTEN["doelen-per-aanbieder"].maak(scope_2017())
    assert {rij[0]: rij[1:] for rij in tabel.rijen} == {
        # Een: 600 + 400 − 100 (credit); the rejected line and the 2016 line do not count
        "Zorg Een": [2, 1, 1, 0, 50, 100, Decimal("900.00"), "gedeclareerd", Decimal("900.00")],
        "Zorg Twee": [1, 0, 0, 1, 0, 0, Decimal("300.00"), "gedeclareerd", None],
        "Totaal": [3, 1, 1, 1, 33, 67, Decimal("1200.00"), "gedeclareerd", Decimal("1200.00")],
    }
    assert "Kosten = gedeclareerd" in tabel.toelichting


def test_goals_per_arrangement_fall_back_to_the_product(uitkomsten, scope_2017):
    assert _rijen("doelen-per-arrangement", scope_2017()) == {
        "Arrangement Kort herstel": [2, 1, 1, 0, 50, 100, Decimal("900.00"), "gedeclareerd", Decimal("900.00")],
        "01A01 Hulp bij het huishouden": [1, 0, 0, 1, 0, 0, Decimal("300.00"), "gedeclareerd", None],
        "Totaal": [3, 1, 1, 1, 33, 67, Decimal("1200.00"), "gedeclareerd", Decimal("1200.00")],
    }


def test_without_claims_the_cost_per_provider_is_the_estimate_and_says_so(uitkomsten, scope_2017):
    Prestatie.objects.all().delete()
    tabel = RAPPORTEN["doelen-per-aanbieder"].maak(scope_2017())
    een = next(rij for rij in tabel.rijen if rij[0] == "Zorg Een")
    schatting = {r[0]: r for r in RAPPORTEN["geraamde-kosten-per-product"].maak(scope_2017()).rijen}
    assert een[8] == "geraamd" and een[7] > 0 and "geraamd" in tabel.toelichting
    assert sum(r[7] for r in tabel.rijen[:-1] if r[7]) == schatting["Totaal"][2]
    arrangement = _rijen("doelen-per-arrangement", scope_2017())
    assert arrangement["Totaal"][6:] == [None, "", None]


def test_zrm_change_between_the_latest_intake_and_the_evaluation(uitkomsten, scope_2017):
    rijen = _rijen("zrm-ontwikkeling", scope_2017())
    assert rijen["Financiën"] == [1, Decimal("4.00"), Decimal("4.00"), Decimal("0.00"), 0, 100, 0]
    assert rijen["Justitie"] == [1, Decimal("5.00"), Decimal("4.00"), Decimal("-1.00"), 0, 0, 100]
    assert rijen["Huisvesting"] == [1, Decimal("2.00"), Decimal("3.00"), Decimal("1.00"), 100, 0, 0]
    # 13 domain pairs: 11 × (2 → 3), 4 → 4, 5 → 4: intake 31/13, evaluation 41/13, change 10/13
    assert rijen["Alle domeinen"] == [13, Decimal("2.38"), Decimal("3.15"), Decimal("0.77"), 85, 8, 8]


def test_satisfaction_per_provider(uitkomsten, scope_2017):
    assert _rijen("tevredenheid", scope_2017()) == {
        "Zorg Een": [1, Decimal("8.0"), 100],
        "Zorg Twee": [1, Decimal("5.0"), 0],
        "Totaal": [2, Decimal("6.5"), 50],
    }


def test_outcome_filters_narrow_by_provider_and_district(uitkomsten, scope_2017):
    assert _rijen("tevredenheid", scope_2017(aanbieder=uitkomsten["twee"]))["Totaal"] == [1, Decimal("5.0"), 0]
    assert _rijen("doelen-per-resultaatgebied", scope_2017(wijk=uitkomsten["oud"]))["Totaal"] == [2, 1, 1, 0, 50, 100]
    assert _rijen("zrm-ontwikkeling", scope_2017(wijk=uitkomsten["nieuw"]))["Alle domeinen"][0] == 0


def test_invoiced_indications_and_amounts_per_product(uitkomsten, scope_2017):
    rijen = _rijen("gedeclareerd-per-product", scope_2017())
    geraamd = _rijen("geraamde-kosten-per-product", scope_2017())
    ib, hh = "02A01 Begeleiding individueel basis", "01A01 Hulp bij het huishouden"
    assert rijen[ib][:2] == [1, Decimal("900.00")] and rijen[ib][2] == geraamd[ib][1]
    assert rijen[hh][:2] == [1, Decimal("300.00")] and rijen[hh][2] == geraamd[hh][1]
    assert rijen["Totaal"][:3] == [2, Decimal("1200.00"), geraamd["Totaal"][1]]


def test_finance_table_invoiced_against_budget_per_year(uitkomsten, scope_2017):
    tabel = RAPPORTEN["financien"].maak(scope_2017())
    assert tabel.rijen == [
        ["2015", None, Decimal("0.00"), None, None, None, None],
        ["2016", Decimal("500.00"), Decimal("999.00"), Decimal("-499.00"), 200, None, None],
        ["2017", Decimal("3000.00"), Decimal("1200.00"), Decimal("1800.00"), 40, Decimal("50.00"), None],
    ]
    assert "CAK" in tabel.toelichting
    alleen_hh = RAPPORTEN["financien"].maak(scope_2017(product=uitkomsten["hh"]))
    assert alleen_hh.rijen[-1] == [
        "2017",
        Decimal("1000.00"),
        Decimal("300.00"),
        Decimal("700.00"),
        30,
        Decimal("50.00"),
        None,
    ]


@pytest.fixture
def besluiten(kleine_gemeente):
    """Decisions of 2017 (and one of 2016, one of Delft) with their melding, onderzoek and aanvraag."""
    rijswijk = kleine_gemeente["gemeente"]

    def besluit(gemeente, melding, onderzoek, aanvraag, besluitdatum):
        client = ClientFactory(gemeente=gemeente)
        m = MeldingFactory(client=client, meldingsdatum=melding) if melding else None
        if onderzoek:
            Onderzoek.objects.create(
                melding=m, client=client, gemeente=gemeente, datum=onderzoek, deelnemers="x", verslag="x"
            )
        a = AanvraagFactory(client=client, melding=m, aanvraagdatum=aanvraag)
        BeschikkingFactory(client=client, aanvraag=a, besluitdatum=besluitdatum)

    besluit(rijswijk, D(2017, 1, 2), D(2017, 2, 1), D(2017, 2, 5), D(2017, 2, 15))  # 30 / 10 / 44 days, in time
    besluit(rijswijk, D(2017, 3, 1), D(2017, 4, 20), D(2017, 4, 21), D(2017, 4, 28))  # onderzoek late (50 days)
    besluit(rijswijk, D(2017, 5, 1), None, D(2017, 5, 2), D(2017, 5, 26))  # decision late (24 days)
    besluit(rijswijk, None, None, D(2017, 6, 1), D(2017, 6, 8))  # no melding: aanvraag → beschikking only
    besluit(rijswijk, D(2016, 11, 1), None, D(2016, 12, 1), D(2016, 12, 20))  # decided in 2016
    besluit(kleine_gemeente["delft"], D(2017, 1, 2), None, D(2017, 5, 1), D(2017, 9, 1))
    return kleine_gemeente


def test_lead_times_and_share_within_the_legal_deadlines(besluiten, scope_2017):
    assert _rijen("doorlooptijden", scope_2017()) == {
        "Melding → onderzoek": ["6 weken", 2, Decimal("40.0"), Decimal("40.0"), 1, 50],
        "Aanvraag → beschikking": ["2 weken", 4, Decimal("8.5"), Decimal("12.0"), 3, 75],
        "Melding → beschikking": ["6 + 2 weken", 3, Decimal("44.0"), Decimal("42.3"), 1, 33],
    }


def test_indicators_that_depend_on_the_new_records_are_computable(uitkomsten, besluiten, scope_2017):
    from openwmo.monitoring.indicatoren import INDICATOREN

    waarden = {}
    with een_meting():
        for indicator in INDICATOREN:
            if indicator.bereken:
                waarden[indicator.code] = indicator.bereken(scope_2017())
    assert waarden["OC1"] == 67 and waarden["OC2"] == Decimal("0.77") and waarden["OC3"] == Decimal("6.5")
    assert waarden["OC4"] == Decimal("1200.00") and waarden["IN5"] == Decimal("1200.00") and waarden["IN4"] == 40
    assert waarden["TH4"] == Decimal("44.0") and waarden["TH5"] == 33
    assert [i.code for i in INDICATOREN if i.nog_niet] == ["IM1"]


FILTERS = {"gebied": "g:0603", "jaar": "2017", "peildatum": "2017-01-10"}


@pytest.fixture
def controller_client(client, uitkomsten):
    from ..factories import UserFactory

    client.force_login(UserFactory(rol="controller", gemeenten=[uitkomsten["gemeente"]]))
    return client


def test_outcomes_dashboard_shows_the_tables_and_charts_in_dutch(controller_client):
    from django.urls import reverse

    antwoord = controller_client.get(reverse("monitoring:dashboard", args=["uitkomsten"]), FILTERS)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and '<h1 class="utrecht-heading-1">Uitkomsten</h1>' in html
    namen = [o["naam"] for o in antwoord.context["onderdelen"]]
    assert namen == [
        "doelen-per-resultaatgebied",
        "doelen-per-aanbieder",
        "doelen-per-arrangement",
        "zrm-ontwikkeling",
        "tevredenheid",
    ]
    assert "Arrangement Kort herstel" in html and "1.200,00" in html and "6,5" in html
    assert 'id="grafiek-1-1" type="application/json"' in html  # cost per goal reached, charted
    assert "Delft" not in html.split("</form>")[1] and "5.000,00" not in html


def test_outcome_table_exports_to_xlsx_and_the_council_pdf_has_the_chapter(controller_client, uitkomsten):
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    from openwmo.monitoring.pdf import raadsrapport_html

    xlsx = controller_client.get(reverse("monitoring:export", args=["doelen-per-aanbieder", "xlsx"]), FILTERS)
    rijen = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rijen[1][0] == "Aanbieder" and rijen[1][-1] == "Kosten per behaald doel (€)"
    een = next(r for r in rijen if r[0] == "Zorg Een")
    assert een[1:7] == (2, 1, 1, 0, 50, 100) and float(een[7]) == 900.0 and een[8] == "gedeclareerd"
    scope = controller_client.get(reverse("monitoring:dashboard", args=["kosten"]), FILTERS).context["form"].scope()
    html = raadsrapport_html(scope)
    assert "Uitkomsten" in html and "Zelfzorg" in html and "Financiën 2015–2017" in html


def test_report_command_prints_the_outcome_tables(uitkomsten):
    import io
    import json

    from django.core.management import call_command

    uit = io.StringIO()
    call_command("report", "--list", stdout=uit)
    for naam in ("doelen-per-aanbieder", "zrm-ontwikkeling", "tevredenheid", "doorlooptijden", "financien"):
        assert naam in uit.getvalue()
    uit = io.StringIO()
    args = ["--gemeente", "0603", "--van", "2017-01-01", "--tot", "2017-12-31", "--format", "json"]
    call_command("report", "tevredenheid", *args, stdout=uit)
    rijen = json.loads(uit.getvalue())["rijen"]
    assert rijen[-1] == {
        "Aanbieder": "Totaal",
        "Evaluaties": 2,
        "Gemiddelde tevredenheid (1–10)": "6.5",
        "Voldoende, 6 of hoger (%)": 50,
    }
