"""The one place where the action server talks to the handoff API (see handoff_api/README.md)."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional

import aiohttp

from actions.config import Settings, settings

logger = logging.getLogger(__name__)


class HandoffUnavailable(Exception):
    """The handoff API could not be reached or gave an answer we cannot use."""


class SlotTaken(Exception):
    """The appointment slot was booked by someone else in the meantime."""


class AlreadyBooked(Exception):
    """This conversation has its appointment already (one per conversation)."""


class HandoffClient:
    def __init__(self, config: Settings) -> None:
        self._base = f"{config.handoff_api_url}/internal/v1"
        self._headers = {"X-Internal-Token": config.internal_token}
        self._timeout = aiohttp.ClientTimeout(total=config.request_timeout_seconds)

    async def availability(self, entry_point: str, conversation_id: str) -> Dict[str, Any]:
        return await self._request(
            "GET", "/availability", params={"entry_point": entry_point, "conversation_id": conversation_id}
        )

    async def create_handoff(self, handoff: Dict[str, Any]) -> Dict[str, Any]:
        return await self._request("POST", "/handoffs", json=handoff)

    async def appointment_slots(self, entry_point: str, conversation_id: str, limit: int = 5) -> List[Dict[str, Any]]:
        answer = await self._request(
            "GET",
            "/appointments/slots",
            params={"entry_point": entry_point, "conversation_id": conversation_id, "limit": str(limit)},
        )
        return answer["slots"]

    async def book_appointment(self, conversation_id: str, entry_point: str, start: str) -> Dict[str, Any]:
        return await self._request(
            "POST",
            "/appointments",
            json={"conversation_id": conversation_id, "entry_point": entry_point, "start": start},
        )

    async def email_request(
        self, conversation_id: str, entry_point: str, message: str, reply_to: Optional[str]
    ) -> Dict[str, Any]:
        return await self._request(
            "POST",
            "/email-requests",
            json={
                "conversation_id": conversation_id,
                "entry_point": entry_point,
                "message": message,
                "reply_to": reply_to,
            },
        )

    async def record_event(self, conversation_id: str, kind: str, urgency: Optional[str] = None) -> None:
        """Counted for the coordinators' statistics; a failure never changes what the bot says."""
        try:
            await self._request(
                "POST", "/events", json={"conversation_id": conversation_id, "kind": kind, "urgency": urgency}
            )
        except HandoffUnavailable:
            pass  # already logged by _request, without the visitor's text

    async def _request(self, method: str, path: str, **kwargs: Any) -> Dict[str, Any]:
        try:
            async with aiohttp.ClientSession(timeout=self._timeout, headers=self._headers) as session:
                async with session.request(method, self._base + path, **kwargs) as response:
                    if response.status == 409:
                        raise await _conflict(response, path)
                    if response.status >= 400:
                        body = await response.text()
                        raise HandoffUnavailable(f"{method} {path}: {response.status} {body[:200]}")
                    if response.status == 204:
                        return {}
                    return await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            logger.warning("Handoff API call %s %s failed: %s", method, path, error)
            raise HandoffUnavailable(f"{method} {path}: {error}") from error


async def _conflict(response: aiohttp.ClientResponse, path: str) -> Exception:
    try:
        code = (await response.json()).get("error")
    except (aiohttp.ClientError, ValueError, AttributeError):
        code = None
    if code == "appointment_already_booked":
        return AlreadyBooked(path)
    if path.startswith("/appointments"):
        return SlotTaken(path)
    return HandoffUnavailable(f"{path}: 409 {code}")


_client: Optional[HandoffClient] = None


def get_client() -> HandoffClient:
    global _client
    if _client is None:
        _client = HandoffClient(settings)
    return _client


def set_client(client: Optional[HandoffClient]) -> None:
    """Tests put a fake in place at this class boundary; None restores the real client."""
    global _client
    _client = client
