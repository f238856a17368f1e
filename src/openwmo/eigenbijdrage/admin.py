from django.contrib import admin

from openwmo.core.admin_scoping import GedeeldAdmin

from .models import Abonnementstarief, Bijdrageregel


@admin.register(Abonnementstarief)
class AbonnementstariefAdmin(GedeeldAdmin):
    """The national abonnementstarief per year: the same for every municipality."""

    list_display = ["jaar", "bedrag", "tijdvak"]
    ordering = ["-jaar"]


@admin.register(Bijdrageregel)
class BijdrageregelAdmin(GedeeldAdmin):
    """Which provision kinds carry the contribution: catalogue-level settings without personal data."""

    list_display = ["voorzieningsoort", "soort", "altijd_bijdrage"]
    list_filter = ["soort", "altijd_bijdrage"]
