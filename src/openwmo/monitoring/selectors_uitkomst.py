"""Reads for outcomes, lead times, claims and budgets. Only reads; every query is scoped by a `Scope` and
aggregates in SQL where it can (grouped counts and sums), so a page gets a few small result sets.

Definitions (also in docs/monitoring.md):
- an evaluated goal counts in the period of its evaluation's date; its provider and arrangement are those of
  the allocation the evaluation is about (`Evaluatie.toewijzing`), "arrangement" being the granted
  arrangement or trajectory of that allocation, else its product;
- invoiced ("gedeclareerd") = approved claim lines (`Prestatie`, status goedgekeurd), debit minus credit,
  counted in the period their `begindatum` lies in;
- a lead time runs from the melding (or aanvraag) to the decision's `besluitdatum`, for decisions taken in
  the period.
No query here selects a name or a BSN.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Case, Count, DecimalField, F, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import ExtractYear

from openwmo.bekostiging.models import Begroting
from openwmo.core.rekenen import bedrag
from openwmo.declaraties.models import Prestatie, PrestatieStatus
from openwmo.toegang.models import Beschikking, DoelEvaluatie, Evaluatie, Onderzoek, ZrmMeting, ZrmScore

from .geheugen import onthouden

if TYPE_CHECKING:
    from .tabellen.basis import Scope

BP = "toewijzing__beschikt_product__"


def _arrangement(arrangement: int | None, traject: int | None, product: int | None) -> tuple[str, int | None]:
    """The key an outcome or a claim is grouped by 'per arrangement'."""
    if arrangement:
        return ("arrangement", arrangement)
    if traject:
        return ("traject", traject)
    return ("product", product)


@onthouden
def doeluitkomsten(scope: Scope, van: date, tot: date) -> list[tuple]:
    """(resultaatgebied id, aanbieder id, arrangement key, uitkomst, n): evaluated goals of evaluations in
    [van, tot], counted per group in SQL."""
    rijen = (
        DoelEvaluatie.objects.filter(evaluatie__in=Evaluatie.objects.filter(scope.dossier_q(), datum__range=(van, tot)))
        .order_by()
        .values(
            "doel__resultaatgebied",
            "evaluatie__toewijzing__aanbieder",
            f"evaluatie__{BP}arrangement",
            f"evaluatie__{BP}trajecttype",
            "evaluatie__toewijzing__product",
            "uitkomst",
        )
        .annotate(n=Count("id"))
    )
    return [
        (
            r["doel__resultaatgebied"],
            r["evaluatie__toewijzing__aanbieder"],
            _arrangement(
                r[f"evaluatie__{BP}arrangement"], r[f"evaluatie__{BP}trajecttype"], r["evaluatie__toewijzing__product"]
            ),
            r["uitkomst"],
            r["n"],
        )
        for r in rijen
    ]


@onthouden
def tevredenheid_per_aanbieder(scope: Scope, van: date, tot: date) -> dict[int | None, tuple[int, int, int]]:
    """Per aanbieder id (None: evaluation without allocation): (evaluations, sum of scores, scores >= 6)."""
    rijen = (
        Evaluatie.objects.filter(scope.dossier_q(), datum__range=(van, tot))
        .order_by()
        .values("toewijzing__aanbieder")
        .annotate(n=Count("id"), som=Sum("tevredenheid"), voldoende=Count("id", filter=Q(tevredenheid__gte=6)))
    )
    return {r["toewijzing__aanbieder"]: (r["n"], r["som"] or 0, r["voldoende"]) for r in rijen}


@onthouden
def zrm_paren(scope: Scope, van: date, tot: date) -> list[tuple[dict[str, int], dict[str, int]]]:
    """(intake scores, evaluation scores) per evaluation in [van, tot] with a ZRM measurement whose client has an
    intake measurement (one made at an onderzoek) before it: the latest such intake is taken."""
    evaluaties = Evaluatie.objects.filter(scope.dossier_q(), datum__range=(van, tot), zrm_meting__isnull=False)
    metingen = list(evaluaties.order_by().values_list("client", "zrm_meting", "zrm_meting__meetdatum"))
    if not metingen:
        return []
    intakes: dict[int, list[tuple[date, int]]] = defaultdict(list)
    intake_qs = ZrmMeting.objects.filter(onderzoek__isnull=False, client__in=evaluaties.values("client")).order_by()
    for client, meting, meetdatum in intake_qs.values_list("client", "id", "meetdatum"):
        intakes[client].append((meetdatum, meting))
    scores: dict[int, dict[str, int]] = defaultdict(dict)
    score_qs = ZrmScore.objects.filter(
        Q(meting__in=evaluaties.values("zrm_meting")) | Q(meting__in=intake_qs.values("id"))
    ).order_by()
    for meting, domein, score in score_qs.values_list("meting", "domein", "score"):
        scores[meting][domein] = score
    paren = []
    for client, meting, meetdatum in metingen:
        eerder = [(d, m) for d, m in intakes.get(client, ()) if d <= meetdatum and m != meting]
        if eerder:
            paren.append((scores.get(max(eerder)[1], {}), scores.get(meting, {})))
    return paren


@onthouden
def doorlooptijden(scope: Scope, van: date, tot: date) -> list[tuple[date, date, date | None, date | None]]:
    """(besluitdatum, aanvraagdatum, meldingsdatum, first onderzoek date) of the decisions taken in [van, tot]
    that answer an aanvraag. District filter by the client; the allocation filters do not apply to decisions."""
    q = Q(gemeente__in=[g.pk for g in scope.gemeenten])
    if scope.wijk is not None:
        q &= Q(client__wijk=scope.wijk)
    eerste_onderzoek = (
        Onderzoek.objects.filter(melding=OuterRef("aanvraag__melding")).order_by("datum").values("datum")[:1]
    )
    return list(
        Beschikking.objects.filter(q, besluitdatum__range=(van, tot), aanvraag__isnull=False)
        .order_by()
        .annotate(onderzoek=Subquery(eerste_onderzoek))
        .values_list("besluitdatum", "aanvraag__aanvraagdatum", "aanvraag__melding__meldingsdatum", "onderzoek")
    )


def _goedgekeurd(scope: Scope):
    return Prestatie.objects.filter(scope.toewijzing_q("toewijzing__"), status=PrestatieStatus.GOEDGEKEURD).order_by()


MET_TEKEN = Sum(
    Case(
        When(debet_credit="C", then=-F("bedrag")),
        default=F("bedrag"),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )
)


@onthouden
def gedeclareerd(scope: Scope, van: date, tot: date) -> list[tuple]:
    """(aanbieder id, product id, arrangement key, invoiced amount, allocations with an approved debit line) of
    the approved claim lines with a `begindatum` in [van, tot], summed per group in SQL."""
    rijen = (
        _goedgekeurd(scope)
        .filter(begindatum__range=(van, tot))
        .values("toewijzing__aanbieder", "toewijzing__product", f"{BP}arrangement", f"{BP}trajecttype")
        .annotate(bedrag=MET_TEKEN, toewijzingen=Count("toewijzing", distinct=True, filter=Q(debet_credit="D")))
    )
    return [
        (
            r["toewijzing__aanbieder"],
            r["toewijzing__product"],
            _arrangement(r[f"{BP}arrangement"], r[f"{BP}trajecttype"], r["toewijzing__product"]),
            bedrag(r["bedrag"] or 0),
            r["toewijzingen"],
        )
        for r in rijen
    ]


@onthouden
def gedeclareerd_per_jaar(scope: Scope, eerste: int, laatste: int) -> dict[int, Decimal]:
    """Invoiced (approved lines, debit minus credit) per year of `begindatum`, eerste..laatste."""
    rijen = (
        _goedgekeurd(scope)
        .filter(begindatum__range=(date(eerste, 1, 1), date(laatste, 12, 31)))
        .annotate(jaar=ExtractYear("begindatum"))
        .values("jaar")
        .annotate(bedrag=MET_TEKEN)
    )
    return {r["jaar"]: bedrag(r["bedrag"] or 0) for r in rijen}


@onthouden
def begroting_per_jaar(scope: Scope, eerste: int, laatste: int) -> dict[int, tuple[Decimal, Decimal | None]]:
    """Budgeted spend and income per year (summed over the provision groups the product or segment filter
    leaves; income None when no budget line of the year has one)."""
    qs = Begroting.objects.filter(gemeente__in=[g.pk for g in scope.gemeenten], jaar__range=(eerste, laatste))
    if scope.product is not None:
        qs = qs.filter(voorzieningsoort=scope.product.voorzieningsoort_id)
    if scope.segment:
        qs = qs.filter(voorzieningsoort__soort=scope.segment)
    rijen = qs.order_by().values("jaar").annotate(uitgaven=Sum("uitgaven"), inkomsten=Sum("inkomsten"))
    return {
        r["jaar"]: (bedrag(r["uitgaven"]), None if r["inkomsten"] is None else bedrag(r["inkomsten"])) for r in rijen
    }
