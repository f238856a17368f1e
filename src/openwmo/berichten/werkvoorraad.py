"""The iWmo deadlines on the consultant's worklist (toegang's `signalen_voor`), registered in `apps.ready()`.

- **verzoek**: an open 315/317 against its 5-working-day deadline (OP274/OP346), linked to the grant page;
- **retour**: retours (306/308/316/318/325) ready but not yet exported, 3 working days after receipt (OP090),
  one signal per municipality and provider (the action is one download), linked to the export page;
- **declaratie_325**: a 323 still waiting for processing, whose 325 is due 10 working days after receipt;
- **te_laat**: a provider's 305/307 that arrived more than 5 working days after the start/stop (OP271/OP272),
  shown for TE_LAAT_ZICHTBAAR_DAGEN days after its dagtekening.

Only for staff who may see personal data, and only their municipalities. Signals about one client follow the
"only my clients" filter; those about the municipality's message traffic (retour, declaratie_325, and requests
for a BSN Open Wmo does not know) appear on the "all clients of my municipalities" list.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openwmo.core.rollen import mag_persoonsgegevens_zien
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.models import Aanbieder
from openwmo.toegang.selectors import Signaal, signaal
from openwmo.toegang.termijnen import BIJNA_DAGEN, Termijnstatus

from .models import Bericht, Richting, Status
from .selectors import open_verzoeken_voor

TE_LAAT_ZICHTBAAR_DAGEN = 14

LABELS = {
    "verzoek": gettext_lazy("Verzoek van aanbieder beantwoorden (5 werkdagen)"),
    "retour": gettext_lazy("Retourberichten versturen (3 werkdagen)"),
    "declaratie_325": gettext_lazy("Antwoord op declaratie, WMO325 (10 werkdagen)"),
    "te_laat": gettext_lazy("Start/stop zorg te laat gemeld door aanbieder"),
}


def _verzoeken(user, vandaag, bijna, clienten, alleen_eigen) -> list:
    verzoeken = open_verzoeken_voor(user).filter(deadline__lte=bijna)
    verzoeken = verzoeken.filter(client__in=clienten) if alleen_eigen else verzoeken
    return [
        signaal(
            "verzoek",
            _("%(soort)s %(ref)s van %(aanbieder)s") % {
                "soort": v.get_soort_display(),
                "ref": v.referentie_aanbieder,
                "aanbieder": v.aanbieder.naam,
            }
            + ("" if v.client_id else _(" (BSN %(bsn)s onbekend)") % {"bsn": v.bsn}),
            v.client,
            v.deadline,
            vandaag,
            v.pk,
            reverse("berichten:verzoek-toekennen", args=[v.pk]),
        )
        for v in verzoeken
    ]


def _retouren(berichten, vandaag, bijna) -> list:
    per_ontvanger = (
        berichten.filter(antwoord__status=Status.AANGEMAAKT, deadline__lte=bijna)
        .values("gemeente__naam", "aanbieder_id")
        .annotate(uiterlijk=Min("deadline"), aantal=Count("pk"), eerste=Min("pk"))
        .order_by("gemeente__naam", "aanbieder_id")
    )
    namen = dict(Aanbieder.objects.filter(pk__in=[r["aanbieder_id"] for r in per_ontvanger]).values_list("pk", "naam"))
    export = reverse("berichten:export")
    return [
        signaal(
            "retour",
            _("%(aantal)s retourbericht(en) aan %(aanbieder)s (%(gemeente)s) nog niet verzonden")
            % {"aantal": r["aantal"], "aanbieder": namen.get(r["aanbieder_id"], "?"), "gemeente": r["gemeente__naam"]},
            None,
            r["uiterlijk"],
            vandaag,
            r["eerste"],
            export,
        )
        for r in per_ontvanger
    ]


def _declaraties(berichten, vandaag, bijna) -> list:
    wachtend = berichten.filter(berichtcode="323", status=Status.WACHT, deadline__lte=bijna).select_related(
        "aanbieder"
    )
    return [
        signaal(
            "declaratie_325",
            _("Declaratie %(id)s van %(aanbieder)s wacht op verwerking")
            % {"id": b.identificatie, "aanbieder": b.aanbieder.naam if b.aanbieder else b.afzender},
            None,
            b.deadline,
            vandaag,
            b.pk,
            reverse("berichten:detail", args=[b.pk]),
        )
        for b in wachtend
    ]


def _te_laat(berichten, vandaag, clienten) -> list:
    laat = (
        berichten.filter(
            berichtcode__in=("305", "307"),
            te_laat=True,
            status=Status.VERWERKT,
            dagtekening__gte=vandaag - timedelta(days=TE_LAAT_ZICHTBAAR_DAGEN),
            dagtekening__lte=vandaag,
            toewijzing__client__in=clienten,
        )
        .select_related("aanbieder", "toewijzing__client")
        .defer("inhoud")
    )
    soort = {"305": _("Start"), "307": _("Stop")}
    return [
        Signaal(
            "te_laat",
            _("%(soort)s zorg bij toewijzing %(nummer)s te laat gemeld door %(aanbieder)s (meer dan 5 werkdagen)")
            % {"soort": soort[b.berichtcode], "nummer": b.toewijzing.toewijzingsnummer, "aanbieder": b.aanbieder.naam},
            b.toewijzing.client,
            b.dagtekening,
            Termijnstatus.VERLOPEN,  # the provider's deadline has passed by definition
            b.pk,
            reverse("berichten:detail", args=[b.pk]),
        )
        for b in laat
    ]


def signalen(user, vandaag: date, *, clienten, alleen_eigen: bool) -> list:
    """The iWmo signals for `user`'s worklist (see the module docstring); entries may be None (not due yet)."""
    if not (mag_persoonsgegevens_zien(user) or (user.is_authenticated and user.is_superuser)):
        return []
    bijna = vandaag + timedelta(days=BIJNA_DAGEN)
    berichten = Bericht.objects.filter(richting=Richting.IN, gemeente__in=gemeenten_voor(user))
    uit = _verzoeken(user, vandaag, bijna, clienten, alleen_eigen) + _te_laat(berichten, vandaag, clienten)
    if not alleen_eigen:
        uit += _retouren(berichten, vandaag, bijna) + _declaraties(berichten, vandaag, bijna)
    return uit
