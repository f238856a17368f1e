"""Reads of toegang data, scoped to the user's municipalities (and to its own provider for providers).

Consultant screens read through `voor_user(Model, user)`: only consulent/beheerder/superuser of the
client's municipality see anything (the same rule as `core.selectors.clienten_voor`).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet

from openwmo.core.periodes import actief_op_q
from openwmo.core.rollen import Rol
from openwmo.core.selectors import clienten_voor, gemeenten_voor
from openwmo.inkoop.selectors import aanbieder_van

from . import termijnen
from .codelijsten import ZRM_DOMEINEN
from .models import (
    Aanvraag,
    Beschikking,
    BeschiktProduct,
    Evaluatie,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    Toewijzing,
    ZrmMeting,
)
from .termijnen import Termijnstatus


def toewijzingen_voor(user) -> QuerySet[Toewijzing]:
    """Allocations the user may see: own municipalities; a provider's employee only its own provider's."""
    toewijzingen = Toewijzing.objects.select_related("product", "aanbieder", "client", "gemeente")
    if user.is_authenticated and user.rol == Rol.AANBIEDER and not user.is_superuser:
        aanbieder = aanbieder_van(user)
        return toewijzingen.filter(aanbieder=aanbieder) if aanbieder else toewijzingen.none()
    return toewijzingen.filter(gemeente__in=gemeenten_voor(user))


def beschikkingen_voor(user) -> QuerySet[Beschikking]:
    """Decisions the user may see: municipal staff of the decision's municipality; never a provider."""
    if not user.is_authenticated or (user.rol == Rol.AANBIEDER and not user.is_superuser):
        return Beschikking.objects.none()
    return Beschikking.objects.select_related("client", "gemeente").filter(gemeente__in=gemeenten_voor(user))


def toewijzingen_active_on(dag: date, queryset: QuerySet[Toewijzing] | None = None) -> QuerySet[Toewijzing]:
    return (queryset if queryset is not None else Toewijzing.objects.all()).filter(actief_op_q(dag))


def voor_user(model, user) -> QuerySet:
    """Any toegang record of a client the user may see (consultant screens). Others get an empty set."""
    if model is BeschiktProduct:
        return model.objects.filter(beschikking__client__in=clienten_voor(user)).select_related(
            "beschikking__client__gemeente", "product"
        )
    return model.objects.filter(client__in=clienten_voor(user)).select_related("client", "gemeente")


# --- Werkvoorraad (signals) -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signaal:
    soort: str  # onderzoek | beschikking | vervolgstap | evaluatie, or one registered by another app
    omschrijving: str
    client: object  # None for a signal about the municipality's work rather than one client (e.g. an export)
    uiterlijk: date
    status: Termijnstatus
    object_id: int
    url: str = ""  # where the signal is handled, when that is not the client's dossier


SOORT_LABELS = {
    "onderzoek": "Onderzoek (6 weken na melding)",
    "beschikking": "Beschikking (2 weken na aanvraag)",
    "vervolgstap": "Vervolgstap (uiterlijk 1 maand voor einde)",
    "evaluatie": "Evaluatie gepland",
}

# Other apps add their deadlines to the worklist without toegang importing them: a source is called as
# `bron(user, vandaag, clienten=..., alleen_eigen=...)` and returns Signaal objects scoped to what the user may
# see (`clienten` is already narrowed to the user's own clients when `alleen_eigen`). berichten registers its
# source in its AppConfig.ready().
_SIGNAALBRONNEN: list = []


def signaalbron_registreren(bron, labels: dict) -> None:
    """Add a source of worklist signals and the labels of its signal kinds (idempotent)."""
    if bron not in _SIGNAALBRONNEN:
        _SIGNAALBRONNEN.append(bron)
    SOORT_LABELS.update(labels)


def signaal(soort, omschrijving, client, uiterlijk, vandaag, object_id, url=""):
    """A Signaal when the deadline is near or passed, else None (far deadlines stay off the worklist)."""
    status = termijnen.termijnstatus(uiterlijk, vandaag)
    if status == Termijnstatus.OP_TIJD:
        return None
    return Signaal(soort, omschrijving, client, uiterlijk, status, object_id, url)



