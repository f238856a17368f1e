"""The GMSD export page: personal data (BSN), so only for the functioneel beheerder, and always logged."""

from datetime import date

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.rollen import Rol, mag_persoonsgegevens_zien
from openwmo.core.selectors import gemeenten_voor

from .gmsd import gmsd_csv


def mag_gmsd_exporteren(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or (mag_persoonsgegevens_zien(user) and user.rol == Rol.BEHEERDER))
    )


class GmsdForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=gettext_lazy("Gemeente"), queryset=None, empty_label=None)
    jaar = forms.IntegerField(label=gettext_lazy("Verslagjaar"), min_value=2015, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_voor(user)


class GmsdView(LoginRequiredMixin, TemplateView):
    template_name = "monitoring/gmsd.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not mag_gmsd_exporteren(request.user):
            raise PermissionDenied(_("De GMSD-export bevat BSN's en is alleen voor de functioneel beheerder."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if "gemeente" not in request.GET:
            form = GmsdForm(initial={"jaar": date.today().year - 1}, user=request.user)
            return self.render_to_response(self.get_context_data(form=form))
        form = GmsdForm(request.GET, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        gemeente, jaar = form.cleaned_data["gemeente"], form.cleaned_data["jaar"]
        tekst, aantal = gmsd_csv(gemeente, jaar)
        log_verwerking(
            request.user,
            Actie.EXPORTEREN,
            activiteit="GMSD-export",
            doel="Wettelijke levering aan CBS (Gemeentelijke Monitor Sociaal Domein)",
            object_type="Toewijzing",
            gemeente=gemeente,
            omschrijving=f"Verslagjaar {jaar}: {aantal} regels",
        )
        antwoord = HttpResponse(tekst, content_type="text/csv; charset=utf-8")
        antwoord["Content-Disposition"] = f'attachment; filename="gmsd-wmo-{gemeente.cbs_code}-{jaar}.csv"'
        return antwoord
