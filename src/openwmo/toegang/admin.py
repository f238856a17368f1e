from django.contrib import admin

from openwmo.core.admin_scoping import GemeenteScopedAdmin

from .models import Beschikking, Toewijzing


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
