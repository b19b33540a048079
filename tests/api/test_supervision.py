"""Supervisors, private notes, whispers, the access log, standard texts, the pushed desk and
typing signals; helpline isolation for all of it."""

import io

import pytest
from starlette.websockets import WebSocketDisconnect

from handoff_api.admin import main as admin_main

from .conftest import bearer, create_account, dump_database, login, make_settings
from .test_counsellors import STORY, db_scalar, queued_conversation
from .test_privacy_and_retention import age

NOTE = "Let op: ze noemde een broer van 15 die ook thuis woont."
WHISPER = "Vraag eens of ze vannacht ergens anders kan slapen."


@pytest.fixture
def staff(client, counsellors, database_url, monkeypatch) -> dict:
    """The counsellors, plus a supervisor of Nupraatikerover.be and one of Veilig Thuis, and
    Nupraatikerover.be's coordinator."""
    for username, helpline, command in [
        ("npie_sofie", "nupraatikerover", "create-supervisor"),
        ("vt_victor", "veiligthuis", "create-supervisor"),
        ("npie_coco", "nupraatikerover", "create-coordinator"),
    ]:
        create_account(database_url, monkeypatch, username, helpline, command)
    return {**counsellors, **{u: login(client, u) for u in ("npie_sofie", "vt_victor", "npie_coco")}}


def claimed(client, staff, who="npie_anna") -> str:
    cid = queued_conversation(client)["id"]
    assert client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=staff[who]).status_code == 200
    return cid


def test_a_supervisor_sees_the_queue_and_live_chats_read_only(client, staff):
    waiting = queued_conversation(client)["id"]
    cid = claimed(client, staff)
    sofie = staff["npie_sofie"]
    assert client.get("/api/v1/counsellor/me", headers=sofie).json()["role"] == "supervisor"
    queue = client.get("/api/v1/counsellor/queue", headers=sofie).json()["entries"]
    assert [e["conversation_id"] for e in queue] == [waiting]
    live = client.get("/api/v1/counsellor/live-conversations", headers=sofie).json()
    assert [(c["conversation_id"], c["counsellor_name"]) for c in live] == [(cid, "Anna")]
    assert (live[0]["theme"], live[0]["came_in_through"]) == ("sexual_violence", "Nupraatikerover.be")
    assert STORY not in str(live)  # a list reads no transcript
    detail = client.get(f"/api/v1/counsellor/conversations/{cid}", headers=sofie).json()
    assert STORY in [m["text"] for m in detail["transcript"]]
    # Read-only: no claim, no message to the visitor until invited.
    assert client.post(f"/api/v1/counsellor/conversations/{waiting}/claim", headers=sofie).status_code == 403
    said = client.post(f"/api/v1/counsellor/conversations/{cid}/messages", json={"text": "Hoi"}, headers=sofie)
    assert (said.status_code, said.json()["error"]) == (409, "not_in_conversation")
    # Counsellors do not see the supervisors' list.
    assert client.get("/api/v1/counsellor/live-conversations", headers=staff["npie_anna"]).status_code == 403


def test_a_supervisor_joins_when_invited(client, staff):
    cid = claimed(client, staff)
    invited = client.post(
        f"/api/v1/counsellor/conversations/{cid}/invite", json={"username": "npie_sofie"}, headers=staff["npie_anna"]
    )
    assert invited.status_code == 200
    said = client.post(
        f"/api/v1/counsellor/conversations/{cid}/messages", json={"text": "Hoi, ik ben Sofie."}, headers=staff["npie_sofie"]
    )
    assert said.status_code == 200 and said.json()["counsellor_name"] == "Sofie"


