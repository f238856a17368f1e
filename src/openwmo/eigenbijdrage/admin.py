from django.contrib import admin

from .models import Abonnementstarief, Bijdrageregel


@admin.register(Abonnementstarief)
class AbonnementstariefAdmin(admin.ModelAdmin):
    list_display = ["jaar", "bedrag", "tijdvak"]
    ordering = ["-jaar"]


@admin.register(Bijdrageregel)
class BijdrageregelAdmin(admin.ModelAdmin):
    list_display = ["voorzieningsoort", "soort", "altijd_bijdrage"]
    list_filter = ["soort", "altijd_bijdrage"]
