"""Browser: a contract manager records a provider, a contract with product and tariff, and an accession;
a controller looks at a scenario with its chart and at the budget table."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from openwmo.demo.gebruikers import demo_gebruikers_aanmaken

pytestmark = pytest.mark.browser
D = datetime.date


@pytest.fixture
def demo(transactional_db):
    from openwmo.catalogus.referentie import referentiegegevens_laden

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()


def _inloggen(page, live_server, gebruikersnaam, wachtwoord):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def _foto(page, artefacten_dir, naam):
    page.screenshot(path=str(Path(artefacten_dir) / f"inkoop-{naam}.png"), full_page=True)


def test_contract_manager_records_contract_tariff_and_accession(page, live_server, demo, artefacten_dir):
    from openwmo.inkoop.models import Aanbieder, Contract, Tarief

    _inloggen(page, live_server, "contractmanager", "demo-contractmanager")
    page.get_by_role("link", name="Aanbieders", exact=True).click()
    page.get_by_role("link", name="Nieuwe aanbieder").click()
    page.get_by_label("Naam").fill("Thuiszorg Rijswijk")
    page.get_by_label("AGB-code").fill("98123456")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Thuiszorg Rijswijk").wait_for()
    assert page.get_by_text("De aanbieder is vastgelegd.").is_visible()

    page.get_by_role("link", name="Contracten", exact=True).click()
    page.get_by_role("link", name="Nieuw contract").click()
    page.get_by_label("Contractnummer").fill("H4-BG-2025")
    page.get_by_label("Aanbieder").select_option(label="Thuiszorg Rijswijk")
    page.get_by_label("Rijswijk (0603)").check()
    page.get_by_label("Delft (0503)").check()
    page.get_by_label("Ingangsdatum").fill("2025-01-01")
    page.get_by_label("Einddatum").fill("2026-12-31")
    page.get_by_label("Jaren per verlenging").fill("2")
    page.get_by_label("Aantal verlengingsopties").fill("1")
    _foto(page, artefacten_dir, "contract-formulier")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Contract H4-BG-2025").wait_for()

    page.get_by_role("link", name="Product toevoegen").click()
    page.get_by_label("Product", exact=True).select_option(label="02A01 Begeleiding individueel basis")
    page.get_by_label("Bekostigingsvorm").select_option(label="Inspanningsgericht (P×Q)")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Tarief toevoegen").click()
    page.get_by_label("Product", exact=True).select_option(label="02A01 Begeleiding individueel basis")
    page.get_by_label("Ingangsdatum").fill("2025-01-01")
    page.get_by_label("Einddatum").fill("2025-12-31")
    page.get_by_label("Tarief (euro per eenheid)").fill("64,32")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("cell", name="€ 64,32").is_visible()
    _foto(page, artefacten_dir, "contract-detail")

    # An overlapping tariff is refused with a Dutch message at the field.
    page.get_by_role("link", name="Tarief toevoegen").click()
    page.get_by_label("Product", exact=True).select_option(label="02A01 Begeleiding individueel basis")
    page.get_by_label("Ingangsdatum").fill("2025-06-01")
    page.get_by_label("Tarief (euro per eenheid)").fill("70")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Deze periode overlapt met het tarief vanaf 01-01-2025").is_visible()
    _foto(page, artefacten_dir, "tarief-overlap")
    page.get_by_role("link", name="Annuleren").click()

    page.get_by_role("link", name="Toetreding vastleggen").click()
    page.get_by_label("Toetredende aanbieder").select_option(label="Zorggroep Haaglanden (demo)")
    page.get_by_label("Toetredingsdatum").fill("2027-01-01")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De toetredingsdatum ligt na de einddatum van het contract.").is_visible()
    page.get_by_label("Toetredingsdatum").fill("2025-07-01")
    page.get_by_label("Contractnummer").fill("H4-BG-2025-T1")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Contract H4-BG-2025-T1").wait_for()
    assert page.get_by_text("01-07-2025").first.is_visible()
    _foto(page, artefacten_dir, "toetreding")

    contract = Contract.objects.get(nummer="H4-BG-2025")
    assert contract.aanbieder == Aanbieder.objects.get(agb_code="98123456")
    assert sorted(contract.gemeenten.values_list("cbs_code", flat=True)) == ["0503", "0603"]
    assert (contract.verlenging_jaren, contract.verlengingen_maximaal) == (2, 1)
    tarief = Tarief.objects.get(contract=contract)
    assert (tarief.product.productcode, tarief.bedrag, tarief.einddatum) == ("02A01", Decimal("64.32"), D(2025, 12, 31))
    toetreding = Contract.objects.get(nummer="H4-BG-2025-T1")
    assert toetreding.aanbieder.naam == "Zorggroep Haaglanden (demo)"
    assert toetreding.toetredingsdatum == D(2025, 7, 1)
    assert list(toetreding.tarieven.values_list("bedrag", flat=True)) == [Decimal("64.32")]


def test_controller_sees_a_scenario_chart_and_the_budget_table(page, live_server, demo, artefacten_dir):
    from openwmo.bekostiging.models import Begroting
    from openwmo.bekostiging.services import scenario_create
    from openwmo.catalogus.models import Product
    from openwmo.core.models import Gemeente

    from ..factories import ClientFactory, ContractFactory, ContractProductFactory, TariefFactory, ToewijzingFactory

    product = Product.objects.get(productcode="02A01")
    h4 = list(Gemeente.objects.filter(regio__code="H4"))
    contract = ContractFactory(ingangsdatum=D(2020, 1, 1), gemeenten=h4)
    ContractProductFactory(contract=contract, product=product)
    TariefFactory(contract=contract, product=product, ingangsdatum=D(2020, 1, 1), bedrag=Decimal("60.00"))
    for nr, gemeente in enumerate(h4):
        for _i in range(nr + 1):
            client = ClientFactory(gemeente=gemeente)
            ToewijzingFactory(
                beschikking__client=client,
                client=client,
                gemeente=gemeente,
                product=product,
                aanbieder=contract.aanbieder,
                ingangsdatum=D(2024, 1, 1),
                einddatum=D(2024, 6, 30),
            )
        Begroting.objects.create(
            gemeente=gemeente, voorzieningsoort=product.voorzieningsoort, jaar=2024, uitgaven=Decimal("5000.00")
        )
    scenario_create(
        user=None,
        naam="Outputtarief 600",
        jaar=2024,
        gemeenten=h4,
        model="output_per_4_weken",
        parameters={"tarief": "600"},
    )

    _inloggen(page, live_server, "controller", "demo-controller")
    page.get_by_role("link", name="Scenario's").click()
    page.get_by_role("link", name="Outputtarief 600").click()
    page.locator("canvas[data-getekend='ja']").wait_for()
    assert page.locator("#uitkomst-gemeente tbody tr").count() == 4
    _foto(page, artefacten_dir, "scenario")
    page.get_by_role("link", name="Begroting").click()
    page.get_by_label("Peildatum").fill("2025-03-31")
    page.get_by_role("button", name="Tonen").click()
    rij_2024 = page.locator("#begrotingstabel tbody tr", has_text="2024")
    assert "€ 20.000,00" in rij_2024.inner_text()
    _foto(page, artefacten_dir, "begroting")
