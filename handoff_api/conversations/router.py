"""Visitor API: /api/v1/conversations (paths and bodies are a contract)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, WebSocket, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from handoff_api.auth import bearer_token
from handoff_api.conversations import consent, service
from handoff_api.conversations.models import Conversation
from handoff_api.conversations.rasa import RasaDep
from handoff_api.conversations.schemas import (
    ConversationOut,
    CreateConversation,
    CreatedConversation,
    PostMessage,
    Replies,
)
from handoff_api.conversations.typing import typing_frames
from handoff_api.conversations.streaming import refuse, stream_conversation
from handoff_api.db import SessionDep
from handoff_api.errors import ApiError
from handoff_api.helplines.service import CatalogDep
from handoff_api.dependencies import SettingsDep
from handoff_api.ratelimit import RateLimiterDep, limit_per_address

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


@router.post("", status_code=status.HTTP_201_CREATED, response_model=CreatedConversation)
def create_conversation(
    body: CreateConversation,
    session: SessionDep,
    settings: SettingsDep,
    catalog: CatalogDep,
    rasa: RasaDep,
) -> dict:
    conversation, token, replies = service.create_conversation(
        session, settings, catalog, rasa, body.entry_point, body.simulated_now
    )
    return {
        "id": conversation.id,
        "token": token,
        "state": conversation.state,
        "messages": [service.message_view(m) for m in replies],
    }


@router.post("/{conversation_id}/messages", response_model=Replies)
def post_message(
    body: PostMessage,
    conversation: VisitorConversation,
    session: SessionDep,
    settings: SettingsDep,
    catalog: CatalogDep,
    rasa: RasaDep,
    limiter: RateLimiterDep,
) -> dict:
    replies = service.post_visitor_message(
        session, settings, catalog, rasa, limiter, conversation, body.text, body.payload,
        body.simulated_now,
    )
    return {"messages": [service.message_view(m) for m in replies]}


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
    conversation: VisitorConversation, session: SessionDep, catalog: CatalogDep
) -> dict:
    return service.conversation_view(session, catalog, conversation)


@router.get("/{conversation_id}/messages", response_model=Replies)
def list_messages(
    conversation: VisitorConversation,
    session: SessionDep,
    after: Annotated[int, Query(ge=0, le=2**31)] = 0,
) -> dict:
    """Every message after sequence number `after` (for clients without a WebSocket)."""
    messages = service.messages_after(session, conversation.id, after)
    return {"messages": [service.message_view(m) for m in messages]}


def _authenticate_socket(websocket: WebSocket, conversation_id: str, token: str | None) -> None:
    """The token must still open the conversation (it stops at check-in, when a new one is issued)."""
    with websocket.app.state.session_factory() as session:
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
