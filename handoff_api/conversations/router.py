"""Visitor API: /api/v1/conversations (paths and bodies are a contract)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, WebSocket, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from handoff_api.auth import bearer_token
from handoff_api.conversations import consent, service
from handoff_api.conversations.models import Conversation
from handoff_api.conversations.relay import Relay
from handoff_api.conversations.relay_store import VisitorMessage
from handoff_api.conversations.schemas import (
    ConversationOut,
    CreateConversation,
    CreatedConversation,
    PostMessage,
    Replies,
)
from handoff_api.conversations.typing import typing_frames
from handoff_api.conversations.streaming import refuse, stream_conversation
from handoff_api.db import ReadSessionDep, SessionDep
from handoff_api.errors import ApiError
from handoff_api.helplines.service import CatalogDep
from handoff_api.ratelimit import limit_per_address

router = APIRouter(
    prefix="/api/v1/conversations",
    tags=["visitor"],
    dependencies=[Depends(limit_per_address)],
)
bearer = HTTPBearer(auto_error=False, description="The conversation token")


def visitor_conversation(
    conversation_id: str,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Conversation:
    token = credentials.credentials if credentials else None
    return service.authenticate_visitor(session, conversation_id, token)


VisitorConversation = Annotated[Conversation, Depends(visitor_conversation)]


def reading_visitor(
    conversation_id: str,
    session: ReadSessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Conversation:
    """As visitor_conversation, for a request that only reads (no writers' lock on SQLite)."""
    return visitor_conversation(conversation_id, session, credentials)


ReadingVisitor = Annotated[Conversation, Depends(reading_visitor)]


def _relay(request: Request) -> Relay:
    return request.app.state.relay


@router.post("", status_code=status.HTTP_201_CREATED, response_model=CreatedConversation)
async def create_conversation(body: CreateConversation, request: Request) -> dict:
    """Async: no worker thread or database connection is held while the bot greets."""
    return await _relay(request).new_conversation(body.entry_point, body.simulated_now)


@router.post("/{conversation_id}/messages", response_model=Replies)
async def post_message(
    conversation_id: str,
    body: PostMessage,
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> dict:
    """Async, like creation; a retry with the same `client_message_id` is stored once."""
    message = VisitorMessage(body.text, body.payload, body.client_message_id, body.simulated_now)
    token = credentials.credentials if credentials else None
    return {"messages": await _relay(request).visitor_message(conversation_id, token, message)}


@router.post("/{conversation_id}/end", response_model=Replies)
def end_conversation(
    conversation: VisitorConversation, session: SessionDep, catalog: CatalogDep
) -> dict:
    """The visitor ends the conversation (the counsellor sees it happen)."""
    return {"messages": [service.message_view(service.end_by_visitor(session, catalog, conversation))]}


@router.post("/{conversation_id}/share-story", response_model=Replies)
def share_story(conversation: VisitorConversation, session: SessionDep) -> dict:
    """"Toon wat ik aan de chatbot vertelde": the visitor lets counsellors read that part."""
    message = consent.share_story(session, conversation)
    return {"messages": [service.message_view(message)] if message else []}


@router.get("/{conversation_id}", response_model=ConversationOut)
def get_conversation(
    conversation: ReadingVisitor, session: ReadSessionDep, catalog: CatalogDep
) -> dict:
    return service.conversation_view(session, catalog, conversation)


@router.get("/{conversation_id}/messages", response_model=Replies)
def list_messages(
    conversation: ReadingVisitor,
    session: ReadSessionDep,
    after: Annotated[int, Query(ge=0, le=2**31)] = 0,
) -> dict:
    """Every message after sequence number `after` (for clients without a WebSocket)."""
    messages = service.messages_after(session, conversation.id, after)
    return {"messages": [service.message_view(m) for m in messages]}


def _authenticate_socket(websocket: WebSocket, conversation_id: str, token: str | None) -> None:
    """The token must still open the conversation (it stops at check-in, when a new one is issued)."""
    with websocket.app.state.read_session_factory() as session:
        service.authenticate_visitor(session, conversation_id, token)


@router.websocket("/{conversation_id}/live")
async def live(websocket: WebSocket, conversation_id: str, after: int = 0) -> None:
    """Every message of the conversation as it happens; `?after=N` replays what was missed."""
    token = bearer_token(websocket)
    try:
        await run_in_threadpool(_authenticate_socket, websocket, conversation_id, token)
    except ApiError as error:
        await refuse(websocket, error)
        return
    await websocket.accept()
    app = websocket.app

    async def on_frame(frame: dict) -> None:
        """Only `{"type": "typing"}` (no text: that is sent over HTTP), shown to the counsellor."""
        if isinstance(frame, dict) and frame.get("type") == "typing":
            app.state.typing.mark(conversation_id, "visitor")
            app.state.live_hub.notify(conversation_id)

    typed = [None]
    await stream_conversation(
        websocket,
        conversation_id,
        max(after, 0),
        lambda: _authenticate_socket(websocket, conversation_id, token),
        on_frame,
        lambda: typing_frames(app.state.typing, conversation_id, "counsellor", typed),
    )
