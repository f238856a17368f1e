"""Helpers for the isolation matrix (tests/test_isolatie.py): the foreign world, the actors, the route walk, and
what counts as "not reached".

The world: objects of Rijswijk — a client with a recognisable BSN and surname, a household, the whole toegang flow
(melding, onderzoek, plan with a goal, aanvraag, beschikking with a granted line, an allocation to provider A,
an evaluation), an audit entry, a Rijswijk staff member, a provider-A employee, regional procurement data
(tender, lot, contract with a tariff), Rijswijk's steering figures (a budget, a scenario), a second allocation
with a distinctive budget (so that Rijswijk's spend in the dashboards and exports is recognisable), iWmo messages
(an incoming 305 from provider A, the outgoing 301, a 315 request) and an API token of the staff member. The actors:
one user per role in Delft, plus an employee of provider B who works in Rijswijk (same municipality, other provider).
"""

import datetime
import io
import zipfile
from base64 import b32encode
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_totp.models import TOTPDevice
from openpyxl import load_workbook
from rest_framework.authtoken.models import Token

from openwmo.berichten import simulator
from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Kanaal
from openwmo.berichten.outbox import toewijzing_bericht_aanmaken
from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Huishouden
from openwmo.core.rollen import Rol, rolgroep_beheerder_bijwerken
from openwmo.core.templatetags.bedragen import euro
from openwmo.monitoring.kosten import geraamde_kosten
from openwmo.monitoring.tabellen import Scope
from openwmo.monitoring.templatetags.sturing import getal
from openwmo.toegang import services as toegang
from openwmo.toegang.models import Beschikking, Uitvoeringsvariant

from .factories import (
    AanbiederFactory,
    AanbiederGebruikerFactory,
    BegrotingFactory,
    ClientFactory,
    ContractFactory,
    ContractProductFactory,
    PerceelFactory,
    ProductFactory,
    ResultaatgebiedFactory,
    ScenarioFactory,
    TariefFactory,
    ToewijzingFactory,
    UserFactory,
    zrm_scores,
)

ALLE_ROLLEN = frozenset(Rol.values)


@dataclass
class Wereld:
    """Rijswijk's objects that no actor below may see."""

    client: object
    huishouden: object
    melding: object
    onderzoek: object
    plan: object
    doel: object
    aanvraag: object
    beschikking: object
    beschikt_product: object
    toewijzing: object
    evaluatie: object
    overgangsregel: object
    verwerking: object
    medewerker: object
    aanbieder: object
    aanbieder_medewerker: object
    aanbesteding: object
    contract: object
    begroting: object
    scenario: object
    totp: object
    tarief: object
    toewijzing_budget: object  # a second allocation, whose budget is Rijswijk's spend on its product this year
    kosten: Decimal  # Rijswijk's estimated spend this year, as the dashboards compute it
    bericht_in: object  # a WMO305 from provider A for the allocation
    bericht_uit: object  # the WMO301 of the allocation, ready to send
    verzoek: object  # a WMO315 request of provider A for the client
    token: object  # the staff member's API token
    declaratie: object  # a WMO323 claim of provider A on the allocation, with its 325
    betaalbatch: object  # the payment batch that pays it
    actoren: dict = field(default_factory=dict)

    def geheimen(self) -> list[str]:
        """Strings that must never appear in a response to a foreign actor.

        Personal data (the client, the case file's free texts, staff, a two-factor secret) and Rijswijk's own
        steering figures (budget, scenario, spend in the dashboards: its amounts in Dutch notation for pages and
        as plain decimals for CSV, XLSX and JSON), which docs/inkoop.md keeps per municipality; the messages'
        and requests' references, and an API token. Regional procurement data (providers, contracts, tariffs)
        is shared and therefore not listed.
        """
        return [
            self.client.bsn,
            self.client.achternaam,
            self.huishouden.omschrijving,
            self.melding.vraag,
            self.onderzoek.verslag,
            self.doel.omschrijving,
            self.aanvraag.omschrijving,
            self.beschikking.motivering,
            self.evaluatie.toelichting,
            self.medewerker.last_name,
            self.medewerker.username,
            b32encode(self.totp.bin_key).decode(),
            euro(self.begroting.uitgaven),
            self.scenario.naam,
            *_bedrag_teksten(self.toewijzing_budget.budget),
            *_bedrag_teksten(self.kosten),
            self.bericht_in.identificatie,
            self.verzoek.referentie_aanbieder,
            self.token.key,
            self.declaratie.declaratienummer,
        ]


def _bedrag_teksten(bedrag: Decimal) -> tuple[str, str]:
    """An amount as a page shows it (7.654.321,98) and as an export writes it (7654321.98)."""
    return getal(bedrag), str(bedrag)


