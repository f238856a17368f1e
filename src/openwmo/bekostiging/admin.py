from django.contrib import admin

from .models import Begroting, Scenario


@admin.register(Begroting)
class BegrotingAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "voorzieningsoort", "jaar", "uitgaven", "inkomsten"]
    list_filter = ["jaar", "gemeente", "voorzieningsoort"]


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ["naam", "jaar", "model", "totaal_werkelijk", "totaal_scenario", "aangemaakt_op"]
    readonly_fields = ["totaal_werkelijk", "totaal_scenario", "aantal_toewijzingen", "zonder_tarief"]
