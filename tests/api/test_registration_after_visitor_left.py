"""A visitor who leaves (the end button or the quick exit) does not cost the helpline its
registration: a counsellor who was in the conversation still registers it, once."""

from .conftest import bearer, hand_off, start_conversation

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open
REGISTRATION = {"main_theme": "sexual_violence", "role": "victim", "age_group": "minor", "first_contact": True}


def test_a_conversation_the_visitor_ended_is_still_registered_once(client, counsellors):
    conversation = start_conversation(client, simulated_now=WEDNESDAY_EVENING)
    cid, visitor = conversation["id"], bearer(conversation["token"])
    hand_off(client, cid, "nupraatikerover")
    anna, bart = counsellors["npie_anna"], counsellors["npie_bart"]
    assert client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna).status_code == 200
    assert client.post(f"/api/v1/conversations/{cid}/end", headers=visitor).status_code == 200
    messages_before = client.get(f"/api/v1/conversations/{cid}/messages", headers=visitor).json()["messages"]

    url = f"/api/v1/counsellor/conversations/{cid}/close"
    assert client.post(url, json=REGISTRATION, headers=bart).status_code == 409  # never was in it
    closed = client.post(url, json=REGISTRATION, headers=anna)
    assert closed.status_code == 200, closed.text
    assert closed.json()["bot_labels"]["theme"]["value"] == "sexual_violence"
    again = client.post(url, json=REGISTRATION, headers=anna)
    assert again.status_code == 409 and again.json()["error"] == "already_registered"
    # No second closing notice for a visitor who is gone.
    after = client.get(f"/api/v1/conversations/{cid}/messages", headers=visitor).json()["messages"]
    assert after == messages_before
