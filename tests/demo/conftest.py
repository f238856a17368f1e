"""Fixtures for the demo planner tests (pure Python; no database)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from openwmo.demo.planner import plan
from openwmo.demo.scenario import load_scenario

REPO = Path(__file__).resolve().parents[2]
RIJSWIJK = "0603"
SEED = 2017


@pytest.fixture(scope="session")
def scenario():
    return load_scenario()


@pytest.fixture(scope="session")
def rijswijk_scenario():
    return load_scenario(REPO / "src/openwmo/demo/scenarios/rijswijk.yaml")


@pytest.fixture(scope="session")
def rijswijk_plan(rijswijk_scenario):
    return plan(rijswijk_scenario, SEED)


@pytest.fixture(scope="session")
def seed_figures():
    """seed-figures.yaml from $OPENWMO_IWMO_REFERENCE (default <repo>/../shared/reference)."""
    folder = Path(os.environ.get("OPENWMO_IWMO_REFERENCE", REPO.parent / "shared" / "reference"))
    path = folder / "seed-figures.yaml"
    if not path.is_file():
        pytest.skip(f"seed figures not found at {path}; set OPENWMO_IWMO_REFERENCE to the shared reference folder")
    return yaml.safe_load(path.read_text(encoding="utf-8"))
