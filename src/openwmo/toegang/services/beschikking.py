"""Aanvraag and beschikking: grant or refuse, with reasons, and what is granted."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openwmo.core.models import Nummerreeks

from .. import termijnen
from ..models import Aanvraag, Beschikking, BeschiktProduct, Uitvoeringsvariant
from ._gemeen import Actie, log, mag_werken_voor
from .plan import actief_plan_van


@transaction.atomic
def aanvraag_create(*, user, client, aanvraagdatum: date, omschrijving: str, melding=None) -> Aanvraag:
    """Register an application; the decision is due within 2 weeks (art. 2.3.5)."""
    mag_werken_voor(user, client.gemeente)
    if melding is not None and melding.client_id != client.pk:
        raise ValidationError({"melding": _("Deze melding hoort bij een andere cliënt.")})
    aanvraag = Aanvraag(
        client=client, gemeente=client.gemeente, aanvraagdatum=aanvraagdatum, omschrijving=omschrijving, melding=melding
    )
    aanvraag.full_clean()
    aanvraag.save()
    log(
        user,
        Actie.AANMAKEN,
        aanvraag,
        "Aanvraag registreren",
        f"beschikking uiterlijk {aanvraag.beschikking_uiterlijk}",
    )
    return aanvraag


def _product_regel(beschikking: Beschikking, regel: dict) -> BeschiktProduct:
    """One granted line. An arrangement or a trajectory brings its own product; a trajectory its duration."""
    regel = dict(regel)
    regel.setdefault("ingangsdatum", beschikking.ingangsdatum)
    arrangement, trajecttype = regel.get("arrangement"), regel.get("trajecttype")
    if arrangement is not None:
        regel["product"] = arrangement.product
        regel["uitvoeringsvariant"] = Uitvoeringsvariant.OUTPUTGERICHT
    elif trajecttype is not None:
        regel["product"] = trajecttype.product
        regel.setdefault("uitvoeringsvariant", Uitvoeringsvariant.OUTPUTGERICHT)
        if not regel.get("einddatum"):
            regel["einddatum"] = termijnen.maanden_erbij(regel["ingangsdatum"], trajecttype.duur_maanden) - timedelta(
                days=1
            )
    if not regel.get("einddatum"):
        regel["einddatum"] = beschikking.einddatum
    if regel.get("product") is None:
        raise ValidationError({"product": _("Kies het product, arrangement of traject dat wordt toegekend.")})
    return BeschiktProduct(beschikking=beschikking, **regel)


@transaction.atomic
def beschikking_create(*, user, producten=(), migratie: bool = False, **velden) -> Beschikking:
    """Take the decision on an application: grant (with at least one product, and a goal in the client's
    active plan) or refuse (with reasons). Refusals change nothing else.

    `migratie` records a decision taken in the municipality's previous system (the import): its plan and
    granted lines stayed there, so the goal and granted-line rules do not apply; all other rules do.
    """
    beschikking = Beschikking(**velden)
    mag_werken_voor(user, beschikking.gemeente)
    aanvraag = beschikking.aanvraag
    if aanvraag is not None:
        if aanvraag.client_id != beschikking.client_id:
            raise ValidationError({"aanvraag": _("Deze aanvraag hoort bij een andere cliënt.")})
        if Beschikking.objects.filter(aanvraag=aanvraag).exists():
            raise ValidationError({"aanvraag": _("Op deze aanvraag is al beslist.")})
        if beschikking.besluitdatum and beschikking.besluitdatum < aanvraag.aanvraagdatum:
            raise ValidationError({"besluitdatum": _("De besluitdatum ligt vóór de aanvraagdatum.")})
    if not beschikking.beschikkingsnummer:
        beschikking.beschikkingsnummer = str(Nummerreeks.volgende("beschikking"))
    beschikking.full_clean()
    if beschikking.besluit == Beschikking.Besluit.AFGEWEZEN:
        if not beschikking.motivering.strip():
            raise ValidationError({"motivering": _("Geef de redenen van de afwijzing.")})
        if producten:
            raise ValidationError({"producten": _("Een afwijzing kent geen producten toe.")})
    elif not migratie:
        plan = actief_plan_van(beschikking.client)
        if plan is None or not plan.doelen.exists():
            raise ValidationError(
                {
                    "besluit": _(
                        "Een toekenning heeft minstens één doel in het actieve ondersteuningsplan van de cliënt "
                        "nodig; leg eerst het plan en een doel vast."
                    )
                }
            )
        if not producten:
            raise ValidationError({"producten": _("Kies wat wordt toegekend: een product, arrangement of traject.")})
    beschikking.save()
    regels = [_product_regel(beschikking, regel) for regel in producten]
    for regel in regels:
        regel.full_clean()
        regel.save()
    log(
        user,
        Actie.AANMAKEN,
        beschikking,
        "Beschikking vastleggen",
        f"{beschikking.besluit}: " + "; ".join(str(regel) for regel in regels),
    )
    return beschikking
