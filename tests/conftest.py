"""Settings every test shares."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """kg query keeps answers in a cache; tests keep theirs apart from the user's."""
    monkeypatch.setenv("KG_CACHE", str(tmp_path_factory.getbasetemp() / "kg-cache"))
