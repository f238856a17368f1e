"""Settings profiles: `base` (local defaults), `test`, `production`. All values come from the environment."""
