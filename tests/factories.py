"""factory_boy factories for the domain models; tests build their own small data with these."""

import datetime
from decimal import Decimal
from itertools import count

import factory
from factory.django import DjangoModelFactory

from openwmo.bekostiging.models import Begroting, Scenario
from openwmo.catalogus.models import Product, Resultaatgebied, Voorzieningsoort
from openwmo.core.models import Client, Gemeente, Inwonertal, Regio, User, Wijk
from openwmo.core.validators import elfproef
from openwmo.inkoop.models import (
    Aanbesteding,
    Aanbieder,
    AanbiederGebruiker,
    Contract,
    ContractProduct,
    Perceel,
    Subsidie,
    Tarief,
)
from openwmo.toegang.codelijsten import ZRM_DOMEINEN
from openwmo.toegang.models import Aanvraag, Beschikking, Doel, Melding, Ondersteuningsplan, Toewijzing

_bsn_kandidaten = count(999_000_000)


def geldig_bsn() -> str:
    """The next number from the test range 999xxxxxx that passes the elfproef."""
    while True:
        kandidaat = str(next(_bsn_kandidaten))
        if elfproef(kandidaat):
            return kandidaat


class RegioFactory(DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ["code"]

    code = "H4"
    naam = "H4"


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["cbs_code"]

    cbs_code = "0603"
    naam = "Rijswijk"
    regio = factory.SubFactory(RegioFactory)


class WijkFactory(DjangoModelFactory):
    class Meta:
        model = Wijk

    gemeente = factory.SubFactory(GemeenteFactory)
    code = factory.Sequence(lambda n: f"{n:02d}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class ClientFactory(DjangoModelFactory):
    class Meta:
        model = Client

    bsn = factory.LazyFunction(geldig_bsn)
    voorletters = "J."
    achternaam = factory.Sequence(lambda n: f"Jansen-{n}")
    geboortedatum = datetime.date(1950, 5, 17)
    geslacht = "2"
    postcode = "2281AB"
    huisnummer = 12
    gemeente = factory.SubFactory(GemeenteFactory)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    rol = "consulent"
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord")

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create and extracted:
            self.gemeenten.set(extracted)
        if create:
            self.save()


class VoorzieningsoortFactory(DjangoModelFactory):
    class Meta:
        model = Voorzieningsoort
        django_get_or_create = ["code"]

    code = "IB"
    naam = "Begeleiding individueel"
    soort = "maatwerk"


class ProductFactory(DjangoModelFactory):
    class Meta:
        model = Product
        django_get_or_create = ["productcategorie", "productcode"]

    voorzieningsoort = factory.SubFactory(VoorzieningsoortFactory)
    productcategorie = "02"
    productcode = "02A01"
    naam = "Begeleiding individueel basis"
    eenheid = "04"
    frequentie = "2"
    zwaarte = "basis"


class AanbiederFactory(DjangoModelFactory):
    class Meta:
        model = Aanbieder

    agb_code = factory.Sequence(lambda n: f"{98100000 + n}")
    naam = factory.Sequence(lambda n: f"Zorgaanbieder {n}")


class AanbiederGebruikerFactory(DjangoModelFactory):
    class Meta:
        model = AanbiederGebruiker

    user = factory.SubFactory(UserFactory, rol="aanbieder")
    aanbieder = factory.SubFactory(AanbiederFactory)


class AanbestedingFactory(DjangoModelFactory):
    class Meta:
        model = Aanbesteding

    naam = factory.Sequence(lambda n: f"Aanbesteding {n}")
    procedure = Aanbesteding.Procedure.BESTUURLIJK


class PerceelFactory(DjangoModelFactory):
    class Meta:
        model = Perceel
        skip_postgeneration_save = True

    aanbesteding = factory.SubFactory(AanbestedingFactory)
    naam = factory.Sequence(lambda n: f"Perceel {n}")
    soort = Perceel.Soort.REGIONAAL

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create:
            self.gemeenten.set(extracted or Gemeente.objects.all())


class ContractFactory(DjangoModelFactory):
    class Meta:
        model = Contract
        skip_postgeneration_save = True

    nummer = factory.Sequence(lambda n: f"C-{n:04d}")
    aanbieder = factory.SubFactory(AanbiederFactory)
    ingangsdatum = datetime.date(2015, 1, 1)
    einddatum = datetime.date(2026, 12, 31)

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create:
            self.gemeenten.set(extracted or Gemeente.objects.all())


class ContractProductFactory(DjangoModelFactory):
    class Meta:
        model = ContractProduct

    contract = factory.SubFactory(ContractFactory)
    product = factory.SubFactory(ProductFactory)
    bekostigingsvorm = "inspanningsgericht"


class TariefFactory(DjangoModelFactory):
    class Meta:
        model = Tarief

    contract = factory.SubFactory(ContractFactory)
    product = factory.SubFactory(ProductFactory)
    ingangsdatum = datetime.date(2015, 1, 1)
    einddatum = None
    bedrag = Decimal("58.40")


class BeschikkingFactory(DjangoModelFactory):
    class Meta:
        model = Beschikking

    beschikkingsnummer = factory.Sequence(lambda n: f"{100000 + n}")
    client = factory.SubFactory(ClientFactory)
    gemeente = factory.SelfAttribute("client.gemeente")
    besluitdatum = datetime.date(2016, 1, 10)
    ingangsdatum = datetime.date(2016, 2, 1)
    einddatum = datetime.date(2016, 12, 31)


class ToewijzingFactory(DjangoModelFactory):
    class Meta:
        model = Toewijzing

    toewijzingsnummer = factory.Sequence(lambda n: f"{500000 + n}")
    beschikking = factory.SubFactory(BeschikkingFactory)
    client = factory.SelfAttribute("beschikking.client")
    gemeente = factory.SelfAttribute("client.gemeente")
    product = factory.SubFactory(ProductFactory)
    aanbieder = factory.SubFactory(AanbiederFactory)
    ingangsdatum = datetime.date(2016, 2, 1)
    einddatum = datetime.date(2016, 12, 31)
    volume = Decimal("3")
    eenheid = "04"
    frequentie = "2"


def zrm_scores(score: int = 3, **afwijkend) -> dict[str, int]:
    """A complete ZRM measurement: every one of the 13 domains `score`, except the ones given."""
    return {code: afwijkend.get(code, score) for code in ZRM_DOMEINEN}


class ResultaatgebiedFactory(DjangoModelFactory):
    class Meta:
        model = Resultaatgebied
        django_get_or_create = ["code"]

    code = "RG1"
    naam = "Regie voeren en structuur aanbrengen in het dagelijks leven"


class MeldingFactory(DjangoModelFactory):
    class Meta:
        model = Melding

    client = factory.SubFactory(ClientFactory)
    gemeente = factory.SelfAttribute("client.gemeente")
    meldingsdatum = datetime.date(2016, 1, 4)
    kanaal = "telefoon"
    vraag = "Hulp bij het huishouden en de administratie"


class AanvraagFactory(DjangoModelFactory):
    class Meta:
        model = Aanvraag

    client = factory.SubFactory(ClientFactory)
    gemeente = factory.SelfAttribute("client.gemeente")
    aanvraagdatum = datetime.date(2016, 1, 20)
    omschrijving = "Begeleiding individueel"


class OndersteuningsplanFactory(DjangoModelFactory):
    class Meta:
        model = Ondersteuningsplan

    client = factory.SubFactory(ClientFactory)
    gemeente = factory.SelfAttribute("client.gemeente")
    ingangsdatum = datetime.date(2016, 1, 15)


class DoelFactory(DjangoModelFactory):
    class Meta:
        model = Doel

    plan = factory.SubFactory(OndersteuningsplanFactory)
    resultaatgebied = factory.SubFactory(ResultaatgebiedFactory)
    omschrijving = "Zelf de post en rekeningen bijhouden"


class InwonertalFactory(DjangoModelFactory):
    class Meta:
        model = Inwonertal

    gemeente = factory.SubFactory(GemeenteFactory)
    wijk = None
    jaar = 2017
    aantal = 1000


class SubsidieFactory(DjangoModelFactory):
    class Meta:
        model = Subsidie

    organisatie = factory.SubFactory(AanbiederFactory, soort="welzijn")
    gemeente = factory.SubFactory(GemeenteFactory)
    jaar = 2017
    bedrag = Decimal("100000.00")


class BegrotingFactory(DjangoModelFactory):
    class Meta:
        model = Begroting

    gemeente = factory.SubFactory(GemeenteFactory)
    voorzieningsoort = factory.SubFactory(VoorzieningsoortFactory)
    jaar = 2026
    uitgaven = Decimal("100000.00")


class ScenarioFactory(DjangoModelFactory):
    """A saved scenario without outcome rows (the service computes those; see bekostiging.services)."""

    class Meta:
        model = Scenario
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Scenario {n}")
    jaar = 2025
    model = Scenario.Model.TARIEF_INDEX
    parameters = factory.LazyFunction(lambda: {"percentage": "3"})

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create:
            self.gemeenten.set(extracted or [GemeenteFactory()])