def test_every_supervisor_read_is_in_the_access_log_without_visitor_text(client, staff, database_url):
    cid = claimed(client, staff)
    sofie, anna = staff["npie_sofie"], staff["npie_anna"]
    client.get(f"/api/v1/counsellor/conversations/{cid}", headers=anna)  # counsellors are not logged
    client.get("/api/v1/counsellor/queue", headers=sofie)
    client.get("/api/v1/counsellor/live-conversations", headers=sofie)
    client.get(f"/api/v1/counsellor/conversations/{cid}", headers=sofie)
    with client.websocket_connect(f"/api/v1/counsellor/conversations/{cid}/live?after=99", headers=sofie):
        pass
    log = client.get("/api/v1/supervision/access-log?helpline=nupraatikerover", headers=staff["npie_coco"])
    assert log.status_code == 200
    lines = [(line["username"], line["action"], line["conversation_id"]) for line in log.json()["entries"]]
    assert lines == [
        ("npie_sofie", "watch_conversation", cid),
        ("npie_sofie", "view_conversation", cid),
        ("npie_sofie", "view_live", None),
        ("npie_sofie", "view_queue", None),
    ]
    assert all(line["at"] for line in log.json()["entries"]) and log.json()["total"] == 4
    assert db_scalar(database_url, "SELECT count(*) FROM access_log WHERE username = 'npie_anna'") == 0
    stored = db_scalar(
        database_url, "SELECT count(*) FROM access_log WHERE action LIKE :t OR username LIKE :t", t=f"%{STORY[:20]}%"
    )
    assert stored == 0 and STORY not in str(log.json())
    # Only a coordinator of that helpline reads it.
    assert client.get("/api/v1/supervision/access-log?helpline=nupraatikerover", headers=sofie).status_code == 403
    assert client.get("/api/v1/supervision/access-log?helpline=veiligthuis", headers=staff["npie_coco"]).status_code == 404


def test_a_note_and_a_whisper_never_reach_the_visitor(client, staff):
    conversation = queued_conversation(client)
    cid, visitor = conversation["id"], bearer(conversation["token"])
    base = f"/api/v1/counsellor/conversations/{cid}"
    anna, bart, sofie = staff["npie_anna"], staff["npie_bart"], staff["npie_sofie"]
    client.post(f"{base}/claim", headers=anna)
    last = client.get(f"/api/v1/conversations/{cid}", headers=visitor).json()["last_seq"]
    with client.websocket_connect(
        f"/api/v1/conversations/{cid}/live?after={last}", headers=visitor
    ) as visitor_socket, client.websocket_connect(f"{base}/live?after={last}", headers=anna) as anna_socket:
        note = client.post(f"{base}/notes", json={"text": NOTE}, headers=anna)
        whisper = client.post(f"{base}/whisper", json={"text": WHISPER}, headers=sofie)
        assert (note.status_code, whisper.status_code) == (201, 201)
        assert whisper.json()["kind"] == "whisper" and whisper.json()["author_name"] == "Sofie"
        client.post(f"{base}/messages", json={"text": "Ben je nu veilig?"}, headers=anna)
        # The counsellor's socket brings both; the visitor's only the message.
        seen = [anna_socket.receive_json() for _ in range(3)]
        assert sorted((f["type"], f.get("text")) for f in seen) == sorted(
            [("note", NOTE), ("note", WHISPER), ("message", "Ben je nu veilig?")]
        )
        frame = visitor_socket.receive_json()
        assert (frame["type"], frame["text"]) == ("message", "Ben je nu veilig?")
    for path in (f"/api/v1/conversations/{cid}", f"/api/v1/conversations/{cid}/messages"):
        answer = client.get(path, headers=visitor).text
        assert NOTE not in answer and WHISPER not in answer
    with client.websocket_connect(f"/api/v1/conversations/{cid}/live?after=0", headers=visitor) as replay:
        texts = [replay.receive_json()["text"] for _ in range(last + 1)]
    assert NOTE not in texts and WHISPER not in texts and "Ben je nu veilig?" in texts
    # The whisper: Anna (who has the chat) and Sofie (who wrote it); a colleague sees the note only.
    def notes(who):
        return [(n["kind"], n["text"]) for n in client.get(base, headers=staff[who]).json()["notes"]]

    assert notes("npie_anna") == notes("npie_sofie") == [("note", NOTE), ("whisper", WHISPER)]
    assert notes("npie_bart") == [("note", NOTE)]


def test_only_a_supervisor_whispers_and_only_to_a_counsellor_who_is_there(client, staff):
    waiting = queued_conversation(client)["id"]
    cid = claimed(client, staff)
    mine = client.post(f"/api/v1/counsellor/conversations/{cid}/whisper", json={"text": "x"}, headers=staff["npie_anna"])
    assert (mine.status_code, mine.json()["error"]) == (403, "not_a_supervisor")
    nobody = client.post(f"/api/v1/counsellor/conversations/{waiting}/whisper", json={"text": "x"}, headers=staff["npie_sofie"])
    assert (nobody.status_code, nobody.json()["error"]) == (409, "no_counsellor")
    empty = client.post(f"/api/v1/counsellor/conversations/{cid}/notes", json={"text": "  "}, headers=staff["npie_anna"])
    assert empty.status_code == 422 and empty.json()["message"]["nl"]
    coordinator = client.post(f"/api/v1/counsellor/conversations/{cid}/notes", json={"text": "x"}, headers=staff["npie_coco"])
    assert coordinator.status_code == 403


