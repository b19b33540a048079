"""recent_assault: a sexual assault in the last days, which needs the Zorgcentra na Seksueel Geweld now."""

from __future__ import annotations

import pytest
from nlu_helpers import entity

RECENT = [
    "ik ben gisteren verkracht door een jongen die ik ken",
    "vannacht heeft hij me aangerand na de fuif",
    "dit weekend heeft mijn ex me gedwongen tot seks",
    "een paar dagen geleden heeft iemand iets in mijn drankje gedaan en ik werd naakt wakker bij hem",
    "mijn stiefvader heeft gisteren weer aan me gezeten",
]
NOT_RECENT = [
    "toen ik 8 was heeft mijn oom me misbruikt",
    "ik ben gisteren geslagen door mijn vader",
    "jaren geleden ben ik verkracht en ik wil er nu over praten",
    "wat is het verschil tussen aanranding en verkrachting",
    "ik wil gisteren een afspraak maken",
]


@pytest.mark.parametrize("text", RECENT)
def test_recent_sexual_assault_is_flagged_and_becomes_crisis(parse, text):
    result = parse(text)
    assert entity(result, "recent_assault") == "yes"
    assert result["intent"]["name"] == "crisis"
    assert result["intent_ranking"][0]["name"] == "crisis"


@pytest.mark.parametrize("text", NOT_RECENT)
def test_older_or_non_sexual_events_are_not_flagged(parse, text):
    assert entity(parse(text), "recent_assault") is None
