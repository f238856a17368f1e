"""Reads of the audit log (Verwerking) for the functioneel beheerder: own municipalities only."""

from django.db.models import Q, QuerySet

from .models import User, Verwerking
from .rollen import Rol
from .selectors import gemeenten_voor


def mag_logboek_inzien(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or user.rol == Rol.BEHEERDER))


def gebruikers_in_gemeenten_van(user) -> QuerySet[User]:
    """Staff who work for at least one of the user's municipalities (all of them for a superuser)."""
    if user.is_superuser:
        return User.objects.all()
    return User.objects.filter(pk__in=User.objects.filter(gemeenten__in=gemeenten_voor(user)).values("pk"))


def verwerkingen_voor(user) -> QuerySet[Verwerking]:
    """Audit entries a beheerder may read.

    An entry belongs to a municipality when it names one (every read or change of a client does). Entries without
    a municipality (e.g. a search in the client list, or reading the log itself) are shown to the beheerders of the
    municipalities their author works for.
    """
    if not mag_logboek_inzien(user):
        return Verwerking.objects.none()
    verwerkingen = Verwerking.objects.select_related("gebruiker", "betrokkene", "gemeente")
    if user.is_superuser:
        return verwerkingen
    return verwerkingen.filter(
        Q(gemeente__in=gemeenten_voor(user)) | Q(gemeente__isnull=True, gebruiker__in=gebruikers_in_gemeenten_van(user))
    )


def verwerkingen_filteren(verwerkingen: QuerySet[Verwerking], filters: dict) -> QuerySet[Verwerking]:
    """Apply the cleaned filters of the log viewer (each optional)."""
    if filters.get("van"):
        verwerkingen = verwerkingen.filter(tijdstip__date__gte=filters["van"])
    if filters.get("tot"):
        verwerkingen = verwerkingen.filter(tijdstip__date__lte=filters["tot"])
    if filters.get("gebruiker"):
        verwerkingen = verwerkingen.filter(gebruiker=filters["gebruiker"])
    if filters.get("actie"):
        verwerkingen = verwerkingen.filter(actie=filters["actie"])
    if filters.get("bsn"):
        verwerkingen = verwerkingen.filter(betrokkene__bsn=filters["bsn"])
    if filters.get("object_type"):
        verwerkingen = verwerkingen.filter(object_type=filters["object_type"])
    return verwerkingen
