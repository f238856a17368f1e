"""The access-team records of a demo plan: rows for the meldingen and aanvragen (stored by
`toegang.services.toegang_bulk_opslaan` with the decisions and allocations), and the onderzoeken with ZRM,
plans with goals and evaluations, written in bulk.
"""

import random
from collections import defaultdict
from datetime import timedelta

from openwmo.catalogus.models import Resultaatgebied
from openwmo.toegang.codelijsten import ZRM_DOMEINEN
from openwmo.toegang.models import (
    Doel,
    DoelEvaluatie,
    Evaluatie,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    ZrmMeting,
    ZrmScore,
)
from openwmo.toegang.models.evaluatie import Vervolgstap

from .planner import Plan

BATCH = 2000
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
        client, gemeente = clienten[b.client].pk, gemeenten[b.gemeente].pk
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


def _meting(client, gemeente, datum, scores, onderzoek=None) -> tuple[ZrmMeting, list[ZrmScore]]:
    meting = ZrmMeting(client=client, gemeente=gemeente, meetdatum=datum, onderzoek=onderzoek)
    return meting, [ZrmScore(meting=meting, domein=d, score=s) for d, s in zip(ZRM_DOMEINEN, scores, strict=True)]


def evaluaties(plan: Plan, clienten, gemeenten, toewijzingen: dict[str, int], meldingen: dict[str, int]) -> int:
    """Onderzoek with an intake ZRM, a plan with goals, and the evaluation with outcomes and a new ZRM."""
    gebieden = {r.code: r for r in Resultaatgebied.objects.all()}
    planned = {t.key: t for t in plan.toewijzingen}
    doelen_per_evaluatie = defaultdict(list)
    for d in plan.doelen:
        doelen_per_evaluatie[d.evaluatie].append(d)
    laatste = {}
    for e in plan.evaluaties:
        if e.evaluatie_datum >= laatste.get(e.client, e.evaluatie_datum):
            laatste[e.client] = e.evaluatie_datum
    onderzoeken, metingen, scores, plannen, doelen, evals, uitkomsten = [], [], [], [], [], [], []
    for e in plan.evaluaties:
        t = planned[e.toewijzing]
        client, gemeente = clienten[e.client], gemeenten[t.gemeente]
        onderzoek = Onderzoek(
            melding_id=meldingen[t.beschikking],
            client=client,
            gemeente=gemeente,
            datum=e.intake_datum,
            deelnemers="cliënt, consulent, mantelzorger",
            verslag="Keukentafelgesprek; zie de ZRM en het plan.",
        )
        intake, intake_scores = _meting(client, gemeente, e.intake_datum, e.zrm_intake, onderzoek)
        na, na_scores = _meting(client, gemeente, e.evaluatie_datum, e.zrm_evaluatie)
        actief = e.evaluatie_datum == laatste[e.client] and (t.end is None or t.end > e.evaluatie_datum)
        ondersteuningsplan = Ondersteuningsplan(
            client=client,
            gemeente=gemeente,
            ingangsdatum=e.intake_datum,
            evaluatiedatum=(t.end - timedelta(days=30)) if actief and t.end else None,
            status=Ondersteuningsplan.Status.ACTIEF if actief else Ondersteuningsplan.Status.AFGESLOTEN,
        )
        evaluatie = Evaluatie(
            client=client,
            gemeente=gemeente,
            plan=ondersteuningsplan,
            toewijzing_id=toewijzingen[e.toewijzing],
            datum=e.evaluatie_datum,
            zrm_meting=na,
            tevredenheid=e.tevredenheid,
            vervolgstap=Vervolgstap.VOORTZETTEN if actief else Vervolgstap.BEEINDIGEN,
            vervolgstap_datum=e.evaluatie_datum + timedelta(days=1),
        )
        for d in doelen_per_evaluatie[e.key]:
            doel = Doel(
                plan=ondersteuningsplan,
                resultaatgebied=gebieden[d.resultaatgebied],
                omschrijving=f"Vooruitgang op: {gebieden[d.resultaatgebied].naam.lower()}",
                bijdrage_client="Eigen inzet volgens afspraak",
                bijdrage_maatwerk=t.product,
            )
            doelen.append(doel)
            uitkomsten.append(DoelEvaluatie(evaluatie=evaluatie, doel=doel, uitkomst=UITKOMST[d.uitkomst]))
        onderzoeken.append(onderzoek)
        metingen += [intake, na]
        scores += intake_scores + na_scores
        plannen.append(ondersteuningsplan)
        evals.append(evaluatie)
    for model, rijen in (
        (Onderzoek, onderzoeken),
        (ZrmMeting, metingen),
        (ZrmScore, scores),
        (Ondersteuningsplan, plannen),
        (Doel, doelen),
        (Evaluatie, evals),
        (DoelEvaluatie, uitkomsten),
    ):
        model.objects.bulk_create(rijen, batch_size=BATCH)  # foreign keys to rows saved above resolve here
    return len(evals)
