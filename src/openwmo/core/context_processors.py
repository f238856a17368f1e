from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .rollen import ROLLEN_MET_BEHEER, Rol, mag_inkoop_beheren, mag_persoonsgegevens_zien, mag_stuurinformatie_zien
from .selectors_audit import mag_logboek_inzien


def navigatie(request):
    """The main navigation: only links to what the user's role may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigatie": []}
    items = [(_("Start"), reverse("start"))]
    if mag_persoonsgegevens_zien(user) or user.is_superuser:
        items.append((_("Werkvoorraad"), reverse("toegang:werkvoorraad")))
        items.append((_("Cliënten"), reverse("core:client-lijst")))
        items.append((_("Nieuwe melding"), reverse("toegang:melding-nieuw")))
    if mag_inkoop_beheren(user):
        items.append((_("Aanbieders"), reverse("inkoop:aanbieder-lijst")))
        items.append((_("Aanbestedingen"), reverse("inkoop:aanbesteding-lijst")))
        items.append((_("Contracten"), reverse("inkoop:contract-lijst")))
    if mag_persoonsgegevens_zien(user) or user.is_superuser or user.rol == Rol.AANBIEDER:
        items.append((_("Berichten"), reverse("berichten:lijst")))
    if mag_persoonsgegevens_zien(user) or user.is_superuser:
        items.append((_("Verzoeken"), reverse("berichten:verzoeken")))
    if mag_stuurinformatie_zien(user):
        items.append((_("Sturingsinformatie"), reverse("monitoring:index")))
        items.append((_("Begroting"), reverse("bekostiging:begroting")))
        items.append((_("Scenario's"), reverse("bekostiging:scenario-lijst")))
    if user.rol in (Rol.CONTROLLER, Rol.BEHEERDER, Rol.AANBIEDER) or user.is_superuser:
        items.append((_("Declaraties"), reverse("declaraties:lijst")))
    if user.rol in (Rol.CONTROLLER, Rol.BEHEERDER) or user.is_superuser:
        items.append((_("Betaalbatches"), reverse("declaraties:betaalbatches")))
        items.append((_("CAK-export"), reverse("eigenbijdrage:cak-export")))
    if user.rol in ROLLEN_MET_BEHEER or user.is_superuser:
        items.append((_("Importeren"), reverse("importeren:import")))
        items.append((_("Beheer"), reverse("admin:index")))
    if mag_logboek_inzien(user):
        items.append((_("Logboek"), reverse("beveiliging:logboek")))
    return {"navigatie": items}
