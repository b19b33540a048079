"""Counsellors: login, their own queue only, atomic claim, briefing, live chat, push, close."""

import threading

import pytest
from sqlalchemy import create_engine, text
from starlette.websockets import WebSocketDisconnect

from .conftest import (
    INTERNAL,
    PASSWORD,
    bearer,
    create_account,
    hand_off,
    labels,
    login,
    start_conversation,
)

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open, 1712 closed
MONDAY_MORNING = "2026-11-23T10:00:00+01:00"  # 1712 open
STORY = "Mijn stiefvader komt 's nachts in mijn kamer en ik durf het aan niemand te zeggen."


def queued_conversation(client, entry_point="nupraatikerover", moment=WEDNESDAY_EVENING, **kw):
    conversation = start_conversation(client, entry_point, simulated_now=moment)
    client.post(
        f"/api/v1/conversations/{conversation['id']}/messages",
        json={"text": STORY},
        headers=bearer(conversation["token"]),
    )
    outcome = hand_off(client, conversation["id"], entry_point, visitor_words=[STORY], **kw)
    assert outcome["outcome"] == "queued"
    return conversation


def db_scalar(database_url, sql, **params):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        value = connection.execute(text(sql), params).scalar_one()
    engine.dispose()
    return value


def test_login_refuses_a_wrong_password_and_stores_argon2_hashes(client, counsellors, database_url):
    wrong = client.post(
        "/api/v1/counsellor/login", json={"username": "npie_anna", "password": "nope"}
    )
    assert wrong.status_code == 401 and wrong.json()["message"]["en"]
    unknown = client.post(
        "/api/v1/counsellor/login", json={"username": "nobody", "password": PASSWORD}
    )
    assert unknown.status_code == 401
    stored = db_scalar(database_url, "SELECT password_hash FROM counsellors WHERE username='npie_anna'")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    token = counsellors["npie_anna"]["Authorization"].split()[1]
    assert db_scalar(database_url, "SELECT count(*) FROM counsellor_sessions WHERE token_hash = :t", t=token) == 0
    assert client.get("/api/v1/counsellor/me", headers=counsellors["npie_anna"]).json()[
        "helpline_id"
    ] == "nupraatikerover"


def test_logout_ends_the_token(client, counsellors):
    headers = counsellors["npie_anna"]
    assert client.post("/api/v1/counsellor/logout", headers=headers).status_code == 204
    assert client.get("/api/v1/counsellor/me", headers=headers).status_code == 401


def test_each_counsellor_sees_only_their_own_helplines_queue(client, counsellors):
    npie = queued_conversation(client)
    adult = queued_conversation(
        client, "seksueelgeweld", MONDAY_MORNING, labels=labels(age_group="adult")
    )
    anna = client.get("/api/v1/counsellor/queue", headers=counsellors["npie_anna"]).json()
    assert [e["conversation_id"] for e in anna["entries"]] == [npie["id"]]
    carla = client.get("/api/v1/counsellor/queue", headers=counsellors["team1712_carla"]).json()
    assert [(e["conversation_id"], e["helpline_id"]) for e in carla["entries"]] == [
        (adult["id"], "seksueelgeweld")
    ]
    dirk = client.get("/api/v1/counsellor/queue", headers=counsellors["vt_dirk"]).json()
    assert dirk["entries"] == []


def test_another_helplines_conversation_is_404(client, counsellors):
    conversation = queued_conversation(client)
    base = f"/api/v1/counsellor/conversations/{conversation['id']}"
    for method, path, body in [
        ("get", base, None),
        ("post", f"{base}/claim", None),
        ("post", f"{base}/messages", {"text": "hallo"}),
        ("post", f"{base}/close", {"main_theme": "other", "role": "victim", "age_group": "minor", "first_contact": True}),
    ]:
        response = client.request(method, path, json=body, headers=counsellors["vt_dirk"])
        assert response.status_code == 404, (path, response.text)
    assert client.get(base, headers=counsellors["npie_anna"]).status_code == 200
    assert client.get(base).status_code == 401