def _declaratie_en_betaling(toewijzing, tarief, aanbieder, gemeente, vandaag):
    """Provider A claims two hours in the first whole month of the allocation; the claim is approved and paid."""
    from openwmo.core.periode import month_end
    from openwmo.declaraties.betaling import betaalbatch_maken
    from openwmo.declaraties.services import declaratie_verwerken_323
    from tests.declaraties.bericht_maker import als_323
    from tests.declaraties.declaratie_maker import declaratie, prestatie

    maand = month_end(toewijzing.ingangsdatum) + datetime.timedelta(days=1)
    regel = prestatie(
        referentienummer="GEHEIMR1",
        toewijzingsnummer=toewijzing.toewijzingsnummer,
        bsn=toewijzing.client.bsn,
        productcategorie=toewijzing.product.productcategorie,
        productcode=toewijzing.product.productcode,
        begindatum=maand,
        einddatum=month_end(maand),
        geleverd_volume=2,
        producttarief=tarief.bedrag,
        ingediend_bedrag=tarief.bedrag * 2,
    )
    claim = declaratie(
        [regel],
        declaratienummer="GEHEIM323",
        aanbieder_agb=aanbieder.agb_code,
        gemeente_cbs=gemeente.cbs_code,
        periode_begindatum=maand,
        periode_einddatum=month_end(maand),
    )
    uitkomst = declaratie_verwerken_323(als_323(claim, dagtekening=month_end(maand) + datetime.timedelta(days=1)))
    assert uitkomst.retourcodes == ("8001",), uitkomst.meldingen
    return uitkomst.declaratie, betaalbatch_maken(aanbieder, gemeente, vandaag)


