"""Who may use which endpoint, and the scoping every resource shares.

The rules themselves live in `core.rollen` and the selectors; these classes only apply them, so the
API shows exactly what the web UI shows: a user's own municipalities, a provider only its own data,
and names and BSNs only to roles with personal data.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.rollen import Rol, mag_bsn_van_eigen_clienten_zien, mag_persoonsgegevens_zien
from openwmo.inkoop.models import AanbiederGebruiker

from .filters import filter_toepassen


def ziet_persoonsgegevens(user) -> bool:
    return mag_persoonsgegevens_zien(user) or bool(user.is_authenticated and user.is_superuser)


def is_aanbieder(user) -> bool:
    return bool(user.is_authenticated and user.rol == Rol.AANBIEDER and not user.is_superuser)


def eigen_aanbieder_id(request) -> int | None:
    """The id of the provider the requesting provider employee works for (None otherwise); one query per request."""
    if not is_aanbieder(request.user):
        return None
    if not hasattr(request, "_openwmo_aanbieder_id"):
        koppeling = AanbiederGebruiker.objects.filter(user=request.user).values_list("aanbieder_id", flat=True)
        request._openwmo_aanbieder_id = koppeling.first()
    return request._openwmo_aanbieder_id


def ziet_bsn_van(request, aanbieder_id) -> bool:
    """May the requester see the BSN on an allocation or claim of provider `aanbieder_id`?

    Roles with personal data (within their municipalities, which the selectors enforce) and a provider's
    employee on its own provider's records (`core.rollen.mag_bsn_van_eigen_clienten_zien`). Use only for
    allocations and claim lines; every other endpoint uses `ziet_persoonsgegevens`.
    """
    if ziet_persoonsgegevens(request.user):
        return True
    return mag_bsn_van_eigen_clienten_zien(
        request.user, aanbieder_id=aanbieder_id, eigen_aanbieder_id=eigen_aanbieder_id(request)
    )


class MagPersoonsgegevensZien(BasePermission):
    """Only roles that may see names and BSNs (consulent, functioneel beheerder)."""

    message = _("Uw rol mag geen persoonsgegevens van cliënten inzien.")

    def has_permission(self, request, view):
        return ziet_persoonsgegevens(request.user)


class IsGemeentemedewerker(BasePermission):
    """Municipal staff only: a provider's employee has no access to this resource."""

    message = _("Deze gegevens zijn alleen voor medewerkers van de gemeente.")

    def has_permission(self, request, view):
        return bool(request.user.is_authenticated and not is_aanbieder(request.user))


class SchrijvenMetPersoonsgegevens(BasePermission):
    """Reading as the view allows; writing (which names a client by BSN) only for roles with personal data."""

    message = _("Uw rol mag dit niet vastleggen.")

    def has_permission(self, request, view):
        if not request.user.is_authenticated:
            return False
        return request.method in SAFE_METHODS or ziet_persoonsgegevens(request.user)


class GescoptMixin:
    """A view set whose queryset comes from a scoped selector, narrowed by the shared query filters.

    Subclasses set `selector` (a function of the user returning a scoped queryset) and `filter_class`.
    """

    selector = None
    filter_class = None
    gemeente_veld = "gemeente"

    def get_queryset(self):
        queryset = type(self).selector(self.request.user)
        if self.action == "list" and self.filter_class is not None:
            queryset = filter_toepassen(self.request, queryset, self.filter_class, self.gemeente_veld)
        return queryset


class SleutelPaginaMixin:
    """Pages of a large list in two steps: the page's ids from the scoped, filtered, ordered query, then its rows.

    Sorting thousands of joined rows to keep 25 (an "active on" list of the h4 demo: ~140 ms on SQLite) costs
    far more than sorting their ids (~25 ms) and reading 25 rows by primary key. The ids come from the scoped
    queryset, so the second query needs no scope; it keeps the joins, prefetches and deferred fields. Only for
    querysets without annotations (they would be lost).
    """

    def paginate_queryset(self, queryset):
        sleutels = super().paginate_queryset(queryset.values_list("pk", flat=True))
        if sleutels is None:
            return None
        rijen = queryset.model._default_manager.filter(pk__in=list(sleutels))
        rijen.query.select_related = queryset.query.select_related
        rijen.query.deferred_loading = queryset.query.deferred_loading
        rijen = rijen.prefetch_related(*queryset._prefetch_related_lookups)
        per_sleutel = {rij.pk: rij for rij in rijen}
        return [per_sleutel[pk] for pk in sleutels]


class AuditLeesMixin:
    """Writes every read of personal data to the audit log: one entry per list page, one per record."""

    audit_object_type = ""
    audit_activiteit_lijst = ""
    audit_activiteit_detail = ""

    def audit_nodig(self) -> bool:
        return ziet_persoonsgegevens(self.request.user)

    def list(self, request, *args, **kwargs):
        antwoord = super().list(request, *args, **kwargs)
        if self.audit_nodig():
            log_verwerking(
                request.user,
                Actie.LEZEN,
                activiteit=self.audit_activiteit_lijst,
                doel="Uitvoering Wmo 2015",
                object_type=self.audit_object_type,
                omschrijving=f"API {request.get_full_path()}"[:500],
            )
        return antwoord

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        if self.audit_nodig():
            betrokkene = obj if self.audit_object_type == "Client" else getattr(obj, "client", None)
            log_verwerking(
                request.user,
                Actie.LEZEN,
                activiteit=self.audit_activiteit_detail,
                doel="Uitvoering Wmo 2015",
                object_type=self.audit_object_type,
                object_id=obj.pk,
                betrokkene=betrokkene,
                omschrijving="API",
            )
        return self._antwoord(obj)

    def _antwoord(self, obj):
        return Response(self.get_serializer(obj).data)
