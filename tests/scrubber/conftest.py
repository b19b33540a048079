import pytest

from handoff_api.scrubber import Scrubber


@pytest.fixture(scope="session")
def scrubber() -> Scrubber:
    return Scrubber()
