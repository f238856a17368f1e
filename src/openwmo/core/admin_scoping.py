"""Admin base classes that scope every admin list and object to the user's municipalities."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Q

from .selectors import gemeenten_voor


class EigenHistorieMixin:
    """An object's history page names only staff of the user's own municipalities.

    Shared regional data (catalogue, providers, contracts …) is edited by the beheerders of every municipality in
    the region; without this, a beheerder of Delft would read the names of Rijswijk's staff in the history of a
    contract. Django builds the history list inside `history_view` and hands it to `get_paginator`, the one hook
    on the way to the page.
    """

    def get_paginator(self, request, queryset, per_page, *args, **kwargs):
        if queryset.model is LogEntry and not request.user.is_superuser:
            collegas = Q(user__gemeenten__in=gemeenten_voor(request.user)) | Q(user=request.user)
            queryset = queryset.filter(pk__in=LogEntry.objects.filter(collegas).values("pk"))
        return super().get_paginator(request, queryset, per_page, *args, **kwargs)


class GedeeldAdmin(EigenHistorieMixin, admin.ModelAdmin):
    """Reference or regional procurement data without personal data: the same rows for the whole region."""


class GemeenteScopedAdmin(EigenHistorieMixin, admin.ModelAdmin):
    """Shows only rows of the user's municipalities; `gemeente_pad` is the lookup to the Gemeente."""

    gemeente_pad = "gemeente"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.gemeente_pad}__in": gemeenten_voor(request.user)}).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            if db_field.name == "gemeente":
                kwargs["queryset"] = gemeenten_voor(request.user)
            elif veld := _gemeenteveld(db_field.related_model):
                # A choice list of e.g. households, districts or staff must not show other municipalities' rows.
                kwargs["queryset"] = db_field.related_model._default_manager.filter(
                    pk__in=db_field.related_model._default_manager.filter(
                        **{f"{veld}__in": gemeenten_voor(request.user)}
                    ).values("pk")
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _gemeenteveld(model) -> str | None:
    """The field that ties a model to municipalities (`gemeente` or, for staff, `gemeenten`), if any."""
    namen = {veld.name for veld in model._meta.get_fields() if veld.is_relation and not veld.auto_created}
    return next((naam for naam in ("gemeente", "gemeenten") if naam in namen), None)


class AlleenLezenAdmin(EigenHistorieMixin, admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
