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


def mag_persoonsgegevens_zien(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.rol in ROLLEN_MET_PERSOONSGEGEVENS)


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


# Roles that may open the management information (aggregated numbers only, own municipalities).
ROLLEN_MET_STURING = frozenset({Rol.CONTROLLER, Rol.BEHEERDER, Rol.CONTRACTMANAGER})


def mag_sturingsinformatie_zien(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.rol in ROLLEN_MET_STURING or user.is_superuser))
