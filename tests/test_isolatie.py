"""Isolation matrix: no route of the project shows one municipality's (or provider's) data to another.

Every URL pattern of the project must be listed below, in ROUTES (named routes outside the admin's model pages)
or, for the admin's model pages, through its model in ADMIN_MODELLEN. For each route and each actor (one user per
role in Delft, and an employee of another provider who works in Rijswijk) the test requests the route for Rijswijk's
objects and requires: refused (403/404/405 or sent to log in) — or, for list-like pages a role may open, a page
without any of Rijswijk's personal data (BSN, surname, household, case-file texts, staff member, two-factor secret)
or steering figures (budget, scenario); see Wereld.geheimen in tests/isolatie_helpers.py.

Adding a route or registering a ModelAdmin without adding it here makes test_every_route_is_in_the_table fail.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from rest_framework.authtoken.models import Token

from openwmo.core.admin_scoping import EigenHistorieMixin
from openwmo.core.rollen import Rol, rolgroep_beheerder_bijwerken

from .factories import UserFactory, geldig_bsn
from .isolatie_helpers import ALLE_ROLLEN, Wereld, alle_routes, lekken, opvragen, wereld_bouwen

# Who may open what, written out here rather than imported from core.rollen: the matrix states the intended
# policy, so widening a role set in the code makes this test fail instead of silently following along.
BEHEER = frozenset({Rol.BEHEERDER})
PERSOONSGEGEVENS = frozenset({Rol.CONSULENT, Rol.BEHEERDER})
INKOOP = frozenset({Rol.CONTRACTMANAGER, Rol.BEHEERDER})
STUURINFORMATIE = frozenset({Rol.CONTRACTMANAGER, Rol.CONTROLLER, Rol.BEHEERDER})
BERICHTEN = frozenset({Rol.CONSULENT, Rol.BEHEERDER, Rol.AANBIEDER})
GEMEENTE = frozenset(ALLE_ROLLEN - {Rol.AANBIEDER})
DECLARATIES_BEHEER = frozenset({Rol.CONTROLLER, Rol.BEHEERDER})
DECLARATIES = DECLARATIES_BEHEER | {Rol.AANBIEDER}


@dataclass(frozen=True)
class Route:
    """How a route may be reached.

    soort:
      "publiek"  anyone may open it (login pages); it must not show foreign data.
      "pagina"   a page without object in the URL (lists, dashboards, forms): roles in `rollen` may open it and
                 must see no foreign data; other roles must be refused.
      "gedeeld"  like "pagina", but the URL names a regional object without personal data (provider, tender,
                 contract; see docs/security.md): roles in `rollen` of any municipality may open it.
      "lijst"    a list scoped by a selector: roles outside `rollen` may get it too, but empty; nobody may see
                 foreign data in it.
      "object"   the URL names one of Rijswijk's objects (built by `kwargs`): every actor must be refused, for a
                 GET and for a POST.
      "post"     a POST-only action: a GET is refused (405) or sent to log in.
    query: builds the query string (e.g. a foreign object's id in a filter). Never put a secret in it: the login
      redirect echoes it in `?next=`.
    eigen: a Rijswijk role that must reach the route. For "object" and "gedeeld" this proves `kwargs` point at
      the right object; for "pagina" and "lijst" that role must also *see* Rijswijk's data there, which proves the
      world reaches the page and the foreign actors' check can bite.
    A name may map to a tuple of Routes when variants (e.g. with and without a query) need checking.
    """

    soort: str
    rollen: frozenset = ALLE_ROLLEN
    kwargs: Callable[[Wereld], dict] | None = None
    eigen: str | None = None
    query: Callable[[Wereld], dict] | None = None


def _object(rollen, kwargs, eigen=Rol.CONSULENT, **extra):
    return Route("object", rollen, kwargs, eigen, **extra)


def _toegang(kwargs):
    """A consultant's screen about one of Rijswijk's case records."""
    return _object(PERSOONSGEGEVENS, kwargs)


def _contract(w):
    return {"pk": w.contract.pk}


def _aanbieder(w):
    return {"pk": w.aanbieder.pk}


def _aanbesteding(w):
    return {"pk": w.aanbesteding.pk}


def _autocomplete(veld, zoekterm):
    return {"app_label": "toegang", "model_name": "melding", "field_name": veld, "term": zoekterm}


def _gebied_rijswijk(w):
    return {"gebied": f"g:{w.client.gemeente.cbs_code}"}


def _regio_rijswijk(w):
    """Rijswijk's region, which Delft shares: it stands for the user's own municipalities in it, never Rijswijk."""
    return {"gebied": f"r:{w.client.gemeente.regio.code}"}


def _sturing(kwargs=None, eigen=Rol.CONTROLLER, rollen=STUURINFORMATIE):
    """A steering page for the user's default area, for Rijswijk named by code, and for the shared region.

    `eigen` (if any) must see Rijswijk's spend on the page asked for Rijswijk: this proves the distinctive figures
    of the world reach the page, so the foreign actors' check can bite.
    """
    return (
        Route("pagina", rollen, kwargs),
        Route("pagina", rollen, kwargs, eigen, query=_gebied_rijswijk),
        Route("pagina", rollen, kwargs, query=_regio_rijswijk),
    )


def _tabel(naam, formaat):
    return lambda w: {"naam": naam, "formaat": formaat}


def _bericht(veld):
    return lambda w: {"pk": getattr(w, veld).pk}


# ---- The table: every named route of the project outside the admin's model pages. -----------------------------
ROUTES = {
    "start": Route("pagina"),
    "login": Route("publiek"),
    "logout": Route("post"),
    "core:client-lijst": Route("lijst", PERSOONSGEGEVENS, eigen=Rol.CONSULENT),
    "core:client-detail": _object(PERSOONSGEGEVENS, lambda w: {"pk": w.client.pk}),
    "beveiliging:tweestaps": Route("pagina"),
    "beveiliging:tweestaps-instellen": Route("pagina"),
    "beveiliging:logboek": Route("pagina", BEHEER),
    "beveiliging:logboek-export": Route("pagina", BEHEER),
    # Toegang: consulent and beheerder of the client's municipality (toegang/views/_basis.py).
    "toegang:werkvoorraad": (
        Route("pagina", PERSOONSGEGEVENS),
        Route("pagina", PERSOONSGEGEVENS, eigen=Rol.CONSULENT, query=lambda w: {"alle": "1"}),
    ),
    "toegang:melding-nieuw": (
        Route("pagina", PERSOONSGEGEVENS),
        _object(PERSOONSGEGEVENS, None, query=lambda w: {"client": w.client.pk}),
    ),
    "toegang:dossier": _toegang(lambda w: {"pk": w.client.pk}),
    "toegang:onderzoek-nieuw": _toegang(lambda w: {"pk": w.melding.pk}),
    "toegang:plan-nieuw": _toegang(lambda w: {"pk": w.client.pk}),
    "toegang:aanvraag-nieuw": _toegang(lambda w: {"pk": w.client.pk}),
    "toegang:doel-nieuw": _toegang(lambda w: {"pk": w.plan.pk}),
    "toegang:evaluatie-nieuw": _toegang(lambda w: {"pk": w.plan.pk}),
    "toegang:beschikking-nieuw": _toegang(lambda w: {"pk": w.aanvraag.pk}),
    "toegang:beschikking-brief": _toegang(lambda w: {"pk": w.beschikking.pk}),
    "toegang:toewijzing-nieuw": _toegang(lambda w: {"pk": w.beschikt_product.pk}),
    "toegang:toewijzing-wijzigen": _toegang(lambda w: {"pk": w.toewijzing.pk}),
    "toegang:toewijzing-beeindigen": _toegang(lambda w: {"pk": w.toewijzing.pk}),
    "toegang:toewijzing-intensiteit": _toegang(lambda w: {"pk": w.toewijzing.pk}),
    "toegang:toewijzing-contactmoment": _toegang(lambda w: {"pk": w.toewijzing.pk}),
    # Inkoop: regional procurement data without personal data; contractmanager and beheerder of any municipality.
    "inkoop:aanbieder-lijst": Route("pagina", INKOOP),
    "inkoop:aanbieder-nieuw": Route("pagina", INKOOP),
    "inkoop:aanbieder-detail": Route("gedeeld", INKOOP, _aanbieder, Rol.CONTRACTMANAGER),
    "inkoop:budgetafspraak-nieuw": Route("gedeeld", INKOOP, _aanbieder, Rol.CONTRACTMANAGER),
    "inkoop:subsidie-nieuw": Route("gedeeld", INKOOP, _aanbieder, Rol.CONTRACTMANAGER),
    "inkoop:samenwerkingsverband-nieuw": Route("pagina", INKOOP),
    "inkoop:aanbesteding-lijst": Route("pagina", INKOOP),
    "inkoop:aanbesteding-nieuw": Route("pagina", INKOOP),
    "inkoop:aanbesteding-detail": Route("gedeeld", INKOOP, _aanbesteding, Rol.CONTRACTMANAGER),
    "inkoop:perceel-nieuw": Route("gedeeld", INKOOP, _aanbesteding, Rol.CONTRACTMANAGER),
    "inkoop:contract-lijst": Route("pagina", INKOOP),
    "inkoop:contract-nieuw": Route("pagina", INKOOP),
    "inkoop:contract-detail": Route("gedeeld", INKOOP, _contract, Rol.CONTRACTMANAGER),
    "inkoop:contractproduct-nieuw": Route("gedeeld", INKOOP, _contract, Rol.CONTRACTMANAGER),
    "inkoop:tarief-nieuw": Route("gedeeld", INKOOP, _contract, Rol.CONTRACTMANAGER),
    "inkoop:tarieven-indexeren": Route("gedeeld", INKOOP, _contract, Rol.CONTRACTMANAGER),
    "inkoop:prestatieafspraak-nieuw": Route("gedeeld", INKOOP, _contract, Rol.CONTRACTMANAGER),
    "inkoop:toetreden": Route("gedeeld", INKOOP, _contract, Rol.CONTRACTMANAGER),
    "inkoop:contract-verlengen": Route("post", INKOOP, _contract),
    # Bekostiging: steering figures of own municipalities; recording a budget is for the inkoop roles.
    "bekostiging:begroting": (
        Route("pagina", STUURINFORMATIE, eigen=Rol.CONTROLLER),
        Route("pagina", STUURINFORMATIE, query=lambda w: {"gemeente": w.begroting.gemeente_id}),
    ),
    "bekostiging:begroting-nieuw": Route("pagina", INKOOP),
    "bekostiging:scenario-lijst": Route("pagina", STUURINFORMATIE, eigen=Rol.CONTROLLER),
    "bekostiging:scenario-nieuw": Route("pagina", STUURINFORMATIE),
    "bekostiging:scenario-vergelijk": Route(
        "pagina", STUURINFORMATIE, eigen=Rol.CONTROLLER, query=lambda w: {"id": w.scenario.pk}
    ),
    "bekostiging:scenario-detail": _object(STUURINFORMATIE, lambda w: {"pk": w.scenario.pk}, Rol.CONTROLLER),
    "bekostiging:scenario-verwijderen": _object(STUURINFORMATIE, lambda w: {"pk": w.scenario.pk}, Rol.CONTROLLER),
    # Monitoring (/sturing/): aggregated figures of the user's own municipalities; the area filter offers only those
    # (a region stands for the user's municipalities in it). The GMSD export has BSNs: beheerder only.
    "monitoring:index": _sturing(eigen=None),
    "monitoring:indicatoren": _sturing(),
    "monitoring:raadsrapport": _sturing(),
    "monitoring:gmsd": (
        Route("pagina", BEHEER),
        Route(
            "pagina",
            BEHEER,
            eigen=Rol.BEHEERDER,
            query=lambda w: {"gemeente": w.client.gemeente_id, "jaar": w.toewijzing_budget.ingangsdatum.year},
        ),
    ),
    "monitoring:export": (
        *_sturing(_tabel("geraamde-kosten-per-product", "csv")),
        *_sturing(_tabel("geraamde-kosten-per-product", "xlsx")),
        *_sturing(_tabel("gemeenten-naast-elkaar", "csv")),
        # the claims table's total estimate is Rijswijk's spend; the others show no secret of the world, only
        # the foreign actors' check applies to them
        *_sturing(_tabel("gedeclareerd-per-product", "csv")),
        *_sturing(_tabel("financien", "xlsx"), eigen=None),
        *_sturing(_tabel("doelen-per-aanbieder", "csv"), eigen=None),
        *_sturing(_tabel("doorlooptijden", "csv"), eigen=None),
    ),
    "monitoring:dashboard": (
        *_sturing(lambda w: {"slug": "kosten"}),
        *_sturing(lambda w: {"slug": "wijken"}),
        *_sturing(lambda w: {"slug": "regio"}),
        *_sturing(lambda w: {"slug": "voorzieningen"}, eigen=None),
        *_sturing(lambda w: {"slug": "uitkomsten"}, eigen=None),
        *_sturing(lambda w: {"slug": "doorstroom"}, eigen=None),
    ),
    # iWmo messages: municipal staff with personal data see their municipalities' messages, a provider's employee
    # only those to and from its own AGB code; requests (315/317) are for the municipality's staff.
    "berichten:lijst": Route("lijst", BERICHTEN, eigen=Rol.CONSULENT),
    "berichten:detail": (
        _object(BERICHTEN, _bericht("bericht_in")),
        _object(BERICHTEN, _bericht("bericht_uit")),
        _object(BERICHTEN, lambda w: {"pk": w.bericht_in.antwoord_id}),
    ),
    "berichten:upload": Route("pagina", BERICHTEN),
    "berichten:export": Route("pagina", PERSOONSGEGEVENS),
    "berichten:verzoeken": Route("pagina", PERSOONSGEGEVENS, eigen=Rol.CONSULENT),
    "berichten:verzoek-toekennen": _object(PERSOONSGEGEVENS, lambda w: {"pk": w.verzoek.pk}),
    "berichten:verzoek-actie": (
        _object(PERSOONSGEGEVENS, lambda w: {"pk": w.verzoek.pk, "actie": "afwijzen"}),
        _object(PERSOONSGEGEVENS, lambda w: {"pk": w.verzoek.pk, "actie": "onderzoek"}, eigen=None),
    ),
    "berichten:api-ontvangen": Route("post", BERICHTEN),
    # REST API, with a session here (test_api_with_a_token_… repeats the lists and details with a token). Personal
    # data as in the web UI; municipalities, providers, contracts, tariffs and products are regional data.
    "api:start": Route("publiek"),
    "api:schema": Route("publiek"),
    "api:gemeente-list": Route("lijst"),
    "api:gemeente-detail": Route("gedeeld", ALLE_ROLLEN, lambda w: {"cbs_code": w.client.gemeente.cbs_code}),
    "api:client-list": (
        Route("lijst", PERSOONSGEGEVENS, eigen=Rol.CONSULENT),
        Route("lijst", PERSOONSGEGEVENS, query=lambda w: {"gemeente": w.client.gemeente.cbs_code}),
    ),
    "api:client-detail": _object(PERSOONSGEGEVENS, lambda w: {"pk": w.client.pk}),
    "api:melding-list": (
        Route("lijst", PERSOONSGEGEVENS, eigen=Rol.CONSULENT),
        Route("lijst", PERSOONSGEGEVENS, query=lambda w: {"gemeente": w.client.gemeente.cbs_code}),
    ),
    "api:melding-detail": _object(PERSOONSGEGEVENS, lambda w: {"pk": w.melding.pk}),
    "api:ondersteuningsplan-list": (
        Route("lijst", PERSOONSGEGEVENS, eigen=Rol.CONSULENT),
        Route("lijst", PERSOONSGEGEVENS, query=lambda w: {"gemeente": w.client.gemeente.cbs_code}),
    ),
    "api:ondersteuningsplan-detail": _object(PERSOONSGEGEVENS, lambda w: {"pk": w.plan.pk}),
    # Claims as in the web UI: the municipality's controller and beheerder, a provider only its own.
    "api:declaratie-list": (
        Route("lijst", DECLARATIES, eigen=Rol.CONTROLLER),
        Route("lijst", DECLARATIES, query=lambda w: {"gemeente": w.client.gemeente.cbs_code}),
    ),
    "api:declaratie-detail": _object(DECLARATIES, lambda w: {"pk": w.declaratie.pk}, eigen=Rol.CONTROLLER),
    "api:declaratie-prestaties": _object(DECLARATIES, lambda w: {"pk": w.declaratie.pk}, eigen=Rol.CONTROLLER),
    "api:betaalbatch-list": Route("lijst", DECLARATIES_BEHEER),  # totals per batch: no secrets to find
    "api:betaalbatch-detail": _object(DECLARATIES_BEHEER, lambda w: {"pk": w.betaalbatch.pk}, eigen=Rol.CONTROLLER),
    "api:berichten-ontvangen": Route("post", BERICHTEN),
    "api:beschikking-list": (
        Route("lijst", eigen=Rol.CONSULENT),
        Route("lijst", query=lambda w: {"gemeente": w.client.gemeente.cbs_code}),
    ),
    "api:beschikking-detail": _object(GEMEENTE, lambda w: {"beschikkingsnummer": w.beschikking.beschikkingsnummer}),
    "api:toewijzing-list": (
        Route("lijst", eigen=Rol.CONSULENT),
        Route("lijst", query=lambda w: {"gemeente": w.client.gemeente.cbs_code}),
    ),
    "api:toewijzing-detail": (
        _object(ALLE_ROLLEN, lambda w: {"toewijzingsnummer": w.toewijzing.toewijzingsnummer}),
        _object(ALLE_ROLLEN, lambda w: {"toewijzingsnummer": w.toewijzing_budget.toewijzingsnummer}),
    ),
    "api:aanbieder-list": Route("lijst"),
    "api:aanbieder-detail": Route("gedeeld", ALLE_ROLLEN, lambda w: {"agb_code": w.aanbieder.agb_code}, Rol.CONSULENT),
    "api:contract-list": Route("lijst"),
    "api:contract-detail": Route("gedeeld", ALLE_ROLLEN, _contract, Rol.CONTRACTMANAGER),
    "api:tarief-list": Route("lijst"),
    "api:tarief-detail": Route("gedeeld", ALLE_ROLLEN, lambda w: {"pk": w.tarief.pk}, Rol.CONTRACTMANAGER),
    "api:product-list": Route("lijst"),
    "api:product-detail": Route(
        "gedeeld", ALLE_ROLLEN, lambda w: {"productcode": w.toewijzing_budget.product.productcode}, Rol.CONSULENT
    ),
    "api:rapport-list": Route("pagina", GEMEENTE),
    "api:rapport-detail": (
        Route("pagina", GEMEENTE, lambda w: {"naam": "geraamde-kosten-per-product"}),
        Route(
            "pagina",
            GEMEENTE,
            lambda w: {"naam": "geraamde-kosten-per-product"},
            Rol.CONTROLLER,
            query=lambda w: {"gemeente": w.client.gemeente.cbs_code},
        ),
        Route(
            "pagina",
            GEMEENTE,
            lambda w: {"naam": "gemeenten-naast-elkaar"},
            Rol.CONTROLLER,
            query=lambda w: {"gemeente": w.client.gemeente.cbs_code},
        ),
    ),
    # Import (/importeren/): the functioneel beheerder; the error report is the last import of the same session
    # (test_import_error_report_… checks a report does not pass to the next user of the browser).
    # Claims: the controller and beheerder of the municipality, and the provider for its own claims.
    "declaraties:lijst": Route("lijst", DECLARATIES, eigen=Rol.CONTROLLER),
    "declaraties:indienen": Route("pagina", frozenset({Rol.AANBIEDER})),
    "declaraties:detail": _object(DECLARATIES, lambda w: {"pk": w.declaratie.pk}, eigen=Rol.CONTROLLER),
    "declaraties:antwoord-325": _object(DECLARATIES, lambda w: {"pk": w.declaratie.pk}, eigen=Rol.CONTROLLER),
    "declaraties:betaalbatches": Route("lijst", DECLARATIES_BEHEER),  # totals per batch: no secrets to find
    "declaraties:betaalbatch-export": (
        _object(DECLARATIES_BEHEER, lambda w: {"pk": w.betaalbatch.pk, "formaat": "csv"}, eigen=Rol.CONTROLLER),
        _object(DECLARATIES_BEHEER, lambda w: {"pk": w.betaalbatch.pk, "formaat": "xlsx"}, eigen=Rol.CONTROLLER),
    ),
    "eigenbijdrage:cak-export": Route("pagina", DECLARATIES_BEHEER),
    "importeren:import": Route("pagina", BEHEER),
    "importeren:foutrapport": Route("pagina", BEHEER),
    # The admin site itself (its model pages are covered through ADMIN_MODELLEN below).
    "admin:index": Route("pagina", BEHEER),
    "admin:login": Route("publiek"),
    "admin:logout": Route("post"),
    "admin:password_change": Route("pagina", BEHEER),
    "admin:password_change_done": Route("pagina", BEHEER),
    "admin:autocomplete": (
        Route("pagina", BEHEER),
        # The search behind an autocomplete field answers from the *related* model's admin queryset.
        Route("pagina", BEHEER, eigen=Rol.BEHEERDER, query=lambda w: _autocomplete("client", w.client.achternaam[:4])),
        Route("pagina", BEHEER, eigen=Rol.BEHEERDER, query=lambda w: _autocomplete("consulent", "rijswijk")),
    ),
    "admin:jsi18n": Route("pagina", BEHEER),
    "admin:app_list": Route("pagina", BEHEER, lambda w: {"app_label": "core"}),
    "admin:view_on_site": _object(
        BEHEER,
        lambda w: {"content_type_id": ContentType.objects.get_for_model(w.client).pk, "object_id": w.client.pk},
        eigen=None,
    ),
    "admin:auth_user_password_change": _object(BEHEER, lambda w: {"id": w.medewerker.pk}, Rol.BEHEERDER),
    "admin:otp_totp_totpdevice_config": _object(frozenset(), lambda w: {"pk": w.totp.pk}, eigen=None),
    "admin:otp_totp_totpdevice_qrcode": _object(frozenset(), lambda w: {"pk": w.totp.pk}, eigen=None),
}


def _varianten():
    """(test id, name, Route) for every route and each of its variants."""
    for naam in sorted(ROUTES):
        varianten = ROUTES[naam] if isinstance(ROUTES[naam], tuple) else (ROUTES[naam],)
        for nr, route in enumerate(varianten, start=1):
            yield pytest.param(naam, route, id=naam if nr == 1 else f"{naam}#{nr}")


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
    # The beheerder's permission group does not include claims: their admin is for superusers.
    "declaraties.declaratie": SUPERUSER,
    "declaraties.betaalbatch": SUPERUSER,
    "eigenbijdrage.abonnementstarief": GEDEELD,
    "eigenbijdrage.bijdrageregel": GEDEELD,
    "core.huishouden": AdminModel("gemeente", lambda w: w.huishouden),
    "core.user": AdminModel("gemeente", lambda w: w.medewerker),
    "core.verwerking": AdminModel("gemeente", lambda w: w.verwerking),
    "toegang.beschikking": AdminModel("gemeente", lambda w: w.beschikking),
    "toegang.toewijzing": AdminModel("gemeente", lambda w: w.toewijzing),
    "toegang.melding": AdminModel("gemeente", lambda w: w.melding),
    "toegang.aanvraag": AdminModel("gemeente", lambda w: w.aanvraag),
    "toegang.ondersteuningsplan": AdminModel("gemeente", lambda w: w.plan),
    "toegang.evaluatie": AdminModel("gemeente", lambda w: w.evaluatie),
    "toegang.overgangsregel": AdminModel("gemeente", lambda w: w.overgangsregel),
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
    "authtoken.tokenproxy": AdminModel("superuser", reden="API-tokens: beheer met `openwmo manage api_token`"),
    # Not in the beheerder's permission group (core.rollen.rolgroep_beheerder_bijwerken): budgets are recorded and
    # scenarios computed in /bekostiging/ through the services. Granting the group these models makes this test
    # fail for the beheerder of Delft, and they must then be scoped and listed as "gemeente".
    "bekostiging.begroting": AdminModel("superuser", reden="alleen via /bekostiging/, per gemeente"),
    "bekostiging.scenario": AdminModel("superuser", reden="alleen via /bekostiging/, per gemeente"),
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
    zonder_historiefilter = sorted(
        label
        for label, model in modellen.items()
        if ADMIN_MODELLEN[label].soort != "superuser"
        and not isinstance(admin.site._registry[model], EigenHistorieMixin)
    )
    assert not zonder_historiefilter, (
        "These admins show every editor in an object's history, also staff of other municipalities. Base them on "
        "GedeeldAdmin or GemeenteScopedAdmin (core/admin_scoping.py):\n  " + "\n  ".join(zonder_historiefilter)
    )


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


def _controleer(client, wereld, url, mag_openen: Callable[[object], bool], methode="get"):
    fouten = []
    for naam, actor in wereld.actoren.items():
        client.force_login(actor)
        antwoord = opvragen(client, url, methode)
        if lek := lekken(antwoord.tekst, wereld):
            fouten.append(f"{naam}: {methode.upper()} {url} shows {lek}")
        elif not mag_openen(actor) and not antwoord.geweigerd:
            fouten.append(
                f"{naam}: {methode.upper()} {url} answered {antwoord.status} on {antwoord.pad} instead of refusing"
            )
    return fouten


@pytest.mark.parametrize(("naam", "route"), list(_varianten()))
def test_route_shows_nothing_of_another_municipality_or_provider(client, wereld, rijswijk, naam, route):
    pad = reverse(naam, kwargs=route.kwargs(wereld) if route.kwargs else None)
    url = f"{pad}?{urlencode(route.query(wereld))}" if route.query else pad
    if route.soort in ("publiek", "lijst"):
        fouten = _controleer(client, wereld, url, lambda actor: True)
    elif route.soort in ("pagina", "gedeeld"):
        fouten = _controleer(client, wereld, url, lambda actor: actor.rol in route.rollen)
    elif route.soort == "object":
        fouten = _controleer(client, wereld, url, lambda actor: False)
        fouten += _controleer(client, wereld, url, lambda actor: False, methode="post")
    elif route.soort == "post":
        fouten = _controleer(client, wereld, url, lambda actor: False)
    else:
        pytest.fail(f"unknown kind {route.soort!r} for {naam}")
    assert not fouten, "\n".join(fouten)
    if route.eigen:
        client.force_login(_eigen_gebruiker(route.eigen, rijswijk))
        antwoord = opvragen(client, url)
        if antwoord.status == 405:  # a POST-only action: the Rijswijk role's POST must be carried out
            antwoord = opvragen(client, url, "post")
            assert not antwoord.geweigerd, f"a {route.eigen} of Rijswijk cannot POST to {url} ({antwoord.status})"
        else:
            assert antwoord.status == 200 and antwoord.pad == pad, f"a {route.eigen} of Rijswijk cannot open {url}"
        if route.soort in ("pagina", "lijst"):
            assert lekken(antwoord.tekst, wereld), f"a {route.eigen} of Rijswijk sees none of Rijswijk's data on {url}"


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
        for naam, actor in wereld.actoren.items():  # confirming the delete page must not delete it either
            client.force_login(actor)
            client.post(urls[2], {"post": "yes"})
            if not model._default_manager.filter(pk=pk).exists():
                pytest.fail(f"{naam}: POST {urls[2]} deleted Rijswijk's {label}")
        client.force_login(_eigen_gebruiker(Rol.BEHEERDER, rijswijk))
        antwoord = opvragen(client, urls[0])
        assert antwoord.status == 200 and antwoord.pad == urls[0], f"Rijswijk's beheerder cannot open {urls[0]}"
    assert not fouten, "\n".join(fouten)


def test_history_of_shared_data_names_no_staff_of_another_municipality(client, wereld, rijswijk):
    """Beheerders of the whole region edit shared data; its history must not name Rijswijk's staff in Delft."""
    gedeeld = [rijswijk, wereld.aanbieder, wereld.aanbesteding, wereld.contract, wereld.toewijzing.product]
    for obj in gedeeld:
        LogEntry.objects.log_actions(
            wereld.medewerker.pk, [obj], CHANGE, change_message="gewijzigd", single_object=True
        )
    fouten = []
    for obj in gedeeld:
        url = reverse(_admin_routenaam(obj, "history"), args=[obj.pk])
        fouten += _controleer(client, wereld, url, lambda actor: actor.rol == Rol.BEHEERDER)
    assert not fouten, "\n".join(fouten)
    client.force_login(_eigen_gebruiker(Rol.BEHEERDER, rijswijk))
    antwoord = opvragen(client, reverse(_admin_routenaam(wereld.contract, "history"), args=[wereld.contract.pk]))
    assert wereld.medewerker.username in antwoord.tekst, "Rijswijk's beheerder must still see who changed it"


def _api_lijsten_en_details():
    """The API's list and detail routes of ROUTES, each variant."""
    for param in _varianten():
        naam, route = param.values
        if naam.startswith("api:") and naam.endswith(("-list", "-detail")):
            yield pytest.param(naam, route, id=param.id)


@pytest.mark.parametrize(("naam", "route"), list(_api_lijsten_en_details()))
def test_api_with_a_token_shows_nothing_of_another_municipality_or_provider(wereld, rijswijk, naam, route):
    """Integrations use a token, not a session: the same rules must hold (DRF TokenAuthentication)."""
    pad = reverse(naam, kwargs=route.kwargs(wereld) if route.kwargs else None)
    url = f"{pad}?{urlencode(route.query(wereld))}" if route.query else pad
    fouten = []
    for actor_naam, actor in wereld.actoren.items():
        token = Token.objects.create(user=actor)
        antwoord = opvragen(Client(), url, HTTP_AUTHORIZATION=f"Token {token.key}")
        if lek := lekken(antwoord.tekst, wereld):
            fouten.append(f"{actor_naam}: GET {url} with a token shows {lek}")
        elif route.soort == "object" and antwoord.status not in (403, 404):
            fouten.append(f"{actor_naam}: GET {url} with a token answered {antwoord.status} instead of 403/404")
        elif route.soort in ("pagina", "gedeeld") and actor.rol not in route.rollen and antwoord.status != 403:
            fouten.append(f"{actor_naam}: GET {url} with a token answered {antwoord.status} instead of 403")
    assert not fouten, "\n".join(fouten)
    assert opvragen(Client(), url).status == 401, "without a token or session the API must answer 401"
    if route.eigen:
        token = Token.objects.create(user=_eigen_gebruiker(route.eigen, rijswijk))
        antwoord = opvragen(Client(), url, HTTP_AUTHORIZATION=f"Token {token.key}")
        assert antwoord.status == 200, f"a {route.eigen} of Rijswijk cannot open {url} with a token"
        if route.soort in ("pagina", "lijst"):
            assert lekken(antwoord.tekst, wereld), f"a {route.eigen} of Rijswijk sees none of Rijswijk's data on {url}"


def _import_clienten(client, bsn, c, gemeente):
    """A dry-run import of one clienten.csv row; returns the result the import page shows."""
    regels = f"bsn;geboortedatum;achternaam;gemeente\n{bsn};{c.geboortedatum:%Y-%m-%d};{c.achternaam};{gemeente}\n"
    bestand = SimpleUploadedFile("clienten.csv", regels.encode(), content_type="text/csv")
    antwoord = client.post(reverse("importeren:import"), {"bestand": bestand, "proef": "on"})
    assert antwoord.status_code == 200
    return antwoord.context["resultaat"]


@pytest.mark.parametrize("gemeente", ["0603", "0503", ""])
def test_import_does_not_tell_a_delft_beheerder_who_is_a_client_of_rijswijk(client, wereld, gemeente):
    """A clients file naming Rijswijk's client must not confirm or place that person, whatever municipality it says.

    Rijswijk's real client and a made-up person get the same answer: refused when the row says Rijswijk or no
    municipality, and a new client of Delft when the row says Delft (client records are per municipality, so the
    BSN being Rijswijk's client is no reason to refuse).
    """
    client.force_login(wereld.actoren["beheerder Delft"])
    echt = _import_clienten(client, wereld.client.bsn, wereld.client, gemeente)
    verzonnen = _import_clienten(client, geldig_bsn(), wereld.client, gemeente)
    echte_fouten = [(f.kolom, f.melding.replace(wereld.client.bsn, "…")) for f in echt.fouten]
    assert echt.bestanden[0].ongewijzigd == echt.bestanden[0].bijgewerkt == 0, "the import confirms Rijswijk's client"
    assert echte_fouten == [(f.kolom, f.melding) for f in verzonnen.fouten]
    assert echt.bestanden[0].aangemaakt == verzonnen.bestanden[0].aangemaakt == (1 if gemeente == "0503" else 0)
    if gemeente != "0603":  # only a row naming Rijswijk itself may get a message naming it
        assert not any("Rijswijk" in melding for _k, melding in echte_fouten), echte_fouten
    antwoord = opvragen(client, reverse("importeren:foutrapport"))
    assert not set(lekken(antwoord.tekst, wereld)) - {wereld.client.bsn, wereld.client.achternaam}


def test_import_error_report_does_not_pass_to_the_next_user_of_the_browser(client, wereld, rijswijk):
    """The report lives in the session: logging in as someone else (or out) must not hand over Rijswijk's report."""
    client.force_login(_eigen_gebruiker(Rol.BEHEERDER, rijswijk))
    _import_clienten(client, wereld.client.bsn, wereld.client, "9999")  # unknown municipality: an error row
    rapport = reverse("importeren:foutrapport")
    assert wereld.client.bsn in opvragen(client, rapport).tekst or "9999" in opvragen(client, rapport).tekst
    client.force_login(wereld.actoren["beheerder Delft"])
    antwoord = opvragen(client, rapport)
    assert antwoord.status == 200 and "9999" not in antwoord.tekst and not lekken(antwoord.tekst, wereld)
    client.post(reverse("logout"))
    client.force_login(wereld.actoren["beheerder Delft"])
    assert "9999" not in opvragen(client, rapport).tekst


@pytest.mark.parametrize("kanaal", ["upload", "api", "api-token"])
def test_a_delft_user_cannot_deliver_a_message_to_rijswijk(client, wereld, kanaal):
    """Receiving a provider's message is the addressed municipality's work: a Delft user delivering a stop (307) for
    Rijswijk's allocation would change Rijswijk's records and learn whether the BSN has that allocation. Delivering
    the bytes of a message Rijswijk already has must not show its stored outcome either."""
    from openwmo.berichten import simulator
    from openwmo.berichten.models import Bericht
    from openwmo.toegang.models import Levering

    t = wereld.toewijzing
    dag = wereld.bericht_in.dagtekening
    stop = simulator.stopbericht(t, t.ingangsdatum, dag, dag, identificatie="DELFT307")
    voor = Levering.objects.get(toewijzing=t).einddatum
    aantal = Bericht.objects.count()
    for naam in ("consulent Delft", "beheerder Delft"):
        client.force_login(wereld.actoren[naam])
        for xml in (stop, bytes(wereld.bericht_in.inhoud)):
            if kanaal == "upload":
                bestand = SimpleUploadedFile("bericht.xml", xml, content_type="application/xml")
                antwoord = client.post(reverse("berichten:upload"), {"bestand": bestand})
                tekst = antwoord.content.decode()
                assert antwoord.status_code == 200 and "Geweigerd" in tekst, f"{naam}: upload not refused"
            elif kanaal == "api":
                antwoord = client.post(reverse("berichten:api-ontvangen"), xml, content_type="application/xml")
                tekst = antwoord.content.decode()
                assert antwoord.status_code == 403, f"{naam}: {antwoord.status_code} {tekst}"
            else:  # the REST API with the user's token, as a provider's or municipality's software sends
                token, _nieuw = Token.objects.get_or_create(user=wereld.actoren[naam])
                antwoord = Client().post(
                    reverse("api:berichten-ontvangen"),
                    xml,
                    content_type="application/xml",
                    HTTP_AUTHORIZATION=f"Token {token.key}",
                )
                tekst = antwoord.content.decode()
                assert antwoord.status_code == 403, f"{naam}: {antwoord.status_code} {tekst}"
            assert wereld.bericht_in.identificatie not in tekst, f"{naam}: sees the outcome of Rijswijk's message"
        assert Bericht.objects.count() == aantal, f"{naam}: a message was stored for Rijswijk"
        assert Levering.objects.get(toewijzing=t).einddatum == voor, f"{naam}: stopped Rijswijk's care"
