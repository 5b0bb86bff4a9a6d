"""Reports a business owner hands over: PDF and Excel built from the Analytics panel's figures."""

# Report sections in report order; here (not in ``sections``) so the CLI parser can list them cheaply.
SECTIONS = ("summary", "customers", "sales", "satisfaction", "loyalty", "risk", "clv", "goals", "appendix")