def wereld_bouwen(rijswijk, delft) -> Wereld:
    """Rijswijk's world. The toegang flow goes through the services, as a Rijswijk consulent would build it."""
    vandaag = datetime.date.today()
    huishouden = Huishouden.objects.create(gemeente=rijswijk, omschrijving="Huishouden Geheimzinnig")
    client = ClientFactory(gemeente=rijswijk, achternaam="Vertrouwelijk", huishouden=huishouden)
    medewerker = UserFactory(
        username="rijswijk-medewerker", last_name="Rijswijksemedewerker", rol=Rol.CONSULENT, gemeenten=[rijswijk]
    )
    aanbieder_a = AanbiederFactory(naam="Aanbieder A")
    product = ProductFactory()
    perceel = PerceelFactory(naam="Begeleiding Rijswijk", gemeenten=[rijswijk])
    contract = ContractFactory(
        aanbieder=aanbieder_a, perceel=perceel, gemeenten=[rijswijk], einddatum=vandaag.replace(year=vandaag.year + 4)
    )
    ContractProductFactory(contract=contract, product=product)
    tarief = TariefFactory(contract=contract, product=product)

    # The toegang flow, from melding to evaluation. Dates lie in the past so that the worklist shows signals.
    begin = vandaag - datetime.timedelta(days=120)
    melding = toegang.melding_create(
        user=medewerker, client=client, meldingsdatum=begin, kanaal="telefoon", vraag="Hulpvraag Geheimzinnig"
    )
    onderzoek = toegang.onderzoek_create(
        user=medewerker,
        melding=melding,
        datum=begin + datetime.timedelta(days=7),
        deelnemers="cliënt en consulent",
        verslag="Keukentafelverslag Geheimzinnig",
        zrm_scores=zrm_scores(2),
    )
    plan = toegang.plan_create(
        user=medewerker, client=client, ingangsdatum=begin + datetime.timedelta(days=14), evaluatiedatum=vandaag
    )
    doel = toegang.doel_create(
        user=medewerker, plan=plan, resultaatgebied=ResultaatgebiedFactory(), omschrijving="Doel Geheimzinnig"
    )
    aanvraag = toegang.aanvraag_create(
        user=medewerker,
        client=client,
        aanvraagdatum=begin + datetime.timedelta(days=14),
        omschrijving="Aanvraag Geheimzinnig",
        melding=melding,
    )
    ingang = begin + datetime.timedelta(days=21)
    beschikking = toegang.beschikking_create(
        user=medewerker,
        client=client,
        gemeente=rijswijk,
        aanvraag=aanvraag,
        besluit=Beschikking.Besluit.TOEGEKEND,
        besluitdatum=ingang,
        ingangsdatum=ingang,
        einddatum=ingang.replace(year=ingang.year + 1),
        motivering="Motivering Geheimzinnig",
        producten=[
            {
                "product": product,
                "uitvoeringsvariant": Uitvoeringsvariant.INSPANNINGSGERICHT,
                "volume": Decimal("3"),
                "eenheid": "04",
                "frequentie": "2",
            }
        ],
    )
    beschikt_product = beschikking.producten.get()
    toewijzing = toegang.toewijzing_create(
        user=medewerker,
        beschikking=beschikking,
        beschikt_product=beschikt_product,
        client=client,
        gemeente=rijswijk,
        product=product,
        uitvoeringsvariant=Uitvoeringsvariant.INSPANNINGSGERICHT,
        aanbieder=aanbieder_a,
        ingangsdatum=beschikt_product.ingangsdatum,
        einddatum=beschikt_product.einddatum,
        volume=Decimal("3"),
        eenheid="04",
        frequentie="2",
    )
    evaluatie = toegang.evaluatie_create(
        user=medewerker,
        plan=plan,
        datum=vandaag - datetime.timedelta(days=10),
        uitkomsten={doel: "deels"},
        zrm_scores=zrm_scores(3),
        tevredenheid=4,
        vervolgstap="voortzetten",
        vervolgstap_datum=vandaag,
        toewijzing=toewijzing,
        toelichting="Evaluatie Geheimzinnig",
        volgende_evaluatiedatum=vandaag - datetime.timedelta(days=3),  # overdue: a signal on the worklist
    )
    overgangsregel = toegang.overgangsregel_create(
        user=medewerker, gemeente=rijswijk, product=product, datum=begin, toelichting="Overgang Rijswijk"
    )

    verwerking = log_verwerking(
        medewerker,
        Actie.LEZEN,
        activiteit="Cliëntdossier raadplegen",
        doel="test",
        object_type="Client",
        object_id=client.pk,
        betrokkene=client,
    )
    aanbieder_medewerker = AanbiederGebruikerFactory(aanbieder=aanbieder_a, user__gemeenten=[rijswijk])
    totp = TOTPDevice.objects.create(user=medewerker, name="Telefoon", confirmed=True)

    # A whole-year allocation with a budget: the estimate counts the budget itself, so Rijswijk's spend on this
    # product this year is exactly this amount, recognisable in every dashboard, export and report.
    toewijzing_budget = ToewijzingFactory(
        beschikking=beschikking,
        product=ProductFactory(productcode="02A02", naam="Begeleiding individueel plus"),
        aanbieder=aanbieder_a,
        ingangsdatum=datetime.date(vandaag.year, 1, 1),
        einddatum=datetime.date(vandaag.year, 12, 31),
        volume=None,
        eenheid="",
        frequentie="",
        budget=Decimal("7654321.98"),
    )
    jaar = Scope(gemeenten=(rijswijk,), van=datetime.date(vandaag.year, 1, 1), tot=datetime.date(vandaag.year, 12, 31))
    kosten = geraamde_kosten(jaar, jaar.van, jaar.tot, lambda regel: regel.gemeente)[rijswijk.pk]["bedrag"]

    # iWmo messages: provider A reports the start of care (305, with our 306 retour) and asks for more (315).
    dagtekening = ingang + datetime.timedelta(days=2)
    bericht_in = ontvang(
        simulator.startbericht(toewijzing, ingang, dagtekening, identificatie="GEHEIM305"), kanaal=Kanaal.UPLOAD
    ).bericht
    assert bericht_in.status == "verwerkt", bericht_in.meldingen
    ontvangst = ontvang(
        simulator.verzoek_om_toewijzing(toewijzing, "REFGEHEIM315", vandaag + datetime.timedelta(days=14), vandaag),
        kanaal=Kanaal.UPLOAD,
    )
    assert ontvangst.bericht.status == "verwerkt", ontvangst.bericht.meldingen
    declaratie, betaalbatch = _declaratie_en_betaling(toewijzing, tarief, aanbieder_a, rijswijk, vandaag)
    wereld = Wereld(
        client=client,
        huishouden=huishouden,
        melding=melding,
        onderzoek=onderzoek,
        plan=plan,
        doel=doel,
        aanvraag=aanvraag,
        beschikking=beschikking,
        beschikt_product=beschikt_product,
        toewijzing=toewijzing,
        evaluatie=evaluatie,
        overgangsregel=overgangsregel,
        verwerking=verwerking,
        medewerker=medewerker,
        aanbieder=aanbieder_a,
        aanbieder_medewerker=aanbieder_medewerker,
        aanbesteding=perceel.aanbesteding,
        contract=contract,
        begroting=BegrotingFactory(gemeente=rijswijk, jaar=vandaag.year, uitgaven=Decimal("8765432.19")),
        scenario=ScenarioFactory(naam="Scenario Geheimzinnig", jaar=vandaag.year, gemeenten=[rijswijk]),
        totp=totp,
        tarief=tarief,
        toewijzing_budget=toewijzing_budget,
        kosten=kosten,
        bericht_in=bericht_in,
        bericht_uit=toewijzing_bericht_aanmaken(toewijzing),
        verzoek=ontvangst.bericht.verzoeken.get(),
        token=Token.objects.create(user=medewerker),
        declaratie=declaratie,
        betaalbatch=betaalbatch,
    )
    wereld.actoren = actoren_maken(rijswijk, delft)
    return wereld


