"""The import page for the functioneel beheerder: upload, dry run or real, errors per file and row, CSV report.

The import runs in the request for now; when the task framework lands it moves to a background job
with the same `service.importeer` call (its `voortgang` callback then feeds the progress bar).
"""

import csv
import io

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import HttpResponse
from django.views import View
from django.views.generic import FormView

from openwmo.core.rollen import ROLLEN_MET_BEHEER
from openwmo.core.selectors import gemeenten_voor

from .bestanden import BestandFout, Grenzen, lees_upload
from .export import veilig
from .forms import ImportForm
from .service import ImportOpties, importeer

SESSIE_SLEUTEL = "importeren_foutrapport"
MAX_FOUTEN_IN_RAPPORT = 20_000


class AlleenBeheerderMixin(LoginRequiredMixin, UserPassesTestMixin):
    raise_exception = True

    def test_func(self):
        user = self.request.user
        return user.is_superuser or user.rol in ROLLEN_MET_BEHEER


class ImportView(AlleenBeheerderMixin, FormView):
    template_name = "importeren/import.html"
    form_class = ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "gemeenten": gemeenten_voor(self.request.user).order_by("naam")}

    def form_valid(self, form):
        bestand = form.cleaned_data["bestand"]
        try:
            bladen = lees_upload(bestand.name, bestand.read(), Grenzen.uit_instellingen(settings))
        except BestandFout as fout:
            form.add_error("bestand", f"{fout.bestand}: {fout.melding}")
            return self.form_invalid(form)
        opties = ImportOpties(
            gemeente=form.cleaned_data["gemeente"] or None,
            dry_run=form.cleaned_data["proef"],
            partial=form.cleaned_data["partial"],
            historisch=form.cleaned_data["historisch"],
            aanbieders_aanmaken=form.cleaned_data["aanbieders_aanmaken"],
            producten_aanmaken=form.cleaned_data["producten_aanmaken"],
        )
        resultaat = importeer(bladen, opties, user=self.request.user)
        self.request.session[SESSIE_SLEUTEL] = [
            [f.bestand, f.rij, f.kolom, f.melding] for f in resultaat.fouten[:MAX_FOUTEN_IN_RAPPORT]
        ]
        return self.render_to_response(self.get_context_data(form=form, resultaat=resultaat))


class FoutrapportView(AlleenBeheerderMixin, View):
    """The errors of the last import in this session as CSV (UTF-8 with BOM, `;`, formula-safe)."""

    def get(self, request):
        uit = io.StringIO()
        schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
        schrijver.writerow(["bestand", "rij", "kolom", "melding"])
        for rij in request.session.get(SESSIE_SLEUTEL, []):
            schrijver.writerow([veilig(waarde) for waarde in rij])
        antwoord = HttpResponse(uit.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
        antwoord["Content-Disposition"] = 'attachment; filename="foutrapport-import.csv"'
        return antwoord
