"""Ondersteuningsplan and goals: 1 gezin, 1 plan, 1 regisseur."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from openwmo.core.models import Huishouden

from ..models import Doel, Ondersteuningsplan
from ._gemeen import Actie, log, mag_werken_voor

ACTIEF = Ondersteuningsplan.Status.ACTIEF


def actief_plan_van(client) -> Ondersteuningsplan | None:
    """The client's active plan: its own, or its household's."""
    q = Q(client=client)
    if client.huishouden_id:
        q |= Q(huishouden_id=client.huishouden_id) | Q(client__huishouden_id=client.huishouden_id)
    return Ondersteuningsplan.objects.filter(q, status=ACTIEF).order_by("-ingangsdatum").first()


@transaction.atomic
def plan_create(
    *,
    user,
    client,
    ingangsdatum: date,
    voor_huishouden: bool = False,
    regisseur=None,
    evaluatiedatum: date | None = None,
    toelichting: str = "",
) -> Ondersteuningsplan:
    """Start a plan for a client or its whole household. Refused when the household already has an active plan."""
    mag_werken_voor(user, client.gemeente)
    huishouden = None
    if voor_huishouden:
        if not client.huishouden_id:
            raise ValidationError({"huishouden": _("Deze cliënt hoort niet bij een huishouden.")})
        # Lock the household so two consultants cannot start two plans at once.
        huishouden = Huishouden.objects.select_for_update().get(pk=client.huishouden_id)
    bestaand = actief_plan_van(client)
    if bestaand is not None:
        if client.huishouden_id:
            melding = _(
                "Dit huishouden heeft al een actief ondersteuningsplan (sinds %(datum)s): 1 gezin, 1 plan, "
                "1 regisseur. Voeg doelen toe aan dat plan of sluit het eerst af."
            )
        else:
            melding = _(
                "Deze cliënt heeft al een actief ondersteuningsplan (sinds %(datum)s). "
                "Voeg doelen toe aan dat plan of sluit het eerst af."
            )
        raise ValidationError({"huishouden": melding % {"datum": bestaand.ingangsdatum.strftime("%d-%m-%Y")}})
    if regisseur is None and getattr(user, "is_authenticated", False):
        regisseur = user
    plan = Ondersteuningsplan(
        client=client,
        huishouden=huishouden,
        gemeente=client.gemeente,
        regisseur=regisseur,
        ingangsdatum=ingangsdatum,
        evaluatiedatum=evaluatiedatum,
        toelichting=toelichting,
    )
    plan.full_clean(validate_constraints=False)
    if evaluatiedatum and evaluatiedatum < ingangsdatum:
        raise ValidationError({"evaluatiedatum": _("De evaluatiedatum ligt vóór de ingangsdatum van het plan.")})
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as fout:
        raise ValidationError({"huishouden": _("Dit huishouden heeft al een actief ondersteuningsplan.")}) from fout
    log(user, Actie.AANMAKEN, plan, "Ondersteuningsplan opstellen", "huishouden" if huishouden else "cliënt")
    return plan


@transaction.atomic
def doel_create(*, user, plan: Ondersteuningsplan, resultaatgebied, omschrijving: str, **bijdragen) -> Doel:
    """Add a goal tied to a result area, with the contributions of client, network, general and customised support."""
    mag_werken_voor(user, plan.gemeente)
    if plan.status != ACTIEF:
        raise ValidationError({"plan": _("Aan een afgesloten plan kunnen geen doelen worden toegevoegd.")})
    doel = Doel(plan=plan, resultaatgebied=resultaatgebied, omschrijving=omschrijving, **bijdragen)
    doel.full_clean()
    doel.save()
    log(user, Actie.AANMAKEN, doel, "Doel toevoegen", omschrijving[:200])
    return doel


@transaction.atomic
def plan_afsluiten(*, user, plan: Ondersteuningsplan) -> Ondersteuningsplan:
    mag_werken_voor(user, plan.gemeente)
    plan.status = Ondersteuningsplan.Status.AFGESLOTEN
    plan.save(update_fields=["status"])
    log(user, Actie.WIJZIGEN, plan, "Ondersteuningsplan afsluiten")
    return plan
