"""Worklist, client dossier and the decision letter."""

from datetime import date

from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Verwerking

from ..brief import beschikkingsbrief_pdf
from ..models import Beschikking, Ondersteuningsplan, Toewijzing
from ..selectors import SOORT_LABELS, signalen_voor, zrm_reeks
from ._basis import DOEL, ToegangMixin


class WerkvoorraadView(ToegangMixin, View):
    def get(self, request):
        alle = request.GET.get("alle") == "1"
        vandaag = date.today()
        signalen = signalen_voor(request.user, vandaag, alleen_eigen=not alle)
        log_verwerking(
            request.user,
            Actie.LEZEN,
            activiteit="Werkvoorraad raadplegen",
            doel=DOEL,
            object_type="Signaal",
            omschrijving=f"{len(signalen)} signalen" + (", alle cliënten" if alle else ""),
        )
        rijen = [(s, SOORT_LABELS[s.soort]) for s in signalen]
        return render(request, "toegang/werkvoorraad.html", {"rijen": rijen, "alle": alle, "vandaag": vandaag})


class DossierView(ToegangMixin, View):
    """The whole story of one client on one screen. Opening it is logged (client_ophalen)."""

    def get(self, request, pk):
        client = self.client(pk)
        huisgenoten = client.huishouden.leden.exclude(pk=client.pk) if client.huishouden_id else []
        plan_q = Q(client=client)
        if client.huishouden_id:
            plan_q |= Q(huishouden_id=client.huishouden_id)
        toewijzingen = (
            Toewijzing.objects.filter(client=client)
            .select_related("product", "aanbieder")
            .annotate(aantal_contactmomenten=Count("contactmomenten"))
        )
        context = {
            "client": client,
            "huisgenoten": huisgenoten,
            "meldingen": client.meldingen.prefetch_related("onderzoeken__zrm__scores"),
            "plannen": Ondersteuningsplan.objects.filter(plan_q)
            .select_related("regisseur")
            .prefetch_related("doelen__resultaatgebied"),
            "aanvragen": client.aanvragen.select_related("beschikking"),
            "beschikkingen": Beschikking.objects.filter(client=client).prefetch_related(
                "producten__product", "producten__arrangement", "producten__trajecttype"
            ),
            "toewijzingen": toewijzingen.prefetch_related("intensiteitswijzigingen"),
            "evaluaties": client.evaluaties.select_related("toewijzing", "zrm_meting").prefetch_related("doelen__doel"),
            "zrm": zrm_reeks(client),
            "logboek": Verwerking.objects.filter(betrokkene=client).select_related("gebruiker")[:30],
            "vandaag": date.today(),
        }
        return render(request, "toegang/dossier.html", context)


class BriefView(ToegangMixin, View):
    """Download the decision letter (PDF); logged as an export."""

    def get(self, request, pk):
        beschikking = self.object(Beschikking, pk, "Beschikking raadplegen")
        pdf = beschikkingsbrief_pdf(beschikking)
        log_verwerking(
            request.user,
            Actie.EXPORTEREN,
            activiteit="Beschikkingsbrief downloaden",
            doel=DOEL,
            object_type="Beschikking",
            object_id=beschikking.pk,
            betrokkene=beschikking.client,
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="beschikking-{beschikking.beschikkingsnummer}.pdf"'
        return response