def test_another_helplines_conversation_is_404_for_supervisors_and_counsellors(client, staff):
    cid = claimed(client, staff)
    base = f"/api/v1/counsellor/conversations/{cid}"
    client.post(f"{base}/notes", json={"text": NOTE}, headers=staff["npie_anna"])
    for who in ("vt_victor", "vt_dirk"):
        headers = staff[who]
        assert client.get(base, headers=headers).status_code == 404
        assert client.post(f"{base}/notes", json={"text": "x"}, headers=headers).status_code == 404
        with pytest.raises(WebSocketDisconnect) as hidden:
            with client.websocket_connect(f"{base}/live", headers=headers) as socket:
                socket.receive_json()
        assert hidden.value.code == 4404
    assert client.post(f"{base}/whisper", json={"text": "x"}, headers=staff["vt_victor"]).status_code == 404
    live = client.get("/api/v1/counsellor/live-conversations", headers=staff["vt_victor"]).json()
    assert live == []
    assert client.get("/api/v1/counsellor/queue", headers=staff["vt_victor"]).json()["entries"] == []


def test_standard_texts_per_helpline_kept_by_its_supervisor(client, staff, database_url, monkeypatch, capsys):
    sofie, victor, anna = staff["npie_sofie"], staff["vt_victor"], staff["npie_anna"]
    added = client.post(
        "/api/v1/counsellor/standard-texts", json={"title": "Begroeting", "text": "Hoi, ik ben {naam}."}, headers=sofie
    )
    assert added.status_code == 201 and added.json()["helpline_id"] == "nupraatikerover"
    text_id = added.json()["id"]
    listed = client.get("/api/v1/counsellor/standard-texts", headers=anna).json()
    assert [(t["title"], t["text"]) for t in listed] == [("Begroeting", "Hoi, ik ben {naam}.")]
    assert client.get("/api/v1/counsellor/standard-texts", headers=staff["vt_dirk"]).json() == []
    refused = client.post("/api/v1/counsellor/standard-texts", json={"title": "x", "text": "y"}, headers=anna)
    assert refused.status_code == 403
    other = client.put(f"/api/v1/counsellor/standard-texts/{text_id}", json={"title": "x", "text": "y"}, headers=victor)
    assert other.status_code == 404
    assert client.delete(f"/api/v1/counsellor/standard-texts/{text_id}", headers=victor).status_code == 404
    elsewhere = client.post(
        "/api/v1/counsellor/standard-texts", json={"title": "x", "text": "y", "helpline_id": "1712"}, headers=sofie
    )
    assert elsewhere.status_code == 404
    changed = client.put(
        f"/api/v1/counsellor/standard-texts/{text_id}", json={"title": "Hallo", "text": "Dag, ik ben {naam}."}, headers=sofie
    )
    assert changed.json()["title"] == "Hallo"
    assert client.delete(f"/api/v1/counsellor/standard-texts/{text_id}", headers=sofie).status_code == 204
    # The operator's commands.
    settings = make_settings(database_url)
    assert admin_main(["standard-texts", "seed", "--helpline", "veiligthuis"], settings) == 0
    assert "added 4 standard texts" in capsys.readouterr().out
    titles = [t["title"] for t in client.get("/api/v1/counsellor/standard-texts", headers=staff["vt_dirk"]).json()]
    assert titles == ["Begroeting", "Veiligheid", "Doorverwijzen", "Afsluiten"]
    monkeypatch.setattr("sys.stdin", io.StringIO("Wil je ons later nog eens schrijven?\n"))
    assert admin_main(["standard-texts", "add", "--helpline", "veiligthuis", "--title", "Later"], settings) == 0
    assert admin_main(["standard-texts", "list", "--helpline", "veiligthuis"], settings) == 0
    assert "Later\tWil je ons later nog eens schrijven?" in capsys.readouterr().out
    assert admin_main(["standard-texts", "list", "--helpline", "nergens"], settings) == 2


