"""Toegang write workflows. Every function validates, writes in one transaction and logs.

The web UI, the API, the iWmo inbox, imports and the demo generator all call these.
"""

from .beschikking import aanvraag_create, beschikking_create
from .bulk import BulkResultaat, toegang_bulk_opslaan
from .bulk_evaluatie import toegang_bulk_evaluaties
from .contactmoment import contactmoment_vastleggen
from .evaluatie import evaluatie_create
from .melding import melding_create, melding_nieuwe_client_create, onderzoek_create, zrm_meting_opslaan
from .overgang import overgangsregel_create
from .plan import actief_plan_van, doel_create, plan_afsluiten, plan_create
from .toewijzing import toewijzing_beeindigen, toewijzing_create, toewijzing_intensiteit_wijzigen, toewijzing_wijzigen

__all__ = [
    "BulkResultaat",
    "aanvraag_create",
    "actief_plan_van",
    "beschikking_create",
    "contactmoment_vastleggen",
    "doel_create",
    "evaluatie_create",
    "melding_create",
    "melding_nieuwe_client_create",
    "onderzoek_create",
    "overgangsregel_create",
    "plan_afsluiten",
    "plan_create",
    "toegang_bulk_evaluaties",
    "toegang_bulk_opslaan",
    "toewijzing_beeindigen",
    "toewijzing_create",
    "toewijzing_intensiteit_wijzigen",
    "toewijzing_wijzigen",
    "zrm_meting_opslaan",
]
