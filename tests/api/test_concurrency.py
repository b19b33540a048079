"""Concurrent writers: sequence numbers stay unique, a slot's last seat is booked once."""

import threading

from .conftest import INTERNAL, bearer, hand_off, labels, start_conversation

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"


def run_together(calls) -> list:
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_simultaneous_messages_get_unique_consecutive_sequence_numbers(client):
    conversation = start_conversation(client)
    url = f"/api/v1/conversations/{conversation['id']}/messages"
    headers = bearer(conversation["token"])
    statuses = run_together(
        [lambda i=i: client.post(url, json={"text": f"m{i}"}, headers=headers).status_code for i in range(8)]
    )
    assert statuses == [200] * 8
    history = client.get(url, headers=headers).json()["messages"]
    assert [m["seq"] for m in history] == list(range(1, 18))  # greeting + 8 x (message, reply)
    assert sorted(m["text"] for m in history if m["sender"] == "visitor") == [f"m{i}" for i in range(8)]


def test_the_last_seat_of_a_slot_is_booked_exactly_once(client):
    conversations = [start_conversation(client, simulated_now=SUNDAY_NIGHT) for _ in range(4)]

    def book(conversation):
        return client.post(
            "/internal/v1/appointments",
            json={
                "conversation_id": conversation["id"],
                "entry_point": "nupraatikerover",
                "start": "2026-11-23T19:00:00+01:00",
            },
            headers=INTERNAL,
        ).status_code

    statuses = run_together([lambda c=c: book(c) for c in conversations])
    assert sorted(statuses) == [201, 409, 409, 409]


# --- state-guarded writes: a lost race is 409, never a lost update or a 500 -----------------
WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open
REGISTRATION = {"main_theme": "sexual_violence", "role": "victim", "age_group": "minor", "first_contact": True}
ROUNDS = 6  # each round is one race; the unguarded code lost at least one of them


def _claimed(client, counsellor) -> dict:
    conversation = start_conversation(client, simulated_now=WEDNESDAY_EVENING)
    hand_off(client, conversation["id"], "nupraatikerover")
    claim = client.post(f"/api/v1/counsellor/conversations/{conversation['id']}/claim", headers=counsellor)
    assert claim.status_code == 200, claim.text
    return conversation


def _state(client, conversation) -> str:
    return client.get(f"/api/v1/conversations/{conversation['id']}", headers=bearer(conversation["token"])).json()["state"]


def test_transfer_against_close_one_wins_the_other_gets_409(client, counsellors):
    anna = counsellors["npie_anna"]
    for _ in range(ROUNDS):
        conversation = _claimed(client, anna)
        base = f"/api/v1/counsellor/conversations/{conversation['id']}"
        transfer, close = run_together([
            lambda: client.post(f"{base}/transfer", json={"to_helpline": "1712", "note": "Voor jullie."}, headers=anna),
            lambda: client.post(f"{base}/close", json=REGISTRATION, headers=anna),
        ])
        # The loser lost the race (409), or came after a transfer that took the conversation
        # out of its helpline's sight (404).
        winner, loser = (transfer, close) if transfer.status_code == 200 else (close, transfer)
        assert winner.status_code == 200 and loser.status_code in (404, 409), (transfer.text, close.text)
        assert loser.json()["message"]["nl"] and loser.json()["message"]["en"]
        assert _state(client, conversation) == ("queued" if transfer.status_code == 200 else "closed")


def test_the_visitor_ending_against_a_transfer_always_ends_it(client, counsellors):
    anna = counsellors["npie_anna"]
    for _ in range(ROUNDS):
        conversation = _claimed(client, anna)
        cid = conversation["id"]
        end, transfer = run_together([
            lambda: client.post(f"/api/v1/conversations/{cid}/end", headers=bearer(conversation["token"])),
            lambda: client.post(
                f"/api/v1/counsellor/conversations/{cid}/transfer",
                json={"to_helpline": "1712", "note": "Voor jullie."}, headers=anna,
            ),
        ])
        assert end.status_code == 200, end.text
        assert transfer.status_code in (200, 409), transfer.text
        assert _state(client, conversation) == "closed"  # never back in a queue after leaving


def test_a_double_handoff_queues_once_and_answers_409(client, staffed):
    for _ in range(ROUNDS):
        conversation = start_conversation(client, simulated_now=WEDNESDAY_EVENING)
        body = {
            "conversation_id": conversation["id"],
            "entry_point": "nupraatikerover",
            "labels": labels(),
            "consent": True,
            "visitor_words": ["Mijn stiefvader doet dingen bij mij."],
            "qa": [],
            "details": {"recent_sexual_assault": False},
        }
        answers = run_together(
            [lambda: client.post("/internal/v1/handoffs", json=body, headers=INTERNAL) for _ in range(2)]
        )
        statuses = sorted(a.status_code for a in answers)
        # The first queues it; the second either lost the race (409) or came after (201, the same outcome).
        assert statuses in ([201, 409], [201, 201]), [a.text for a in answers]
        assert _state(client, conversation) == "queued"