def actoren_maken(rijswijk, delft) -> dict:
    """One Delft user per role, and an employee of provider B who works in Rijswijk."""
    beheer: Group = rolgroep_beheerder_bijwerken()
    aanbieder_b = AanbiederFactory(naam="Aanbieder B")
    actoren = {}
    for rol in Rol.values:
        user = UserFactory(username=f"delft-{rol}", rol=rol, gemeenten=[delft], is_staff=rol == Rol.BEHEERDER)
        if rol == Rol.BEHEERDER:
            user.groups.add(beheer)
        if rol == Rol.AANBIEDER:
            AanbiederGebruikerFactory(user=user, aanbieder=aanbieder_b)
        actoren[f"{rol} Delft"] = user
    andere_aanbieder = UserFactory(username="rijswijk-aanbieder-b", rol=Rol.AANBIEDER, gemeenten=[rijswijk])
    AanbiederGebruikerFactory(user=andere_aanbieder, aanbieder=aanbieder_b)
    actoren["aanbieder B in Rijswijk"] = andere_aanbieder
    return actoren


def alle_routes(patronen=None, namespace="", prefix=""):
    """Every URL pattern of the project: (full name or None, route text), walking includes recursively."""
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        if isinstance(patroon, URLResolver):
            ns = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
            yield from alle_routes(patroon.url_patterns, ns, prefix + str(patroon.pattern))
        elif isinstance(patroon, URLPattern):
            yield (f"{namespace}{patroon.name}" if patroon.name else None), prefix + str(patroon.pattern)


LOGIN_PADEN = ("/inloggen/", "/beheer/login/")


@dataclass
class Antwoord:
    status: int
    pad: str  # the path the (followed) request ended on
    tekst: str

    @property
    def naar_inloggen(self) -> bool:
        return self.pad in LOGIN_PADEN

    @property
    def geweigerd(self) -> bool:
        """403/404/405, or sent to a login page."""
        return self.status in (403, 404, 405) or self.naar_inloggen


@contextmanager
def _pdf_bronnen():
    """Record the HTML every PDF is rendered from: there is no PDF text extractor here, and WeasyPrint's output
    is compressed, so the text of a PDF answer is checked in the HTML it was made of (the same text)."""
    import weasyprint

    gezien: list[str] = []
    echt = weasyprint.HTML

    class Opnemen(echt):
        def __init__(self, *args, **kwargs):
            gezien.append(str(kwargs.get("string", "")))
            super().__init__(*args, **kwargs)

    weasyprint.HTML = Opnemen  # our PDF code imports HTML from weasyprint when it renders
    try:
        yield gezien
    finally:
        weasyprint.HTML = echt


def _als_tekst(inhoud: bytes, soort: str, pdf_bronnen: list[str]) -> str:
    """The readable text of a response body: PDF (its HTML source), XLSX (every cell) and ZIP (every file)."""
    if soort.startswith("application/pdf"):
        return "\n".join(pdf_bronnen)
    if soort.startswith("application/vnd.openxmlformats-officedocument.spreadsheetml"):
        werkboek = load_workbook(io.BytesIO(inhoud), read_only=True)
        return "\n".join(
            str(cel) for blad in werkboek.worksheets for rij in blad.iter_rows(values_only=True) for cel in rij
        )
    if soort.startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            return "\n".join(naam + "\n" + archief.read(naam).decode(errors="replace") for naam in archief.namelist())
    return inhoud.decode(errors="replace")


def opvragen(client, url: str, methode: str = "get", **extra) -> Antwoord:
    """GET (or POST, without data) the URL, following redirects; the body of streamed responses (CSV) is read too,
    and so is the text inside a PDF, XLSX or ZIP download. `extra`: request headers (e.g. HTTP_AUTHORIZATION)."""
    with _pdf_bronnen() as pdf_bronnen:
        response = getattr(client, methode)(url, follow=True, **extra)
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    tekst = _als_tekst(inhoud, response.get("Content-Type", ""), pdf_bronnen)
    return Antwoord(response.status_code, response.request["PATH_INFO"], tekst)


def lekken(tekst: str, wereld: Wereld) -> list[str]:
    return [geheim for geheim in wereld.geheimen() if geheim and geheim in tekst]
