"""Admin base classes that scope every admin list and object to the user's municipalities."""

from django.contrib import admin

from .selectors import gemeenten_voor


class GemeenteScopedAdmin(admin.ModelAdmin):
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


class AlleenLezenAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
