"""The test tiers (see conftest.py): names, and the guard that fails a test
which starts something above its tier. Imported by the helpers that start
builds, browsers and nginx; outside pytest (make bench) the guard is silent."""

from __future__ import annotations

import os

TIERS = ("unit", "build", "browser", "nginx")
ENV = "BBG_TEST_TIER"


def require_tier(needed: str, what: str) -> None:
    """Fail a test that starts something above its tier (a build in a unit test)."""
    tier = os.environ.get(ENV)
    if tier and TIERS.index(tier) < TIERS.index(needed):
        raise RuntimeError(f"a test in the '{tier}' tier {what}: mark it @pytest.mark.{needed}")
