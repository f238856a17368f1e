"""Message list, detail, upload, export download, the requests worklist and a small receive endpoint."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.selectors import gemeenten_voor

from .forms import AfwijzenForm, BerichtFilterForm, UploadForm
from .inbox import OntvangstGeweigerd, max_bytes, ontvang_van_gebruiker
from .models import Kanaal
from .outbox import te_verzenden, verzoek_afwijzen, verzoek_in_onderzoek, zip_voor_ontvanger
from .selectors import achterstallig_q, berichten_voor, is_aanbieder, mag_berichten_zien, open_verzoeken_voor


class BerichtenToegang(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self):
        return mag_berichten_zien(self.request.user)


class GemeenteToegang(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self):
        return mag_berichten_zien(self.request.user) and not is_aanbieder(self.request.user)


class BerichtLijstView(BerichtenToegang, ListView):
    template_name = "berichten/bericht_lijst.html"
    context_object_name = "berichten"
    paginate_by = 50

    def get_queryset(self):
        self.form = BerichtFilterForm(self.request.GET or None)
        berichten = berichten_voor(self.request.user)
        if self.form.is_valid():
            data = self.form.cleaned_data
            for veld in ("berichtcode", "richting", "status"):
                if data[veld]:
                    berichten = berichten.filter(**{veld: data[veld]})
            if data["te_laat"]:
                berichten = berichten.filter(achterstallig_q())
        return berichten

    def get_context_data(self, **kwargs):
        querystring = self.request.GET.copy()
        querystring.pop("page", None)
        return super().get_context_data(
            form=self.form, querystring=querystring.urlencode(), vandaag=timezone.localdate(), **kwargs
        )


class BerichtDetailView(BerichtenToegang, DetailView):
    template_name = "berichten/bericht_detail.html"
    context_object_name = "bericht"

    def get_object(self, queryset=None):
        bericht = get_object_or_404(berichten_voor(self.request.user).defer(None), pk=self.kwargs["pk"])
        log_verwerking(
            self.request.user,
            Actie.LEZEN,
            activiteit="iWmo-bericht inzien",
            doel="Uitvoering Wmo 2015",
            object_type="Bericht",
            object_id=bericht.pk,
            gemeente=bericht.gemeente,
        )
        return bericht


class UploadView(BerichtenToegang, View):
    template_name = "berichten/upload.html"

    def get(self, request):
        return render(request, self.template_name, {"form": UploadForm()})

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        resultaten, limiet = [], max_bytes()
        for bestand in form.cleaned_data["bestand"]:
            inhoud = bestand.read(limiet + 1)
            try:
                ontvangst = ontvang_van_gebruiker(inhoud, kanaal=Kanaal.UPLOAD, user=request.user)
            except OntvangstGeweigerd as fout:
                resultaten.append((bestand.name, None, str(fout)))
                continue
            resultaten.append((bestand.name, ontvangst, ""))
        return render(request, self.template_name, {"form": UploadForm(), "resultaten": resultaten})


class ExportView(GemeenteToegang, View):
    template_name = "berichten/export.html"

    def get(self, request):
        per_ontvanger = (
            te_verzenden(gemeenten_voor(request.user))
            .values("ontvanger", "aanbieder__naam")
            .annotate(aantal=Count("pk"))
            .order_by("ontvanger")
        )
        return render(request, self.template_name, {"per_ontvanger": per_ontvanger})

    def post(self, request):
        ontvanger = request.POST.get("ontvanger", "")
        inhoud, aantal = zip_voor_ontvanger(ontvanger, gemeenten=gemeenten_voor(request.user), user=request.user)
        if not aantal:
            messages.warning(request, _("Er zijn geen berichten klaar voor %(ontvanger)s.") % {"ontvanger": ontvanger})
            return redirect("berichten:export")
        antwoord = HttpResponse(inhoud, content_type="application/zip")
        naam = f"iwmo_{ontvanger}_{timezone.localdate():%Y%m%d}.zip"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord


class VerzoekLijstView(GemeenteToegang, ListView):
    """Open 315/317 requests of the user's municipalities, the most urgent first.

    Separate from the consultant's main worklist (another module); `open_verzoeken_voor(user)` is the
    selector to merge into it later.
    """

    template_name = "berichten/verzoek_lijst.html"
    context_object_name = "verzoeken"
    paginate_by = 50

    def get_queryset(self):
        return open_verzoeken_voor(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(afwijzen_form=AfwijzenForm(), vandaag=timezone.localdate(), **kwargs)


class VerzoekActieView(GemeenteToegang, View):
    def post(self, request, pk, actie):
        verzoek = get_object_or_404(open_verzoeken_voor(request.user), pk=pk)
        try:
            if actie == "afwijzen":
                form = AfwijzenForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Kies een reden van afwijzing."))
                verzoek_afwijzen(verzoek, form.cleaned_data["reden"], request.user)
                messages.success(
                    request,
                    _("Verzoek %(ref)s is afgewezen; het antwoordbericht (319) staat klaar.")
                    % {"ref": verzoek.referentie_aanbieder},
                )
            else:
                verzoek_in_onderzoek(verzoek, request.user)
                messages.success(
                    request,
                    _("Verzoek %(ref)s is in onderzoek; het antwoordbericht (319) staat klaar.")
                    % {"ref": verzoek.referentie_aanbieder},
                )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        return redirect("berichten:verzoeken")


class OntvangApiView(BerichtenToegang, View):
    """POST one raw iWmo message (body = XML); answers with the retour/325 XML or the rejection as JSON."""

    def post(self, request):
        if len(request.body) > max_bytes():
            return JsonResponse(
                {"status": "afgekeurd", "retourcodes": ["0001"], "meldingen": [_("Bericht is te groot.")]}, status=413
            )
        try:
            ontvangst = ontvang_van_gebruiker(request.body, kanaal=Kanaal.API, user=request.user)
        except OntvangstGeweigerd as fout:
            return JsonResponse({"status": "geweigerd", "meldingen": [str(fout)]}, status=403)
        if ontvangst.antwoord is not None:
            return HttpResponse(bytes(ontvangst.antwoord.inhoud), content_type="application/xml")
        samenvatting = ontvangst.samenvatting
        return JsonResponse(samenvatting, status=422 if samenvatting["status"] == "afgekeurd" else 202)
