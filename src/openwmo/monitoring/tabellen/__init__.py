"""Report tables: each one a function of a scope returning a `Tabel`, registered by name."""

from . import analyse, doorstroom, financien, gebied, rijswijk, uitkomsten  # noqa: F401  (registers the tables)
from .basis import RAPPORTEN, Rapport, Scope, Tabel, rapport

__all__ = ["RAPPORTEN", "Rapport", "Scope", "Tabel", "rapport"]
