"""The console's live sockets: one per open conversation, and the desk (queue, own chats and,
for supervisors, the helpline's live chats), both pushed as things change."""

import asyncio
import json
import logging

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.concurrency import run_in_threadpool

from handoff_api.auth import bearer_token
from handoff_api.conversations.streaming import close_code, refuse, stream_conversation
from handoff_api.conversations.typing import typing_frames
from handoff_api.counsellors import access, accounts, service
from handoff_api.counsellors.models import Counsellor
from handoff_api.errors import ApiError, busy, describe_exception
from handoff_api.live import EVERY_CONVERSATION
from handoff_api.supervision import service as supervision

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1/counsellor", tags=["counsellor"])
# The desk also reads the database this often: handovers made by the internal app (another
# process) have no hub of ours to wake us.
DESK_RECHECK_SECONDS = 1.0
DESK_QUEUE_LIMIT = 200  # as the queue endpoint's default: the first entries, and the total


# Every read here goes through the read-only session: on SQLite a writing one begins BEGIN
# IMMEDIATE and so took the writers' lock, at every handshake, re-authorisation and pass (the
# desk's once a second per open desk). Only a supervisor's access-log line and what a frame
# stores go through the writing session.
def _socket_counsellor(websocket: WebSocket, token: str | None, conversation_id: str) -> str:
    """At the handshake: the account the token belongs to, who must see the conversation."""
    app = websocket.app
    with app.state.read_session_factory() as session:
        counsellor = accounts.authenticate(session, token)
        accounts.require_staff(counsellor)
        found = service.visible_conversation(session, app.state.catalog, counsellor, conversation_id)
    _log_read(app, counsellor, "watch_conversation", found)
    return counsellor.id


def _log_read(app, account: Counsellor, action: str, conversation=None) -> None:
    """A supervisor's read, logged through the writing session (the lock for that line only)."""
    if account.role == "supervisor":
        with app.state.session_factory() as writer:
            supervision.log_read(writer, account, action, conversation)


def _socket_still_allowed(app, token: str | None, counsellor_id: str, conversation_id: str) -> None:
    """Again and again while the socket is open (see streaming.py)."""
    with app.state.read_session_factory() as session:
        access.socket_counsellor(session, app.state.catalog, token, counsellor_id, conversation_id)


def _send_from_socket(app, counsellor_id: str, conversation_id: str, text: str) -> None:
    with app.state.session_factory() as session:
        counsellor = session.get(Counsellor, counsellor_id)
        conversation = service.visible_conversation(session, app.state.catalog, counsellor, conversation_id)
        service.send_message(session, conversation, counsellor, text)


def _error_frame(error: ApiError) -> dict:
    return {"type": "error", "error": error.code, "message": {"nl": error.nl, "en": error.en}}


def _typing_from_socket(app, counsellor_id: str, conversation_id: str) -> None:
    """Shown to the visitor only from a counsellor who is in the conversation."""
    with app.state.read_session_factory() as session:
        if not supervision.is_participant(session, conversation_id, counsellor_id):
            return
        name = session.get(Counsellor, counsellor_id).display_name
    app.state.typing.mark(conversation_id, "counsellor", name)
    app.state.live_hub.notify(conversation_id)


def _extras(app, counsellor_id: str, conversation_id: str):
    """The visitor's typing, and the notes and whispers this account may read, once each."""
    typed, last_note = [None], [0]

    def frames() -> list[dict]:
        with app.state.read_session_factory() as session:
            notes = supervision.notes_for(session, conversation_id, counsellor_id, last_note[0])
        if notes:
            last_note[0] = notes[-1]["id"]
        return typing_frames(app.state.typing, conversation_id, "visitor", typed) + [
            {"type": "note", **note} for note in notes
        ]

    return frames


