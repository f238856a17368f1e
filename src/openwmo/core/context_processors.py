from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .rollen import ROLLEN_MET_BEHEER, Rol, mag_persoonsgegevens_zien


def navigatie(request):
    """The main navigation: only links to what the user's role may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigatie": []}
    items = [(_("Start"), reverse("start"))]
    if mag_persoonsgegevens_zien(user) or user.is_superuser:
        items.append((_("Cliënten"), reverse("core:client-lijst")))
    if user.rol in (Rol.CONTROLLER, Rol.BEHEERDER, Rol.AANBIEDER) or user.is_superuser:
        items.append((_("Declaraties"), reverse("declaraties:lijst")))
    if user.rol in (Rol.CONTROLLER, Rol.BEHEERDER) or user.is_superuser:
        items.append((_("Betaalbatches"), reverse("declaraties:betaalbatches")))
        items.append((_("CAK-export"), reverse("eigenbijdrage:cak-export")))
    if user.rol in ROLLEN_MET_BEHEER or user.is_superuser:
        items.append((_("Beheer"), reverse("admin:index")))
    return {"navigatie": items}
