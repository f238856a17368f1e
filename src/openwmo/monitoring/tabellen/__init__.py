"""Report tables: each one a function of (scope, parameters) returning a `Tabel`, registered by name."""

from . import rijswijk  # noqa: E402,F401  (registers the Rijswijk tables)
from .basis import RAPPORTEN, Rapport, Scope, Tabel, rapport

__all__ = ["RAPPORTEN", "Rapport", "Scope", "Tabel", "rapport"]
