import shutil
from pathlib import Path

import pytest

VOORBEELD = Path(__file__).resolve().parents[2] / "docs" / "voorbeeld-import"


@pytest.fixture
def voorbeeld(tmp_path) -> Path:
    """A copy of the example file set in docs/voorbeeld-import, to change per test."""
    map_ = tmp_path / "voorbeeld"
    shutil.copytree(VOORBEELD, map_)
    return map_


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} niet in {pad.name}"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def voeg_toe(pad: Path, regel: str) -> None:
    with pad.open("a", encoding="utf-8") as bestand:
        bestand.write(regel + "\n")
