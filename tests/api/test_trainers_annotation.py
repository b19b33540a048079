"""Trainers' decisions on the page's API and the CLI: valid Rasa YAML in a copy of nlu_data, dedup."""

import io
import json

import pytest
import yaml

from handoff_api.admin import main as admin_main

from .conftest import create_account, make_settings
from .trainer_fixtures import (  # noqa: F401 (fixtures)
    collect,
    ended_conversation,
    heldout_copy,
    inbox,
    nlu_copy,
    parse,
    trackers,
    trainer,
    trainer_app,
    trainer_settings,
)

STORY = "mijn oom Jan Verbeke duwt me altijd tegen de muur als niemand kijkt"


def unsure(client, trainer, trackers, text=STORY, parse_data=None) -> dict:
    ended_conversation(client, trackers, (text, parse_data or parse("tell_story", 0.45)))
    collect(client, trainer)
    return inbox(client, trainer)[-1]


def examples(path) -> list[dict]:
    """Every example of a Rasa NLU file as {intent, text, triage}."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["version"] == "3.1"
    found = []
    for block in document["nlu"]:
        for example in block["examples"]:
            found.append(
                {"intent": block["intent"], "text": example["text"], "triage": (example.get("metadata") or {}).get("triage")}
            )
    return found


def test_accept_writes_the_bots_labels_into_the_right_file(client, trainer, trackers, nlu_copy):
    before = (nlu_copy / "triage_physical_violence.yml").read_text(encoding="utf-8")
    item = unsure(client, trainer, trackers)
    decided = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    assert decided.status_code == 200, decided.text
    body = decided.json()
    assert body.pop("text") == item["text"] and body.pop("decided_at")
    assert body == {
        "id": item["id"], "decision": "accepted", "outcome": "written", "intent": "tell_story",
        "labels": {"theme": "physical_violence", "age_group": "minor", "role": "victim", "urgency": "none"},
        "nlu_file": "triage_physical_violence.yml",
    }
    path = nlu_copy / "triage_physical_violence.yml"
    after = path.read_text(encoding="utf-8")
    # only lines were added: every comment and example of the file is still there, in order
    lines = after.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("# inbox item"))
    added = lines[start : start + 3]
    assert lines[:start] + lines[start + 3 :] == before.splitlines()
    assert added[0].strip().startswith(f"# inbox item {item['id']}, ") and added[0].endswith("accepted by a trainer")
    assert "[NAAM]" in added[1] and "Verbeke" not in after
    assert added[2].strip() == "metadata: {triage: {theme: physical_violence, age_group: minor, role: victim}}"
    new = [e for e in examples(path) if e["text"] == item["text"]]
    assert new == [{"intent": "tell_story", "text": item["text"],
                    "triage": {"theme": "physical_violence", "age_group": "minor", "role": "victim"}}]
    # processed: gone from the inbox
    assert inbox(client, trainer) == []
    assert client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer).status_code == 404


@pytest.mark.parametrize(
    "correction, file, triage",
    [
        ({"theme": "psychological_violence", "age_group": "unknown"}, "triage_psychological_violence.yml",
         {"theme": "psychological_violence", "age_group": "unknown", "role": "victim"}),
        ({"intent": "crisis", "urgency": "acute_danger"}, "crisis.yml",
         {"theme": "physical_violence", "age_group": "minor", "role": "victim", "urgency": "acute_danger"}),
        ({"intent": "request_human"}, "meta.yml", {"age_group": "minor", "role": "victim", "theme": "physical_violence"}),
    ],
)
def test_correct_writes_the_trainers_labels(client, trainer, trackers, nlu_copy, correction, file, triage):
    item = unsure(client, trainer, trackers)
    decided = client.post(f"/api/v1/trainers/inbox/{item['id']}/correct", json=correction, headers=trainer)
    assert decided.status_code == 200, decided.text
    assert (decided.json()["decision"], decided.json()["nlu_file"]) == ("corrected", file)
    [new] = [e for e in examples(nlu_copy / file) if e["text"] == item["text"]]
    assert new["intent"] == correction.get("intent", "tell_story")
    assert new["triage"] == triage
    assert "corrected by a trainer" in (nlu_copy / file).read_text(encoding="utf-8")


def test_a_conversational_correction_keeps_the_defaults_out_of_the_metadata(client, trainer, trackers, nlu_copy):
    item = unsure(client, trainer, trackers, "hallo?? iemand daar", parse("greet", 0.4))
    decided = client.post(
        f"/api/v1/trainers/inbox/{item['id']}/correct",
        json={"intent": "greet", "theme": "other", "age_group": "unknown", "role": "unknown", "urgency": "none"},
        headers=trainer,
    )
    assert decided.json()["nlu_file"] == "conversation.yml"
    [new] = [e for e in examples(nlu_copy / "conversation.yml") if e["text"] == "hallo?? iemand daar"]
    assert new == {"intent": "greet", "text": "hallo?? iemand daar", "triage": None}


@pytest.mark.parametrize(
    "correction, error",
    [
        ({"intent": "crisis"}, "invalid_annotation"),  # crisis needs a crisis urgency
        ({"urgency": "suicide_risk"}, "invalid_annotation"),  # ... and a crisis urgency needs crisis
        ({"intent": "no_such_intent"}, "unknown_intent"),
    ],
)
def test_inconsistent_corrections_are_refused(client, trainer, trackers, nlu_copy, correction, error):
    before = {p.name: p.read_text(encoding="utf-8") for p in nlu_copy.glob("*.yml")}
    item = unsure(client, trainer, trackers)
    refused = client.post(f"/api/v1/trainers/inbox/{item['id']}/correct", json=correction, headers=trainer)
    assert refused.status_code in (409, 422) and refused.json()["error"] == error
    assert {p.name: p.read_text(encoding="utf-8") for p in nlu_copy.glob("*.yml")} == before
    assert len(inbox(client, trainer)) == 1  # still there to decide on


def test_a_fallback_item_needs_the_trainer_to_choose_an_intent(client, trainer, trackers):
    item = unsure(client, trainer, trackers, "blablabla", {"intent": {"name": "nlu_fallback", "confidence": 0.4},
                                                            "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.4}],
                                                            "entities": []})
    refused = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    assert refused.status_code == 422


def test_the_same_words_enter_the_inbox_once(client, trainer, trackers):
    first = unsure(client, trainer, trackers)
    ended_conversation(client, trackers, (STORY.replace("Jan Verbeke", "Piet Janssens"), parse("tell_story", 0.45)))
    collect(client, trainer)
    assert [i["id"] for i in inbox(client, trainer)] == [first["id"]]  # same words once scrubbed
    client.post(f"/api/v1/trainers/inbox/{first['id']}/accept", headers=trainer)
    ended_conversation(client, trackers, (STORY, parse("tell_story", 0.3)))
    collect(client, trainer)
    assert inbox(client, trainer) == []  # decided on already


def test_an_example_already_in_the_data_is_not_written_twice(client, trainer, trackers, nlu_copy):
    path = nlu_copy / "triage_physical_violence.yml"
    existing = next(
        e for e in examples(path)
        if e["triage"] and e["triage"].get("urgency", "none") == "none" and e["intent"] == "tell_story"
    )
    triage = {"age_group": "unknown", "role": "unknown", **existing["triage"]}
    before = path.read_text(encoding="utf-8")
    item = unsure(client, trainer, trackers, existing["text"], parse(
        "tell_story", 0.45, theme=(triage["theme"], 0.9), age_group=(triage["age_group"], 0.9), role=(triage["role"], 0.9)))
    decided = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer).json()
    assert (decided["outcome"], decided["nlu_file"]) == ("duplicate", "triage_physical_violence.yml")
    assert path.read_text(encoding="utf-8") == before
    assert inbox(client, trainer) == []


def test_a_text_already_in_the_data_with_other_labels_is_refused(client, trainer, trackers, nlu_copy):
    existing = next(e for e in examples(nlu_copy / "triage_neglect.yml") if e["triage"])
    item = unsure(client, trainer, trackers, existing["text"].upper(), parse("tell_story", 0.4))
    refused = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    assert refused.status_code == 409 and refused.json()["error"] == "conflicting_example"
    assert "triage_neglect.yml" in refused.json()["message"]["nl"]


def test_a_held_out_text_is_never_added(client, trainer, trackers):
    item = unsure(client, trainer, trackers, "Dit zin staat in de testset", parse("tell_story", 0.4))
    refused = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    assert refused.status_code == 409 and refused.json()["error"] == "in_heldout"


def test_drop_deletes_without_writing(client, trainer, trackers, nlu_copy):
    before = {p.name: p.read_text(encoding="utf-8") for p in nlu_copy.glob("*.yml")}
    item = unsure(client, trainer, trackers)
    decided = client.post(f"/api/v1/trainers/inbox/{item['id']}/drop", headers=trainer).json()
    assert decided["outcome"] == "dropped"
    assert {p.name: p.read_text(encoding="utf-8") for p in nlu_copy.glob("*.yml")} == before
    assert inbox(client, trainer) == []


def test_annotations_export_for_the_model_comparison(client, trainer, trackers):
    accepted = unsure(client, trainer, trackers)
    client.post(f"/api/v1/trainers/inbox/{accepted['id']}/accept", headers=trainer)
    dropped = unsure(client, trainer, trackers, "iets anders", parse("tell_story", 0.3))
    client.post(f"/api/v1/trainers/inbox/{dropped['id']}/drop", headers=trainer)
    response = client.get("/api/v1/trainers/annotations", headers=trainer)
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert [(r["text"], r["intent"], r["theme"], r["urgency"]) for r in rows] == [
        (accepted["text"], "tell_story", "physical_violence", "none")
    ]
    later = client.get("/api/v1/trainers/annotations", params={"since": "2999-01-01T00:00:00+00:00"}, headers=trainer)
    assert later.text == ""


def test_the_cli_lists_accepts_corrects_drops_and_exports(
    client, trainer, trackers, nlu_copy, trainer_settings, database_url, capsys, tmp_path
):
    for text, score in (("eerste twijfel over mijn papa", 0.4), ("tweede twijfel, hij roept", 0.41), ("derde", 0.42)):
        ended_conversation(client, trackers, (text, parse("tell_story", score)))

    def admin(*argv) -> tuple[int, str]:
        code = admin_main(["inbox", *argv], make_settings(database_url), trainer_settings, trackers)
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    code, out = admin("collect")
    assert code == 0 and "3 nieuwe berichten" in out
    code, out = admin("list", "--json")
    items = {json.loads(line)["text"]: json.loads(line)["id"] for line in out.splitlines()}
    assert len(items) == 3
    code, out = admin("list")
    assert "intent onzeker" in out and "3 berichten in de inbox" in out
    code, out = admin("accept", items["eerste twijfel over mijn papa"], "--trainer", "npie_trainer")
    assert code == 0 and "toegevoegd aan triage_physical_violence.yml" in out
    code, out = admin("correct", items["tweede twijfel, hij roept"], "--theme", "psychological_violence")
    assert code == 0 and "triage_psychological_violence.yml" in out
    code, out = admin("drop", items["derde"])
    assert code == 0 and "verwijderd" in out
    code, out = admin("accept", "no-such-item")
    assert code == 2 and "niet (meer) in de inbox" in out
    code, out = admin("export", "--out", str(tmp_path / "annotated.jsonl"))
    assert code == 2 and "reports" in out  # exports live under reports/, purged with the inbox
    export = trainer_settings.exports_dir / "annotated.jsonl"
    code, _ = admin("export", "--out", str(export))
    rows = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    assert [(r["text"], r["theme"]) for r in rows] == [
        ("eerste twijfel over mijn papa", "physical_violence"),
        ("tweede twijfel, hij roept", "psychological_violence"),
    ]
    assert all(e["triage"] for e in examples(nlu_copy / "triage_psychological_violence.yml"))


def test_the_page_is_served_with_a_strict_policy(client):
    page = client.get("/trainers")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert "<script>" not in page.text and 'src="/trainers/trainers.js"' in page.text
    script = client.get("/trainers/trainers.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "innerHTML" not in script.text
    assert client.get("/trainers/../main.py").status_code == 404
    assert client.get("/trainers/index.html").status_code == 404


def test_models_and_charts_for_the_page(client, trainer, trainer_settings):
    trainer_settings.reports_dir.mkdir(parents=True)
    trainer_settings.models_dir.mkdir(parents=True)
    (trainer_settings.reports_dir / "summary.json").write_text(
        json.dumps({"candidate": "helpline-new", "live": "helpline-old", "ready": True, "changes": []}), encoding="utf-8"
    )
    (trainer_settings.reports_dir / "f1_theme.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    (trainer_settings.models_dir / "live.json").write_text(json.dumps({"model": "helpline-old"}), encoding="utf-8")
    info = client.get("/api/v1/trainers/models", headers=trainer).json()
    assert info["live"]["model"] == "helpline-old" and info["comparison"]["ready"] is True
    assert info["charts"] == ["f1_theme.png"]
    chart = client.get("/api/v1/trainers/charts/f1_theme.png", headers=trainer)
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/png"
    assert client.get("/api/v1/trainers/charts/summary.json", headers=trainer).status_code == 404
    assert client.get("/api/v1/trainers/charts/f1_theme.png").status_code == 401


def test_a_mistaken_accept_can_be_undone(client, trainer, trackers, nlu_copy, trainer_settings, database_url, capsys):
    before = (nlu_copy / "triage_physical_violence.yml").read_text(encoding="utf-8")
    item = unsure(client, trainer, trackers)
    client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    [latest] = client.get("/api/v1/trainers/decisions", headers=trainer).json()[:1]
    assert (latest["id"], latest["outcome"]) == (item["id"], "written")
    undone = client.post(f"/api/v1/trainers/decisions/{item['id']}/undo", headers=trainer)
    assert undone.status_code == 200 and undone.json()["outcome"] == "undone"
    assert (nlu_copy / "triage_physical_violence.yml").read_text(encoding="utf-8") == before
    assert client.get("/api/v1/trainers/annotations", headers=trainer).text == ""
    again = client.post(f"/api/v1/trainers/decisions/{item['id']}/undo", headers=trainer)
    assert again.status_code == 409
    # the CLI's twin
    second = unsure(client, trainer, trackers, "een ander verhaal over mijn buurman", parse("tell_story", 0.4))
    client.post(f"/api/v1/trainers/inbox/{second['id']}/accept", headers=trainer)
    assert admin_main(["inbox", "undo", second["id"]], make_settings(database_url), trainer_settings) == 0
    assert "teruggenomen uit triage_physical_violence.yml" in capsys.readouterr().out
    assert (nlu_copy / "triage_physical_violence.yml").read_text(encoding="utf-8") == before


def test_an_item_still_holding_personal_data_is_deleted_and_counted(client, trainer, trackers, nlu_copy):
    before = {p.name: p.read_text(encoding="utf-8") for p in nlu_copy.glob("*.yml")}
    item = unsure(client, trainer, trackers, "ik heb het aan kato gezegd maar ze lachte", parse("tell_story", 0.4))
    flagged = client.post(f"/api/v1/trainers/inbox/{item['id']}/personal-data", headers=trainer)
    assert flagged.status_code == 200
    assert (flagged.json()["decision"], flagged.json()["text"]) == ("personal_data", None)
    assert inbox(client, trainer) == []
    assert client.get("/api/v1/trainers/personal-data-reports", headers=trainer).json() == {"count": 1}
    assert client.get("/api/v1/trainers/annotations", headers=trainer).text == ""
    assert {p.name: p.read_text(encoding="utf-8") for p in nlu_copy.glob("*.yml")} == before
