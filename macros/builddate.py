"""The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""

import datetime as dt
import os
from collections.abc import Mapping


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The date the build is for: SOURCE_DATE_EPOCH (seconds, UTC) if given, else today's date."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()
