"""Small helpers to read settings from environment variables with safe defaults."""

import os

TRUE_VALUES = {"1", "true", "yes", "on", "ja"}


def config(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def config_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in TRUE_VALUES


def config_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]
