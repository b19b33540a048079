"""GET /healthz/relay keeps a new conversation's greeting apart from a visitor's message: the
greeting is a heavier turn, and mixed in it made the relay's call to Rasa look slower than the
same message sent straight to Rasa (make bench-load at 1 visitor)."""

from handoff_api.conversations.relay_counters import RelayCounters

from .conftest import bearer, start_conversation


def _post(client, conversation: dict, text: str) -> None:
    response = client.post(f"/api/v1/conversations/{conversation['id']}/messages", json={"text": text},
                           headers=bearer(conversation["token"]))
    assert response.status_code == 200, response.text


def test_a_greeting_is_timed_apart_from_the_visitors_messages(client, fake_rasa):
    conversation = start_conversation(client)
    _post(client, conversation, "hallo")
    _post(client, conversation, "ik wil iets vertellen")
    assert [call["message"] for call in fake_rasa.calls] == ["/greet", "hallo", "ik wil iets vertellen"]
    view = client.get("/healthz/relay").json()
    assert view["counts"]["answered"] == 3
    assert view["counts"]["greeting"] == 1
    assert view["rasa_seconds"]["samples"] == 2
    assert view["greeting_seconds"]["samples"] == 1


def test_last_counts_the_most_recent_samples_of_each_kind():
    counters = RelayCounters()
    for seconds in (0.1, 0.2, 0.3):
        counters.rasa_call(seconds, greeting=False)
    counters.rasa_call(0.9, greeting=True)
    view = counters.view([], last=2)
    assert view["rasa_seconds"] == {"p50": 0.3, "p95": 0.3, "samples": 2}
    assert view["greeting_seconds"] == {"p50": 0.9, "p95": 0.9, "samples": 1}
    assert view["counts"] == {"greeting": 1}
