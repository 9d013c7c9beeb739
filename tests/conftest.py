from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def shared(*parts: str) -> Path:
    """A file of the shared corpus beside the project; the test is skipped where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    return path
