from django.contrib import admin

from openwmo.core.admin_scoping import AlleenLezenAdmin, GemeenteScopedAdmin

from .models import Aanvraag, Beschikking, Evaluatie, Melding, Ondersteuningsplan, Overgangsregel, Toewijzing
from .services import overgangsregel_create


@admin.register(Beschikking)
class BeschikkingAdmin(GemeenteScopedAdmin):
    list_display = ["beschikkingsnummer", "client", "gemeente", "besluitdatum", "ingangsdatum", "einddatum", "besluit"]
    list_filter = ["gemeente", "besluit"]
    raw_id_fields = ["client"]


@admin.register(Toewijzing)
class ToewijzingAdmin(GemeenteScopedAdmin):
    list_display = ["toewijzingsnummer", "product", "aanbieder", "gemeente", "ingangsdatum", "einddatum"]
    list_filter = ["gemeente", "product__voorzieningsoort", "uitvoeringsvariant"]
    raw_id_fields = ["client", "beschikking", "vorige"]
    search_fields = ["=toewijzingsnummer"]

    def has_change_permission(self, request, obj=None):
        return False  # allocations change only through the toegang services (they send a new 301)

    def has_add_permission(self, request):
        return False


@admin.register(Overgangsregel)
class OvergangsregelAdmin(GemeenteScopedAdmin):
    """Transition rules are set by the functioneel beheerder; saving goes through the service (validated, logged)."""

    list_display = ["gemeente", "product", "datum", "toelichting"]
    list_filter = ["gemeente"]

    def has_change_permission(self, request, obj=None):
        return False if obj is not None else super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        nieuw = overgangsregel_create(
            user=request.user, gemeente=obj.gemeente, product=obj.product, datum=obj.datum, toelichting=obj.toelichting
        )
        obj.pk = nieuw.pk


@admin.register(Melding, Aanvraag, Ondersteuningsplan, Evaluatie)
class ToegangAlleenLezenAdmin(AlleenLezenAdmin, GemeenteScopedAdmin):
    """Case records are written through the consultant's screens only; the admin shows them read-only."""

    raw_id_fields = ["client"]
