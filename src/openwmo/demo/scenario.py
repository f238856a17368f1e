"""Load and validate a demo scenario (YAML) into frozen dataclasses. Format: docs/demo.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from openwmo.bekostiging.engine import index_to_year

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"
SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"
GROUP_CODES = ("HH", "RV", "VV", "WV", "IB", "DB", "KV")


class ScenarioError(ValueError):
    """A scenario file breaks a rule; the message names the field (a path like ``groepen.HH.mix``)."""


@dataclass(frozen=True)
class Wijk:
    code: str
    naam: str
    inwoners: dict[int, int]
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class Gemeente:
    cbs: str
    naam: str
    inwoners: dict[int, int]
    wijken: tuple[Wijk, ...]

    def inwoners_op(self, year: float) -> float:
        return interpolate(self.inwoners, year)


@dataclass(frozen=True)
class Aanbieder:
    key: str
    naam: str
    soort: str  # zorg | welzijn
    agb: str
    kvk: str


@dataclass(frozen=True)
class Samenwerkingsverband:
    key: str
    naam: str
    penvoerder: str
    leden: tuple[str, ...]


@dataclass(frozen=True)
class Perceel:
    key: str
    naam: str
    soort: str  # regionaal | lokaal
    gemeenten: tuple[str, ...]
    producten: tuple[str, ...]


@dataclass(frozen=True)
class Contract:
    aanbieder: str
    perceel: str
    start: dt.date
    looptijd_jaren: int
    verlenging_jaren: int
    eind: dt.date  # last day: the explicit `eind`, else start + term + extensions - 1 day


@dataclass(frozen=True)
class Aanbesteding:
    key: str
    naam: str
    procedure: str
    publicatie: dt.date
    percelen: tuple[Perceel, ...]
    contracten: tuple[Contract, ...]


@dataclass(frozen=True)
class Groep:
    code: str
    producten: tuple[str, ...]
    meervoudig: bool
    per_1000: dict[int, float]
    voorzieningen_per_client: float
    instroom_per_1000: float
    gemiddelde_duur_maanden: float
    opschaling: float
    mix: dict[int, dict[str, float]]
    historie_start: dt.date
    leeftijd: tuple[int, int]

    def mix_op(self, year: float) -> dict[str, float]:
        return {p: interpolate({y: m[p] for y, m in self.mix.items()}, year) for p in self.producten}


@dataclass(frozen=True)
class Kalibratie:
    gemeente: str
    tabel_1: dict[str, tuple[int, ...]]
    tabel_2: dict[str, tuple[int, ...]]
    bijlage_1_2: dict[str, tuple[int, ...]]
    bijlage_1_3: dict[str, tuple[int, ...]]
    clients_2017_01_01: dict[str, int]


@dataclass(frozen=True)
class Scenario:
    naam: str
    regio: str
    start: dt.date
    eind: dt.date
    gemeenten: tuple[Gemeente, ...]
    aanbieders: tuple[Aanbieder, ...]
    samenwerkingsverbanden: tuple[Samenwerkingsverband, ...]
    aanbestedingen: tuple[Aanbesteding, ...]
    tarief_basis: dict[str, Decimal]
    indexatie_pct: dict[int, Decimal]
    niet_indexeren: frozenset[str]
    groepen: dict[str, Groep]
    volumes: dict[str, tuple[int, int]]
    gedrag: dict[str, float]
    kalibratie: Kalibratie | None
    producten: dict[str, dict[str, Any]] = field(repr=False)  # catalogus.yaml entries by code

    def gemeente(self, cbs: str) -> Gemeente:
        return next(g for g in self.gemeenten if g.cbs == cbs)

    def contracten(self) -> list[tuple[Contract, Perceel]]:
        return [(c, p) for a in self.aanbestedingen for p in a.percelen for c in a.contracten if c.perceel == p.key]

    def tarief(self, product: str, year: int) -> Decimal:
        """Tariff per unit in ``year``: the 2014 base indexed each later year, half-up to cents
        (``bekostiging.engine.index_to_year``, the same rule the tariff screens use)."""
        value = self.tarief_basis[product]
        if product in self.niet_indexeren or year <= self.start.year:
            return value
        return index_to_year(value, self.start.year, year, self.indexatie_pct)

    def restricted_to(self, *cbs: str) -> Scenario:
        """The same scenario for only these municipalities (e.g. a Rijswijk-only plan for tests)."""
        return replace(
            self,
            naam=f"{self.naam}-{'-'.join(cbs)}",
            gemeenten=tuple(g for g in self.gemeenten if g.cbs in cbs),
        )


def interpolate(anchors: dict[int, float], year: float) -> float:
    """Linear interpolation between year anchors, constant outside them."""
    ys = sorted(anchors)
    if year <= ys[0]:
        return float(anchors[ys[0]])
    for a, b in zip(ys, ys[1:], strict=False):
        if year <= b:
            return anchors[a] + (anchors[b] - anchors[a]) * (year - a) / (b - a)
    return float(anchors[ys[-1]])


def load_scenario(path: str | Path | None = None, *, reference_dir: Path = REFERENCE_DIR) -> Scenario:
    """Read and validate a scenario file (default: the packaged ``h4.yaml``)."""
    path = Path(path) if path else SCENARIO_DIR / "h4.yaml"
    raw = _read(path)
    if isinstance(raw, dict) and "basis" in raw:  # `basis: h4.yaml`: take every other key from that file
        base = _read(path.parent / str(raw["basis"]))
        raw = {**base, **{k: v for k, v in raw.items() if k != "basis"}}
    ref_gemeenten = yaml.safe_load((reference_dir / "gemeenten.yaml").read_text(encoding="utf-8"))
    catalogus = yaml.safe_load((reference_dir / "catalogus.yaml").read_text(encoding="utf-8"))
    scenario = parse_scenario(raw, ref_gemeenten, catalogus)
    only = raw.get("alleen_gemeenten")
    if only is not None:
        unknown = [c for c in only if c not in {g.cbs for g in scenario.gemeenten}]
        if unknown:
            raise ScenarioError(f"alleen_gemeenten: {unknown} not among the scenario's gemeenten")
        scenario = replace(scenario.restricted_to(*only), naam=scenario.naam)
    return scenario


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read the scenario file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path.name}: not valid YAML: {exc}") from exc


# --- validation -------------------------------------------------------------------------------


def _need(d: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(d, dict):
        raise ScenarioError(f"{where}: expected a mapping")
    if key not in d or d[key] is None:
        raise ScenarioError(f"{where}.{key}: required field is missing")
    value = d[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise ScenarioError(f"{where}.{key}: must be {names}, got {type(value).__name__} {value!r}")
    return value


def _anchors(d: Any, where: str, kind: type = float) -> dict[int, Any]:
    if not isinstance(d, dict) or not d:
        raise ScenarioError(f"{where}: must be a non-empty mapping year -> value")
    out = {}
    for y in d:
        if not isinstance(y, int):
            raise ScenarioError(f"{where}: key {y!r} must be a year")
        out[y] = _need(d, y, kind, where) if kind is not float else float(_need(d, y, (int, float), where))
    return out


def _digits(value: Any, n: int, where: str) -> str:
    if not isinstance(value, str) or len(value) != n or not value.isdigit():
        raise ScenarioError(f"{where}: must be a string of {n} digits, got {value!r}")
    return value


def parse_scenario(raw: Any, ref_gemeenten: dict, catalogus: dict) -> Scenario:  # noqa: C901
    if not isinstance(raw, dict):
        raise ScenarioError("scenario: the file must hold a mapping")
    producten = {p["code"]: p for p in catalogus["producten"]}
    ref = {g["cbs"]: g for g in ref_gemeenten["gemeenten"]}
    periode = _need(raw, "periode", dict, "scenario")
    start, eind = _need(periode, "start", dt.date, "periode"), _need(periode, "eind", dt.date, "periode")

    gemeenten = []
    for i, g in enumerate(_need(raw, "gemeenten", list, "scenario")):
        where = f"gemeenten[{i}]"
        cbs = _need(g, "cbs", str, where)
        if cbs not in ref:
            raise ScenarioError(f"{where}.cbs: {cbs!r} is not in reference/gemeenten.yaml")
        inwoners = {int(y): int(v) for y, v in ref[cbs]["inwoners"].items()}
        wijken = []
        for j, w in enumerate(_need(g, "wijken", list, where)):
            ww = f"{where}.wijken[{j}]"
            pcs = tuple(_digits(pc, 4, f"{ww}.postcodes") for pc in _need(w, "postcodes", list, ww))
            if not pcs or any(pc[0] == "0" for pc in pcs):
                raise ScenarioError(f"{ww}.postcodes: needs at least one 4-digit postcode not starting with 0")
            wijken.append(
                Wijk(
                    _need(w, "code", str, ww),
                    _need(w, "naam", str, ww),
                    _anchors(_need(w, "inwoners", dict, ww), f"{ww}.inwoners", int),
                    pcs,
                )
            )
        for year, total in inwoners.items():
            got = sum(w.inwoners.get(year, 0) for w in wijken)
            if got != total:
                raise ScenarioError(
                    f"{where}.wijken: inhabitants {year} add up to {got}, "
                    f"reference/gemeenten.yaml says {total} for {cbs}"
                )
        gemeenten.append(Gemeente(cbs, ref[cbs]["naam"], inwoners, tuple(wijken)))

    aanbieders = []
    for i, a in enumerate(_need(raw, "aanbieders", list, "scenario")):
        where = f"aanbieders[{i}]"
        soort = _need(a, "soort", str, where)
        if soort not in ("zorg", "welzijn"):
            raise ScenarioError(f"{where}.soort: must be zorg or welzijn, got {soort!r}")
        aanbieders.append(
            Aanbieder(
                _need(a, "key", str, where),
                _need(a, "naam", str, where),
                soort,
                _digits(a.get("agb"), 8, f"{where}.agb"),
                _digits(a.get("kvk"), 8, f"{where}.kvk"),
            )
        )
    keys = {a.key for a in aanbieders}
    if len(keys) != len(aanbieders) or len({a.agb for a in aanbieders}) != len(aanbieders):
        raise ScenarioError("aanbieders: keys and AGB codes must be unique")

    svs = []
    for i, s in enumerate(raw.get("samenwerkingsverbanden") or []):
        where = f"samenwerkingsverbanden[{i}]"
        leden = tuple(_need(s, "leden", list, where))
        pv = _need(s, "penvoerder", str, where)
        if pv not in leden or not set(leden) <= keys:
            raise ScenarioError(f"{where}: penvoerder and leden must be known aanbieders and include the penvoerder")
        svs.append(Samenwerkingsverband(_need(s, "key", str, where), _need(s, "naam", str, where), pv, leden))

    tenders = []
    for i, t in enumerate(_need(raw, "aanbestedingen", list, "scenario")):
        where = f"aanbestedingen[{i}]"
        percelen = []
        for j, p in enumerate(_need(t, "percelen", list, where)):
            pw = f"{where}.percelen[{j}]"
            soort = _need(p, "soort", str, pw)
            if soort not in ("regionaal", "lokaal"):
                raise ScenarioError(f"{pw}.soort: must be regionaal or lokaal, got {soort!r}")
            prods = tuple(_need(p, "producten", list, pw))
            unknown = [c for c in prods if c not in producten]
            if unknown:
                raise ScenarioError(f"{pw}.producten: {unknown} not in reference/catalogus.yaml")
            percelen.append(
                Perceel(
                    _need(p, "key", str, pw),
                    _need(p, "naam", str, pw),
                    soort,
                    tuple(_need(p, "gemeenten", list, pw)),
                    prods,
                )
            )
        contracten = []
        for j, c in enumerate(_need(t, "contracten", list, where)):
            cw = f"{where}.contracten[{j}]"
            if _need(c, "aanbieder", str, cw) not in keys:
                raise ScenarioError(f"{cw}.aanbieder: unknown aanbieder {c['aanbieder']!r}")
            if _need(c, "perceel", str, cw) not in {p.key for p in percelen}:
                raise ScenarioError(f"{cw}.perceel: unknown perceel {c['perceel']!r}")
            cstart = _need(c, "start", dt.date, cw)
            term, ext = _need(c, "looptijd_jaren", int, cw), _need(c, "verlenging_jaren", int, cw)
            last = cstart.replace(year=cstart.year + term + ext) - dt.timedelta(days=1)
            ceind = c.get("eind", last)
            if not isinstance(ceind, dt.date) or not cstart <= ceind <= last:
                raise ScenarioError(f"{cw}.eind: must be a date between start and {last} (term + extensions)")
            contracten.append(Contract(c["aanbieder"], c["perceel"], cstart, term, ext, ceind))
        tenders.append(
            Aanbesteding(
                _need(t, "key", str, where),
                _need(t, "naam", str, where),
                _need(t, "procedure", str, where),
                _need(t, "publicatie", dt.date, where),
                tuple(percelen),
                tuple(contracten),
            )
        )

    tar = _need(raw, "tarieven", dict, "scenario")
    basis = {k: Decimal(str(v)) for k, v in _need(tar, "basis_2014", dict, "tarieven").items()}
    idx = {int(y): Decimal(str(v)) for y, v in _need(tar, "indexatie_pct", dict, "tarieven").items()}
    missing = [y for y in range(start.year + 1, eind.year + 1) if y not in idx]
    if missing:
        raise ScenarioError(f"tarieven.indexatie_pct: missing years {missing}")

    groepen = {}
    for code, g in _need(raw, "groepen", dict, "scenario").items():
        where = f"groepen.{code}"
        if code not in GROUP_CODES:
            raise ScenarioError(f"{where}: unknown group, expected one of {GROUP_CODES}")
        prods = tuple(_need(g, "producten", list, where))
        for p in prods:
            if p not in producten:
                raise ScenarioError(f"{where}.producten: {p!r} not in reference/catalogus.yaml")
            if p not in basis:
                raise ScenarioError(f"tarieven.basis_2014: no tariff for {p} (used by {where})")
        mix = {}
        for y, m in _anchors(_need(g, "mix", dict, where), f"{where}.mix", dict).items():
            if set(m) != set(prods) or abs(sum(m.values()) - 1) > 1e-6:
                raise ScenarioError(f"{where}.mix.{y}: needs a share for each of {list(prods)} adding up to 1")
            mix[y] = {p: float(v) for p, v in m.items()}
        leeftijd = tuple(_need(g, "leeftijd", list, where))
        if len(leeftijd) != 2 or not 0 <= leeftijd[0] < leeftijd[1] <= 105:
            raise ScenarioError(f"{where}.leeftijd: must be [min, max] ages")
        duur = _need(g, "gemiddelde_duur_maanden", float, where)
        if duur <= 0:
            raise ScenarioError(f"{where}.gemiddelde_duur_maanden: must be > 0")
        meervoudig = bool(g.get("meervoudig", False))
        if meervoudig and any(producten[p]["categorie"] not in ("11", "12", "13", "14") for p in prods):
            raise ScenarioError(f"{where}.meervoudig: only categories 11-14 may overlap")
        groepen[code] = Groep(
            code,
            prods,
            meervoudig,
            _anchors(_need(g, "per_1000", dict, where), f"{where}.per_1000"),
            _need(g, "voorzieningen_per_client", float, where),
            _need(g, "instroom_per_1000", float, where),
            duur,
            _need(g, "opschaling", float, where),
            mix,
            _need(g, "historie_start", dt.date, where),
            leeftijd,
        )

    volumes = {}
    for p, v in _need(raw, "volumes", dict, "scenario").items():
        if not (isinstance(v, list) and len(v) == 2 and 0 < v[0] <= v[1]):
            raise ScenarioError(f"volumes.{p}: must be [min, max] with 0 < min <= max")
        volumes[p] = (int(v[0]), int(v[1]))
    for g in groepen.values():
        for p in g.producten:
            if p not in volumes:
                raise ScenarioError(f"volumes: no volume range for {p} (used by groepen.{g.code})")

    gedrag = {k: float(v) for k, v in _need(raw, "gedrag", dict, "scenario").items()}
    for k in (
        "variatie_gemeente",
        "variatie_jaar",
        "combinatie_ouderen",
        "combinatie_begeleiding",
        "huishouden_delen",
        "evaluatie_aandeel",
        "te_laat_aandeel",
    ):
        if not 0 <= _need(gedrag, k, float, "gedrag") <= 1:
            raise ScenarioError(f"gedrag.{k}: must be between 0 and 1")
    gedrag.setdefault("declaratie_maanden", 3.0)
    gedrag.setdefault("declaratie_fout_aandeel", 0.03)
    if not 0 <= gedrag["declaratie_fout_aandeel"] <= 1:
        raise ScenarioError("gedrag.declaratie_fout_aandeel: must be between 0 and 1")
    if gedrag["declaratie_maanden"] not in range(0, 25):
        raise ScenarioError("gedrag.declaratie_maanden: must be a whole number of months from 0 to 24")

    scenario = Scenario(
        _need(raw, "naam", str, "scenario"),
        _need(raw, "regio", str, "scenario"),
        start,
        eind,
        tuple(gemeenten),
        tuple(aanbieders),
        tuple(svs),
        tuple(tenders),
        basis,
        idx,
        frozenset(tar.get("niet_indexeren") or ()),
        groepen,
        volumes,
        gedrag,
        _parse_kalibratie(raw.get("kalibratie")),
        producten,
    )
    _check_coverage(scenario)
    return scenario


def _parse_kalibratie(k: Any) -> Kalibratie | None:
    if k is None:
        return None
    rows = {
        "tabel_1_zin_plus_pgb": (
            ("hulp_bij_het_huishouden", "rolstoelvoorziening", "vervoervoorziening", "woonvoorziening"),
            4,
        ),
        "tabel_2_indicaties_begeleiding": (("totaal", "individuele_begeleiding", "dagbesteding"), 3),
        "bijlage_1_2_zwaarte_individuele_begeleiding": (("basis", "speciaal", "totaal"), 4),
        "bijlage_1_3_zwaarte_dagbesteding": (("licht", "basis", "speciaal", "totaal"), 4),
    }
    parsed = {}
    for table, (names, width) in rows.items():
        t = _need(k, table, dict, "kalibratie")
        for name in names:
            row = _need(t, name, list, f"kalibratie.{table}")
            if len(row) != width or not all(isinstance(x, int) for x in row):
                raise ScenarioError(f"kalibratie.{table}.{name}: must be {width} whole numbers, got {row!r}")
        parsed[table] = {name: tuple(t[name]) for name in names}
    c17 = _need(k, "clients_2017_01_01", dict, "kalibratie")
    for name in ("hulp_bij_het_huishouden", "begeleiding"):
        _need(c17, name, int, "kalibratie.clients_2017_01_01")
    return Kalibratie(_need(k, "gemeente", str, "kalibratie"), *parsed.values(), dict(c17))


def _check_coverage(s: Scenario) -> None:
    """Every product of every group must be contracted in every municipality from 2015 to the end."""
    for g in s.gemeenten:
        for groep in s.groepen.values():
            for p in groep.producten:
                spans = sorted(
                    (c.start, c.eind) for c, per in s.contracten() if p in per.producten and g.cbs in per.gemeenten
                )
                day = dt.date(2015, 1, 1)
                for a, b in spans:
                    if a <= day <= b:
                        day = b + dt.timedelta(days=1)
                if day <= s.eind:
                    raise ScenarioError(f"aanbestedingen: no contract for product {p} in {g.naam} ({g.cbs}) on {day}")
