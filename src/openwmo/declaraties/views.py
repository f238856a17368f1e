from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.rollen import Rol, mag_persoonsgegevens_zien
from openwmo.inkoop.selectors import aanbieder_van

from .antwoord import header_uit_kapot_bericht
from .betaling import betaalbatch_csv, betaalbatch_maken, betaalbatch_xlsx
from .forms import BetaalbatchForm, DeclaratieUploadForm
from .selectors import betaalbatches_voor, declaratie_ophalen, declaraties_voor, mag_declaraties_beheren
from .services import declaratie_verwerken_323


class DeclaratieLijstView(LoginRequiredMixin, ListView):
    template_name = "declaraties/lijst.html"
    context_object_name = "declaraties"
    paginate_by = 50

    def get_queryset(self):
        return declaraties_voor(self.request.user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            mag_indienen=user.rol == Rol.AANBIEDER and aanbieder_van(user) is not None,
            mag_beheren=mag_declaraties_beheren(user),
            **kwargs,
        )


class DeclaratieDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        declaratie = declaratie_ophalen(request.user, pk)
        toon_bsn = mag_persoonsgegevens_zien(request.user)
        regels = declaratie.prestaties.select_related("toewijzing").order_by("volgnummer")
        if request.GET.get("status") in ("goedgekeurd", "afgekeurd"):
            regels = regels.filter(status=request.GET["status"])
        pagina = Paginator(regels, 200).get_page(request.GET.get("page"))
        if toon_bsn:
            log_verwerking(
                request.user,
                Actie.LEZEN,
                activiteit="Declaratie met BSN's raadplegen",
                doel="Uitvoering Wmo 2015: declaraties controleren",
                object_type="Declaratie",
                object_id=declaratie.pk,
                gemeente=declaratie.gemeente,
            )
        return render(
            request,
            "declaraties/detail.html",
            {"declaratie": declaratie, "pagina": pagina, "toon_bsn": toon_bsn, "filter": request.GET.get("status")},
        )


class Antwoord325View(LoginRequiredMixin, View):
    def get(self, request, pk):
        declaratie = declaratie_ophalen(request.user, pk)
        declaratie.refresh_from_db(fields=["antwoord_325"])
        if declaratie.antwoord_325 is None:
            raise Http404
        response = HttpResponse(bytes(declaratie.antwoord_325), content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="{declaratie.declaratienummer}.325.xml"'
        return response


class DeclaratieIndienenView(LoginRequiredMixin, View):
    """A provider uploads a WMO323 of its own; the outcome and the 325 are shown at once."""

    def _aanbieder(self, request):
        aanbieder = aanbieder_van(request.user) if request.user.rol == Rol.AANBIEDER else None
        if aanbieder is None:
            raise PermissionDenied
        return aanbieder

    def get(self, request):
        self._aanbieder(request)
        return render(request, "declaraties/indienen.html", {"form": DeclaratieUploadForm()})

    def post(self, request):
        aanbieder = self._aanbieder(request)
        form = DeclaratieUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, "declaraties/indienen.html", {"form": form}, status=400)
        xml = form.cleaned_data["bestand"].read()
        header = header_uit_kapot_bericht(xml)
        if header is not None and header.afzender != aanbieder.agb_code:
            form.add_error(
                "bestand",
                _("De afzender in dit bericht (AGB %(agb)s) is niet uw organisatie.") % {"agb": header.afzender},
            )
            return render(request, "declaraties/indienen.html", {"form": form}, status=400)
        uitkomst = declaratie_verwerken_323(xml, user=request.user)
        if uitkomst.declaratie is not None:
            if uitkomst.herhaald:
                messages.info(request, _("Deze declaratie was al verwerkt; er is niets veranderd."))
            else:
                messages.success(request, _("De declaratie is verwerkt."))
            return redirect("declaraties:detail", uitkomst.declaratie.pk)
        antwoord = uitkomst.antwoord_325.decode("utf-8") if uitkomst.antwoord_325 else ""
        return render(
            request,
            "declaraties/indienen.html",
            {"form": DeclaratieUploadForm(), "uitkomst": uitkomst, "antwoord": antwoord},
            status=422,
        )


class BetaalbatchesView(LoginRequiredMixin, View):
    def _check(self, request):
        if not mag_declaraties_beheren(request.user):
            raise PermissionDenied

    def get(self, request):
        self._check(request)
        form = BetaalbatchForm(user=request.user)
        return self._pagina(request, form)

    def post(self, request):
        self._check(request)
        form = BetaalbatchForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                batch = betaalbatch_maken(
                    form.cleaned_data["aanbieder"],
                    form.cleaned_data["gemeente"],
                    form.cleaned_data["tot_datum"],
                    user=request.user,
                )
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    for melding in meldingen:
                        form.add_error(veld if veld in form.fields else None, melding)
            else:
                messages.success(
                    request,
                    _("Betaalbatch %(nr)s gemaakt: %(n)s prestaties, € %(bedrag)s.")
                    % {"nr": batch.nummer, "n": batch.aantal_regels, "bedrag": batch.bedrag},
                )
                return redirect("declaraties:betaalbatches")
        return self._pagina(request, form, status=400)

    def _pagina(self, request, form, status=200):
        batches = betaalbatches_voor(request.user)[:100]
        return render(request, "declaraties/betaalbatches.html", {"form": form, "batches": batches}, status=status)


class BetaalbatchExportView(LoginRequiredMixin, View):
    def get(self, request, pk, formaat):
        batch = get_object_or_404(betaalbatches_voor(request.user), pk=pk)
        if formaat == "csv":
            response = HttpResponse(betaalbatch_csv(batch, user=request.user), content_type="text/csv; charset=utf-8")
        elif formaat == "xlsx":
            response = HttpResponse(
                betaalbatch_xlsx(batch, user=request.user),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            raise Http404
        response["Content-Disposition"] = f'attachment; filename="{batch.nummer}.{formaat}"'
        return response
