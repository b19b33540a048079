"""The scaled shape holds together: two API workers, two Rasa instances, PostgreSQL and Redis."""

import json
import threading
import time

import httpx
from websockets.sync.client import connect

from handoff_api.conversations.rasa_pinning import RasaPinning
from visitors import (MESSAGE_RATE, TIMEOUT, be_available, bearer, hand_off, is_a_way_forward, login, say, start,
                      transcript)


def _frames_until_quiet(socket_, quiet: float = 1.0) -> list[dict]:
    frames = []
    while True:
        try:
            frames.append(json.loads(socket_.recv(timeout=quiet)))
        except TimeoutError:
            return frames


def test_a_visitor_socket_on_one_worker_gets_the_counsellor_message_sent_through_the_other(scaled):
    worker_a, worker_b = scaled.api_urls
    conversation = start(worker_a)
    scaled.create_counsellor("anna")
    anna = login(worker_b, "anna")
    be_available(worker_b, anna)  # "open" needs a counsellor on duty, else nothing is queued
    hand_off(scaled, conversation)
    claimed = httpx.post(f"{worker_b}/api/v1/counsellor/conversations/{conversation['id']}/claim",
                         headers=anna, timeout=TIMEOUT)
    assert claimed.status_code == 200, claimed.text
    url = worker_a.replace("http://", "ws://") + f"/api/v1/conversations/{conversation['id']}/live"
    with connect(url, additional_headers=bearer(conversation["token"])) as socket_:
        replayed = _frames_until_quiet(socket_)  # the socket's first read: what came before
        assert replayed and all(frame["type"] == "message" for frame in replayed)
        sent = httpx.post(f"{worker_b}/api/v1/counsellor/conversations/{conversation['id']}/messages",
                          headers=anna, json={"text": "Hoi, ik ben Anna. Ik lees mee."}, timeout=TIMEOUT)
        assert sent.status_code == 200, sent.text
        # Worker A's streams read only when woken: this frame came through Redis from worker B.
        frame = json.loads(socket_.recv(timeout=30))
        assert (frame["sender"], frame["text"]) == ("counsellor", "Hoi, ik ben Anna. Ik lees mee.")
        assert frame["seq"] == sent.json()["seq"]


def test_the_message_rate_of_a_conversation_holds_across_the_workers(scaled):
    worker_a, worker_b = scaled.api_urls
    conversation = start(worker_a)
    statuses = [say(worker, conversation, f"bericht {n}").status_code
                for n, worker in enumerate([worker_a, worker_b] * ((MESSAGE_RATE + 2) // 2 + 1))]
    # Each worker alone would have let all of them through (fewer than the rate each).
    assert statuses[:MESSAGE_RATE] == [200] * MESSAGE_RATE
    assert set(statuses[MESSAGE_RATE:]) == {429}
    refused = say(worker_b, conversation, "nog een")
    assert refused.status_code == 429 and refused.json()["error"] == "rate_limited"


def test_a_claim_race_across_the_workers_has_one_winner(scaled):
    conversation = start(scaled.api_urls[0])
    names = [f"raceclaim{n}" for n in range(6)]
    for name in names:
        scaled.create_counsellor(name)
    tokens = [(scaled.api_urls[n % 2], login(scaled.api_urls[n % 2], name)) for n, name in enumerate(names)]
    for worker, headers in tokens:
        be_available(worker, headers)
    hand_off(scaled, conversation)
    barrier = threading.Barrier(len(tokens))
    statuses: list[int] = [0] * len(tokens)

    def claim(index: int, worker: str, headers: dict) -> None:
        barrier.wait()
        statuses[index] = httpx.post(f"{worker}/api/v1/counsellor/conversations/{conversation['id']}/claim",
                                     headers=headers, timeout=TIMEOUT).status_code

    threads = [threading.Thread(target=claim, args=(i, w, h)) for i, (w, h) in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT)
    assert sorted(statuses) == [200] + [409] * (len(tokens) - 1), statuses


def _pinned_conversation(scaled, rasa_url: str) -> dict:
    pool = RasaPinning(scaled.rasa_urls)
    for attempt in range(40):
        conversation = start(scaled.api_urls[attempt % 2])
        if pool.pinned(conversation["id"]) == rasa_url:
            return conversation
    raise AssertionError("no conversation pinned to that instance in 40 tries")


def _rasa_tracker(scaled, rasa_url: str, conversation_id: str) -> dict:
    response = httpx.get(f"{rasa_url}/conversations/{conversation_id}/tracker",
                         params={"token": scaled.rasa_token}, timeout=TIMEOUT)
    response.raise_for_status()
    return response.json()


def test_killing_its_rasa_instance_mid_conversation_loses_nothing(scaled):
    worker_a, worker_b = scaled.api_urls
    conversation = _pinned_conversation(scaled, scaled.rasa_urls[0])
    first = say(worker_a, conversation, "Hallo, ik wil iets vertellen.")
    assert first.status_code == 200 and is_a_way_forward(first.json()["messages"])
    in_flight: dict = {}
    sender = threading.Thread(target=lambda: in_flight.update(r=say(worker_b, conversation, "Thuis wordt er veel geroepen.")))
    sender.start()
    time.sleep(0.1)
    scaled.kill("rasa-1")  # kill -9, probably while it works on that message
    sender.join(timeout=TIMEOUT)
    texts = ["Hallo, ik wil iets vertellen.", "Thuis wordt er veel geroepen."]
    answers = [first, in_flight["r"]]
    for n, worker in enumerate([worker_a, worker_b, worker_a]):
        text = f"Ik ben twaalf. ({n})"
        answers.append(say(worker, conversation, text))
        texts.append(text)
    try:
        assert [answer.status_code for answer in answers] == [200] * len(answers)
        # The other instance carries on with the bot's own answers (not only the safe reply).
        assert all(any(m["sender"] == "bot" for m in answer.json()["messages"]) for answer in answers[2:])
        stored = [m["text"] for m in transcript(worker_b, conversation) if m["sender"] == "visitor"]
        assert all(text in stored for text in texts), stored
        # The same tracker, on the surviving instance: it knew what came before the kill.
        tracker = _rasa_tracker(scaled, scaled.rasa_urls[1], conversation["id"])
        said = {event.get("text") for event in tracker["events"] if event.get("event") == "user"}
        # Known gap: the message in flight at the kill is in the transcript (the counsellor reads
        # it) but can be missing from the bot's tracker when the instance died holding it.
        assert set(texts) - {"Thuis wordt er veel geroepen."} <= said, said
    finally:
        scaled.restart("rasa-1", wait=False)  # the resilience test waits for it
