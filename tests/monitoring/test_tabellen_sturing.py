"""The new report tables against hand-computed figures (data and arithmetic in conftest.py)."""

import datetime
from decimal import Decimal

from openwmo.monitoring.tabellen import RAPPORTEN, Scope

from ..factories import SubsidieFactory

D = datetime.date


def _rijen(naam, scope):
    return {rij[0]: rij[1:] for rij in RAPPORTEN[naam].maak(scope).rijen}


def test_inflow_and_outflow_per_month(scope_2017):
    rijen = _rijen("instroom-uitstroom", scope_2017())
    assert rijen["jan 2017"] == [2, 1, 1]  # t1 and t6 start; t1 ends
    assert rijen["mrt 2017"] == [1, 1, 0]
    assert rijen["dec 2017"] == [0, 1, -1]  # t6 ends on 31-12
    assert rijen["Totaal"] == [5, 5, 0]  # t2 started in 2016 and is still running
    assert len(rijen) == 13


def test_average_duration_per_product_counts_both_ends(scope_2017):
    rijen = _rijen("gemiddelde-duur", scope_2017())
    # IB ended: 14, 31, 30 and 365 days → 110.0 days = 3.6 months; HH: t4 of 14 days
    assert rijen["02A01 Begeleiding individueel basis"] == [4, Decimal("110.0"), Decimal("3.6")]
    assert rijen["01A01 Hulp bij het huishouden"] == [1, Decimal("14.0"), Decimal("0.5")]
    assert rijen["Alle producten"] == [5, Decimal("90.8"), Decimal("3.0")]


def test_combinations_count_one_kind_and_pairs_at_the_same_time(scope_2017):
    rijen = _rijen("combinaties", scope_2017())
    assert rijen["Alle cliënten"] == [4, 100]
    assert rijen["Eén soort voorziening (enkelvoudig)"] == [2, 50]  # c1 and c4
    assert rijen["Meer soorten voorzieningen"] == [2, 50]  # c2 and c3
    # c2 held HH and IB together in March; c3 had HH in May and IB in June: not at the same time
    assert rijen["Hulp bij het huishouden + Begeleiding individueel"] == [1, 25]


def test_sequences_count_b_starting_after_a_within_the_window(scope_2017):
    tabel = RAPPORTEN["volgordes"].maak(scope_2017())
    assert tabel.rijen == [["Hulp bij het huishouden", "Begeleiding individueel", 1, 1, 100]]
    # with a window of 0 months after HH ended (14 May), IB starting 1 June no longer follows
    from openwmo.monitoring.tabellen.analyse import volgorde_tabel

    assert volgorde_tabel(scope_2017(), maanden=0).rijen == []


def test_provider_concentration_per_product_on_the_reference_date(scope_2017):
    rijen = _rijen("aanbiedersconcentratie", scope_2017())
    assert rijen["02A01 Begeleiding individueel basis"] == [2, 2, 50, 100]  # t1 (Een) and t6 (Twee)
    assert rijen["01A01 Hulp bij het huishouden"] == [1, 1, 100, 100]


def test_districts_clients_per_thousand_and_estimated_spend_per_inhabitant(scope_2017):
    rijen = _rijen("wijken", scope_2017())
    assert rijen["Oud"] == [1000, 1, Decimal("1.0"), Decimal("720.00"), Decimal("0.72")]
    assert rijen["Nieuw"] == [2000, 1, Decimal("0.5"), Decimal("3692.00"), Decimal("1.85")]
    assert rijen["Wijk onbekend"] == [None, 1, None, Decimal("0.00"), None]


def test_estimated_spend_per_product_is_labelled_and_counts_missing_tariffs(scope_2017):
    tabel = RAPPORTEN["geraamde-kosten-per-product"].maak(scope_2017())
    assert "geen facturen" in tabel.titel and "geen gedeclareerde" in tabel.toelichting
    rijen = {rij[0]: rij[1:] for rij in tabel.rijen}
    assert rijen["01A01 Hulp bij het huishouden"] == [2, Decimal("3452.00"), 0]
    assert rijen["02A01 Begeleiding individueel basis"] == [4, Decimal("960.00"), 1]
    assert rijen["Totaal"] == [6, Decimal("4412.00"), 1]


def test_municipalities_side_by_side(scope_2017, kleine_gemeente):
    scope = Scope(
        gemeenten=(kleine_gemeente["gemeente"], kleine_gemeente["delft"]),
        peildatum=D(2017, 1, 10),
        van=D(2017, 1, 1),
        tot=D(2017, 12, 31),
    )
    rijen = _rijen("gemeenten-naast-elkaar", scope)
    assert rijen["Rijswijk"] == [3000, 3, Decimal("1.0"), 5, 5, Decimal("4412.00"), Decimal("1.47")]
    # Delft: 9 h/week × 53 ISO weeks × 60.00
    assert rijen["Delft"] == [5000, 1, Decimal("0.2"), 1, 1, Decimal("28620.00"), Decimal("5.72")]
    assert rijen["Totaal"] == [8000, 4, Decimal("0.5"), 6, 6, Decimal("33032.00"), Decimal("4.13")]