def test_claim_shows_the_briefing_with_the_visitors_own_words(client, counsellors):
    conversation = queued_conversation(
        client,
        qa=[
            {"question": "Hoe oud ben je?", "answer": "14"},
            {"question": "Ben je nu veilig?", "answer": "Ja, hij slaapt."},
        ],
        details={"recent_sexual_assault": True, "relation": "stiefvader"},
    )
    response = client.post(
        f"/api/v1/counsellor/conversations/{conversation['id']}/claim",
        headers=counsellors["npie_anna"],
    )
    assert response.status_code == 200, response.text
    detail = response.json()
    briefing = detail["briefing"]
    assert briefing["visitor_words"] == [STORY]
    assert briefing["age_group"]["value"] == "minor"
    theme = briefing["theme"]
    assert (theme["value"], theme["confidence"], theme["source"]) == ("sexual_violence", 0.9, "classifier")
    assert briefing["came_in_through"] == "Nupraatikerover.be"
    assert briefing["routing_reason"] == "Minderjarig. Nupraatikerover.be was open, 1712 was gesloten."
    assert (briefing["safe_now"], briefing["relation"]) == ("Ja, hij slaapt.", "stiefvader")
    assert briefing["recent_sexual_assault"] is True
    assert STORY in [m["text"] for m in detail["transcript"] if m["sender"] == "visitor"]
    assert detail["state"] == "human"
    assert detail["participants"] == [{"name": "Anna", "role": "owner"}]
    state = client.get(
        f"/api/v1/conversations/{conversation['id']}", headers=bearer(conversation["token"])
    ).json()
    assert state["state"] == "human"


def test_of_concurrent_claimers_exactly_one_wins(client, counsellors, database_url, monkeypatch):
    for name in ("npie_eva", "npie_fien", "npie_gert"):
        create_account(database_url, monkeypatch, name, "nupraatikerover")
    headers = [counsellors["npie_anna"], counsellors["npie_bart"]] + [
        login(client, name) for name in ("npie_eva", "npie_fien", "npie_gert")
    ]
    conversation = queued_conversation(client)
    barrier = threading.Barrier(len(headers))
    statuses: list[int] = []

    def claim(header):
        barrier.wait()
        response = client.post(
            f"/api/v1/counsellor/conversations/{conversation['id']}/claim", headers=header
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=claim, args=(h,)) for h in headers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200, 409, 409, 409, 409]
    owners = db_scalar(
        database_url,
        "SELECT count(*) FROM participants WHERE conversation_id = :c",
        c=conversation["id"],
    )
    assert owners == 1


def test_visitor_and_counsellor_chat_live_and_reconnect_replays(client, counsellors):
    conversation = queued_conversation(client)
    cid, visitor = conversation["id"], bearer(conversation["token"])
    anna = counsellors["npie_anna"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    last = client.get(f"/api/v1/conversations/{cid}", headers=visitor).json()["last_seq"]

    with client.websocket_connect(
        f"/api/v1/conversations/{cid}/live?after={last}", headers=visitor
    ) as visitor_socket, client.websocket_connect(
        f"/api/v1/counsellor/conversations/{cid}/live?after={last}", headers=anna
    ) as counsellor_socket:
        counsellor_socket.send_json({"text": "Hoi, ik ben Anna. Fijn dat je schrijft."})
        for socket in (visitor_socket, counsellor_socket):
            frame = socket.receive_json()
            assert (frame["seq"], frame["sender"], frame["counsellor_name"]) == (
                last + 1,
                "counsellor",
                "Anna",
            )
        reply = client.post(
            f"/api/v1/conversations/{cid}/messages", json={"text": "Hoi Anna"}, headers=visitor
        )
        assert reply.json()["messages"] == []
        for socket in (visitor_socket, counsellor_socket):
            frame = socket.receive_json()
            assert (frame["seq"], frame["sender"], frame["text"]) == (last + 2, "visitor", "Hoi Anna")

    with client.websocket_connect(
        f"/api/v1/conversations/{cid}/live?after={last}&token={conversation['token']}"
    ) as again:
        replayed = [again.receive_json()["seq"] for _ in range(2)]
    assert replayed == [last + 1, last + 2]


def test_live_socket_refuses_a_bad_token(client, counsellors):
    conversation = queued_conversation(client)
    with pytest.raises(WebSocketDisconnect) as refused:
        with client.websocket_connect(
            f"/api/v1/conversations/{conversation['id']}/live", headers=bearer("wrong")
        ) as socket:
            socket.receive_json()
    assert refused.value.code == 4401
    with pytest.raises(WebSocketDisconnect) as hidden:
        with client.websocket_connect(
            f"/api/v1/counsellor/conversations/{conversation['id']}/live",
            headers=counsellors["vt_dirk"],
        ) as socket:
            socket.receive_json()
    assert hidden.value.code == 4404


def test_transfer_with_a_note_read_before_claiming(client, counsellors):
    conversation = queued_conversation(client, moment="2026-11-25T15:00:00+01:00")
    cid = conversation["id"]
    anna, carla = counsellors["npie_anna"], counsellors["team1712_carla"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    assert client.get(f"/api/v1/counsellor/conversations/{cid}", headers=carla).status_code == 404
    note = "Meisje van 14, stiefvader. Ze wil vooral weten wat er gebeurt als ze het vertelt."
    moved = client.post(
        f"/api/v1/counsellor/conversations/{cid}/transfer",
        json={"to_helpline": "1712", "note": note},
        headers=anna,
    )
    assert moved.status_code == 200 and moved.json()["state"] == "queued"
    [entry] = client.get("/api/v1/counsellor/queue", headers=carla).json()["entries"]
    assert entry["conversation_id"] == cid
    assert entry["transfer_notes"][0]["note"] == note
    assert client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=carla).status_code == 200
    assert client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).status_code == 404
    visitor_view = client.get(
        f"/api/v1/conversations/{cid}/messages", headers=bearer(conversation["token"])
    ).json()["messages"]
    assert note not in [m["text"] for m in visitor_view]  # the note is for counsellors only


