"""Metrics computed from the user's own data (domain.md sections 3 to 5)."""
