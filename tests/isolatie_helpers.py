"""Helpers for the isolation matrix (tests/test_isolatie.py): the foreign world, the actors, the route walk, and
what counts as "not reached".

The world: objects of Rijswijk (a client with a recognisable BSN and surname, a household, a decision, an
allocation to provider A, an audit entry, a Rijswijk staff member, a provider-A employee). The actors: one user per
role in Delft, plus an employee of provider B who works in Rijswijk (same municipality, other provider).
"""

from base64 import b32encode
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_totp.models import TOTPDevice

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Huishouden
from openwmo.core.rollen import Rol, rolgroep_beheerder_bijwerken

from .factories import AanbiederFactory, AanbiederGebruikerFactory, ClientFactory, ToewijzingFactory, UserFactory

ALLE_ROLLEN = frozenset(Rol.values)


@dataclass
class Wereld:
    """Rijswijk's objects that no actor below may see."""

    client: object
    huishouden: object
    beschikking: object
    toewijzing: object
    verwerking: object
    medewerker: object
    aanbieder: object
    aanbieder_medewerker: object
    totp: object
    actoren: dict = field(default_factory=dict)

    def geheimen(self) -> list[str]:
        """Strings that must never appear in a response to a foreign actor."""
        return [
            self.client.bsn,
            self.client.achternaam,
            self.huishouden.omschrijving,
            self.medewerker.last_name,
            self.medewerker.username,
            b32encode(self.totp.bin_key).decode(),
        ]


def wereld_bouwen(rijswijk, delft) -> Wereld:
    huishouden = Huishouden.objects.create(gemeente=rijswijk, omschrijving="Huishouden Geheimzinnig")
    client = ClientFactory(gemeente=rijswijk, achternaam="Vertrouwelijk", huishouden=huishouden)
    aanbieder_a = AanbiederFactory(naam="Aanbieder A")
    toewijzing = ToewijzingFactory(client=client, beschikking__client=client, gemeente=rijswijk, aanbieder=aanbieder_a)
    medewerker = UserFactory(
        username="rijswijk-medewerker", last_name="Rijswijksemedewerker", rol=Rol.CONSULENT, gemeenten=[rijswijk]
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
    wereld = Wereld(
        client=client,
        huishouden=huishouden,
        beschikking=toewijzing.beschikking,
        toewijzing=toewijzing,
        verwerking=verwerking,
        medewerker=medewerker,
        aanbieder=aanbieder_a,
        aanbieder_medewerker=aanbieder_medewerker,
        totp=totp,
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


def opvragen(client, url: str) -> Antwoord:
    """GET the URL, following redirects; the body of streamed responses (CSV) is read too."""
    response = client.get(url, follow=True)
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    return Antwoord(response.status_code, response.request["PATH_INFO"], inhoud.decode(errors="replace"))


def lekken(tekst: str, wereld: Wereld) -> list[str]:
    return [geheim for geheim in wereld.geheimen() if geheim and geheim in tekst]
