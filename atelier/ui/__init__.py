"""Everything that imports Qt lives here, and only here."""
