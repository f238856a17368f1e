"""The providers' claims of a demo plan: each planned declaration becomes a WMO323 that goes through the real
iWmo inbox (`berichten.inbox.ontvang`), so the claims module checks every line against the stored
allocations, contracts and earlier lines and answers with a 325; afterwards the approved lines of every
provider and municipality go into a payment batch (`declaraties.betaling.betaalbatch_maken`).

Nothing here decides whether a line is approved: the planned mistakes (`planner/declaraties.py`) are ordinary
323 content and the checks find them as they would in a real provider's message.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

from openwmo.berichten import common as c
from openwmo.berichten import wmo323
from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Kanaal
from openwmo.core.models import Gemeente
from openwmo.declaraties.betaling import betaalbatch_maken, te_betalen
from openwmo.inkoop.models import Aanbieder

from .planner import Plan

HONDERD = Decimal(100)


def _cent(bedrag: Decimal) -> int:
    return int(bedrag * HONDERD)


def _nummer(key: str) -> int:
    return int("".join(ch for ch in key if ch.isdigit()))


def bericht_323(plan: Plan, declaratie, prestaties, bsn: dict[str, str], toewijzingen: dict) -> bytes:
    """The WMO323 of one planned declaration; lines grouped per client in plan order."""
    per_bsn: dict[str, list] = defaultdict(list)
    totaal = Decimal("0.00")
    for p in prestaties:
        t = toewijzingen[p.toewijzing]
        totaal += p.bedrag
        per_bsn[bsn[t.client]].append(
            wmo323.Prestatie(
                product_referentie=c.Referentie(referentie_nummer=p.key),
                toewijzing_nummer=_nummer(p.toewijzing),
                product_categorie=t.product[:2],
                product_code=t.product,
                product_periode=c.GeslotenPeriode(begindatum=p.begin, einddatum=p.end),
                geleverd_volume=p.volume,
                eenheid=p.eenheid,
                product_tarief=_cent(p.tarief),
                ingediend_bedrag=c.BedragMetDC(bedrag=_cent(p.bedrag), debet_credit="D"),
            )
        )
    bericht = wmo323.Bericht(
        header=c.Header.nieuw(
            declaratie.aanbieder, declaratie.gemeente, f"S{declaratie.key}", declaratie.dagtekening
        ),
        declaratie=wmo323.Declaratie(
            declaratie_nummer=declaratie.key,
            declaratie_periode=c.GeslotenPeriode(begindatum=declaratie.begin, einddatum=declaratie.end),
            declaratie_dagtekening=declaratie.dagtekening,
            totaal_ingediend_bedrag=c.TotaalBedragMetDC(totaal_bedrag=_cent(totaal), debet_credit="D"),
            clienten=tuple(wmo323.Client(bsn=b, prestaties=tuple(regels)) for b, regels in per_bsn.items()),
        ),
    )
    return wmo323.build(bericht, validate=False)


def declaraties_versturen(plan: Plan, *, betaaldatum: date | None = None) -> Counter:
    """Send every planned claim through the inbox, oldest month first, then make the payment batches.

    Returns counts: "323", "325", lines "goedgekeurd"/"afgekeurd" (from the stored claims) and "betaalbatches".
    """
    from openwmo.declaraties.models import Prestatie

    telling: Counter = Counter()
    bsn = {cl.key: cl.bsn for cl in plan.clients}
    toewijzingen = {t.key: t for t in plan.toewijzingen}
    regels = defaultdict(list)
    for p in plan.prestaties:
        regels[p.declaratie, toewijzingen[p.toewijzing].aanbieder].append(p)
    paren = set()
    for d in sorted(plan.declaraties, key=lambda d: (d.begin, d.aanbieder, d.gemeente)):
        xml = bericht_323(plan, d, regels[d.key, d.aanbieder], bsn, toewijzingen)
        ontvangst = ontvang(xml, kanaal=Kanaal.SIMULATOR)
        telling["323"] += 1
        telling["325"] += ontvangst.antwoord is not None
        paren.add((d.aanbieder, d.gemeente))
    for status in ("goedgekeurd", "afgekeurd"):
        telling[status] = Prestatie.objects.filter(status=status).count()
    betaaldatum = betaaldatum or date.today()
    aanbieders = {a.agb_code: a for a in Aanbieder.objects.filter(agb_code__in={a for a, _g in paren})}
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.filter(cbs_code__in={g for _a, g in paren})}
    for agb, cbs in sorted(paren):
        if te_betalen(aanbieders[agb], gemeenten[cbs], betaaldatum).exists():
            betaalbatch_maken(aanbieders[agb], gemeenten[cbs], betaaldatum)
            telling["betaalbatches"] += 1
    return telling
