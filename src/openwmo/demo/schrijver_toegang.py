"""The access-team records of a demo plan: rows for the meldingen and aanvragen (stored by
`toegang.services.toegang_bulk_opslaan` with the decisions and allocations), and the onderzoeken with ZRM,
plans with goals and evaluations (stored by `toegang_bulk_evaluaties`).
"""

import random
from collections import defaultdict
from datetime import timedelta

from openwmo.catalogus.models import Resultaatgebied
from openwmo.toegang.codelijsten import ZRM_DOMEINEN
from openwmo.toegang.models import Melding, Ondersteuningsplan
from openwmo.toegang.models.evaluatie import Vervolgstap
from openwmo.toegang.services import toegang_bulk_evaluaties

from .planner import Plan

KANALEN = [k for k, _label in Melding.Kanaal.choices]
UITKOMST = {"behaald": "behaald", "deels behaald": "deels", "niet behaald": "niet"}
VRAGEN = {
    "01": "Redt het huishouden niet meer alleen sinds een val.",
    "02": "Heeft hulp nodig bij structuur in de dag en de administratie.",
    "04": "Mantelzorger is overbelast en zoekt logeeropvang.",
    "07": "Zoekt zinvolle daginvulling en contact met anderen.",
    "10": "Wil weer grip krijgen op het dagelijks leven.",
    "11": "Loopt slecht en kan zich binnenshuis moeilijk verplaatsen.",
    "12": "Kan de winkels en de huisarts niet meer zelf bereiken.",
    "13": "De woning is niet meer geschikt: drempels en een steile trap.",
}


def melding_en_aanvraag_rijen(plan: Plan, clienten, gemeenten, seed: int) -> tuple[list[dict], list[dict]]:
    """One melding and one aanvraag per planned decision (in plan order), as rows for `toegang_bulk_opslaan`;
    an aanvraag's `melding` is the index of its melding."""
    rng = random.Random(seed)
    categorie = {}
    for t in plan.toewijzingen:
        categorie.setdefault(t.beschikking, t.product[:2])
    meldingen, aanvragen = [], []
    for b in plan.beschikkingen:
        vraag = VRAGEN.get(categorie.get(b.key, ""), "Vraagt ondersteuning om thuis te kunnen blijven wonen.")
        client, gemeente = clienten[b.client], gemeenten[b.gemeente].pk
        meldingen.append(
            {
                "client": client,
                "gemeente": gemeente,
                "meldingsdatum": b.melding_datum,
                "kanaal": rng.choice(KANALEN),
                "vraag": vraag,
            }
        )
        dagen = max(0, (b.beschikking_datum - b.melding_datum).days)
        aanvragen.append(
            {
                "client": client,
                "gemeente": gemeente,
                "melding": len(meldingen) - 1,
                "aanvraagdatum": b.beschikking_datum - timedelta(days=rng.randint(0, min(14, dagen))),
                "omschrijving": vraag,
            }
        )
    return meldingen, aanvragen


def evaluaties(plan: Plan, clienten, gemeenten, toewijzingen: dict[str, int], meldingen: dict[str, int]) -> int:
    """Onderzoek with an intake ZRM, a plan with goals, and the evaluation with outcomes and a new ZRM, through
    `toegang_bulk_evaluaties`. A plan stays active when its evaluation is the client's last and the allocation
    runs on; of the active ones only the latest of a household (1 gezin, 1 plan) — the others are closed."""
    gebieden = {r.code: r.pk for r in Resultaatgebied.objects.all()}
    namen = dict(Resultaatgebied.objects.values_list("code", "naam"))
    planned = {t.key: t for t in plan.toewijzingen}
    huishouden = {c.key: c.huishouden for c in plan.clients}
    doelen_per_evaluatie = defaultdict(list)
    for d in plan.doelen:
        doelen_per_evaluatie[d.evaluatie].append(d)
    laatste = {}
    for e in plan.evaluaties:
        if e.evaluatie_datum >= laatste.get(e.client, e.evaluatie_datum):
            laatste[e.client] = e.evaluatie_datum
    actief_in_huishouden = {}
    for e in plan.evaluaties:
        t = planned[e.toewijzing]
        if e.evaluatie_datum == laatste[e.client] and (t.end is None or t.end > e.evaluatie_datum):
            actief_in_huishouden[huishouden[e.client]] = max(
                actief_in_huishouden.get(huishouden[e.client], (e.evaluatie_datum, e.key)), (e.evaluatie_datum, e.key)
            )
    actief = {key for _datum, key in actief_in_huishouden.values()}
    onderzoeken, plannen, doelen, evals = [], [], [], []
    for e in plan.evaluaties:
        t = planned[e.toewijzing]
        client, gemeente = clienten[e.client], gemeenten[t.gemeente].pk
        loopt = e.key in actief
        onderzoeken.append(
            {
                "melding": meldingen[t.beschikking],
                "client": client,
                "gemeente": gemeente,
                "datum": e.intake_datum,
                "deelnemers": "cliënt, consulent, mantelzorger",
                "verslag": "Keukentafelgesprek; zie de ZRM en het plan.",
                "zrm_scores": dict(zip(ZRM_DOMEINEN, e.zrm_intake, strict=True)),
            }
        )
        plannen.append(
            {
                "client": client,
                "gemeente": gemeente,
                "ingangsdatum": e.intake_datum,
                "evaluatiedatum": (t.end - timedelta(days=30)) if loopt and t.end else None,
                "status": Ondersteuningsplan.Status.ACTIEF if loopt else Ondersteuningsplan.Status.AFGESLOTEN,
            }
        )
        uitkomsten = {}
        for d in doelen_per_evaluatie[e.key]:
            uitkomsten[len(doelen)] = UITKOMST[d.uitkomst]
            doelen.append(
                {
                    "plan": len(plannen) - 1,
                    "resultaatgebied": gebieden[d.resultaatgebied],
                    "omschrijving": f"Vooruitgang op: {namen[d.resultaatgebied].lower()}",
                    "bijdrage_client": "Eigen inzet volgens afspraak",
                    "bijdrage_maatwerk": t.product,
                }
            )
        evals.append(
            {
                "plan": len(plannen) - 1,
                "client": client,
                "gemeente": gemeente,
                "toewijzing": toewijzingen[e.toewijzing],
                "datum": e.evaluatie_datum,
                "zrm_scores": dict(zip(ZRM_DOMEINEN, e.zrm_evaluatie, strict=True)),
                "tevredenheid": e.tevredenheid,
                "vervolgstap": Vervolgstap.VOORTZETTEN if e.key in actief else Vervolgstap.BEEINDIGEN,
                "vervolgstap_datum": e.evaluatie_datum + timedelta(days=1),
                "uitkomsten": uitkomsten,
            }
        )
    toegang_bulk_evaluaties(
        user=None,
        onderzoeken=onderzoeken,
        plannen=plannen,
        doelen=doelen,
        evaluaties=evals,
        activiteit="Demogegevens vastleggen",
    )
    return len(evals)
