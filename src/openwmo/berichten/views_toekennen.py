"""Granting a provider's request (315/317) from the requests worklist: a form for a 315, a confirmation for a 317."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from openwmo.core.audit import Actie, log_verwerking

from .forms import Toekennen315Form
from .models import Verzoek
from .selectors import open_verzoeken_voor
from .toekennen import (
    geen_beschikking,
    geen_client,
    plan_317,
    toegekende_regels,
    verzoek_315_toekennen,
    verzoek_317_toekennen,
    voorstel_315,
)
from .views import GemeenteToegang

TEMPLATE = "berichten/verzoek_toekennen.html"


class VerzoekToekennenView(GemeenteToegang, View):
    """GET: what granting would do (315: a prefilled form; 317: the changes as asked). POST: grant it."""

    def verzoek(self) -> Verzoek:
        verzoek = get_object_or_404(
            open_verzoeken_voor(self.request.user).select_related("bron", "client__gemeente"), pk=self.kwargs["pk"]
        )
        log_verwerking(
            self.request.user,
            Actie.LEZEN,
            activiteit="Verzoek van aanbieder raadplegen",
            doel="Uitvoering Wmo 2015",
            object_type="Verzoek",
            object_id=verzoek.pk,
            betrokkene=verzoek.client,
            gemeente=verzoek.gemeente,
        )
        return verzoek

    def _pagina(self, verzoek, *, form=None, stappen=None, fouten=None, status=200):
        context = {"verzoek": verzoek, "form": form, "stappen": stappen or [], "fouten": fouten or []}
        return render(self.request, TEMPLATE, context, status=status)

    def _form(self, verzoek, data=None):
        regels = toegekende_regels(verzoek)
        initial = voorstel_315(verzoek)
        if regels.count() == 1:
            initial["beschikt_product"] = regels.first()
        return Toekennen315Form(data, initial=initial, regels=regels)

    def get(self, request, pk):
        verzoek = self.verzoek()
        if verzoek.soort == Verzoek.Soort.WIJZIGING:
            try:
                return self._pagina(verzoek, stappen=plan_317(verzoek))
            except ValidationError as fout:
                return self._pagina(verzoek, fouten=fout.messages)
        form = self._form(verzoek)
        if verzoek.client_id is None or not form.fields["beschikt_product"].queryset.exists():
            return self._pagina(verzoek, fouten=waarom_niet(verzoek).messages)
        return self._pagina(verzoek, form=form)

    def post(self, request, pk):
        verzoek = self.verzoek()
        form = None
        try:
            if verzoek.soort == Verzoek.Soort.WIJZIGING:
                toewijzingen = verzoek_317_toekennen(verzoek, user=request.user)
            else:
                form = self._form(verzoek, request.POST)
                if not form.is_valid():
                    if "beschikt_product" in form.errors and not form.fields["beschikt_product"].queryset.exists():
                        raise waarom_niet(verzoek)
                    return self._pagina(verzoek, form=form, status=400)
                toewijzingen = [verzoek_315_toekennen(verzoek, user=request.user, **form.cleaned_data)]
        except ValidationError as fout:
            if form is not None and form.is_bound and hasattr(fout, "error_dict"):
                for veld, meldingen in fout.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, meldingen)
                return self._pagina(verzoek, form=form, status=400)
            return self._pagina(verzoek, form=form, fouten=fout.messages, status=400)
        nummers = ", ".join(t.toewijzingsnummer for t in toewijzingen)
        messages.success(
            request,
            _(
                "Verzoek %(ref)s is toegekend (toewijzing %(nummers)s); de toewijzing (301) met de referentie van de "
                "aanbieder wordt bij de volgende verzending aangemaakt."
            )
            % {"ref": verzoek.referentie_aanbieder, "nummers": nummers},
        )
        return redirect("berichten:verzoeken")


def waarom_niet(verzoek: Verzoek) -> ValidationError:
    """Why a 315 cannot be granted yet: unknown client or no granted decision for the product."""
    return geen_client(verzoek) if verzoek.client_id is None else geen_beschikking(verzoek)