@router.websocket("/conversations/{conversation_id}/live")
async def live(websocket: WebSocket, conversation_id: str, after: int = 0) -> None:
    """Every message as it happens (`?after=N` replays); send `{"text": ...}` to write,
    `{"type": "typing"}` while typing. Also `typing` frames of the visitor and `note` frames."""
    token = bearer_token(websocket)
    try:
        counsellor_id = await run_in_threadpool(_socket_counsellor, websocket, token, conversation_id)
    except ApiError as error:
        await refuse(websocket, error)
        return
    await websocket.accept()
    app = websocket.app
    limit = app.state.settings.max_message_chars

    async def on_frame(frame: dict) -> dict | None:
        if isinstance(frame, dict) and frame.get("type") == "typing":
            await run_in_threadpool(_typing_from_socket, app, counsellor_id, conversation_id)
            return None
        text = str(frame.get("text", "")).strip() if isinstance(frame, dict) else ""
        if not text or len(text) > limit:
            return {"type": "error", "error": "invalid_message"}
        try:
            await run_in_threadpool(_send_from_socket, app, counsellor_id, conversation_id, text)
        except (OperationalError, PoolTimeoutError) as exc:
            # A busy database answers the frame as the HTTP route answers 503: the counsellor
            # keeps the socket and sends again; the message was not stored.
            logger.warning("database busy in a counsellor's socket: %s", describe_exception(exc))
            return _error_frame(busy())
        except ApiError as error:
            return _error_frame(error)
        return None

    await stream_conversation(
        websocket,
        conversation_id,
        max(after, 0),
        lambda: _socket_still_allowed(app, token, counsellor_id, conversation_id),
        on_frame,
        _extras(app, counsellor_id, conversation_id),
        service.counsellor_messages,
    )


# --- the desk ---------------------------------------------------------------------------------
def _desk_account(app, token: str | None, account_id: str | None = None) -> Counsellor:
    with app.state.read_session_factory() as session:
        if account_id is not None:
            account = session.get(Counsellor, account_id)
            if account is None or not account.active:
                raise access.account_deactivated()
        account = accounts.authenticate(session, token)
        accounts.require_staff(account)
        return account


def _desk_handshake(app, token: str | None) -> Counsellor:
    account = _desk_account(app, token)
    _log_read(app, account, "watch_desk")
    return account


def _desk_snapshot(app, account_id: str) -> dict:
    with app.state.read_session_factory() as session:
        account = session.get(Counsellor, account_id)
        catalog = app.state.catalog
        queue = service.queue(session, catalog, account, DESK_QUEUE_LIMIT)
        snapshot = {
            "type": "desk",
            "queue": queue["entries"],
            "queue_total": queue["total"],
            "mine": service.my_conversations(session, account),
        }
        if account.role == "supervisor":
            snapshot["live"] = supervision.live_conversations(
                session, catalog, service.team_helplines(catalog, account)
            )
        return snapshot


@router.websocket("/live")
async def desk(websocket: WebSocket) -> None:
    """`{"type": "desk", "queue", "mine", "live"?}` at once and after every change (no polling
    by the page). Refusals and close codes as for a conversation's socket."""
    app = websocket.app
    token = bearer_token(websocket)
    try:
        account = await run_in_threadpool(_desk_handshake, app, token)
    except ApiError as error:
        await refuse(websocket, error)
        return
    await websocket.accept()
    event = app.state.live_hub.subscribe(EVERY_CONVERSATION)
    sender = asyncio.create_task(_desk_loop(websocket, app, token, account.id, event))
    receiver = asyncio.create_task(_drain(websocket))
    try:
        await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sender, receiver):
            task.cancel()
        app.state.live_hub.unsubscribe(EVERY_CONVERSATION, event)


async def _desk_loop(websocket: WebSocket, app, token: str | None, account_id: str, event) -> None:
    last = None
    while True:
        event.clear()
        try:
            await run_in_threadpool(_desk_account, app, token, account_id)
        except ApiError as error:
            try:
                await websocket.close(code=close_code(error), reason=error.code)
            except RuntimeError:
                pass
            return
        try:
            snapshot = await run_in_threadpool(_desk_snapshot, app, account_id)
        except Exception as error:  # never a silent desk: the page reconnects on 1011
            logger.error("desk snapshot failed: %s", type(error).__name__)
            await websocket.close(code=1011, reason="internal_error")
            return
        text = json.dumps(snapshot, sort_keys=True)
        if text != last:
            await websocket.send_text(text)
            last = text
        try:
            await asyncio.wait_for(event.wait(), timeout=DESK_RECHECK_SECONDS)
        except TimeoutError:
            pass


async def _drain(websocket: WebSocket) -> None:
    """The desk takes no frames; this notices the client leaving."""
    try:
        while True:
            await websocket.receive_text()
    except WebSocketDisconnect:
        return
