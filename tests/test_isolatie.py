"""Isolation matrix: no route of the project shows one municipality's (or provider's) data to another.

Every URL pattern of the project must be listed below, in ROUTES (named routes outside the admin's model pages)
or, for the admin's model pages, through its model in ADMIN_MODELLEN. For each route and each actor (one user per
role in Delft, and an employee of another provider who works in Rijswijk) the test requests the route for Rijswijk's
objects and requires: refused (403/404/405 or sent to log in) — or, for list-like pages a role may open, a page
without any of Rijswijk's personal data (BSN, surname, household, staff member, two-factor secret).

Adding a route or registering a ModelAdmin without adding it here makes test_every_route_is_in_the_table fail.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.urls import reverse

from openwmo.core.rollen import Rol, rolgroep_beheerder_bijwerken

from .factories import UserFactory
from .isolatie_helpers import ALLE_ROLLEN, Wereld, alle_routes, lekken, opvragen, wereld_bouwen

BEHEER = frozenset({Rol.BEHEERDER})
PERSOONSGEGEVENS = frozenset({Rol.CONSULENT, Rol.BEHEERDER})


@dataclass(frozen=True)
class Route:
    """How a route may be reached.

    soort:
      "publiek"  anyone may open it (login pages); it must not show foreign data.
      "pagina"   a page without object in the URL (lists, dashboards, forms): roles in `rollen` may open it and
                 must see no foreign data; other roles must be refused.
      "lijst"    a list scoped by a selector: roles outside `rollen` may get it too, but empty; nobody may see
                 foreign data in it.
      "object"   the URL names one of Rijswijk's objects (built by `kwargs`): every actor must be refused.
                 `eigen` names a Rijswijk role that must reach it (proves `kwargs` point at the right object).
      "post"     a POST-only action: a GET is refused (405) or sent to log in.
    """

    soort: str
    rollen: frozenset = ALLE_ROLLEN
    kwargs: Callable[[Wereld], dict] | None = None
    eigen: str | None = None


# ---- The table: every named route of the project outside the admin's model pages. -----------------------------
ROUTES = {
    "start": Route("pagina"),
    "login": Route("publiek"),
    "logout": Route("post"),
    "core:client-lijst": Route("lijst", PERSOONSGEGEVENS),
    "core:client-detail": Route("object", PERSOONSGEGEVENS, lambda w: {"pk": w.client.pk}, eigen=Rol.CONSULENT),
    "beveiliging:tweestaps": Route("pagina"),
    "beveiliging:tweestaps-instellen": Route("pagina"),
    "beveiliging:logboek": Route("pagina", BEHEER),
    "beveiliging:logboek-export": Route("pagina", BEHEER),
    # The admin site itself (its model pages are covered through ADMIN_MODELLEN below).
    "admin:index": Route("pagina", BEHEER),
    "admin:login": Route("publiek"),
    "admin:logout": Route("post"),
    "admin:password_change": Route("pagina", BEHEER),
    "admin:password_change_done": Route("pagina", BEHEER),
    "admin:autocomplete": Route("pagina", BEHEER),
    "admin:jsi18n": Route("pagina", BEHEER),
    "admin:app_list": Route("pagina", BEHEER, lambda w: {"app_label": "core"}),
    "admin:view_on_site": Route(
        "object",
        BEHEER,
        lambda w: {"content_type_id": ContentType.objects.get_for_model(w.client).pk, "object_id": w.client.pk},
    ),
    "admin:auth_user_password_change": Route("object", BEHEER, lambda w: {"id": w.medewerker.pk}, Rol.BEHEERDER),
    "admin:otp_totp_totpdevice_config": Route("object", frozenset(), lambda w: {"pk": w.totp.pk}),
    "admin:otp_totp_totpdevice_qrcode": Route("object", frozenset(), lambda w: {"pk": w.totp.pk}),
}


@dataclass(frozen=True)
class AdminModel:
    """How an admin model is shared.

    "gemeente"   rows belong to municipalities: a beheerder sees only their own; `object` builds Rijswijk's row.
    "gedeeld"    reference or regional procurement data without personal data, the same for the whole region.
    "superuser"  only a superuser manages it (login throttling records, two-factor devices, permission groups).
    """

    soort: str
    object: Callable[[Wereld], object] | None = None
    reden: str = ""


GEDEELD = AdminModel("gedeeld", reden="referentie- of regionale inkoopgegevens, geen persoonsgegevens")
SUPERUSER = AdminModel("superuser")

# ---- The table: every model registered in the admin. -------------------------------------------------------------
ADMIN_MODELLEN = {
    "core.client": AdminModel("gemeente", lambda w: w.client),
    "core.huishouden": AdminModel("gemeente", lambda w: w.huishouden),
    "core.user": AdminModel("gemeente", lambda w: w.medewerker),
    "core.verwerking": AdminModel("gemeente", lambda w: w.verwerking),
    "toegang.beschikking": AdminModel("gemeente", lambda w: w.beschikking),
    "toegang.toewijzing": AdminModel("gemeente", lambda w: w.toewijzing),
    "inkoop.aanbiedergebruiker": AdminModel("gemeente", lambda w: w.aanbieder_medewerker),
    "core.regio": GEDEELD,
    "core.gemeente": GEDEELD,
    "core.inwonertal": GEDEELD,
    "catalogus.codewaarde": GEDEELD,
    "catalogus.voorzieningsoort": GEDEELD,
    "catalogus.product": GEDEELD,
    "catalogus.resultaatgebied": GEDEELD,
    "catalogus.arrangement": GEDEELD,
    "catalogus.trajecttype": GEDEELD,
    "inkoop.aanbieder": GEDEELD,
    "inkoop.samenwerkingsverband": GEDEELD,
    "inkoop.aanbesteding": GEDEELD,
    "inkoop.perceel": GEDEELD,
    "inkoop.contract": GEDEELD,
    "inkoop.tarief": GEDEELD,
    "inkoop.budgetafspraak": GEDEELD,
    "inkoop.subsidie": GEDEELD,
    "auth.group": SUPERUSER,
    "axes.accessattempt": SUPERUSER,
    "axes.accesslog": SUPERUSER,
    "axes.accessfailurelog": SUPERUSER,
    "otp_totp.totpdevice": SUPERUSER,
    "otp_static.staticdevice": SUPERUSER,
}
ADMIN_MODELPAGINAS = ("changelist", "add", "history", "delete", "change")
# Unnamed patterns Django's admin adds itself: the catch-all and the old-style object URL (redirects to "change").
ONBENOEMDE_ADMINPATRONEN = ("beheer/(?P<url>.*)$", "/<path:object_id>/")


def _admin_modellen():
    return {f"{model._meta.app_label}.{model._meta.model_name}": model for model in admin.site._registry}


def _admin_routenaam(model, pagina):
    return f"admin:{model._meta.app_label}_{model._meta.model_name}_{pagina}"


def test_every_route_is_in_the_table(db):
    modellen = _admin_modellen()
    admin_routes = {_admin_routenaam(m, p) for m in modellen.values() for p in ADMIN_MODELPAGINAS}
    ontbrekend, onbenoemd = [], []
    for naam, patroon in alle_routes():
        if naam is None:
            if not any(stuk in patroon for stuk in ONBENOEMDE_ADMINPATRONEN):
                onbenoemd.append(patroon)
        elif naam not in ROUTES and naam not in admin_routes:
            ontbrekend.append(f"{naam}  ({patroon})")
    geen_tabel = sorted(set(modellen) - set(ADMIN_MODELLEN))
    assert not ontbrekend, (
        "These routes are not in the isolation matrix. Add each to ROUTES in tests/test_isolatie.py with its kind "
        "('pagina', 'lijst', 'object', 'publiek', 'post'), the roles that may open it and, for an object route, "
        "how to build its kwargs for an object of Rijswijk (see Wereld in tests/isolatie_helpers.py):\n  "
        + "\n  ".join(ontbrekend)
    )
    assert not onbenoemd, "Give these URL patterns a name and add them to ROUTES:\n  " + "\n  ".join(onbenoemd)
    assert not geen_tabel, (
        "These models are registered in the admin but not in ADMIN_MODELLEN in tests/test_isolatie.py. Add each as "
        "AdminModel('gemeente', lambda w: <Rijswijk's object>) if its rows belong to a municipality (and scope its "
        "admin with GemeenteScopedAdmin), or as GEDEELD / SUPERUSER:\n  " + "\n  ".join(geen_tabel)
    )
    assert not set(ROUTES) - {naam for naam, _p in alle_routes()}, "ROUTES lists routes that no longer exist"


@pytest.fixture
def wereld(rijswijk, delft):
    return wereld_bouwen(rijswijk, delft)


@pytest.fixture(autouse=True)
def _zonder_tweestaps():
    # The matrix tests scoping, not the second factor: without this, every staff request would end on the
    # two-factor page and prove nothing.
    with override_settings(OPENWMO_2FA_VERPLICHT=False):
        yield


def _eigen_gebruiker(rol, rijswijk, aanbieder=None):
    user = UserFactory(rol=rol, gemeenten=[rijswijk], is_staff=rol == Rol.BEHEERDER)
    if rol == Rol.BEHEERDER:
        user.groups.add(rolgroep_beheerder_bijwerken())
    return user


def _controleer(client, wereld, url, mag_openen: Callable[[object], bool]):
    fouten = []
    for naam, actor in wereld.actoren.items():
        client.force_login(actor)
        antwoord = opvragen(client, url)
        if lek := lekken(antwoord.tekst, wereld):
            fouten.append(f"{naam}: {url} shows {lek}")
        elif not mag_openen(actor) and not antwoord.geweigerd:
            fouten.append(f"{naam}: {url} answered {antwoord.status} on {antwoord.pad} instead of refusing")
    return fouten


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_route_shows_nothing_of_another_municipality_or_provider(client, wereld, rijswijk, naam):
    route = ROUTES[naam]
    url = reverse(naam, kwargs=route.kwargs(wereld) if route.kwargs else None)
    if route.soort in ("publiek", "lijst"):
        fouten = _controleer(client, wereld, url, lambda actor: True)
    elif route.soort == "pagina":
        fouten = _controleer(client, wereld, url, lambda actor: actor.rol in route.rollen)
    elif route.soort in ("object", "post"):
        fouten = _controleer(client, wereld, url, lambda actor: False)
    else:
        pytest.fail(f"unknown kind {route.soort!r} for {naam}")
    assert not fouten, "\n".join(fouten)
    if route.eigen:
        client.force_login(_eigen_gebruiker(route.eigen, rijswijk))
        antwoord = opvragen(client, url)
        assert antwoord.status == 200 and antwoord.pad == url, f"a {route.eigen} of Rijswijk cannot open {url}"


@pytest.mark.parametrize("label", sorted(ADMIN_MODELLEN))
def test_admin_pages_of_a_model_show_nothing_of_another_municipality(client, wereld, rijswijk, label):
    model = _admin_modellen()[label]
    spec = ADMIN_MODELLEN[label]
    fouten = []
    lijst = reverse(_admin_routenaam(model, "changelist"))
    toevoegen = reverse(_admin_routenaam(model, "add"))
    for url in (lijst, toevoegen):
        fouten += _controleer(
            client, wereld, url, lambda actor: spec.soort != "superuser" and actor.rol == Rol.BEHEERDER
        )
    if spec.soort == "gemeente":
        pk = spec.object(wereld).pk
        urls = [reverse(_admin_routenaam(model, p), args=[pk]) for p in ("change", "history", "delete")]
        urls.append(f"{lijst}{pk}/")  # the old-style object URL
        for url in urls:
            for naam, actor in wereld.actoren.items():
                client.force_login(actor)
                antwoord = opvragen(client, url)
                if lek := lekken(antwoord.tekst, wereld):
                    fouten.append(f"{naam}: {url} shows {lek}")
                elif antwoord.status == 200 and antwoord.pad == url:
                    fouten.append(f"{naam}: {url} opens Rijswijk's {label}")
        client.force_login(_eigen_gebruiker(Rol.BEHEERDER, rijswijk))
        antwoord = opvragen(client, urls[0])
        assert antwoord.status == 200 and antwoord.pad == urls[0], f"Rijswijk's beheerder cannot open {urls[0]}"
    assert not fouten, "\n".join(fouten)
