"""The engine must import without Django (DESIGN.md: ``bekostiging.engine`` imports nothing from Django)."""

import os
import subprocess
import sys
from pathlib import Path

import openwmo.bekostiging.engine as engine

# src/openwmo/bekostiging/engine/__init__.py → src/
SRC = Path(engine.__file__).resolve().parents[3]

CHECK = (
    "import openwmo.bekostiging.engine, sys; "
    "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), "
    "sorted(m for m in sys.modules if m.split('.')[0] == 'django'); "
    "print(openwmo.bekostiging.engine.__file__)"
)


def test_engine_imports_no_django():
    # Run in a fresh interpreter (this test process may already have Django loaded by pytest-django),
    # with the same source tree first on the path, so it checks this checkout in a worktree and
    # the installed package once merged.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=SRC.parent, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).resolve() == Path(engine.__file__).resolve()
