"""Atelier: capture, match and share the grids of territorial employment workshops."""

from __future__ import annotations


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("atelier")
    except PackageNotFoundError:  # running from a source tree or a frozen bundle
        return "0.1.0"


__version__ = _version()
