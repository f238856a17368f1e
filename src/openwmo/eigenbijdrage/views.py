from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from openwmo.declaraties.selectors import mag_declaraties_beheren

from ..declaraties.forms import CakExportForm
from .services import cak_export_csv


class CakExportView(LoginRequiredMixin, View):
    """Download of the CAK export for controllers and administrators of the municipality."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not mag_declaraties_beheren(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = CakExportForm(request.GET or None, user=request.user)
        if not request.GET or not form.is_valid():
            return render(request, "eigenbijdrage/cak_export.html", {"form": form}, status=400 if request.GET else 200)
        d = form.cleaned_data
        tekst = cak_export_csv([d["gemeente"]], d["van"], d["tot"], user=request.user)
        response = HttpResponse(tekst, content_type="text/csv; charset=utf-8")
        naam = f"cak-{d['gemeente'].cbs_code}-{d['van'].isoformat()}-{d['tot'].isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response
