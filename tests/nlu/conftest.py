"""Fixtures of the NLU tests: the trained model (HELPLINE_MODEL) loaded once through rasa's Agent."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any, Callable, Dict

import pytest


@pytest.fixture(scope="session")
def model_path() -> str:
    path = os.environ.get("HELPLINE_MODEL")
    if not path:
        pytest.fail("HELPLINE_MODEL is not set; run the NLU tests through `make test` (it trains the model)")
    if not Path(path).exists():
        pytest.fail(f"HELPLINE_MODEL={path} does not exist; run `make train`")
    return path


@pytest.fixture(scope="session")
def agent(model_path: str):
    from bot.nlu_tools.common import load_agent, quiet

    quiet()
    return load_agent(model_path)


@pytest.fixture(scope="session")
def parse(agent) -> Callable[[str], Dict[str, Any]]:
    """Parse one message the way the live bot does (Agent.parse_message); results are cached."""
    loop = asyncio.new_event_loop()
    cache: Dict[str, Dict[str, Any]] = {}

    def _parse(text: str) -> Dict[str, Any]:
        if text not in cache:
            cache[text] = loop.run_until_complete(agent.parse_message(text))
        return cache[text]

    yield _parse
    loop.close()
