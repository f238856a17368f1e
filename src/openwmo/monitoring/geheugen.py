"""Remember selector results for the length of one page (or one report), never longer.

A dashboard shows several tables that need the same counts (Tabel 2 and Bijlage 1.2/1.3 all count the
indications at the same two dates). Inside `een_meting()` a selector decorated with `@onthouden` runs
once per distinct arguments; outside it, every call queries. Nothing survives the block, so no result
can go stale between requests.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

_geheugen: ContextVar[dict | None] = ContextVar("monitoring_geheugen", default=None)


@contextmanager
def een_meting() -> Iterator[None]:
    token = _geheugen.set({})
    try:
        yield
        if _geheugen.get().get("te_bewaren"):
            from .stand import opslaan

            opslaan(_geheugen.get()["te_bewaren"])  # the tables computed on this page, in one transaction
    finally:
        _geheugen.reset(token)


def _hashbaar(waarde):
    if isinstance(waarde, list | set | frozenset):
        return tuple(sorted(waarde))
    return waarde


def onthouden(functie: Callable) -> Callable:
    @wraps(functie)
    def omhulsel(*args):
        geheugen = _geheugen.get()
        if geheugen is None:
            return functie(*args)
        sleutel = (functie.__qualname__, tuple(_hashbaar(a) for a in args))
        if sleutel not in geheugen:
            geheugen[sleutel] = functie(*args)
        return geheugen[sleutel]

    return omhulsel


def te_bewaren() -> dict | None:
    """Inside `een_meting()`: the computed tables still to be stored (sleutel -> row), written when it ends."""
    geheugen = _geheugen.get()
    return None if geheugen is None else geheugen.setdefault("te_bewaren", {})


def onthouden_vingerafdruk() -> str:
    """The change log's fingerprint (`stand.vingerafdruk`), read once per page inside `een_meting()`."""
    from .stand import vingerafdruk

    geheugen = _geheugen.get()
    if geheugen is None:
        return vingerafdruk()
    if "vingerafdruk" not in geheugen:
        geheugen["vingerafdruk"] = vingerafdruk()
    return geheugen["vingerafdruk"]
