"""The one period helper: ``Periode`` with an inclusive start and an inclusive, possibly open end.

As in the iWmo standard and in users' minds, ``Periode(date(2024, 1, 1), date(2024, 1, 31))``
is all of January (31 days) and ``Periode(date(2024, 1, 1), None)`` runs on indefinitely.
Overlap and containment are decided here and nowhere else.

Calendar helpers split a *closed* period into pieces: calendar months, 4-week periods counted
from an anchor date, and ISO weeks (Monday to Sunday, numbered per ISO 8601 as
:meth:`date.isocalendar` does). Splitting an open period raises ValueError; intersect it with a
closed period first.

The hot paths (claim checks, contribution rules) work on plain dates rather than ``Periode``
objects, so the rules live in module functions over ``(start, eind)`` dates — :func:`dates_overlap`,
:func:`covered_by`, :func:`day_count`, :func:`iso_week_count`, :func:`month_count`,
:func:`month_start`, :func:`month_end`, :func:`is_calendar_month`, :func:`add_months` — and the
``Periode`` methods delegate to them. These functions do not validate their arguments; build a
``Periode`` where input still has to be checked.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

FOUR_WEEKS = timedelta(days=28)


def _check_date(value: object, field: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{field}: expected a date, got {type(value).__name__} {value!r}")
    return value


@dataclass(frozen=True)
class Periode:
    """A period of whole days: ``start`` and ``eind`` both inclusive; ``eind=None`` is open-ended.

    Raises ValueError when ``eind`` lies before ``start`` (a one-day period has start == eind).
    """

    start: date
    eind: date | None = None

    def __post_init__(self) -> None:
        _check_date(self.start, "Periode.start")
        if self.eind is not None:
            _check_date(self.eind, "Periode.eind")
            if self.eind < self.start:
                raise ValueError(
                    f"Periode.eind ({self.eind}) lies before Periode.start ({self.start}); "
                    "the end date is inclusive and may not precede the start"
                )

    def __str__(self) -> str:
        return f"{self.start.isoformat()} t/m {self.eind.isoformat() if self.eind else '…'}"

    @property
    def is_open(self) -> bool:
        """True when the period has no end date."""
        return self.eind is None

    def contains(self, other: date | Periode) -> bool:
        """True if a date lies in the period, or another period lies wholly inside it.

        An open-ended period is only inside another open-ended period.
        """
        if isinstance(other, Periode):
            if self.eind is None:
                return other.start >= self.start
            return other.eind is not None and other.start >= self.start and other.eind <= self.eind
        day = _check_date(other, "date")
        return day >= self.start and (self.eind is None or day <= self.eind)

    def overlaps(self, other: Periode) -> bool:
        """True if the two periods share at least one day (symmetric)."""
        return dates_overlap(self.start, self.eind, other.start, other.eind)

    def intersection(self, other: Periode) -> Periode | None:
        """The days both periods share, or None when they do not overlap."""
        if not self.overlaps(other):
            return None
        ends = [d for d in (self.eind, other.eind) if d is not None]
        return Periode(max(self.start, other.start), min(ends) if ends else None)

    def days(self) -> int:
        """Number of days, both ends included. Raises ValueError for an open-ended period."""
        return day_count(self.start, self._closed_end("days"))

    def months(self) -> tuple[Periode, ...]:
        """The period cut at calendar-month boundaries; the first and last piece may be partial."""
        end = self._closed_end("months")
        pieces = []
        cursor = self.start
        while cursor <= end:
            month = month_containing(cursor)
            pieces.append(Periode(cursor, min(month.eind, end)))
            cursor = month.eind + timedelta(days=1)
        return tuple(pieces)

    def four_week_periods(self, anchor: date) -> tuple[Periode, ...]:
        """The period cut into 4-week (28-day) blocks that start on ``anchor`` + k × 28 days.

        ``k`` may be negative, so the anchor may lie before, inside or after the period. The
        first and last piece may be partial; use :func:`four_week_period_containing` for the
        full block of a piece.
        """
        end = self._closed_end("four_week_periods")
        pieces = []
        cursor = self.start
        while cursor <= end:
            block = four_week_period_containing(cursor, anchor)
            pieces.append(Periode(cursor, min(block.eind, end)))
            cursor = block.eind + timedelta(days=1)
        return tuple(pieces)

    def iso_weeks(self) -> tuple[tuple[int, int], ...]:
        """The (ISO year, ISO week) of every ISO week that has at least one day in the period.

        A week that is only partly in the period counts (iWmo IV077: "(partial) calendar weeks").
        Note that 2024-12-30 is ISO week (2025, 1).
        """
        end = self._closed_end("iso_weeks")
        monday = self.start - timedelta(days=self.start.weekday())
        weeks = []
        while monday <= end:
            iso = monday.isocalendar()
            weeks.append((iso.year, iso.week))
            monday += timedelta(days=7)
        return tuple(weeks)

    def _closed_end(self, what: str) -> date:
        if self.eind is None:
            raise ValueError(
                f"Periode.{what}: {self} is open-ended (eind=None); intersect it with a closed period first"
            )
        return self.eind


def month_containing(day: date) -> Periode:
    """The full calendar month that holds ``day``."""
    _check_date(day, "day")
    return Periode(month_start(day), month_end(day))


def year_periode(year: int) -> Periode:
    """1 January to 31 December of ``year``."""
    return Periode(date(year, 1, 1), date(year, 12, 31))


def four_week_period_containing(day: date, anchor: date) -> Periode:
    """The full 28-day block, counted from ``anchor`` in steps of 28 days, that holds ``day``."""
    _check_date(day, "day")
    _check_date(anchor, "anchor")
    index = (day - anchor).days // 28  # floor division: also right for days before the anchor
    start = anchor + index * FOUR_WEEKS
    return Periode(start, start + FOUR_WEEKS - timedelta(days=1))


# Plain-date functions: the same rules without building Periode objects (no argument checks).


def dates_overlap(start_a: date, eind_a: date | None, start_b: date, eind_b: date | None) -> bool:
    """True if [start_a, eind_a] and [start_b, eind_b] share at least one day; ``None`` is an open end."""
    return (eind_a is None or start_b <= eind_a) and (eind_b is None or start_a <= eind_b)


def covered_by(periodes: Iterable[tuple[date, date | None]], start: date, eind: date) -> bool:
    """True if every day of [start, eind] lies in at least one of ``periodes`` (their union).

    ``periodes`` are ``(start, eind or None)`` pairs in any order; they may overlap or leave gaps.
    """
    cursor = start
    for p_start, p_eind in sorted(periodes, key=lambda p: p[0]):
        if p_start > cursor:
            return False
        if p_eind is None or p_eind >= eind:
            return True
        if p_eind >= cursor:
            cursor = p_eind + timedelta(days=1)
    return False


def day_count(start: date, eind: date) -> int:
    """Number of days in [start, eind], both ends included."""
    return (eind - start).days + 1


def iso_week_count(start: date, eind: date) -> int:
    """Number of ISO weeks (Monday to Sunday) that [start, eind] touches, partial weeks included.

    Equals ``len(Periode(start, eind).iso_weeks())``.
    """
    first_monday = start - timedelta(days=start.weekday())
    return (eind - first_monday).days // 7 + 1


def month_count(start: date, eind: date) -> int:
    """Number of calendar months that [start, eind] touches, partial months included.

    Equals ``len(Periode(start, eind).months())``.
    """
    return (eind.year - start.year) * 12 + eind.month - start.month + 1


def month_start(day: date) -> date:
    """The first day of the calendar month of ``day``."""
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of the calendar month of ``day``."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def is_calendar_month(start: date, eind: date) -> bool:
    """True if [start, eind] is exactly one whole calendar month."""
    return start.day == 1 and eind == month_end(start)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months (may be negative); the day of month is clamped to the
    length of the target month (31 January + 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
