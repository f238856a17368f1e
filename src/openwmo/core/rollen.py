"""Roles and what each may do. Least privilege: a capability is granted here or not at all."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    CONSULENT = "consulent", _("Wmo-consulent")
    CONTRACTMANAGER = "contractmanager", _("Contractmanager / inkoper")
    CONTROLLER = "controller", _("Beleidsmedewerker / controller")
    BEHEERDER = "beheerder", _("Functioneel beheerder")
    AANBIEDER = "aanbieder", _("Medewerker aanbieder")


# Roles that may see a client's name, BSN and address (always within their own municipalities).
ROLLEN_MET_PERSOONSGEGEVENS = frozenset({Rol.CONSULENT, Rol.BEHEERDER})
# Roles that may open the Django admin (reference data, users).
ROLLEN_MET_BEHEER = frozenset({Rol.BEHEERDER})
# Roles that may manage procurement data (providers, tenders, contracts, tariffs) and budgets.
ROLLEN_MET_INKOOP = frozenset({Rol.CONTRACTMANAGER, Rol.BEHEERDER})
# Roles that may read management information, budgets and scenarios of their own municipalities
# (aggregated numbers only; they may run scenarios).
ROLLEN_MET_STUURINFORMATIE = frozenset({Rol.CONTRACTMANAGER, Rol.CONTROLLER, Rol.BEHEERDER})


def mag_persoonsgegevens_zien(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.rol in ROLLEN_MET_PERSOONSGEGEVENS)


def mag_bsn_van_eigen_clienten_zien(user, *, aanbieder_id, eigen_aanbieder_id) -> bool:
    """A provider's employee sees a client's BSN, and nothing else of the client, on a record of its own provider.

    The provider receives the BSN in every WMO301 for its own allocations and must send it back in every
    305/307/323, so it needs the BSN of exactly those clients. Callers grant this only on allocations and
    claim lines (never on clients, decisions or other endpoints), pass the provider of the record and the
    user's own provider, and log the read like any read of personal data. Municipal staff are not covered
    here: for them `mag_persoonsgegevens_zien` decides.
    """
    return bool(
        user.is_authenticated
        and user.is_active
        and user.rol == Rol.AANBIEDER
        and not user.is_superuser
        and eigen_aanbieder_id is not None
        and aanbieder_id == eigen_aanbieder_id
    )


def heeft_rol(user, rollen) -> bool:
    """True for an active user with one of `rollen`, and for a superuser."""
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.is_superuser or user.rol in rollen)


def mag_inkoop_beheren(user) -> bool:
    return heeft_rol(user, ROLLEN_MET_INKOOP)


def mag_stuurinformatie_zien(user) -> bool:
    return heeft_rol(user, ROLLEN_MET_STUURINFORMATIE)


def rolgroep_beheerder_bijwerken():
    """The permission group of the functioneel beheerder: manage reference data and users.

    Idempotent; run by `load_reference`. The audit log stays read-only for everyone (its admin
    refuses changes whatever the permissions say).
    """
    from django.contrib.auth.models import Group, Permission

    groep, _created = Group.objects.get_or_create(name="Functioneel beheerder")
    groep.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["core", "catalogus", "inkoop", "toegang"]).exclude(
            content_type__model="verwerking", codename__in=["add_verwerking", "change_verwerking", "delete_verwerking"]
        )
    )
    return groep
