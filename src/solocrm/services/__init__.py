"""Plain-Python services: one module per area, one unit of work per action."""
