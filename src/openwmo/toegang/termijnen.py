"""The legal and policy deadlines of toegang, in calendar days. Pure Python: no Django.

- Onderzoek: within 6 weeks of the melding (Wmo 2015, art. 2.3.2): melding date + 42 days.
- Beschikking: within 2 weeks of the aanvraag (Wmo 2015, art. 2.3.5): aanvraag date + 14 days.
- Vervolgstap: decided at the latest one calendar month before an allocation or trajectory ends
  (Noord-Limburg): end date − 1 month, clamped to the end of a shorter month (31 March → 28/29 Feb).
- A deadline is "nadert" (near) when it falls within BIJNA_DAGEN (7) days from today, "verlopen"
  (passed) when it lies before today. The deadline day itself still counts as in time.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

ONDERZOEK_TERMIJN = timedelta(weeks=6)
BESCHIKKING_TERMIJN = timedelta(weeks=2)
VERVOLGSTAP_MAANDEN = 1
BIJNA_DAGEN = 7


class Termijnstatus(StrEnum):
    OP_TIJD = "op_tijd"
    NADERT = "nadert"
    VERLOPEN = "verlopen"


def maanden_erbij(dag: date, maanden: int) -> date:
    """`dag` plus (or minus, when negative) whole calendar months; the day is clamped to the month's length."""
    index = dag.year * 12 + (dag.month - 1) + maanden
    jaar, maand = divmod(index, 12)
    laatste = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(dag.day, laatste))


def onderzoek_uiterlijk(meldingsdatum: date) -> date:
    return meldingsdatum + ONDERZOEK_TERMIJN


def beschikking_uiterlijk(aanvraagdatum: date) -> date:
    return aanvraagdatum + BESCHIKKING_TERMIJN


def vervolgstap_uiterlijk(einddatum: date) -> date:
    return maanden_erbij(einddatum, -VERVOLGSTAP_MAANDEN)


def termijnstatus(uiterlijk: date, vandaag: date) -> Termijnstatus:
    if uiterlijk < vandaag:
        return Termijnstatus.VERLOPEN
    if (uiterlijk - vandaag).days <= BIJNA_DAGEN:
        return Termijnstatus.NADERT
    return Termijnstatus.OP_TIJD
