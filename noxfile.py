"""Every Python newsschema claims, and the lowest dependency versions it claims to work with.

``nox`` runs the fast suite (no ``slow`` tests, a small Hypothesis budget) on each Python of
``requires-python`` and once more on the lowest versions ``pyproject.toml`` allows. The full
suite runs in ``.ci/run`` itself. Interpreters are found on ``PATH`` and, when ``pyenv``
keeps them, in its versions folder, so the image's 3.10 to 3.13 need no ``pyenv global``.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
OLDEST = PYTHONS[0]

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["fast", "floors"]


def _pyenv_interpreters() -> None:
    """Put each pyenv-kept Python that PATH lacks on PATH (``python3.10`` and the like)."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    folders = sorted(root.glob("3.*/bin"), reverse=True)  # the newest patch release first
    extra = [str(folder) for folder in folders if folder.is_dir()]
    os.environ["PATH"] = os.pathsep.join([os.environ.get("PATH", ""), *extra])


_pyenv_interpreters()


def _fast_suite(session: nox.Session) -> None:
    session.run(
        "pytest",
        "-m",
        "not slow",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "quick"},
    )


@nox.session(python=PYTHONS)
def fast(session: nox.Session) -> None:
    """The suite without the slow tests, on one Python."""
    session.install("-e", ".[test]")
    _fast_suite(session)


@nox.session(python=OLDEST)
def floors(session: nox.Session) -> None:
    """The suite without the slow tests, on the lowest versions pyproject.toml allows."""
    session.install("--resolution", "lowest-direct", "-e", ".[test]")
    session.run("uv", "pip", "list", external=True, silent=False)
    _fast_suite(session)
