# A few records for the Schemathesis run (fed to `openwmo manage shell`): demo users, one provider with a
# contract and tariff, a client with a plan and goal, a decision and an allocation. Built through the services.
from datetime import date
from decimal import Decimal

from openwmo.catalogus.models import Product, Resultaatgebied
from openwmo.core.models import Gemeente
from openwmo.core.services import client_create
from openwmo.demo.gebruikers import demo_gebruikers_aanmaken
from openwmo.inkoop.models import Aanbieder
from openwmo.inkoop.services import contract_create, tarief_create
from openwmo.toegang.services import beschikking_create, doel_create, melding_create, plan_create, toewijzing_create

rijswijk = Gemeente.objects.get(cbs_code="0603")
product = Product.objects.get(productcode="02A01")
aanbieder = Aanbieder.objects.create(agb_code="98000001", naam="Zorggroep Haaglanden (proef)")
demo_gebruikers_aanmaken()
contract = contract_create(
    user=None,
    nummer="PROEF-1",
    aanbieder=aanbieder,
    ingangsdatum=date(2015, 1, 1),
    gemeenten=[rijswijk],
    producten=[(product, "inspanningsgericht")],
)
tarief_create(user=None, contract=contract, product=product, ingangsdatum=date(2015, 1, 1), bedrag=Decimal("58.40"))
client = client_create(
    user=None, bsn="999990019", achternaam="Proef", geboortedatum=date(1950, 5, 17), gemeente=rijswijk
)
melding_create(user=None, client=client, meldingsdatum=date(2016, 1, 4), kanaal="telefoon", vraag="Hulp thuis")
plan = plan_create(user=None, client=client, ingangsdatum=date(2016, 1, 5))
doel_create(
    user=None, plan=plan, resultaatgebied=Resultaatgebied.objects.get(code="RG1"), omschrijving="Zelf de dag indelen"
)
beschikking = beschikking_create(
    user=None,
    client=client,
    gemeente=rijswijk,
    besluitdatum=date(2016, 1, 10),
    ingangsdatum=date(2016, 2, 1),
    einddatum=date(2016, 12, 31),
    producten=[{"product": product, "volume": Decimal("3"), "eenheid": "04", "frequentie": "2"}],
)
toewijzing_create(
    user=None,
    beschikking=beschikking,
    client=client,
    gemeente=rijswijk,
    product=product,
    aanbieder=aanbieder,
    ingangsdatum=date(2016, 2, 1),
    einddatum=date(2016, 12, 31),
    volume=Decimal("3"),
    eenheid="04",
    frequentie="2",
)

# A claim on a 2023 allocation (iWmo claims start in 2021), so the claim and its lines and a payment batch exist.
from openwmo.declaraties import checks  # noqa: E402
from openwmo.declaraties.betaling import betaalbatch_maken  # noqa: E402
from openwmo.declaraties.models import Prestatie  # noqa: E402
from openwmo.declaraties.services import declaratie_verwerken_regels  # noqa: E402

beschikking_2023 = beschikking_create(
    user=None,
    client=client,
    gemeente=rijswijk,
    besluitdatum=date(2023, 1, 10),
    ingangsdatum=date(2023, 2, 1),
    einddatum=date(2023, 12, 31),
    producten=[{"product": product, "volume": Decimal("3"), "eenheid": "04", "frequentie": "2"}],
)
toewijzing_2023 = toewijzing_create(
    user=None,
    beschikking=beschikking_2023,
    client=client,
    gemeente=rijswijk,
    product=product,
    aanbieder=aanbieder,
    ingangsdatum=date(2023, 2, 1),
    einddatum=date(2023, 12, 31),
    volume=Decimal("3"),
    eenheid="04",
    frequentie="2",
)
regel = checks.Prestatie(
    referentienummer="PROEF-R1",
    toewijzingsnummer=toewijzing_2023.toewijzingsnummer,
    bsn=client.bsn,
    productcategorie="02",
    productcode="02A01",
    begindatum=date(2023, 3, 1),
    einddatum=date(2023, 3, 31),
    geleverd_volume=12,
    eenheid="04",
    producttarief=Decimal("58.40"),
    ingediend_bedrag=Decimal("700.80"),
)
declaratie_verwerken_regels(
    checks.Declaratie(
        declaratienummer="PROEF1",
        aanbieder_agb=aanbieder.agb_code,
        gemeente_cbs="0603",
        periode_begindatum=date(2023, 3, 1),
        periode_einddatum=date(2023, 3, 31),
        totaal_ingediend_bedrag=Decimal("700.80"),
        totaal_debet_credit="D",
        prestaties=(regel,),
    ),
    bron="api",
)
if Prestatie.objects.filter(status="goedgekeurd").exists():
    betaalbatch_maken(aanbieder, rijswijk, date(2099, 1, 1))
print("proefdata: declaraties", list(Prestatie.objects.values_list("status", "retourcodes")))
