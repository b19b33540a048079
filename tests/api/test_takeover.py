"""Take-over when asked (issue 13): the counsellor who has a chat asks, a supervisor of the team
takes it over and becomes its owner, the counsellor is released and can still read it; the
visitor reads only a neutral notice; without a request nobody takes a chat over."""

import threading

from .conftest import bearer, create_account, labels, login
from .test_counsellors import MONDAY_MORNING, db_scalar, queued_conversation
from .test_supervision import claimed, staff  # noqa: F401 (the fixture)

BASE = "/api/v1/counsellor/conversations"
INTERNALS = ("supervisor", "overna", "vraag van", "gevraagd", "Anna")


def ask(client, cid, headers):
    return client.post(f"{BASE}/{cid}/takeover-request", headers=headers)


def take_over(client, cid, headers):
    return client.post(f"{BASE}/{cid}/take-over", headers=headers)


def access_lines(client, staff, helpline="nupraatikerover", who="npie_coco") -> list[tuple]:
    page = client.get(f"/api/v1/supervision/access-log?helpline={helpline}", headers=staff[who]).json()
    return [(line["username"], line["action"], line["conversation_id"]) for line in page["entries"]]


def visitor_texts(client, conversation) -> list[str]:
    answer = client.get(f"/api/v1/conversations/{conversation['id']}/messages", headers=bearer(conversation["token"]))
    assert answer.status_code == 200
    return [m["text"] for m in answer.json()["messages"]]


def test_a_supervisor_takes_over_when_the_counsellor_asks(client, staff):
    conversation = queued_conversation(client)
    cid = conversation["id"]
    anna, sofie = staff["npie_anna"], staff["npie_sofie"]
    assert client.post(f"{BASE}/{cid}/claim", headers=anna).status_code == 200
    before = len(visitor_texts(client, conversation))
    assert client.get("/api/v1/counsellor/presence", headers=anna).json()["open_chats"] == 1

    asked = ask(client, cid, anna)
    assert asked.status_code == 201 and asked.json()["asked_by"] == "Anna"
    assert ask(client, cid, anna).json() == asked.json()  # asking twice is asking once
    live = client.get("/api/v1/counsellor/live-conversations", headers=sofie).json()
    assert [(c["conversation_id"], c["takeover_asked"]) for c in live] == [(cid, True)]
    assert client.get(f"{BASE}/{cid}", headers=sofie).json()["takeover"]["asked_by"] == "Anna"
    assert len(visitor_texts(client, conversation)) == before  # asking says nothing to the visitor

    taken = take_over(client, cid, sofie)
    assert taken.status_code == 200, taken.text
    assert taken.json()["participants"] == [{"name": "Sofie", "role": "owner"}]
    assert taken.json()["takeover"] is None
    said = client.post(f"{BASE}/{cid}/messages", json={"text": "Hoi, ik ben Sofie. Ik lees mee."}, headers=sofie)
    assert said.status_code == 200 and said.json()["counsellor_name"] == "Sofie"

    # Anna is released: no longer writes, the chat is not hers, but she can still read it.
    refused = client.post(f"{BASE}/{cid}/messages", json={"text": "Nog iets"}, headers=anna)
    assert (refused.status_code, refused.json()["error"]) == (409, "not_in_conversation")
    assert client.get("/api/v1/counsellor/conversations", headers=anna).json() == []
    assert client.get("/api/v1/counsellor/presence", headers=anna).json()["open_chats"] == 0
    read = client.get(f"{BASE}/{cid}", headers=anna).json()
    assert "Hoi, ik ben Sofie. Ik lees mee." in [m["text"] for m in read["transcript"]]
    assert [n["author_name"] for n in read["notes"]] == ["Systeem"]
    assert "Sofie nam dit gesprek over op vraag van Anna" in read["notes"][0]["text"]
    assert [(c["conversation_id"], c["role"]) for c in client.get("/api/v1/counsellor/conversations", headers=sofie).json()] == [(cid, "owner")]

    # The visitor: one neutral notice, nothing of who asked or why.
    texts = visitor_texts(client, conversation)[before:]
    assert texts[0] == (
        "Je praat nu verder met Sofie, een hulpverlener van Nupraatikerover.be. "
        "Sofie kan lezen wat jullie al schreven: je hoeft niets opnieuw te vertellen."
    )
    assert not any(word.lower() in texts[0].lower() for word in INTERNALS)
    assert "Systeem" not in str(texts)

    # Once taken over, there is nothing left to take; the supervisor closes and registers it.
    again = take_over(client, cid, sofie)
    assert (again.status_code, again.json()["error"]) == (409, "takeover_not_asked")
    registration = {"main_theme": "sexual_violence", "role": "victim", "age_group": "minor", "first_contact": True}
    assert client.post(f"{BASE}/{cid}/close", json=registration, headers=anna).status_code == 409
    assert client.post(f"{BASE}/{cid}/close", json=registration, headers=sofie).status_code == 200
    assert access_lines(client, staff)[:1] == [("npie_sofie", "takeover", cid)]
    assert ("npie_anna", "takeover_asked", cid) in access_lines(client, staff)