def test_filters_narrow_every_allocation_table(scope_2017, kleine_gemeente):
    alleen_ib = _rijen("geraamde-kosten-per-product", scope_2017(product=kleine_gemeente["ib"]))
    assert list(alleen_ib) == ["02A01 Begeleiding individueel basis", "Totaal"]
    twee = _rijen("instroom-uitstroom", scope_2017(aanbieder=kleine_gemeente["twee"]))
    assert twee["Totaal"] == [1, 1, 0]  # only t6 (t2 started in 2016)
    oud = _rijen("wijken", scope_2017(wijk=kleine_gemeente["oud"]))
    assert list(oud) == ["Oud"]
    assert _rijen("combinaties", scope_2017(segment="vrij_inzetbaar"))["Alle cliënten"] == [0, None]


def test_grants_per_organisation_largest_first_with_share(kleine_gemeente, scope_2017):
    gemeente = kleine_gemeente["gemeente"]
    SubsidieFactory(organisatie__naam="Stichting MEE", gemeente=gemeente, bedrag=Decimal("1344000.00"))
    SubsidieFactory(organisatie__naam="Palet Welzijn", gemeente=gemeente, bedrag=Decimal("1527771.00"))
    SubsidieFactory(organisatie__naam="Vorig jaar", gemeente=gemeente, jaar=2016)
    SubsidieFactory(organisatie__naam="Delft", gemeente=kleine_gemeente["delft"])
    tabel = RAPPORTEN["subsidies"].maak(scope_2017())
    assert tabel.rijen == [
        ["Palet Welzijn", Decimal("1527771.00"), 53],
        ["Stichting MEE", Decimal("1344000.00"), 47],
        ["Totaal", Decimal("2871771.00"), 100],
    ]


def test_spend_estimate_summed_in_the_database_follows_every_volume_rule(kleine_gemeente, scope_2017):
    """The database computes the units (days, ISO weeks, months touched; a total in its start period) and
    sums them per tariff stretch; the figures below are worked out by hand."""
    from openwmo.monitoring.kosten import geraamde_kosten

    from ..factories import ClientFactory, ContractFactory, ProductFactory, TariefFactory, ToewijzingFactory

    product = ProductFactory(productcode="02A09", naam="Begeleiding proef")
    een = kleine_gemeente["een"]
    contract = ContractFactory(aanbieder=een)
    TariefFactory(contract=contract, product=product, bedrag=Decimal("60.00"), einddatum=D(2017, 6, 30))
    TariefFactory(contract=contract, product=product, bedrag=Decimal("66.00"), ingangsdatum=D(2017, 7, 1))
    client = ClientFactory(gemeente=kleine_gemeente["gemeente"])

    def toewijzing(start, eind, volume, frequentie, eenheid="04"):
        ToewijzingFactory(
            beschikking__client=client,
            product=product,
            aanbieder=een,
            ingangsdatum=start,
            einddatum=eind,
            volume=Decimal(volume),
            frequentie=frequentie,
            eenheid=eenheid,
        )

    toewijzing(D(2017, 3, 30), D(2017, 4, 2), 2, "1")  # 4 days × 2 × 60 = 480
    toewijzing(D(2016, 11, 15), D(2017, 2, 10), 10, "4")  # Jan and Feb: 20 × 60 = 1,200
    toewijzing(D(2017, 7, 1), D(2017, 7, 10), 1, "2")  # Sat 1 July to Mon 10 July: 3 ISO weeks × 66 = 198
    toewijzing(D(2017, 8, 1), D(2017, 9, 30), 5, "6")  # a total, starting in the period: 5 × 66 = 330
    toewijzing(D(2016, 12, 1), D(2017, 2, 1), 7, "6")  # a total that started in 2016: 0
    toewijzing(D(2017, 1, 1), D(2017, 3, 31), 100, "4", "83")  # euro per month, no tariff needed: 300
    toewijzing(D(2017, 1, 2), D(2017, 1, 8), 120, "2", "01")  # 120 minutes in one ISO week = 2 h × 60 = 120
    scope = scope_2017(product=product)
    kosten = geraamde_kosten(scope, scope.van, scope.tot, lambda regel: "totaal")["totaal"]
    assert kosten == {"bedrag": Decimal("2628.00"), "toewijzingen": 7, "zonder_tarief": 0}
