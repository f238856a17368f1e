from django.contrib import admin

from openwmo.core.admin_scoping import GedeeldAdmin, GemeenteScopedAdmin

from .models import (
    Aanbesteding,
    Aanbieder,
    AanbiederGebruiker,
    Budgetafspraak,
    Contract,
    ContractProduct,
    Perceel,
    Prestatieafspraak,
    Samenwerkingsverband,
    Subsidie,
    Tarief,
)


@admin.register(Aanbieder)
class AanbiederAdmin(GedeeldAdmin):
    list_display = ["naam", "agb_code", "kvk_nummer", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam", "agb_code"]


@admin.register(AanbiederGebruiker)
class AanbiederGebruikerAdmin(GemeenteScopedAdmin):
    list_display = ["user", "aanbieder"]
    gemeente_pad = "user__gemeenten"  # a beheerder links only staff of their own municipalities


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(GedeeldAdmin):
    list_display = ["aanbieder", "penvoerder"]
    filter_horizontal = ["leden"]


class PerceelInline(admin.TabularInline):
    model = Perceel
    extra = 0


@admin.register(Aanbesteding)
class AanbestedingAdmin(GedeeldAdmin):
    list_display = ["naam", "procedure", "regio", "publicatiedatum", "gunningsdatum"]
    inlines = [PerceelInline]


@admin.register(Perceel)
class PerceelAdmin(GedeeldAdmin):
    list_display = ["naam", "aanbesteding", "soort"]
    filter_horizontal = ["gemeenten"]


class ContractProductInline(admin.TabularInline):
    model = ContractProduct
    extra = 0


class TariefInline(admin.TabularInline):
    model = Tarief
    extra = 0


class PrestatieafspraakInline(admin.TabularInline):
    model = Prestatieafspraak
    extra = 0


@admin.register(Contract)
class ContractAdmin(GedeeldAdmin):
    list_display = ["nummer", "aanbieder", "perceel", "ingangsdatum", "einddatum", "toetredingsdatum"]
    list_filter = ["perceel__aanbesteding", "gemeenten"]
    search_fields = ["nummer", "aanbieder__naam"]
    filter_horizontal = ["gemeenten"]
    inlines = [ContractProductInline, TariefInline, PrestatieafspraakInline]


@admin.register(Tarief)
class TariefAdmin(GedeeldAdmin):
    list_display = ["product", "contract", "ingangsdatum", "einddatum", "bedrag"]
    list_filter = ["product"]


@admin.register(Budgetafspraak)
class BudgetafspraakAdmin(GedeeldAdmin):
    list_display = ["aanbieder", "gemeente", "jaar", "bedrag"]
    list_filter = ["jaar", "gemeente"]


@admin.register(Subsidie)
class SubsidieAdmin(GedeeldAdmin):
    list_display = ["organisatie", "gemeente", "jaar", "bedrag"]
    list_filter = ["jaar", "gemeente"]
