"""A later yes ("Toon wat ik aan de chatbot vertelde") gives the counsellor the briefing a yes in
time would have given: the visitor's words, answers and labels with their real source and
confidence. Until then, and after a no that stays, nothing from the part with the bot."""

from sqlalchemy import create_engine, select

from handoff_api.counsellors.models import Registration

from .conftest import bearer, hand_off, start_conversation

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open
STORY = "Mijn stiefvader Marc komt 's nachts aan me zitten, ik ben 15."
LABELS = {
    "theme": {"value": "sexual_violence", "confidence": 0.83, "source": "classifier"},
    "age_group": {"value": "minor", "confidence": None, "source": "visitor", "answered_with": "text", "age": 15},
    "role": {"value": "victim", "confidence": None, "source": "visitor", "answered_with": "button"},
    "urgency": {"value": "acute_danger", "confidence": 0.49, "source": "classifier"},
}
QA = [{"question": "Ben je nu veilig?", "answer": "Vannacht niet, denk ik."}]
DETAILS = {"recent_sexual_assault": False, "relation": "mijn stiefvader", "uncertain_labels": ["urgency"]}
# What the bot said and asked, and what the visitor answered: none of it without a yes.
STORY_KEYS = (
    "theme", "age_group", "role", "urgency", "visitor_words", "qa", "relation", "setting", "when",
    "safe_now", "asks_for", "recent_sexual_assault", "story_shared", "told_themselves", "consent",
)


def handed_over(client, consent: bool) -> dict:
    """The bot sends the whole briefing with the visitor's answer (actions/handover.py)."""
    conversation = start_conversation(client, simulated_now=WEDNESDAY_EVENING)
    sent = client.post(
        f"/api/v1/conversations/{conversation['id']}/messages", json={"text": STORY},
        headers=bearer(conversation["token"]),
    )
    assert sent.status_code == 200, sent.text
    outcome = hand_off(
        client, conversation["id"], "nupraatikerover", labels=LABELS, consent=consent,
        visitor_words=[STORY], qa=QA, details=DETAILS,
    )
    assert outcome["outcome"] == "queued"
    return conversation


def briefing(client, headers, cid) -> dict:
    return client.get(f"/api/v1/counsellor/conversations/{cid}", headers=headers).json()["briefing"]


def card(client, headers, cid) -> dict:
    entries = client.get("/api/v1/counsellor/queue", headers=headers).json()["entries"]
    return next(entry for entry in entries if entry["conversation_id"] == cid)


def test_a_late_yes_gives_the_briefing_of_a_yes_in_time(client, counsellors):
    anna = counsellors["npie_anna"]
    in_time = handed_over(client, consent=True)
    late = handed_over(client, consent=False)
    before = briefing(client, anna, late["id"])
    assert before["story_shared"] is False
    assert (before["theme"], before["age_group"], before["role"], before["visitor_words"], before["qa"]) == (
        None, None, None, [], []
    )
    assert (before["relation"], before["routing_reason"]) == (None, None)
    assert {k: before["urgency"][k] for k in ("value", "confidence", "source")} == LABELS["urgency"]
    assert (card(client, anna, late["id"])["theme"], card(client, anna, late["id"])["age_group"]) == (None, None)
    read = repr(client.get(f"/api/v1/counsellor/conversations/{late['id']}", headers=anna).json())
    assert "Marc" not in read and "stiefvader" not in read and "sexual_violence" not in read

    shared = client.post(f"/api/v1/conversations/{late['id']}/share-story", headers=bearer(late["token"]))
    assert shared.status_code == 200, shared.text

    expected, after = briefing(client, anna, in_time["id"]), briefing(client, anna, late["id"])
    assert {k: after[k] for k in STORY_KEYS} == {k: expected[k] for k in STORY_KEYS}
    assert after["visitor_words"] == [STORY] and after["qa"] == QA and after["relation"] == "mijn stiefvader"
    for name in ("theme", "age_group", "role"):  # each with its real source and confidence
        assert {k: after[name][k] for k in LABELS[name]} == LABELS[name], name
    assert after["urgency"]["confidence"] == 0.49  # the true figure
    late_card, in_time_card = card(client, anna, late["id"]), card(client, anna, in_time["id"])
    assert (late_card["theme"], late_card["age_group"]) == (in_time_card["theme"], in_time_card["age_group"])
    # The route was chosen before the yes, without what the visitor told: it says so.
    assert expected["routing_reason"].startswith("Minderjarig (15 jaar).")
    assert after["routing_reason"].startswith("Doorgestuurd zonder wat de bezoeker vertelde")
    assert "15" not in after["routing_reason"]


def test_a_no_that_stays_keeps_every_label_out_of_the_registration(client, counsellors, database_url):
    anna = counsellors["npie_anna"]
    refused = handed_over(client, consent=False)
    cid = refused["id"]
    claimed = client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    assert claimed.status_code == 200, claimed.text
    assert "Marc" not in claimed.text and "sexual_violence" not in claimed.text
    closed = client.post(
        f"/api/v1/counsellor/conversations/{cid}/close",
        json={"main_theme": "other", "role": "victim", "age_group": "minor", "first_contact": True},
        headers=anna,
    )
    assert closed.status_code == 200, closed.text
    assert set(closed.json()["bot_labels"]) == {"urgency"}
    engine = create_engine(database_url)
    with engine.connect() as connection:
        stored = connection.scalar(select(Registration.bot_labels).where(Registration.conversation_id == cid))
    engine.dispose()
    assert set(stored) == {"urgency"}  # the statistics keep only what the visitor agreed to


def test_routing_uses_only_what_the_visitor_agreed_to_share(client, counsellors):
    """A no: the route is the entry point's, as if the bot knew nothing; the visitor hears no
    reason built from what they told."""
    minor_at_1712 = {**LABELS, "urgency": {"value": "none", "confidence": 0.9, "source": "classifier"}}
    outcomes = {}
    for consent in (True, False):
        conversation = start_conversation(client, "1712", simulated_now=WEDNESDAY_EVENING)
        outcomes[consent] = hand_off(
            client, conversation["id"], "1712", labels=minor_at_1712, consent=consent,
            visitor_words=[STORY], qa=QA, details=DETAILS,
        )
        unlabelled = start_conversation(client, "1712", simulated_now=WEDNESDAY_EVENING)
        outcomes[(consent, "nothing")] = hand_off(
            client, unlabelled["id"], "1712", labels={"urgency": minor_at_1712["urgency"]}, consent=consent,
            visitor_words=[], qa=[], details={"recent_sexual_assault": False},
        )
    for key in ("outcome", "helpline", "move_sentence"):
        assert outcomes[False][key] == outcomes[(False, "nothing")][key], key
