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
        if db_field.name == "gemeente" and not request.user.is_superuser:
            kwargs["queryset"] = gemeenten_voor(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AlleenLezenAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
