"""Atelier: capture, match and share the grids of territorial employment workshops."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (setuptools'
# dynamic version), so the wheel, the bundle and `atelier --version` agree, and starting
# Atelier does not pay for importlib.metadata (about 30 ms).
__version__ = "0.1.0"
