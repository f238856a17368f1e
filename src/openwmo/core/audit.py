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
    # Ids, not objects: `betrokkene.gemeente` would cost a query when the caller did not load it; the entry
    # must stay one INSERT (it is written on every read of personal data, e.g. every API request).
    gemeente_id = gemeente.pk if gemeente is not None else getattr(betrokkene, "gemeente_id", None)
    return Verwerking.objects.create(
        gebruiker=gebruiker,
        rol=getattr(gebruiker, "rol", "") or "",
        actie=actie,
        verwerkingsactiviteit=activiteit,
        doel=doel,
        object_type=object_type,
        object_id=str(object_id or ""),
        betrokkene=betrokkene,
        gemeente_id=gemeente_id,
        omschrijving=omschrijving[:500],
    )
