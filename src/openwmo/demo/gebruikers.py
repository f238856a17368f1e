"""Demo users, one per role, with known passwords: for a local demo on 127.0.0.1 only."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count
from django_otp.plugins.otp_static.models import StaticDevice

from openwmo.core.models import Gemeente, User
from openwmo.core.rollen import Rol
from openwmo.inkoop.models import Aanbieder, AanbiederGebruiker


@dataclass(frozen=True)
class DemoGebruiker:
    gebruikersnaam: str
    wachtwoord: str
    rol: str
    naam: str
    gemeenten: tuple[str, ...]  # CBS codes; empty = all municipalities of the region H4


H4 = ("0503", "1842", "0603", "1783")
DEMO_GEBRUIKERS = (
    DemoGebruiker("consulent", "demo-consulent", Rol.CONSULENT, "Sanne de Vries", ("0603",)),
    DemoGebruiker("contractmanager", "demo-contractmanager", Rol.CONTRACTMANAGER, "Mehmet Yilmaz", H4),
    DemoGebruiker("controller", "demo-controller", Rol.CONTROLLER, "Anouk Jansen", H4),
    DemoGebruiker("beheerder", "demo-beheerder", Rol.BEHEERDER, "Pieter Bakker", H4),
    DemoGebruiker("aanbieder", "demo-aanbieder", Rol.AANBIEDER, "Fatima El Amrani", H4),
)
# Backup codes (django-otp static tokens) of the demo beheerder, who must pass two-factor authentication like
# every user with admin access. Each code works once; `openwmo demo` puts all of them back.
DEMO_RESERVECODES = ("24681357", "13572468", "86420975", "97531864", "11235813")
DEMO_AANBIEDER = {"agb_code": "98000001", "naam": "Zorggroep Haaglanden (demo)", "kvk_nummer": "90000001"}


@transaction.atomic
def demo_gebruikers_aanmaken() -> tuple[DemoGebruiker, ...]:
    """Create or reset the demo users; the provider user works for the provider with the most allocations
    (so that its pages show allocations, messages and claims), or a demo provider made when there is none."""
    beheer = Group.objects.get(name="Functioneel beheerder")
    for demo in DEMO_GEBRUIKERS:
        voornaam, _spatie, achternaam = demo.naam.partition(" ")
        user, _created = User.objects.update_or_create(
            username=demo.gebruikersnaam,
            defaults={
                "rol": demo.rol,
                "first_name": voornaam,
                "last_name": achternaam,
                "is_active": True,
                "is_staff": demo.rol == Rol.BEHEERDER,
            },
        )
        user.set_password(demo.wachtwoord)
        user.save()
        user.gemeenten.set(Gemeente.objects.filter(cbs_code__in=demo.gemeenten))
        if demo.rol == Rol.BEHEERDER:
            user.groups.add(beheer)
            _reservecodes_zetten(user)
        if demo.rol == Rol.AANBIEDER:
            aanbieder = _drukste_aanbieder() or Aanbieder.objects.create(**DEMO_AANBIEDER)
            AanbiederGebruiker.objects.update_or_create(user=user, defaults={"aanbieder": aanbieder})
        if demo.rol == Rol.CONSULENT:
            _caseload_toewijzen(user)
    return DEMO_GEBRUIKERS


def _drukste_aanbieder():
    return Aanbieder.objects.annotate(aantal=Count("toewijzingen")).order_by("-aantal", "naam").first()


def _reservecodes_zetten(user) -> None:
    apparaat, _created = StaticDevice.objects.get_or_create(user=user, name="Reservecodes (demo)")
    apparaat.token_set.all().delete()
    for code in DEMO_RESERVECODES:
        apparaat.token_set.create(token=code)


def _caseload_toewijzen(consulent) -> None:
    """Give the demo consultant the clients of last year's and this year's meldingen in its municipalities,
    and make it the regisseur of their active plans, so that "mijn cliënten" shows a real caseload."""
    from openwmo.toegang.models import Melding, Ondersteuningsplan

    sinds = date(date.today().year - 1, 1, 1)
    meldingen = Melding.objects.filter(gemeente__in=consulent.gemeenten.all(), meldingsdatum__gte=sinds)
    meldingen.filter(consulent__isnull=True).update(consulent=consulent)
    Ondersteuningsplan.objects.filter(
        client__in=meldingen.values("client"), status=Ondersteuningsplan.Status.ACTIEF, regisseur__isnull=True
    ).update(regisseur=consulent)
