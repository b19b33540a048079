"""The real client over real HTTP, against a small loopback server that speaks the contract."""
import asyncio
import socket

import pytest
from aiohttp import web

from actions.config import Settings
from actions.handoff_client import AlreadyBooked, HandoffClient, HandoffUnavailable, SlotTaken


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def with_server(handler, call):
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        client = HandoffClient(Settings(handoff_api_url=f"http://127.0.0.1:{port}", internal_token="s3cret",
                                        request_timeout_seconds=1.0))
        return await call(client)
    finally:
        await runner.cleanup()


def test_sends_the_token_and_the_query():
    seen = {}

    async def handler(request):
        seen.update(path=request.path, query=dict(request.query), token=request.headers.get("X-Internal-Token"))
        return web.json_response({"status": "open"})

    answer = asyncio.run(with_server(handler, lambda c: c.availability("nupraatikerover", "c-1")))
    assert answer == {"status": "open"}
    assert seen == {"path": "/internal/v1/availability", "token": "s3cret",
                    "query": {"entry_point": "nupraatikerover", "conversation_id": "c-1"}}


def test_posts_json_bodies():
    seen = {}

    async def handler(request):
        seen.update(path=request.path, body=await request.json())
        return web.json_response({"code": "AB12"}, status=201)

    asyncio.run(with_server(handler, lambda c: c.book_appointment("c-1", "1712", "2026-11-24T19:00:00+01:00")))
    assert seen == {"path": "/internal/v1/appointments",
                    "body": {"conversation_id": "c-1", "entry_point": "1712", "start": "2026-11-24T19:00:00+01:00"}}


def test_a_server_error_is_unavailable():
    async def handler(request):
        return web.Response(status=500, text="boom")

    with pytest.raises(HandoffUnavailable):
        asyncio.run(with_server(handler, lambda c: c.availability("1712", "c-1")))


def test_a_taken_slot_is_its_own_error():
    async def handler(request):
        return web.json_response({"detail": "taken"}, status=409)

    with pytest.raises(SlotTaken):
        asyncio.run(with_server(handler, lambda c: c.book_appointment("c-1", "1712", "x")))


def test_a_second_booking_and_a_lost_handoff_race_are_told_apart():
    async def handler(request):
        if request.path.endswith("/appointments"):
            return web.json_response({"error": "appointment_already_booked"}, status=409)
        return web.json_response({"error": "already_handed_over"}, status=409)

    with pytest.raises(AlreadyBooked):
        asyncio.run(with_server(handler, lambda c: c.book_appointment("c-1", "1712", "x")))
    with pytest.raises(HandoffUnavailable):
        asyncio.run(with_server(handler, lambda c: c.create_handoff({"conversation_id": "c-1"})))


def test_a_slow_server_times_out_as_unavailable():
    async def handler(request):
        await asyncio.sleep(3)
        return web.json_response({})

    with pytest.raises(HandoffUnavailable):
        asyncio.run(with_server(handler, lambda c: c.availability("1712", "c-1")))


def test_nothing_listening_is_unavailable():
    client = HandoffClient(Settings(handoff_api_url=f"http://127.0.0.1:{free_port()}", request_timeout_seconds=1.0))
    with pytest.raises(HandoffUnavailable):
        asyncio.run(client.availability("1712", "c-1"))
