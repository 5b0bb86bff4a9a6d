"""The CJK font a report is set in, or a message that says what to install.

A report without a CJK font would print Chinese names as empty boxes, so
generation stops before writing anything instead.
"""

from __future__ import annotations

from solocrm.errors import UserError
from solocrm.translatable import QT_TRANSLATE_NOOP


class FontMissingError(UserError):
    pass


def families() -> tuple[str, ...]:
    """Font families for report text: the system's CJK font first, DejaVu Sans for the rest."""
    from solocrm.analytics import charts

    found = charts.font_families()
    if len(found) < 2:
        raise FontMissingError(QT_TRANSLATE_NOOP(
            "errors", "No Chinese (CJK) font was found, so the report cannot show Chinese text. Install one, for "
                      "example the package fonts-noto-cjk (Debian/Ubuntu: sudo apt install fonts-noto-cjk), then "
                      "try again."))
    return found