def test_without_a_request_no_supervisor_takes_over(client, staff):
    waiting = queued_conversation(client)["id"]
    cid = claimed(client, staff)
    anna, bart, sofie = staff["npie_anna"], staff["npie_bart"], staff["npie_sofie"]
    refused = take_over(client, cid, sofie)
    assert (refused.status_code, refused.json()["error"]) == (409, "takeover_not_asked")
    assert "vraagt" in refused.json()["message"]["nl"]
    assert take_over(client, waiting, sofie).status_code == 409  # a queued chat: claim it, not take it over
    # Only the counsellor who has it asks; a supervisor never asks; a colleague cannot take over.
    assert (ask(client, cid, bart).status_code, ask(client, cid, bart).json()["error"]) == (409, "not_the_owner")
    assert ask(client, cid, sofie).status_code == 403
    assert ask(client, cid, anna).status_code == 201
    colleague = take_over(client, cid, bart)
    assert (colleague.status_code, colleague.json()["error"]) == (403, "not_a_supervisor")
    assert colleague.json()["message"]["nl"] == "Dit kan alleen een supervisor."
    # Another helpline's supervisor does not see it, request or not.
    assert take_over(client, cid, staff["vt_victor"]).status_code == 404
    assert ask(client, cid, staff["vt_dirk"]).status_code == 404
    # Withdrawn: Anna goes on; the supervisor can no longer take over.
    assert client.delete(f"{BASE}/{cid}/takeover-request", headers=anna).status_code == 204
    assert client.get(f"{BASE}/{cid}", headers=sofie).json()["takeover"] is None
    assert take_over(client, cid, sofie).json()["error"] == "takeover_not_asked"
    assert client.post(f"{BASE}/{cid}/messages", json={"text": "Ik blijf bij je."}, headers=anna).status_code == 200
    lines = access_lines(client, staff)
    assert [line for line in lines if line[1].startswith("takeover")] == [
        ("npie_anna", "takeover_withdrawn", cid),
        ("npie_anna", "takeover_asked", cid),
    ]


def test_a_supervisor_who_joined_when_invited_takes_over_when_asked(client, staff):
    cid = claimed(client, staff)
    anna, sofie = staff["npie_anna"], staff["npie_sofie"]
    client.post(f"{BASE}/{cid}/invite", json={"username": "npie_sofie"}, headers=anna)
    registration = {"main_theme": "other", "role": "victim", "age_group": "minor", "first_contact": True}
    # Invited, a supervisor writes but does not close the counsellor's chat.
    invited_close = client.post(f"{BASE}/{cid}/close", json=registration, headers=sofie)
    assert (invited_close.status_code, invited_close.json()["error"]) == (403, "not_the_owner")
    ask(client, cid, anna)
    taken = take_over(client, cid, sofie)
    assert taken.status_code == 200 and taken.json()["participants"] == [{"name": "Sofie", "role": "owner"}]
    assert ("npie_sofie", "join", cid) in access_lines(client, staff)


def test_of_two_supervisors_taking_over_at_once_exactly_one_wins(client, staff, database_url, monkeypatch):
    create_account(database_url, monkeypatch, "npie_stijn", "nupraatikerover", "create-supervisor")
    cid = claimed(client, staff)
    ask(client, cid, staff["npie_anna"])
    headers = [staff["npie_sofie"], login(client, "npie_stijn")]
    barrier = threading.Barrier(len(headers))
    statuses: list[int] = []

    def attempt(header):
        barrier.wait()
        statuses.append(take_over(client, cid, header).status_code)

    threads = [threading.Thread(target=attempt, args=(h,)) for h in headers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200, 409]
    owners = db_scalar(
        database_url, "SELECT count(*) FROM participants WHERE conversation_id = :c AND active = :t", c=cid, t=True
    )
    notices = db_scalar(
        database_url, "SELECT count(*) FROM messages WHERE conversation_id = :c AND text LIKE :t", c=cid, t="Je praat nu verder%"
    )
    assert (owners, notices) == (1, 1)


def test_asking_without_a_supervisor_for_the_helpline_says_so(client, staff, database_url):
    adult = queued_conversation(client, "seksueelgeweld", MONDAY_MORNING, labels=labels(age_group="adult"))["id"]
    carla = staff["team1712_carla"]
    assert client.post(f"{BASE}/{adult}/claim", headers=carla).status_code == 200
    nobody = ask(client, adult, carla)
    assert (nobody.status_code, nobody.json()["error"]) == (409, "no_supervisor")
    assert "Nodig een collega uit" in nobody.json()["message"]["nl"]
    assert db_scalar(database_url, "SELECT count(*) FROM takeover_requests") == 0