def signalen_voor(user, vandaag: date, alleen_eigen: bool = False) -> list[Signaal]:
    """The consultant's worklist: deadlines near (within 7 days) or passed, soonest first.

    - meldingen without an onderzoek or an aanvraag (either closes the investigation), against melding + 6 weeks;
    - aanvragen without a beschikking, against aanvraag + 2 weeks;
    - allocations not yet ended, without an evaluation that decided the next step, against end − 1 month;
    - active plans whose planned evaluation date is near or passed;
    - whatever the registered sources add (`signaalbron_registreren`; berichten: iWmo deadlines).
    `alleen_eigen` keeps the clients whose melding or plan the user handles.
    """
    clienten = clienten_voor(user)
    if alleen_eigen:
        clienten = clienten.filter(Q(meldingen__consulent=user) | Q(plannen__regisseur=user)).distinct()
    signalen = []
    bijna = vandaag + timedelta(days=termijnen.BIJNA_DAGEN)

    meldingen = (
        Melding.objects.filter(client__in=clienten, meldingsdatum__lte=bijna - termijnen.ONDERZOEK_TERMIJN)
        .exclude(Exists(Onderzoek.objects.filter(melding=OuterRef("pk"))))
        .exclude(Exists(Aanvraag.objects.filter(melding=OuterRef("pk"))))
        .select_related("client")
    )
    for m in meldingen:
        signalen.append(signaal("onderzoek", m.vraag[:80], m.client, m.onderzoek_uiterlijk, vandaag, m.pk))

    aanvragen = (
        Aanvraag.objects.filter(client__in=clienten, aanvraagdatum__lte=bijna - termijnen.BESCHIKKING_TERMIJN)
        .exclude(Exists(Beschikking.objects.filter(aanvraag=OuterRef("pk"))))
        .select_related("client")
    )
    for a in aanvragen:
        signalen.append(signaal("beschikking", a.omschrijving[:80], a.client, a.beschikking_uiterlijk, vandaag, a.pk))

    # A month is at most 31 days, plus month-end clamping: this bound is a superset; `signaal` decides exactly.
    grens = bijna + timedelta(days=35)
    toewijzingen = (
        Toewijzing.objects.filter(
            client__in=clienten, einddatum__isnull=False, einddatum__gte=vandaag, einddatum__lte=grens
        )
        .filter(reden_beeindiging="")
        .exclude(Exists(Toewijzing.objects.filter(vorige=OuterRef("pk"))))
        .exclude(Exists(Evaluatie.objects.filter(toewijzing=OuterRef("pk"))))
        .select_related("client", "product")
    )
    for t in toewijzingen:
        uiterlijk = termijnen.vervolgstap_uiterlijk(t.einddatum)
        omschrijving = f"{t.toewijzingsnummer} {t.product.naam} (eindigt {t.einddatum:%d-%m-%Y})"
        signalen.append(signaal("vervolgstap", omschrijving, t.client, uiterlijk, vandaag, t.pk))

    plannen = Ondersteuningsplan.objects.filter(
        client__in=clienten, status=Ondersteuningsplan.Status.ACTIEF, evaluatiedatum__lte=bijna
    ).select_related("client")
    for p in plannen:
        signalen.append(signaal("evaluatie", str(p), p.client, p.evaluatiedatum, vandaag, p.pk))

    for bron in _SIGNAALBRONNEN:
        signalen.extend(bron(user, vandaag, clienten=clienten, alleen_eigen=alleen_eigen))

    return sorted((s for s in signalen if s), key=lambda s: (s.uiterlijk, s.soort, s.object_id))


# --- Client dossier ---------------------------------------------------------------------------------------------


def zrm_reeks(client) -> dict:
    """ZRM over time for the dossier chart: labels (dates) and one data series per domain plus the average."""
    metingen = list(ZrmMeting.objects.filter(client=client).prefetch_related("scores").order_by("meetdatum", "id"))
    per_meting = [m.scores_per_domein() for m in metingen]
    return {
        "labels": [m.meetdatum.strftime("%d-%m-%Y") for m in metingen],
        "gemiddelde": [float(m.gemiddelde) if m.gemiddelde is not None else None for m in metingen],
        "domeinen": [
            {"label": naam, "data": [scores.get(code) for scores in per_meting]} for code, naam in ZRM_DOMEINEN.items()
        ],
    }
