from django.contrib import admin

from openwmo.core.admin_scoping import AlleenLezenAdmin, GemeenteScopedAdmin

from .models import Betaalbatch, Declaratie


@admin.register(Declaratie)
class DeclaratieAdmin(AlleenLezenAdmin, GemeenteScopedAdmin):
    """Read-only: claims arrive only through the claim service (323, CSV, API)."""

    list_display = ["declaratienummer", "aanbieder", "gemeente", "periode_begindatum", "status", "toegekend_totaal"]
    list_filter = ["gemeente", "status", "bron"]
    search_fields = ["=declaratienummer", "aanbieder__agb_code"]
    exclude = ["bericht_323", "antwoord_325"]


@admin.register(Betaalbatch)
class BetaalbatchAdmin(AlleenLezenAdmin, GemeenteScopedAdmin):
    list_display = ["nummer", "aanbieder", "gemeente", "tot_datum", "aantal_regels", "bedrag"]
    list_filter = ["gemeente"]
