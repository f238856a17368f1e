"""The plain records a plan consists of. Keys are stable strings that link the records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openwmo.demo.planner.declaraties import PlannedDeclaratie, PlannedPrestatie
from openwmo.toegang.codelijsten import ZRM_DOMEINEN as ZRM_CODES


@dataclass(frozen=True)
class PlannedHuishouden:
    key: str
    gemeente: str  # CBS code
    wijk: str  # wijk code from the scenario
    postcode: str  # "2281AB"
    huisnummer: int
    client_keys: tuple[str, ...]


@dataclass(frozen=True)
class PlannedClient:
    key: str
    bsn: str  # from the 999 test range, passes the elfproef
    voorletters: str
    voorvoegsel: str  # "", "van", "de", "van der", ...
    achternaam: str
    geboortedatum: dt.date
    geslacht: str  # "1" man, "2" vrouw (iWmo COD046)
    postcode: str
    huisnummer: int
    gemeente: str
    wijk: str
    huishouden: str


@dataclass(frozen=True)
class PlannedBeschikking:
    key: str
    client: str
    gemeente: str
    melding_datum: dt.date
    beschikking_datum: dt.date


@dataclass(frozen=True)
class PlannedToewijzing:
    key: str
    client: str
    gemeente: str
    product: str  # catalogus.yaml product code
    aanbieder: str  # AGB code
    start: dt.date
    end: dt.date | None  # inclusive; None = open-ended
    volume: int
    eenheid: str  # iWmo WJ756 code from the catalogue
    frequentie: str  # iWmo WJ757 code from the catalogue
    beschikking: str
    melding_datum: dt.date
    beschikking_datum: dt.date


@dataclass(frozen=True)
class PlannedEvaluatie:
    key: str
    toewijzing: str
    client: str
    intake_datum: dt.date
    evaluatie_datum: dt.date
    zrm_intake: tuple[int, ...]  # 13 domains, 1..5 (ZRM_DOMEINEN order)
    zrm_evaluatie: tuple[int, ...]
    tevredenheid: int  # 1..10


@dataclass(frozen=True)
class PlannedDoel:
    key: str
    evaluatie: str
    resultaatgebied: str  # RG1..RG6 (catalogus.yaml)
    uitkomst: str  # behaald | deels behaald | niet behaald


@dataclass(frozen=True)
class Plan:
    scenario: str
    seed: int
    huishoudens: tuple[PlannedHuishouden, ...]
    clients: tuple[PlannedClient, ...]
    beschikkingen: tuple[PlannedBeschikking, ...]
    toewijzingen: tuple[PlannedToewijzing, ...]
    evaluaties: tuple[PlannedEvaluatie, ...]
    doelen: tuple[PlannedDoel, ...]
    declaraties: tuple[PlannedDeclaratie, ...] = ()
    prestaties: tuple[PlannedPrestatie, ...] = ()
    vandaag: dt.date | None = None  # the day the claims were planned up to (their months precede it)


ZRM_DOMEINEN = tuple(ZRM_CODES)  # the 13 domains in the matrix order of toegang.codelijsten
UITKOMSTEN = ("behaald", "deels behaald", "niet behaald")
