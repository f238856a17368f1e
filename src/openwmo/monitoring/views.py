"""The dashboards in the web UI: aggregated numbers only, scoped to the user's municipalities."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from openwmo.core.rollen import mag_stuurinformatie_zien

from .dashboards import DASHBOARDS, tonen
from .export import als_csv, als_xlsx
from .filters import FilterForm
from .geheugen import een_meting
from .indicatoren import per_niveau
from .tabellen import RAPPORTEN


class SturingToegang(LoginRequiredMixin):
    """Controller, beheerder and contractmanager only (403 for the others)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not mag_stuurinformatie_zien(request.user):
            raise PermissionDenied(_("Sturingsinformatie is er voor beleid, control, inkoop en beheer."))
        return super().dispatch(request, *args, **kwargs)


class MetFilters(SturingToegang):
    alleen_regio = False

    def filterform(self) -> FilterForm:
        return FilterForm(self.request.GET, user=self.request.user, alleen_regio=self.alleen_regio)


class IndexView(MetFilters, TemplateView):
    template_name = "monitoring/index.html"

    def get_context_data(self, **kwargs):
        form = self.filterform()
        return super().get_context_data(
            dashboards=DASHBOARDS.values(), form=form, querystring=form.querystring() if form.is_valid() else ""
        )


class DashboardView(MetFilters, TemplateView):
    template_name = "monitoring/dashboard.html"

    def dispatch(self, request, *args, **kwargs):
        self.dashboard = DASHBOARDS.get(kwargs["slug"])
        if self.dashboard is None:
            raise Http404(_("Dit dashboard bestaat niet."))
        self.alleen_regio = self.dashboard.regio
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = self.filterform()
        onderdelen, grafieken = [], []
        if form.is_valid():
            with een_meting():
                getoonden = tonen(self.dashboard, form.scope())
            for i, getoond in enumerate(getoonden):
                ids = []
                for j, data in enumerate(getoond.grafieken):
                    ids.append((f"grafiek-{i}-{j}", data))
                grafieken += ids
                onderdelen.append({"naam": getoond.naam, "tabel": getoond.tabel, "grafieken": ids})
        return super().get_context_data(
            dashboard=self.dashboard,
            dashboards=DASHBOARDS.values(),
            form=form,
            onderdelen=onderdelen,
            querystring=form.querystring(),
            **kwargs,
        )


class ExportView(MetFilters, TemplateView):
    """One table as CSV or XLSX, with the same filters as the page it came from."""

    def get(self, request, naam, formaat):
        if naam not in RAPPORTEN or formaat not in ("csv", "xlsx"):
            raise Http404(_("Deze tabel of dit formaat bestaat niet."))
        self.alleen_regio = False
        form = self.filterform()
        if not form.is_valid():
            return HttpResponseBadRequest(_("Ongeldige filters: %(fouten)s") % {"fouten": form.errors.as_text()})
        tabel = RAPPORTEN[naam].maak(form.scope())
        bestandsnaam = f"{naam}-{form.cleaned_data['gebied'].replace(':', '')}-{form.cleaned_data['jaar']}"
        if formaat == "csv":
            antwoord = HttpResponse("\ufeff" + als_csv(tabel), content_type="text/csv; charset=utf-8")
        else:
            antwoord = HttpResponse(
                als_xlsx(tabel), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}.{formaat}"'
        return antwoord


class IndicatorenView(MetFilters, TemplateView):
    template_name = "monitoring/indicatoren.html"

    def get_context_data(self, **kwargs):
        form = self.filterform()
        scope = form.scope() if form.is_valid() else None
        with een_meting():
            niveaus = self._niveaus(scope)
        return super().get_context_data(
            niveaus=niveaus, form=form, scope=scope, querystring=form.querystring(), dashboards=DASHBOARDS.values()
        )

    def _niveaus(self, scope):
        niveaus = []
        for code, label, uitleg, indicatoren in per_niveau():
            rijen = []
            for indicator in indicatoren:
                waarde = indicator.waarde(scope) if scope is not None else None
                rijen.append({"indicator": indicator, "waarde": waarde, "tabel": RAPPORTEN.get(indicator.tabel)})
            niveaus.append({"code": code, "label": label, "uitleg": uitleg, "rijen": rijen})
        return niveaus


class RaadsrapportView(MetFilters, TemplateView):
    """The council report as PDF: every dashboard's tables, with simple bar charts drawn on the server."""

    def get(self, request):
        from .pdf import raadsrapport_pdf

        form = self.filterform()
        if not form.is_valid():
            return HttpResponseBadRequest(_("Ongeldige filters: %(fouten)s") % {"fouten": form.errors.as_text()})
        scope = form.scope()
        pdf = raadsrapport_pdf(scope, request=request)
        naam = f"raadsrapportage-{form.cleaned_data['gebied'].replace(':', '')}-{form.cleaned_data['jaar']}.pdf"
        antwoord = HttpResponse(pdf, content_type="application/pdf")
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
