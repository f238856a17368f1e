from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .admin_scoping import AlleenLezenAdmin, EigenHistorieMixin, GedeeldAdmin, GemeenteScopedAdmin
from .audit import Actie, log_verwerking
from .models import Client, Gemeente, Huishouden, Inwonertal, Regio, User, Verwerking, Wijk
from .selectors import gemeenten_voor
from .services import client_create, client_update


@admin.register(Regio)
class RegioAdmin(GedeeldAdmin):
    list_display = ["code", "naam"]


class WijkInline(admin.TabularInline):
    model = Wijk
    extra = 0


@admin.register(Gemeente)
class GemeenteAdmin(GedeeldAdmin):
    list_display = ["cbs_code", "naam", "regio"]
    list_filter = ["regio"]
    search_fields = ["naam", "cbs_code"]
    inlines = [WijkInline]


@admin.register(Inwonertal)
class InwonertalAdmin(GedeeldAdmin):
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
class GebruikerAdmin(EigenHistorieMixin, UserAdmin):
    list_display = ["username", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "is_active", "gemeenten"]
    fieldsets = UserAdmin.fieldsets + ((_("Rol en gemeenten"), {"fields": ("rol", "gemeenten")}),)
    add_fieldsets = UserAdmin.add_fieldsets + ((_("Rol en gemeenten"), {"fields": ("rol", "gemeenten")}),)
    filter_horizontal = ["gemeenten", "groups", "user_permissions"]

    # A beheerder manages the staff of their own municipalities only, and cannot hand out more power than a
    # beheerder has (superuser status, loose permissions): that is for a superuser.
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=User.objects.filter(gemeenten__in=gemeenten_voor(request.user)).values("pk"))

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["is_superuser", "user_permissions", "last_login", "date_joined"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not request.user.is_superuser and "gemeenten" in form.base_fields:
            form.base_fields["gemeenten"].required = True
        return form

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "gemeenten" and not request.user.is_superuser:
            kwargs["queryset"] = gemeenten_voor(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        # The form only offers the beheerder's own municipalities: keep the user's other municipalities.
        buiten_bereik = []
        if change and not request.user.is_superuser:
            buiten_bereik = list(form.instance.gemeenten.exclude(pk__in=gemeenten_voor(request.user)))
        super().save_related(request, form, formsets, change)
        if buiten_bereik:
            form.instance.gemeenten.add(*buiten_bereik)


@admin.register(Verwerking)
class VerwerkingAdmin(AlleenLezenAdmin, GemeenteScopedAdmin):
    list_display = ["tijdstip", "gebruiker", "rol", "actie", "verwerkingsactiviteit", "object_type", "object_id"]
    list_filter = ["actie", "rol", "gemeente"]
    date_hierarchy = "tijdstip"

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or request.user.rol == "beheerder"
