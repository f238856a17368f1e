"""Who holds which track: persons, their names, birth dates and households.

A person never holds two tracks of one group (the distinct-client counts stay exact); HH, RV, VV
and WV tracks are often combined in one (older) person; IB and DB tracks are paired so that the
number of persons holding both on the calibration date is exactly the planned number.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from openwmo.demo.planner.timing import Spell
from openwmo.demo.scenario import Gemeente

OUDEREN = ("HH", "RV", "VV", "WV")

ACHTERNAMEN = (
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("de", "Jong"),
    ("van", "Vliet"),
    ("", "Hoogendoorn"),
    ("", "Verbeek"),
    ("", "Zwinkels"),
    ("", "Vreugdenhil"),
    ("van", "Geest"),
    ("", "Duijvestijn"),
    ("", "Kester"),
    ("van der", "Kaaij"),
    ("", "Koppenol"),
    ("van", "Ruijven"),
    ("", "Ammerlaan"),
    ("el", "Amrani"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("", "Pinas"),
    ("", "Nguyen"),
    ("", "Bouzid"),
    ("van", "Schie"),
    ("", "Warmenhoven"),
    ("", "Verkade"),
    ("ter", "Laak"),
    ("", "Post"),
    ("van", "Rijn"),
)
INITIALEN = "JAMHCPWGEKRLSDTBFINYO"
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"  # F, I, O, Q, U and Y are not used in Dutch postcodes


@dataclass
class Person:
    gemeente: str
    spells: list[Spell] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)
    first_group: str = ""

    def take(self, group: str, spells: list[Spell]) -> None:
        if group in self.groups:
            raise AssertionError(f"a person already holds a {group} track")
        self.groups.add(group)
        self.first_group = self.first_group or group
        self.spells.extend(spells)


def assign_persons(
    rng: random.Random,
    gemeente: str,
    tracks: dict[str, list[tuple[list[Spell], bool]]],
    pairs: int | None,
    share_ouderen: float,
    share_begeleiding: float,
) -> list[Person]:
    """``tracks``: per group, (spells, active on the pairing date) for every track."""
    persons: list[Person] = []
    ouderen: list[Person] = []
    for group in OUDEREN:
        for spells, _ in tracks.get(group, []):
            host = None
            if ouderen and rng.random() < share_ouderen:
                for _ in range(12):
                    cand = ouderen[rng.randrange(len(ouderen))]
                    if group not in cand.groups:
                        host = cand
                        break
            if host is None:
                host = Person(gemeente)
                persons.append(host)
                ouderen.append(host)
            host.take(group, spells)

    ib, db = list(range(len(tracks.get("IB", [])))), list(range(len(tracks.get("DB", []))))
    rng.shuffle(ib)
    rng.shuffle(db)
    paired: list[tuple[int, int]] = []
    if pairs is not None:
        ib_on = [i for i in ib if tracks["IB"][i][1]]
        db_on = [j for j in db if tracks["DB"][j][1]]
        paired = list(zip(ib_on[:pairs], db_on[:pairs], strict=True))
        free_ib = [i for i in ib if i not in set(ib_on[:pairs])]
        free_db = [j for j in db if not tracks["DB"][j][1]]  # never both active on the pairing date
    else:
        free_ib, free_db = ib, db
    extra = min(len(free_ib), round(share_begeleiding * len(free_db)))
    paired += list(zip(free_ib[:extra], free_db[:extra], strict=True))
    pi, pj = {i for i, _ in paired}, {j for _, j in paired}
    for i, j in paired:
        person = Person(gemeente)
        person.take("IB", tracks["IB"][i][0])
        person.take("DB", tracks["DB"][j][0])
        persons.append(person)
    used_by = {"IB": pi, "DB": pj}
    for group in [*used_by, *(g for g in tracks if g not in (*OUDEREN, "IB", "DB"))]:
        used = used_by.get(group, set())
        for n, (spells, _) in enumerate(tracks.get(group, [])):
            if n not in used:
                person = Person(gemeente)
                person.take(group, spells)
                persons.append(person)
    return persons


def voorletters(rng: random.Random) -> str:
    n = rng.choices((1, 2, 3), (5, 4, 1))[0]
    return "".join(f"{rng.choice(INITIALEN)}." for _ in range(n))


def achternaam(rng: random.Random) -> tuple[str, str]:
    return rng.choice(ACHTERNAMEN)


def birth_date(rng: random.Random, first_start: dt.date, leeftijd: tuple[int, int], older: bool) -> dt.date:
    lo, hi = leeftijd
    age = rng.triangular(lo, hi, lo + (0.78 if older else 0.35) * (hi - lo))
    born = first_start - dt.timedelta(days=int(age * 365.25))
    return born - dt.timedelta(days=rng.randint(0, 364))


class Addresses:
    """Unique addresses per municipality, districts weighted by their inhabitants."""

    def __init__(self, rng: random.Random, gemeente: Gemeente):
        self.rng = rng
        self.wijken = gemeente.wijken
        self.weights = [w.inwoners[min(w.inwoners)] for w in gemeente.wijken]
        self.used: set[tuple[str, int]] = set()

    def new(self) -> tuple[str, str, int]:
        wijk = self.rng.choices(self.wijken, self.weights)[0]
        while True:
            letters = self.rng.choice(POSTCODE_LETTERS) + self.rng.choice(POSTCODE_LETTERS)
            if letters in ("SA", "SD", "SS"):
                continue
            postcode = self.rng.choice(wijk.postcodes) + letters
            huisnummer = self.rng.randint(1, 180)
            if (postcode, huisnummer) not in self.used:
                self.used.add((postcode, huisnummer))
                return wijk.code, postcode, huisnummer
