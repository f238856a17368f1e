from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .admin_scoping import AlleenLezenAdmin, GemeenteScopedAdmin
from .audit import Actie, log_verwerking
from .models import Client, Gemeente, Huishouden, Inwonertal, Regio, User, Verwerking, Wijk
from .services import client_create, client_update


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    list_display = ["code", "naam"]


class WijkInline(admin.TabularInline):
    model = Wijk
    extra = 0


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["cbs_code", "naam", "regio"]
    list_filter = ["regio"]
    search_fields = ["naam", "cbs_code"]
    inlines = [WijkInline]


@admin.register(Inwonertal)
class InwonertalAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "wijk", "jaar", "aantal"]
    list_filter = ["jaar", "gemeente"]


@admin.register(Huishouden)
class HuishoudenAdmin(GemeenteScopedAdmin):
    list_display = ["__str__", "gemeente"]


@admin.register(Client)
class ClientAdmin(GemeenteScopedAdmin):
    list_display = ["achternaam", "voorletters", "bsn", "gemeente", "wijk"]
    list_filter = ["gemeente"]
    search_fields = ["achternaam", "=bsn"]
    list_select_related = ["gemeente", "wijk"]

    def get_object(self, request, object_id, from_field=None):
        client = super().get_object(request, object_id, from_field)
        if client is not None:
            log_verwerking(
                request.user,
                Actie.LEZEN,
                activiteit="Cliënt in beheer openen",
                doel="Functioneel beheer",
                object_type="Client",
                object_id=client.pk,
                betrokkene=client,
            )
        return client

    def save_model(self, request, obj, form, change):
        velden = {naam: form.cleaned_data[naam] for naam in form.changed_data}
        if change:
            client_update(user=request.user, client=Client.objects.get(pk=obj.pk), doel="Functioneel beheer", **velden)
        else:
            nieuw = client_create(user=request.user, doel="Functioneel beheer", **form.cleaned_data)
            obj.pk = nieuw.pk


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "is_active", "gemeenten"]
    fieldsets = UserAdmin.fieldsets + ((_("Rol en gemeenten"), {"fields": ("rol", "gemeenten")}),)
    add_fieldsets = UserAdmin.add_fieldsets + ((_("Rol en gemeenten"), {"fields": ("rol", "gemeenten")}),)
    filter_horizontal = ["gemeenten", "groups", "user_permissions"]


@admin.register(Verwerking)
class VerwerkingAdmin(AlleenLezenAdmin, GemeenteScopedAdmin):
    list_display = ["tijdstip", "gebruiker", "rol", "actie", "verwerkingsactiviteit", "object_type", "object_id"]
    list_filter = ["actie", "rol", "gemeente"]
    date_hierarchy = "tijdstip"

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or request.user.rol == "beheerder"
