"""Rasa's REST channel behind the same token as Rasa's HTTP API, and without visitor text in logs.

credentials.yml names `bot.channels.TokenRestInput`; its webhook stays `/webhooks/rest/webhook`.
The handoff API sends `Authorization: Bearer $RASA_AUTH_TOKEN` (the value `rasa run --auth-token`
gets); any other caller gets 401. Without a token set, every relay is refused.
"""
from __future__ import annotations

import hmac
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from bot import privacy_logging

privacy_logging.install()
logger = logging.getLogger(__name__)
TOKEN_VARIABLE = "RASA_AUTH_TOKEN"


class TokenRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TokenRestInput":
        return cls(token=(credentials or {}).get("token") or os.environ.get(TOKEN_VARIABLE, ""))

    def __init__(self, token: Text = "") -> None:
        self.token = token
        if not token:
            logger.error("%s is empty: the REST channel refuses every message", TOKEN_VARIABLE)

    def _authorised(self, request: Request) -> bool:
        provided = request.headers.get("Authorization", "")
        expected = f"Bearer {self.token}"
        return bool(self.token) and hmac.compare_digest(provided.encode(), expected.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.middleware("request")
        async def require_token(request: Request) -> Optional[response.HTTPResponse]:
            if not self._authorised(request):
                return response.json({"error": "invalid_token"}, status=401)
            return None

        return webhook
