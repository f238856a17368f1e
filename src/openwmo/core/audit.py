"""Writing the audit log ("Logboek dataverwerkingen"). Every read of personal data and every change calls this."""

from .models import Verwerking

Actie = Verwerking.Actie


def log_verwerking(
    user,
    actie: str,
    *,
    activiteit: str,
    doel: str,
    object_type: str,
    object_id="",
    betrokkene=None,
    gemeente=None,
    omschrijving: str = "",
) -> Verwerking:
    gebruiker = user if getattr(user, "is_authenticated", False) else None
    return Verwerking.objects.create(
        gebruiker=gebruiker,
        rol=getattr(gebruiker, "rol", "") or "",
        actie=actie,
        verwerkingsactiviteit=activiteit,
        doel=doel,
        object_type=object_type,
        object_id=str(object_id or ""),
        betrokkene=betrokkene,
        gemeente=gemeente or getattr(betrokkene, "gemeente", None),
        omschrijving=omschrijving[:500],
    )
