from django.contrib import admin

from openwmo.core.admin_scoping import AlleenLezenAdmin, GedeeldAdmin

from .models import Arrangement, Codewaarde, Product, Resultaatgebied, Trajecttype, Voorzieningsoort


@admin.register(Codewaarde)
class CodewaardeAdmin(AlleenLezenAdmin):
    list_display = ["codelijst", "codelijst_naam", "code", "betekenis"]
    list_filter = ["codelijst_naam"]
    search_fields = ["code", "betekenis"]


@admin.register(Voorzieningsoort)
class VoorzieningsoortAdmin(GedeeldAdmin):
    list_display = ["code", "naam", "soort"]
    list_filter = ["soort"]


@admin.register(Product)
class ProductAdmin(GedeeldAdmin):
    list_display = ["productcode", "naam", "productcategorie", "voorzieningsoort", "eenheid", "frequentie", "zwaarte"]
    list_filter = ["productcategorie", "voorzieningsoort", "zwaarte"]
    search_fields = ["productcode", "naam"]


@admin.register(Resultaatgebied)
class ResultaatgebiedAdmin(GedeeldAdmin):
    list_display = ["code", "naam"]


@admin.register(Arrangement)
class ArrangementAdmin(GedeeldAdmin):
    list_display = ["code", "naam", "product"]
    filter_horizontal = ["resultaatgebieden"]


@admin.register(Trajecttype)
class TrajecttypeAdmin(GedeeldAdmin):
    list_display = ["code", "naam", "product", "uren_per_week", "duur_maanden"]
