"""Many onderzoeken (with their ZRM), plans, goals and evaluations at once: the rules of `onderzoek_create`,
`plan_create`, `doel_create` and `evaluatie_create` applied set-wise, all or nothing (see `bulk.py`).

Rows are dicts by field name; `zrm_scores` is the 13-domain dict the single services take; a goal's and an
evaluation's `plan` is an index into `plannen`, an evaluation's `uitkomsten` maps goal indexes to outcomes.
Records of the past are stored in their final state: a plan may be stored closed (`status`), with the goals
it had and the evaluation that closed it.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from openwmo.core.invoegen import invoegen
from openwmo.core.models import Client, Gemeente
from openwmo.core.services_bulk import Fouten, per_deel, velden_controleren

from ..models import (
    Doel,
    DoelEvaluatie,
    Evaluatie,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    Toewijzing,
    ZrmMeting,
    ZrmScore,
)
from ._gemeen import mag_werken_voor
from .bulk import BulkResultaat, _loggen
from .melding import _controleer_zrm

ACTIEF = Ondersteuningsplan.Status.ACTIEF


def _zrm(soort: str, rijen: list[dict], fout: Fouten) -> list[dict]:
    schoon = []
    for i, r in enumerate(rijen):
        try:
            schoon.append(_controleer_zrm(r.get("zrm_scores") or {}))
        except ValidationError as exc:
            fout(soort, i, "zrm", " ".join(exc.messages))
            schoon.append({})
    return schoon


def _controleer_plannen(plannen: list[dict], huishoudens: dict, fout: Fouten) -> None:
    """One active plan per client and household (1 gezin, 1 plan), in the batch and with stored plans."""
    for i, p in enumerate(plannen):
        if p.get("evaluatiedatum") and p["evaluatiedatum"] < p["ingangsdatum"]:
            fout("plannen", i, "evaluatiedatum", _("De evaluatiedatum ligt vóór de ingangsdatum van het plan."))
    actief = [(i, p) for i, p in enumerate(plannen) if p.get("status", ACTIEF) == ACTIEF]
    clienten = {p["client"] for _i, p in actief}
    hh = {huishoudens[c] for c in clienten if huishoudens.get(c)}
    bezet_client: set[int] = set()
    bezet_hh: set[int] = set()
    if clienten and Ondersteuningsplan.objects.exists():
        for c, h, ch in Ondersteuningsplan.objects.filter(
            Q(client__in=clienten) | Q(huishouden__in=hh) | Q(client__huishouden__in=hh), status=ACTIEF
        ).values_list("client", "huishouden", "client__huishouden"):
            bezet_client.add(c)
            bezet_hh.update(x for x in (h, ch) if x)
    for i, p in actief:
        h = huishoudens.get(p["client"])
        if p["client"] in bezet_client or (h and h in bezet_hh):
            melding = (
                _(
                    "Dit huishouden heeft al een actief ondersteuningsplan: 1 gezin, 1 plan, 1 regisseur. "
                    "Voeg doelen toe aan dat plan of sluit het eerst af."
                )
                if h
                else _(
                    "Deze cliënt heeft al een actief ondersteuningsplan. "
                    "Voeg doelen toe aan dat plan of sluit het eerst af."
                )
            )
            fout("plannen", i, "huishouden", melding)
        bezet_client.add(p["client"])
        if h:
            bezet_hh.add(h)


def _controleer_evaluaties(evaluaties, plannen, doelen, huishoudens, fout: Fouten) -> None:
    doelen_van = defaultdict(set)
    for i, d in enumerate(doelen):
        doelen_van[d["plan"]].add(i)
    toewijzingen = dict(
        Toewijzing.objects.filter(pk__in={e["toewijzing"] for e in evaluaties if e.get("toewijzing")}).values_list(
            "pk", "client"
        )
    )
    geldig = set(DoelEvaluatie.Uitkomst.values)
    for i, e in enumerate(evaluaties):
        plan = plannen[e["plan"]]
        if e["client"] != plan["client"]:
            fout("evaluaties", i, "client", _("Deze evaluatie hoort bij een andere cliënt dan het plan."))
        t = e.get("toewijzing")
        if t is not None:
            eigen = toewijzingen.get(t)
            h = huishoudens.get(plan["client"])
            if eigen != plan["client"] and not (h and huishoudens.get(eigen) == h):
                fout("evaluaties", i, "toewijzing", _("Deze toewijzing hoort niet bij de cliënt(en) van dit plan."))
        uitkomsten = e.get("uitkomsten") or {}
        if not doelen_van[e["plan"]]:
            fout("evaluaties", i, "uitkomsten", _("Dit plan heeft nog geen doelen om te evalueren."))
        if set(uitkomsten) - doelen_van[e["plan"]]:
            fout("evaluaties", i, "uitkomsten", _("Een beoordeeld doel hoort niet bij dit plan."))
        ontbrekend = [
            doelen[d]["omschrijving"] for d in sorted(doelen_van[e["plan"]]) if uitkomsten.get(d) not in geldig
        ]
        if ontbrekend:
            fout(
                "evaluaties",
                i,
                "uitkomsten",
                _("Geef voor elk doel aan of het behaald, deels behaald of niet behaald is: %(doelen)s.")
                % {"doelen": "; ".join(ontbrekend)},
            )


def _controleer_onderzoeken(onderzoeken: list[dict], fout: Fouten) -> None:
    meldingen = {}
    ids = sorted({o["melding"] for o in onderzoeken})
    for i in range(0, len(ids), 5000):
        meldingen.update(
            (pk, (c, d))
            for pk, c, d in Melding.objects.filter(pk__in=ids[i : i + 5000]).values_list(
                "pk", "client", "meldingsdatum"
            )
        )
    for i, o in enumerate(onderzoeken):
        client, datum = meldingen.get(o["melding"], (None, None))
        if client is not None and client != o["client"]:
            fout("onderzoeken", i, "melding", _("Deze melding hoort bij een andere cliënt."))
        if datum is not None and o["datum"] < datum:
            fout("onderzoeken", i, "datum", _("Het gesprek kan niet vóór de meldingsdatum plaatsvinden."))


def _metingen(rijen: list[dict], scores: list[dict], datumveld: str, onderzoek_ids=None) -> list[int]:
    metingen = [
        {"client": r["client"], "gemeente": r["gemeente"], "meetdatum": r[datumveld],
         "onderzoek": onderzoek_ids[i] if onderzoek_ids else None}
        for i, r in enumerate(rijen)
    ]  # fmt: skip
    ids = invoegen(ZrmMeting, metingen)
    invoegen(
        ZrmScore,
        [
            {"meting": m, "domein": d, "score": s}
            for m, schoon in zip(ids, scores, strict=True)
            for d, s in schoon.items()
        ],
    )
    return ids


@transaction.atomic
def toegang_bulk_evaluaties(
    *, user, onderzoeken=(), plannen=(), doelen=(), evaluaties=(), activiteit: str = "Bulk vastleggen"
) -> BulkResultaat:
    """Check and store onderzoeken with ZRM, plans, goals and evaluations; all or raise ValidationError.
    Returns the ids in `BulkResultaat.onderzoeken/plannen/doelen/evaluaties`."""
    onderzoeken, plannen, doelen, evaluaties = map(list, (onderzoeken, plannen, doelen, evaluaties))
    alle = onderzoeken + plannen + evaluaties
    for gemeente in Gemeente.objects.filter(pk__in={r.get("gemeente") for r in alle}):
        mag_werken_voor(user, gemeente)
    fout = Fouten()
    intern = {"plan", "zrm_scores", "uitkomsten", "zrm_meting"}
    for model, soort, rijen in (
        (Onderzoek, "onderzoeken", onderzoeken),
        (Ondersteuningsplan, "plannen", plannen),
        (Doel, "doelen", doelen),
        (Evaluatie, "evaluaties", evaluaties),
    ):
        velden_controleren(model, soort, rijen, fout, overslaan=intern, relaties_controleren=True)
    for soort, rijen in (("doelen", doelen), ("evaluaties", evaluaties)):
        for i, r in enumerate(rijen):
            if not (isinstance(r.get("plan"), int) and 0 <= r["plan"] < len(plannen)):
                fout(soort, i, "plan", _("Verwijst naar een plan dat niet in deze levering zit."))
    fout.raise_if_any()
    clienten = {r["client"] for r in alle}
    info = {pk: (g, h) for pk, g, h in per_deel(Client, clienten, "pk", "gemeente", "huishouden")}
    for soort, rijen in (("onderzoeken", onderzoeken), ("plannen", plannen), ("evaluaties", evaluaties)):
        for i, r in enumerate(rijen):
            if info.get(r["client"], (None,))[0] != r["gemeente"]:
                fout(soort, i, "gemeente", _("De cliënt woont niet in deze gemeente."))
    huishoudens = {pk: h for pk, (_g, h) in info.items()}
    if evaluaties:
        huishoudens.update(
            Client.objects.filter(
                toewijzingen__in={e["toewijzing"] for e in evaluaties if e.get("toewijzing")}
            ).values_list("pk", "huishouden")
        )
    intake_scores = _zrm("onderzoeken", onderzoeken, fout)
    evaluatie_scores = _zrm("evaluaties", evaluaties, fout)
    _controleer_onderzoeken(onderzoeken, fout)
    _controleer_plannen(plannen, huishoudens, fout)
    _controleer_evaluaties(evaluaties, plannen, doelen, huishoudens, fout)
    fout.raise_if_any()

    resultaat = BulkResultaat()
    resultaat.onderzoeken = invoegen(
        Onderzoek, [{k: v for k, v in o.items() if k != "zrm_scores"} for o in onderzoeken]
    )
    _metingen(onderzoeken, intake_scores, "datum", resultaat.onderzoeken)
    resultaat.plannen = invoegen(Ondersteuningsplan, plannen)
    resultaat.doelen = invoegen(Doel, [{**d, "plan": resultaat.plannen[d["plan"]]} for d in doelen])
    metingen = _metingen(evaluaties, evaluatie_scores, "datum")
    resultaat.evaluaties = invoegen(
        Evaluatie,
        [
            {**{k: v for k, v in e.items() if k not in intern}, "plan": resultaat.plannen[e["plan"]], "zrm_meting": m}
            for e, m in zip(evaluaties, metingen, strict=True)
        ],
    )
    invoegen(
        DoelEvaluatie,
        [
            {"evaluatie": pk, "doel": resultaat.doelen[d], "uitkomst": u}
            for pk, e in zip(resultaat.evaluaties, evaluaties, strict=True)
            for d, u in sorted(e["uitkomsten"].items())
        ],
    )
    _loggen(user, activiteit, (Onderzoek, onderzoeken), (Ondersteuningsplan, plannen), (Evaluatie, evaluaties))
    return resultaat
