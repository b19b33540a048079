"""The visitor texts in the test stories are read as the stories say.

`rasa test core` checks the dialogue with the intents written in the stories; its `--e2e` mode
would also compare every whole-text triage entity on every message. This test closes the gap:
each `user:` text of tests/stories must get the story's intent from the trained model.
"""
from pathlib import Path

import pytest
import yaml

STORIES = Path(__file__).resolve().parents[1] / "stories"


def story_utterances():
    for path in sorted(STORIES.glob("*.yml")):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            for step in story["steps"]:
                if "user" in step:
                    yield pytest.param(step["user"].strip(), step["intent"], id=f"{path.stem}:{step['user'][:40]}")


@pytest.mark.parametrize("text,intent", list(story_utterances()))
def test_story_text_gets_the_storys_intent(parse, text, intent):
    assert parse(text)["intent"]["name"] == intent


def test_there_are_story_texts_to_check():
    assert len(list(story_utterances())) >= 15
