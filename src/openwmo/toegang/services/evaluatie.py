"""Evaluation of a plan: goals, ZRM, satisfaction and the next step."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import DoelEvaluatie, Evaluatie, Ondersteuningsplan
from ._gemeen import Actie, log, mag_werken_voor
from .melding import _controleer_zrm, zrm_meting_opslaan


def _leden(plan: Ondersteuningsplan) -> set[int]:
    leden = {plan.client_id}
    if plan.huishouden_id:
        leden |= set(plan.huishouden.leden.values_list("pk", flat=True))
    return leden


@transaction.atomic
def evaluatie_create(
    *,
    user,
    plan: Ondersteuningsplan,
    datum: date,
    uitkomsten: dict,
    zrm_scores: dict,
    tevredenheid: int,
    vervolgstap: str,
    vervolgstap_datum: date,
    toewijzing=None,
    toelichting: str = "",
    volgende_evaluatiedatum: date | None = None,
) -> Evaluatie:
    """Evaluate every goal (behaald / deels / niet), measure the ZRM again and decide the next step.

    `uitkomsten` maps each goal (or its pk) of the plan to an outcome. The plan's next evaluation date
    moves to `volgende_evaluatiedatum` (None: none planned).
    """
    mag_werken_voor(user, plan.gemeente)
    if plan.status != Ondersteuningsplan.Status.ACTIEF:
        raise ValidationError({"plan": _("Dit plan is afgesloten.")})
    if toewijzing is not None and toewijzing.client_id not in _leden(plan):
        raise ValidationError({"toewijzing": _("Deze toewijzing hoort niet bij de cliënt(en) van dit plan.")})
    evaluatie = Evaluatie(
        client=plan.client,
        gemeente=plan.gemeente,
        plan=plan,
        toewijzing=toewijzing,
        datum=datum,
        tevredenheid=tevredenheid,
        vervolgstap=vervolgstap,
        vervolgstap_datum=vervolgstap_datum,
        toelichting=toelichting,
    )
    evaluatie.full_clean(exclude=["zrm_meting"])
    uitkomsten = {getattr(doel, "pk", doel): uitkomst for doel, uitkomst in uitkomsten.items()}
    doelen = list(plan.doelen.all())
    if not doelen:
        raise ValidationError({"uitkomsten": _("Dit plan heeft nog geen doelen om te evalueren.")})
    vreemd = set(uitkomsten) - {doel.pk for doel in doelen}
    if vreemd:
        raise ValidationError({"uitkomsten": _("Een beoordeeld doel hoort niet bij dit plan.")})
    geldig = set(DoelEvaluatie.Uitkomst.values)
    ontbrekend = [doel.omschrijving for doel in doelen if uitkomsten.get(doel.pk) not in geldig]
    if ontbrekend:
        raise ValidationError(
            {
                "uitkomsten": _("Geef voor elk doel aan of het behaald, deels behaald of niet behaald is: %(doelen)s.")
                % {"doelen": "; ".join(ontbrekend)}
            }
        )
    if volgende_evaluatiedatum and volgende_evaluatiedatum <= datum:
        raise ValidationError({"volgende_evaluatiedatum": _("De volgende evaluatie ligt na deze evaluatie.")})
    _controleer_zrm(zrm_scores)
    evaluatie.zrm_meting = zrm_meting_opslaan(client=plan.client, meetdatum=datum, scores=zrm_scores)
    evaluatie.save()
    DoelEvaluatie.objects.bulk_create(
        [DoelEvaluatie(evaluatie=evaluatie, doel=doel, uitkomst=uitkomsten[doel.pk]) for doel in doelen]
    )
    plan.evaluatiedatum = volgende_evaluatiedatum
    plan.save(update_fields=["evaluatiedatum"])
    log(
        user,
        Actie.AANMAKEN,
        evaluatie,
        "Evaluatie vastleggen",
        f"vervolgstap {vervolgstap} per {vervolgstap_datum}, tevredenheid {tevredenheid}",
    )
    return evaluatie
