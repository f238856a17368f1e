"""Project-level views: the start page that shows each role what it works on."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from openwmo.catalogus.models import Product
from openwmo.core.rollen import Rol, mag_stuurinformatie_zien
from openwmo.core.selectors import clienten_voor, gemeenten_voor
from openwmo.inkoop.models import Aanbieder, Contract
from openwmo.inkoop.selectors import aanbieder_van
from openwmo.toegang.selectors import toewijzingen_voor


class StartView(LoginRequiredMixin, TemplateView):
    template_name = "start.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context["gemeenten"] = gemeenten_voor(user)
        context["rol_label"] = Rol(user.rol).label if user.rol in Rol.values else ""
        tegels = []
        if user.rol in (Rol.CONSULENT, Rol.BEHEERDER) or user.is_superuser:
            tegels.append((_("Cliënten in uw gemeenten"), clienten_voor(user).count()))
            context["werkvoorraad_url"] = reverse("toegang:werkvoorraad")
        if user.rol == Rol.AANBIEDER:
            context["aanbieder"] = aanbieder_van(user)
        if user.rol in (Rol.CONSULENT, Rol.CONTROLLER, Rol.AANBIEDER) or user.is_superuser:
            tegels.append((_("Toewijzingen"), toewijzingen_voor(user).count()))
        if user.rol in (Rol.CONTRACTMANAGER, Rol.BEHEERDER) or user.is_superuser:
            tegels.append((_("Aanbieders"), Aanbieder.objects.count()))
            tegels.append((_("Contracten"), Contract.objects.count()))
            tegels.append((_("Producten in de catalogus"), Product.objects.count()))
        context["tegels"] = tegels
        context["sturing"] = mag_stuurinformatie_zien(user)
        return context