def test_purge_deletes_notes_and_whispers_with_the_conversation(client, staff, database_url, capsys):
    cid = claimed(client, staff)
    base = f"/api/v1/counsellor/conversations/{cid}"
    client.post(f"{base}/notes", json={"text": NOTE}, headers=staff["npie_anna"])
    client.post(f"{base}/whisper", json={"text": WHISPER}, headers=staff["npie_sofie"])
    recent = claimed(client, staff, "npie_bart")
    client.post(f"/api/v1/counsellor/conversations/{recent}/notes", json={"text": "Nog te bewaren."}, headers=staff["npie_bart"])
    age(database_url, cid, days=31)
    assert admin_main(["purge"], make_settings(database_url)) == 0
    assert "purged 1 conversations" in capsys.readouterr().out
    stored = dump_database(database_url)
    assert NOTE not in stored and WHISPER not in stored and "Nog te bewaren." in stored
    assert db_scalar(database_url, "SELECT count(*) FROM staff_notes WHERE conversation_id = :c", c=cid) == 0


def test_purge_deletes_old_access_log_lines(client, staff, database_url, capsys):
    client.get("/api/v1/counsellor/queue", headers=staff["npie_sofie"])
    assert db_scalar(database_url, "SELECT count(*) FROM access_log") == 1
    assert admin_main(["purge", "--days", "0"], make_settings(database_url)) == 0
    assert "1 access log lines" in capsys.readouterr().out
    assert db_scalar(database_url, "SELECT count(*) FROM access_log") == 0


def test_the_desk_socket_pushes_a_new_handover_and_own_chats(client, staff):
    anna = staff["npie_anna"]
    with client.websocket_connect("/api/v1/counsellor/live", headers=anna) as desk:
        first = desk.receive_json()
        assert (first["type"], first["queue"], first["mine"]) == ("desk", [], [])
        assert "live" not in first
        cid = queued_conversation(client)["id"]  # handed over through the internal app
        pushed = desk.receive_json()
        while not pushed["queue"]:
            pushed = desk.receive_json()
        assert [e["conversation_id"] for e in pushed["queue"]] == [cid]
        client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
        pushed = desk.receive_json()
        while pushed["queue"]:
            pushed = desk.receive_json()
        assert [(c["conversation_id"], c["role"]) for c in pushed["mine"]] == [(cid, "owner")]
    with client.websocket_connect("/api/v1/counsellor/live", headers=staff["npie_sofie"]) as desk:
        live = desk.receive_json()["live"]
        assert [(c["conversation_id"], c["counsellor_name"]) for c in live] == [(cid, "Anna")]
    for headers, code in ((staff["npie_coco"], 4403), (bearer("wrong"), 4401)):
        with pytest.raises(WebSocketDisconnect) as refused:
            with client.websocket_connect("/api/v1/counsellor/live", headers=headers) as desk:
                desk.receive_json()
        assert refused.value.code == code


def test_typing_is_shown_both_ways_without_any_text(client, staff):
    conversation = queued_conversation(client)
    cid, visitor = conversation["id"], bearer(conversation["token"])
    anna = staff["npie_anna"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    last = client.get(f"/api/v1/conversations/{cid}", headers=visitor).json()["last_seq"]
    with client.websocket_connect(
        f"/api/v1/conversations/{cid}/live?after={last}", headers=visitor
    ) as visitor_socket, client.websocket_connect(
        f"/api/v1/counsellor/conversations/{cid}/live?after={last}", headers=anna
    ) as anna_socket:
        visitor_socket.send_json({"type": "typing", "text": "wat ik typ"})
        assert anna_socket.receive_json() == {"type": "typing", "who": "visitor"}
        anna_socket.send_json({"type": "typing"})
        assert visitor_socket.receive_json() == {"type": "typing", "who": "counsellor", "name": "Anna"}
        # A supervisor who only watches never shows as typing to the visitor.
        with client.websocket_connect(
            f"/api/v1/counsellor/conversations/{cid}/live?after={last}", headers=staff["npie_sofie"]
        ) as watching:
            watching.send_json({"type": "typing"})
            watching.send_json({"text": "Hoi"})
            frame = watching.receive_json()
            if frame["type"] == "typing":  # the visitor typed a moment ago: the watcher sees it too
                assert frame == {"type": "typing", "who": "visitor"}
                frame = watching.receive_json()
            assert frame["error"] == "not_in_conversation"
        client.post(f"/api/v1/counsellor/conversations/{cid}/messages", json={"text": "Ik ben er."}, headers=anna)
        assert visitor_socket.receive_json()["text"] == "Ik ben er."
