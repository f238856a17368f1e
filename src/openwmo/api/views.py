"""The API's start page: a plain Dutch page for integrators that links to the schema. No CDN, no JavaScript."""

from django.http import JsonResponse
from django.urls import reverse
from django.views import defaults
from django.views.generic import TemplateView

from .urls_bronnen import BRONNEN


class ApiStartView(TemplateView):
    template_name = "api/start.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            schema_url=reverse("api:schema"),
            bronnen=[(pad, omschrijving, f"{self.request.path}{pad}/") for pad, omschrijving in BRONNEN],
            **kwargs,
        )


def niet_gevonden(request, exception=None):
    """404 for the whole site: JSON under /api/ (as the spec promises), the normal page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Niet gevonden."}, status=404)
    return defaults.page_not_found(request, exception)
