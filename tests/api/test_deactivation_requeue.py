"""A deactivated counsellor's open chats go back to the head of their helpline's queue: the
visitor is told in plain Dutch, the next counsellor finds a note (SQLite and PostgreSQL)."""

from sqlalchemy import create_engine, text

from handoff_api.admin import main as admin_main
from handoff_api.counsellors.access import _requeue, requeued_message
from handoff_api.counsellors.models import Counsellor
from handoff_api.db import make_session_factory
from handoff_api.helplines.catalog import load_catalog

from .conftest import bearer, hand_off, labels, make_settings, start_conversation

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open
REGISTRATION = {"main_theme": "sexual_violence", "role": "victim", "age_group": "minor", "first_contact": True}
ROUND_THE_CLOCK_START = "Ben je in gevaar? Bel meteen 112."


def queued(client, urgency="none") -> dict:
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    outcome = hand_off(client, conversation["id"], "nupraatikerover", labels=labels(urgency=urgency))
    assert outcome["outcome"] == "queued"
    return conversation


def claim(client, conversation, counsellor) -> None:
    response = client.post(f"/api/v1/counsellor/conversations/{conversation['id']}/claim", headers=counsellor)
    assert response.status_code == 200, response.text


def visitor_messages(client, conversation) -> list[dict]:
    response = client.get(
        f"/api/v1/conversations/{conversation['id']}/messages", headers=bearer(conversation["token"])
    )
    return response.json()["messages"]


def deactivate(database_url, username, capsys=None) -> str:
    assert admin_main(["deactivate", "--username", username], make_settings(database_url)) == 0
    return capsys.readouterr().out if capsys else ""


def queue_of(client, counsellor) -> list[dict]:
    return client.get("/api/v1/counsellor/queue", headers=counsellor).json()["entries"]


def test_an_open_chat_goes_back_to_the_head_of_the_queue(client, counsellors, database_url, capsys):
    anna, bart = counsellors["npie_anna"], counsellors["npie_bart"]
    mine = queued(client)
    claim(client, mine, anna)
    waiting_longer = queued(client)  # queued before the chat goes back: it still comes second
    assert "1 open chats back at the head" in deactivate(database_url, "npie_anna", capsys)

    entries = queue_of(client, bart)
    assert [e["conversation_id"] for e in entries] == [mine["id"], waiting_longer["id"]]
    assert [e["back_in_queue"] for e in entries] == [True, False]

    last = visitor_messages(client, mine)[-1]
    assert last["sender"] == "system"
    assert last["text"].startswith(
        "Je hulpverlener moest de chat verlaten. Je staat vooraan in de wachtrij. De eerste "
        "hulpverlener die vrij is, neemt je gesprek over en kan lezen wat je al vertelde: je "
        "hoeft je verhaal niet opnieuw te doen. " + ROUND_THE_CLOCK_START
    )

    detail = client.get(f"/api/v1/counsellor/conversations/{mine['id']}", headers=bart).json()
    assert detail["state"] == "queued" and detail["participants"] == []
    assert detail["briefing"]["back_in_queue"] is True
    [note] = [n for n in detail["notes"] if n["author_name"] == "Systeem"]
    assert note["kind"] == "note" and note["text"].startswith("Anna moest dit gesprek verlaten")
    assert last["text"] in [m["text"] for m in detail["transcript"]]

    claim(client, mine, bart)
    assert queue_of(client, bart)[0]["back_in_queue"] is False
    detail = client.get(f"/api/v1/counsellor/conversations/{mine['id']}", headers=bart).json()
    assert detail["briefing"]["back_in_queue"] is False
    assert [p["name"] for p in detail["participants"]] == ["Bart"]
    assert client.post(
        f"/api/v1/counsellor/conversations/{mine['id']}/messages", json={"text": "Ik ben er."}, headers=bart
    ).status_code == 200


def test_a_chat_in_acute_danger_stays_first_and_the_visitor_is_told_their_real_place(
    client, counsellors, database_url
):
    anna, bart = counsellors["npie_anna"], counsellors["npie_bart"]
    mine = queued(client)
    claim(client, mine, anna)
    danger = queued(client, urgency="acute_danger")
    deactivate(database_url, "npie_anna")
    assert [e["conversation_id"] for e in queue_of(client, bart)] == [danger["id"], mine["id"]]
    assert visitor_messages(client, mine)[-1]["text"].startswith(
        "Je hulpverlener moest de chat verlaten. Je staat op plaats 2 in de wachtrij, zo ver vooraan als kan."
    )


def test_only_open_chats_of_that_counsellor_move(client, counsellors, database_url):
    anna, bart = counsellors["npie_anna"], counsellors["npie_bart"]
    closed, barts, invited_into = queued(client), queued(client), queued(client)
    claim(client, closed, anna)
    assert client.post(f"/api/v1/counsellor/conversations/{closed['id']}/close", json=REGISTRATION,
                       headers=anna).status_code == 200
    claim(client, barts, bart)
    claim(client, invited_into, bart)
    assert client.post(f"/api/v1/counsellor/conversations/{invited_into['id']}/invite",
                       json={"username": "npie_anna"}, headers=bart).status_code == 200
    messages_before = {c["id"]: len(visitor_messages(client, c)) for c in (closed, barts, invited_into)}
    deactivate(database_url, "npie_anna")

    for conversation in (closed, barts, invited_into):
        assert len(visitor_messages(client, conversation)) == messages_before[conversation["id"]]
    assert client.get(f"/api/v1/counsellor/conversations/{closed['id']}", headers=bart).json()["state"] == "closed"
    detail = client.get(f"/api/v1/counsellor/conversations/{invited_into['id']}", headers=bart).json()
    assert detail["state"] == "human"
    assert [p["name"] for p in detail["participants"]] == ["Bart"]  # Anna is out of it
    assert queue_of(client, bart) == []


def test_the_move_is_state_guarded(client, counsellors, database_url):
    """A chat closed between the listing and the move is left as it is, with no message."""
    anna = counsellors["npie_anna"]
    mine = queued(client)
    claim(client, mine, anna)
    assert client.post(f"/api/v1/counsellor/conversations/{mine['id']}/close", json=REGISTRATION,
                       headers=anna).status_code == 200
    before = len(visitor_messages(client, mine))
    settings = make_settings(database_url)
    engine = create_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            account = session.query(Counsellor).filter_by(username="npie_anna").one()
            assert _requeue(session, load_catalog(settings.helplines_file), account, mine["id"]) is False
        with engine.connect() as connection:
            state = connection.execute(
                text("SELECT state, requeued_at FROM conversations WHERE id = :id"), {"id": mine["id"]}
            ).one()
    finally:
        engine.dispose()
    assert tuple(state) == ("closed", None)
    assert len(visitor_messages(client, mine)) == before


def test_the_visitor_message_is_true_about_the_place():
    assert "vooraan in de wachtrij." in requeued_message(1)
    assert "plaats 3" in requeued_message(3) and "vooraan in de wachtrij." not in requeued_message(3)
