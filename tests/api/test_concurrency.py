"""Concurrent writers: sequence numbers stay unique, a slot's last seat is booked once."""

import threading

from .conftest import INTERNAL, bearer, start_conversation

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
