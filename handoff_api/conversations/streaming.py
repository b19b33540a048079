"""Streams a conversation's messages over a WebSocket, with replay after `?after=N`."""

import asyncio
from collections.abc import Awaitable, Callable

from fastapi import WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from handoff_api.conversations.service import message_view, messages_after

POLL_SECONDS = 2.0


def _load_after(session_factory, conversation_id: str, after: int) -> list[dict]:
    with session_factory() as session:
        return [message_view(m) for m in messages_after(session, conversation_id, after)]


async def stream_conversation(
    websocket: WebSocket,
    conversation_id: str,
    after: int,
    on_frame: Callable[[dict], Awaitable[dict | None]] | None = None,
) -> None:
    """Sends every message after `after` as it happens; frames received go to `on_frame`."""
    app = websocket.app
    event = app.state.live_hub.subscribe(conversation_id)
    sender = asyncio.create_task(_send_loop(websocket, app, conversation_id, after, event))
    receiver = asyncio.create_task(_receive_loop(websocket, on_frame))
    try:
        await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sender, receiver):
            task.cancel()
        app.state.live_hub.unsubscribe(conversation_id, event)


async def _send_loop(websocket, app, conversation_id: str, after: int, event) -> None:
    last_seq = after
    while True:
        event.clear()
        messages = await run_in_threadpool(
            _load_after, app.state.session_factory, conversation_id, last_seq
        )
        for message in messages:
            await websocket.send_json({"type": "message", **message})
            last_seq = message["seq"]
        try:
            await asyncio.wait_for(event.wait(), timeout=POLL_SECONDS)
        except TimeoutError:
            pass


async def _receive_loop(websocket: WebSocket, on_frame) -> None:
    try:
        while True:
            frame = await websocket.receive_json()
            if on_frame is None:
                continue
            answer = await on_frame(frame)
            if answer is not None:
                await websocket.send_json(answer)
    except (WebSocketDisconnect, ValueError, KeyError):
        return