def test_invite_a_second_counsellor_into_the_conversation(client, counsellors):
    conversation = queued_conversation(client)
    cid = conversation["id"]
    anna, carla = counsellors["npie_anna"], counsellors["team1712_carla"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    invited = client.post(
        f"/api/v1/counsellor/conversations/{cid}/invite",
        json={"username": "team1712_carla"},
        headers=anna,
    )
    assert invited.status_code == 200
    sent = client.post(
        f"/api/v1/counsellor/conversations/{cid}/messages", json={"text": "Ik ben Carla van 1712."}, headers=carla
    )
    assert sent.status_code == 200
    detail = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).json()
    assert {p["name"] for p in detail["participants"]} == {"Anna", "Carla"}
    mine = client.get("/api/v1/counsellor/conversations", headers=carla).json()
    assert [(c["conversation_id"], c["role"]) for c in mine] == [(cid, "invited")]
    assert client.get("/api/v1/counsellor/conversations", headers=counsellors["npie_bart"]).json() == []


def test_close_with_a_registration_that_corrects_the_bot(client, counsellors, database_url):
    conversation = queued_conversation(client)
    cid = conversation["id"]
    anna = counsellors["npie_anna"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    closed = client.post(
        f"/api/v1/counsellor/conversations/{cid}/close",
        json={"main_theme": "physical_violence", "role": "victim", "age_group": "minor", "first_contact": True},
        headers=anna,
    )
    assert closed.status_code == 200
    assert closed.json()["bot_labels"]["theme"]["value"] == "sexual_violence"
    assert db_scalar(database_url, "SELECT main_theme FROM registrations") == "physical_violence"
    after = client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": "nog iets"}, headers=bearer(conversation["token"])
    )
    assert after.status_code == 409
    last = client.get(f"/api/v1/conversations/{cid}/messages", headers=bearer(conversation["token"])).json()
    assert "112" in last["messages"][-1]["text"]


def test_counsellor_answers_an_email_request_read_with_the_pickup_code(client, counsellors):
    conversation = start_conversation(client, simulated_now="2026-11-22T23:30:00+01:00")
    filed = client.post(
        "/internal/v1/email-requests",
        json={"conversation_id": conversation["id"], "entry_point": "nupraatikerover", "message": "Mag ik iets vragen?", "reply_to": None},
        headers=INTERNAL,
    ).json()
    [request] = client.get("/api/v1/counsellor/email-requests", headers=counsellors["npie_anna"]).json()
    assert request["needs_answer_here"] and request["message"] == "Mag ik iets vragen?"
    assert client.get("/api/v1/counsellor/email-requests", headers=counsellors["vt_dirk"]).json() == []
    answered = client.post(
        f"/api/v1/counsellor/email-requests/{request['id']}/answer",
        json={"text": "Natuurlijk. Schrijf maar."},
        headers=counsellors["npie_anna"],
    )
    assert answered.status_code == 200
    picked = client.post("/api/v1/email-requests/pickup", json={"code": filed["pickup_code"]}).json()
    assert (picked["status"], picked["reply"]) == ("answered", "Natuurlijk. Schrijf maar.")


