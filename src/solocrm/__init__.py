"""SoloCRM: a local-first desktop CRM for one-person companies."""

__version__ = "0.1.0"
