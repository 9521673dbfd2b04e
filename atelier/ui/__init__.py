"""Everything that imports Qt lives here, and only here."""

from atelier.ui import qtcompat as _qtcompat  # noqa: F401 - before any Qt call (see pin_none)
