"""A visitor's "no" to passing on their story is kept on every path a counsellor reads."""

from handoff_api.conversations.rasa import BotReply

from .conftest import INTERNAL, bearer, hand_off, start_conversation

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open
SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"  # everything closed
STORY = "Mijn oom zit aan me als mijn ouders weg zijn en ik heet Lotte Peeters."
URGENT_ONLY = {"urgency": {"value": "suicide_risk", "confidence": 0.49, "source": "classifier"}}


def refused_handover(client, moment=WEDNESDAY_EVENING, labels=None) -> dict:
    """"Nee, liever niet", and a handover with only the urgency (the bot sends the whole
    briefing, see test_late_consent.py: either way a counsellor reads only the urgency)."""
    conversation = start_conversation(client, simulated_now=moment)
    visitor = bearer(conversation["token"])
    for text in (STORY, "Nee, liever niet"):
        sent = client.post(f"/api/v1/conversations/{conversation['id']}/messages", json={"text": text}, headers=visitor)
        assert sent.status_code == 200, sent.text
    hand_off(
        client, conversation["id"], "nupraatikerover", labels=labels or URGENT_ONLY, consent=False,
        visitor_words=[], qa=[], details={"recent_sexual_assault": False},
    )
    return conversation


def everything_a_counsellor_reads(client, headers, cid) -> str:
    detail = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=headers).json()
    queue = client.get("/api/v1/counsellor/queue", headers=headers).json()
    emails = client.get("/api/v1/counsellor/email-requests", headers=headers).json()
    return repr((detail, queue, emails))


def test_refused_consent_shows_no_word_from_the_bot_part(client, counsellors):
    conversation = refused_handover(client)
    cid, anna = conversation["id"], counsellors["npie_anna"]
    [card] = client.get("/api/v1/counsellor/queue", headers=anna).json()["entries"]
    assert (card["urgency"], card["theme"], card["age_group"]) == ("suicide_risk", None, None)
    detail = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).json()
    briefing = detail["briefing"]
    assert briefing["story_shared"] is False and briefing["consent"] is False
    assert "zelf te vertellen" in briefing["told_themselves"]
    assert {k: briefing["urgency"][k] for k in ("value", "confidence", "source")} == URGENT_ONLY["urgency"]
    assert (briefing["visitor_words"], briefing["qa"], briefing["theme"]) == ([], [], None)
    # the fake bot echoes every message: no bot line of that part is shown either
    assert detail["transcript"] == []
    assert "Lotte" not in everything_a_counsellor_reads(client, anna, cid)


def test_the_live_replay_starts_after_the_bot_part(client, counsellors):
    conversation = refused_handover(client)
    cid, anna, visitor = conversation["id"], counsellors["npie_anna"], bearer(conversation["token"])
    claimed = client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna).json()
    [notice] = claimed["transcript"]
    assert "kreeg die niet te lezen" in notice["text"]
    client.post(f"/api/v1/conversations/{cid}/messages", json={"text": "Hoi, ik ben er nog"}, headers=visitor)
    with client.websocket_connect(f"/api/v1/counsellor/conversations/{cid}/live?after=0", headers=anna) as socket:
        frames = [socket.receive_json() for _ in range(2)]
    assert [f["text"] for f in frames] == [notice["text"], "Hoi, ik ben er nog"]
    assert frames[0]["seq"] == notice["seq"] > 4
    with client.websocket_connect(f"/api/v1/conversations/{cid}/live?after=0", headers=visitor) as own:
        assert STORY in [own.receive_json()["text"] for _ in range(3)]  # the visitor's own view


def test_the_visitor_opens_the_story_from_the_chat(client, counsellors, fake_rasa):
    consent_buttons = [{"title": "Ja, dat mag", "payload": "/affirm"}, {"title": "Nee, liever niet", "payload": "/deny"}]
    fake_rasa.script[STORY] = [BotReply("Mag ik wat je schreef doorgeven?", consent_buttons)]
    conversation = refused_handover(client)
    cid, anna, visitor = conversation["id"], counsellors["npie_anna"], bearer(conversation["token"])
    state = client.get(f"/api/v1/conversations/{cid}", headers=visitor).json()
    assert state["story_shared"] is False
    assert client.post(f"/api/v1/conversations/{cid}/share-story").status_code == 401
    shared = client.post(f"/api/v1/conversations/{cid}/share-story", headers=visitor)
    assert shared.status_code == 200, shared.text
    assert "kan het nu lezen" in shared.json()["messages"][0]["text"]
    assert client.post(f"/api/v1/conversations/{cid}/share-story", headers=visitor).json() == {"messages": []}
    detail = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).json()
    assert detail["briefing"]["story_shared"] is True
    assert detail["briefing"]["visitor_words"] == [STORY]  # not the buttons they pressed
    assert STORY in [m["text"] for m in detail["transcript"]]
    assert client.get(f"/api/v1/conversations/{cid}", headers=visitor).json()["story_shared"] is True


def test_sharing_before_any_handover_is_refused_in_dutch(client):
    conversation = start_conversation(client, simulated_now=WEDNESDAY_EVENING)
    refused = client.post(
        f"/api/v1/conversations/{conversation['id']}/share-story", headers=bearer(conversation["token"])
    )
    assert refused.status_code == 409
    assert "nog niet doorgegeven" in refused.json()["message"]["nl"]


def test_a_closed_handover_then_an_appointment_keeps_the_no(client, counsellors):
    conversation = refused_handover(client, moment=SUNDAY_NIGHT)
    cid = conversation["id"]
    anna = counsellors["npie_anna"]
    assert "Lotte" not in repr(client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).json())
    booked = client.post(
        "/internal/v1/appointments",
        json={"conversation_id": cid, "entry_point": "nupraatikerover", "start": "2026-11-23T20:30:00+01:00"},
        headers=INTERNAL,
    ).json()
    back = client.post(
        "/api/v1/appointments/check-in", json={"code": booked["code"], "simulated_now": "2026-11-23T20:31:00+01:00"}
    ).json()
    assert back["state"] == "queued"
    read = everything_a_counsellor_reads(client, anna, cid)
    assert "Lotte" not in read and booked["code"] not in read
    visitor_view = client.get(f"/api/v1/conversations/{cid}/messages", headers=bearer(back["token"])).json()
    assert "niet te lezen" in visitor_view["messages"][-1]["text"]


def test_registration_returns_only_the_urgency_without_consent(client, counsellors):
    labels = {**URGENT_ONLY, "theme": {"value": "sexual_violence", "confidence": 0.9, "source": "classifier"}}
    conversation = refused_handover(client, labels=labels)
    cid, anna = conversation["id"], counsellors["npie_anna"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    closed = client.post(
        f"/api/v1/counsellor/conversations/{cid}/close",
        json={"main_theme": "other", "role": "victim", "age_group": "minor", "first_contact": True},
        headers=anna,
    )
    bot_labels = closed.json()["bot_labels"]
    assert list(bot_labels) == ["urgency"] and bot_labels["urgency"]["value"] == "suicide_risk"
