"""Writes of bekostiging data: budgets and scenarios. Validate, one transaction, audit log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.selectors import gemeenten_voor

from . import scenario as rekenen
from .models import Begroting, Scenario, ScenarioUitkomst


def _mag_werken_voor(user, gemeenten) -> None:
    if user is None:
        return
    eigen = set(gemeenten_voor(user).values_list("pk", flat=True))
    vreemd = [g.naam for g in gemeenten if g.pk not in eigen]
    if vreemd:
        raise PermissionDenied(_("U werkt niet voor gemeente %(gemeente)s.") % {"gemeente": ", ".join(vreemd)})


def _log(user, actie, obj, activiteit, gemeente=None, omschrijving=""):
    log_verwerking(
        user,
        actie,
        activiteit=activiteit,
        doel="Sturing en verantwoording",
        object_type=type(obj).__name__,
        object_id=obj.pk,
        gemeente=gemeente,
        omschrijving=omschrijving,
    )


@transaction.atomic
def begroting_opslaan(*, user, gemeente, voorzieningsoort, jaar, uitgaven, inkomsten=None) -> Begroting:
    """Create or replace the budget of a municipality, provision group and year."""
    _mag_werken_voor(user, [gemeente])
    begroting = Begroting.objects.filter(gemeente=gemeente, voorzieningsoort=voorzieningsoort, jaar=jaar).first()
    nieuw = begroting is None
    begroting = begroting or Begroting(gemeente=gemeente, voorzieningsoort=voorzieningsoort, jaar=jaar)
    begroting.uitgaven = uitgaven
    begroting.inkomsten = inkomsten
    begroting.full_clean()
    begroting.save()
    _log(user, Actie.AANMAKEN if nieuw else Actie.WIJZIGEN, begroting, "Begroting vastleggen", gemeente)
    return begroting


@transaction.atomic
def scenario_create(*, user, naam: str, jaar: int, gemeenten, model: str, parameters: dict) -> Scenario:
    """Compute a scenario for the demand of `jaar` in `gemeenten` and save it with its outcome rows."""
    gemeenten = list(gemeenten)
    if not gemeenten:
        raise ValidationError({"gemeenten": _("Kies minstens één gemeente.")})
    _mag_werken_voor(user, gemeenten)
    gelezen = rekenen.parameters_lezen(model, parameters)
    scenario = Scenario(
        naam=naam,
        jaar=jaar,
        model=model,
        parameters=rekenen.parameters_als_json(gelezen),
        aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
    )
    scenario.full_clean(exclude=["gemeenten"])
    uitkomst = rekenen.berekenen(gemeenten, jaar, model, gelezen)
    scenario.totaal_werkelijk = uitkomst.totaal_werkelijk
    scenario.totaal_scenario = uitkomst.totaal_scenario
    scenario.aantal_toewijzingen = uitkomst.aantal_toewijzingen
    scenario.zonder_tarief = uitkomst.zonder_tarief
    scenario.save()
    scenario.gemeenten.set(gemeenten)
    ScenarioUitkomst.objects.bulk_create(
        [
            ScenarioUitkomst(
                scenario=scenario,
                gemeente_id=r.gemeente_id,
                aanbieder_id=r.aanbieder_id,
                product_id=r.product_id,
                aantal_toewijzingen=r.aantal_toewijzingen,
                werkelijk=r.werkelijk,
                scenario_bedrag=r.scenario,
                verschil=r.verschil,
            )
            for r in uitkomst.regels
        ],
        batch_size=500,
    )
    _log(user, Actie.AANMAKEN, scenario, "Scenario berekenen", omschrijving=f"{model} {scenario.parameters}")
    return scenario


@transaction.atomic
def scenario_verwijderen(*, user, scenario: Scenario) -> None:
    _mag_werken_voor(user, list(scenario.gemeenten.all()))
    _log(user, Actie.VERWIJDEREN, scenario, "Scenario verwijderen", omschrijving=scenario.naam)
    scenario.delete()
