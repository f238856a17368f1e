"""Budget table and scenarios: controllers and contract managers of the municipalities concerned."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from openwmo.core.formviews import ServiceFormView
from openwmo.core.mixins import RolVereistMixin
from openwmo.core.rollen import ROLLEN_MET_INKOOP, ROLLEN_MET_STUURINFORMATIE, mag_inkoop_beheren
from openwmo.core.selectors import gemeenten_voor

from . import forms, selectors, services


class StuurinformatieMixin(RolVereistMixin):
    rollen = ROLLEN_MET_STUURINFORMATIE


class BegrotingView(StuurinformatieMixin, TemplateView):
    template_name = "bekostiging/begroting.html"

    def get_context_data(self, **kwargs):
        eigen = gemeenten_voor(self.request.user)
        form = forms.BegrotingFilterForm(self.request.GET or None, gemeenten=eigen)
        vandaag = datetime.date.today()
        keuze = form.cleaned_data if form.is_valid() else {}
        peildatum = keuze.get("peildatum") or vandaag
        gemeenten = [keuze["gemeente"]] if keuze.get("gemeente") else list(eigen)
        jaren = range(peildatum.year - 3, peildatum.year + 2)
        tabel = selectors.begrotingstabel(gemeenten, jaren, peildatum, keuze.get("voorzieningsoort"))
        begrotingen = selectors.begrotingen_voor(self.request.user).filter(gemeente__in=gemeenten)
        if keuze.get("voorzieningsoort"):
            begrotingen = begrotingen.filter(voorzieningsoort=keuze["voorzieningsoort"])
        return super().get_context_data(
            form=form,
            tabel=tabel,
            peildatum=peildatum,
            begrotingen=begrotingen.filter(jaar__in=jaren),
            mag_wijzigen=mag_inkoop_beheren(self.request.user),
            **kwargs,
        )


class BegrotingNieuwView(RolVereistMixin, ServiceFormView):
    rollen = ROLLEN_MET_INKOOP
    form_class = forms.BegrotingForm
    titel = _("Begroting vastleggen")
    melding = _("De begroting is opgeslagen.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "gemeenten": gemeenten_voor(self.request.user)}

    def uitvoeren(self, form):
        return services.begroting_opslaan(user=self.request.user, **form.cleaned_data)

    def succes_url(self, obj):
        return reverse("bekostiging:begroting")

    def terug_url(self):
        return reverse("bekostiging:begroting")


class ScenarioLijstView(StuurinformatieMixin, ListView):
    template_name = "bekostiging/scenario_lijst.html"
    context_object_name = "scenarios"
    paginate_by = 50

    def get_queryset(self):
        return selectors.scenarios_voor(self.request.user)


class ScenarioNieuwView(StuurinformatieMixin, ServiceFormView):
    form_class = forms.ScenarioForm
    template_name = "bekostiging/scenario_nieuw.html"
    titel = _("Nieuw scenario")
    knop = _("Berekenen en opslaan")
    melding = _("Het scenario is berekend en opgeslagen.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "gemeenten": gemeenten_voor(self.request.user)}

    def uitvoeren(self, form):
        d = form.cleaned_data
        return services.scenario_create(
            user=self.request.user,
            naam=d["naam"],
            jaar=d["jaar"],
            gemeenten=d["gemeenten"],
            model=d["model"],
            parameters=d["parameters"],
        )

    def succes_url(self, obj):
        return reverse("bekostiging:scenario-detail", args=[obj.pk])

    def terug_url(self):
        return reverse("bekostiging:scenario-lijst")


def _grafiekdata(rijen, label_scenario):
    return {
        "labels": [r["naam"] for r in rijen],
        "reeksen": [
            {"label": str(_("Werkelijk (schatting)")), "data": [str(r["werkelijk"]) for r in rijen]},
            {"label": label_scenario, "data": [str(r["scenario"]) for r in rijen]},
        ],
    }


class ScenarioDetailView(StuurinformatieMixin, DetailView):
    template_name = "bekostiging/scenario_detail.html"
    context_object_name = "scenario"

    def get_object(self, queryset=None):
        return selectors.scenario_ophalen(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        s = self.object
        per_gemeente = selectors.uitkomst_per(s, "gemeente")
        return super().get_context_data(
            per_gemeente=per_gemeente,
            per_aanbieder=selectors.uitkomst_per(s, "aanbieder"),
            per_product=selectors.uitkomst_per(s, "product"),
            grafiek=_grafiekdata(per_gemeente, str(_("Scenario"))),
            **kwargs,
        )


class ScenarioVergelijkView(StuurinformatieMixin, TemplateView):
    """Saved scenarios side by side: totals, and the scenario amount per municipality."""

    template_name = "bekostiging/scenario_vergelijk.html"

    def get_context_data(self, **kwargs):
        ids = [int(i) for i in self.request.GET.getlist("id") if i.isdigit()]
        scenarios = list(selectors.scenarios_voor(self.request.user).filter(pk__in=ids).order_by("pk"))
        gemeenten: dict[str, list] = {}
        for nr, s in enumerate(scenarios):
            for r in selectors.uitkomst_per(s, "gemeente"):
                rij = gemeenten.setdefault(r["naam"], [None] * len(scenarios))
                rij[nr] = r
        grafiek = {
            "labels": [s.naam for s in scenarios],
            "reeksen": [
                {"label": str(_("Werkelijk (schatting)")), "data": [str(s.totaal_werkelijk) for s in scenarios]},
                {"label": str(_("Scenario")), "data": [str(s.totaal_scenario) for s in scenarios]},
            ],
        }
        return super().get_context_data(
            scenarios=scenarios, gemeenten=sorted(gemeenten.items()), grafiek=grafiek, **kwargs
        )


class ScenarioVerwijderenView(StuurinformatieMixin, View):
    def post(self, request, pk):
        scenario = selectors.scenario_ophalen(request.user, pk)
        services.scenario_verwijderen(user=request.user, scenario=scenario)
        messages.success(request, _("Het scenario is verwijderd."))
        return redirect("bekostiging:scenario-lijst")