def test_the_visitor_ends_the_conversation_and_the_counsellor_sees_it(client, counsellors):
    conversation = queued_conversation(client)
    cid, visitor = conversation["id"], bearer(conversation["token"])
    anna = counsellors["npie_anna"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    ended = client.post(f"/api/v1/conversations/{cid}/end", headers=visitor)
    assert ended.status_code == 200
    assert "112" in ended.json()["messages"][0]["text"]
    detail = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).json()
    assert detail["state"] == "closed" and detail["participants"] == []
    assert client.post(f"/api/v1/conversations/{cid}/end", headers=visitor).status_code == 409
    sent = client.post(f"/api/v1/counsellor/conversations/{cid}/messages", json={"text": "Ben je er nog?"}, headers=anna)
    assert sent.status_code == 409


@pytest.mark.parametrize("settings_overrides", [{"counsellor_token_hours": 0}])
def test_an_expired_login_is_refused(client, counsellors):
    assert client.get("/api/v1/counsellor/me", headers=counsellors["npie_anna"]).status_code == 401


def test_a_trainer_reads_no_queue_briefing_or_transcript(client, counsellors, database_url, monkeypatch):
    conversation = queued_conversation(client)
    create_account(database_url, monkeypatch, "npie_trainer", "nupraatikerover", "create-trainer")
    trainer = login(client, "npie_trainer")
    assert client.get("/api/v1/counsellor/me", headers=trainer).json()["role"] == "trainer"
    base = f"/api/v1/counsellor/conversations/{conversation['id']}"
    for method, path in [
        ("get", "/api/v1/counsellor/queue"),
        ("get", base),
        ("post", f"{base}/claim"),
        ("get", "/api/v1/counsellor/email-requests"),
    ]:
        response = client.request(method, path, headers=trainer)
        assert (response.status_code, response.json()["error"]) == (403, "not_a_counsellor"), path
    with pytest.raises(WebSocketDisconnect) as refused:
        with client.websocket_connect(f"{base}/live", headers=trainer) as socket:
            socket.receive_json()
    assert refused.value.code == 4403
    anna = counsellors["npie_anna"]
    client.post(f"{base}/claim", headers=anna)
    invited = client.post(f"{base}/invite", json={"username": "npie_trainer"}, headers=anna)
    assert invited.status_code == 404
    assert client.post("/api/v1/counsellor/logout", headers=trainer).status_code == 204


def test_the_briefing_names_each_labels_source_and_the_queue_card_the_helpline(client, counsellors):
    answered = labels()
    answered["age_group"] = {"value": "minor", "confidence": 1.0, "source": "visitor", "answered_with": "button"}
    conversation = queued_conversation(client, "1712", WEDNESDAY_EVENING, labels=answered)
    cid, anna = conversation["id"], counsellors["npie_anna"]
    [card] = client.get("/api/v1/counsellor/queue", headers=anna).json()["entries"]
    assert (card["helpline_name"], card["came_in_through"]) == ("Nupraatikerover.be", "1712")
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    briefing = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).json()["briefing"]
    assert (briefing["age_group"]["source"], briefing["age_group"]["answered_with"]) == ("visitor", "button")
    assert briefing["theme"]["source"] == "classifier"
    client.post(
        f"/api/v1/counsellor/conversations/{cid}/close",
        json={"main_theme": "physical_violence", "role": "victim", "age_group": "minor", "first_contact": True},
        headers=anna,
    )
    briefing = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna).json()["briefing"]
    theme = briefing["theme"]
    assert (theme["value"], theme["source"], theme["bot_value"], theme["confidence"]) == (
        "physical_violence", "counsellor", "sexual_violence", None
    )
